import { z } from "zod";
import { defineKind } from "../kind";

const KEY_TYPE = /^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9-]+@openssh\.com)$/;

/** The key type and blob of an OpenSSH public key line; the comment is not part of the key. */
export const keyOf = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(" ");

/** The type name a key blob starts with (an SSH string: a 4-byte length, then the bytes). */
function blobType(blob: string): string {
  const bytes = Buffer.from(blob, "base64");
  return bytes.length < 4 ? "" : bytes.subarray(4, 4 + bytes.readUInt32BE(0)).toString("latin1");
}

/**
 * Only the shape is checked here. Which types and sizes Acquia takes (its spec says RSA of at least
 * 4096 bits, it also takes Ed25519) is Acquia's call: its own message surfaces on create.
 */
function isPublicKeyLine(line: string): boolean {
  const [type = "", blob = ""] = line.split(/[ \t]+/);
  return (
    !/[\r\n]/.test(line) &&
    KEY_TYPE.test(type) &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(blob) &&
    // A blob naming another type is a key cut short or pasted from the wrong place.
    blobType(blob) === type
  );
}

/** Acquia's rule for labels, applied to what was given: the fix to suggest. */
const fixedLabel = (input: unknown) => String(input).replace(/\W/g, "_");

export const kind = defineKind({
  name: "SshKey",
  description: "An SSH key of the Acquia account that owns the API key.",
  inputs: z.object({
    label: z
      .string()
      .min(1, "label is required")
      .regex(/^\w*$/, {
        error: (issue) =>
          `label may contain only letters, digits and underscores (Acquia's rule); try "${fixedLabel(issue.input)}"`,
      })
      .describe("Letters, digits and underscores; unique per account."),
    publicKey: z
      .string()
      .transform((k) => k.trim())
      .refine(
        isPublicKeyLine,
        'publicKey must be one OpenSSH public key line such as "ssh-ed25519 AAAAC3Nza… me@laptop" ' +
          "(the contents of the .pub file, never the private key)",
      )
      // The comment is not part of the key: editing it must not replace (delete and re-add) the key.
      .transform(keyOf)
      .describe(
        "One OpenSSH public key line, e.g. the contents of `id_ed25519.pub`. Acquia decides which types and " +
          "sizes it takes (its spec asks for RSA of at least 4096 bits).",
      ),
  }),
  outputs: z.object({
    sshKeyUuid: z.string().describe("Acquia's id of the key (also the resource id)."),
    fingerprint: z.string().optional().describe("MD5 fingerprint as Acquia shows it."),
    createdAt: z.string().optional().describe("When the key was added."),
  }),
  secrets: [],
  replaceOn: ["label", "publicKey"],
  // Acquia refuses a second key with the same label or the same public key.
  deleteBeforeReplace: true,
  // Acquia refuses a second key with either the same label or the same key.
  naturalKey: ["label", "publicKey"],
  idFormat: "<sshKeyUuid>",
  notes: "Replaced by deleting first: keys cannot be edited, and label and key are each unique per account.",
});
