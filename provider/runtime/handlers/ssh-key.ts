import { z } from "zod";
import type { SshKey } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import { createAndReadBack, gone, metaShape, settle, unlessNotFound } from "./common";

const KEY_TYPE = /^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9-]+@openssh\.com)$/;

/** The key type and blob of an OpenSSH public key line; the comment is not part of the key. */
const keyOf = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(" ");

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

const inputs = z.object({
  label: z
    .string()
    .min(1, "label is required")
    .regex(/^\w*$/, {
      error: (issue) =>
        `label may contain only letters, digits and underscores (Acquia's rule); try "${fixedLabel(issue.input)}"`,
    }),
  publicKey: z
    .string()
    .transform((k) => k.trim())
    .refine(
      isPublicKeyLine,
      'publicKey must be one OpenSSH public key line such as "ssh-ed25519 AAAAC3Nza… me@laptop" ' +
        "(the contents of the .pub file, never the private key)",
    )
    // The comment is not part of the key: editing it must not replace (delete and re-add) the key.
    .transform(keyOf),
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;
export interface SshKeyOutputs extends Inputs {
  sshKeyUuid: string;
  fingerprint?: string;
  createdAt?: string;
}

function outsOf(p: Inputs, key: SshKey): SshKeyOutputs {
  return {
    ...p,
    label: key.label,
    publicKey: keyOf(key.public_key),
    sshKeyUuid: key.uuid,
    ...(key.fingerprint ? { fingerprint: key.fingerprint } : {}),
    ...(key.created_at ? { createdAt: key.created_at } : {}),
  };
}

async function byLabel(ctx: Context, p: Inputs): Promise<SshKeyOutputs | undefined> {
  const key = await ctx.client.sshKeys.findByLabel(p.label);
  return key && outsOf(p, key);
}

/** An SSH key of the account that owns the API key. Acquia cannot edit keys: every input replaces. */
export const sshKeyHandler: ResourceHandler<Inputs, SshKeyOutputs> = {
  kind: "SshKey",
  inputs,
  replaceOn: ["label", "publicKey"],
  // Acquia refuses a second key with the same label or the same public key.
  deleteBeforeReplace: true,

  async find(ctx, p) {
    const outs = await byLabel(ctx, p);
    return outs && { id: outs.sshKeyUuid, outs };
  },

  async create(ctx, p) {
    const outs = await createAndReadBack(
      ctx,
      `SSH key ${p.label}`,
      "sshKey",
      () => ctx.client.sshKeys.create({ label: p.label, public_key: p.publicKey }),
      // After an unknown outcome only our own key counts: the same label with another key is a conflict.
      async () => {
        const found = await byLabel(ctx, p);
        return found && keyOf(found.publicKey) === keyOf(p.publicKey) ? found : undefined;
      },
    );
    return { id: outs.sshKeyUuid, outs };
  },

  async read(ctx, id, props) {
    const key = await unlessNotFound(ctx.client.sshKeys.get(props.sshKeyUuid ?? id));
    return key && outsOf(props, key);
  },

  // The key belongs to the account of the credentials themselves: a 404 means it is gone.
  parentVisible: async () => true,

  async update(_ctx, _id, olds, news) {
    // Reached only when adopting: label and publicKey replace otherwise.
    if (keyOf(olds.publicKey) !== keyOf(news.publicKey)) {
      throw new Error(
        `SSH key "${news.label}" exists in Acquia with another public key, and Acquia cannot edit keys: ` +
          "delete it there, or give this key another label",
      );
    }
    return { ...olds, ...news };
  },

  async delete(ctx, id, props) {
    const uuid = props.sshKeyUuid ?? id;
    await settle(
      ctx,
      ctx.client.sshKeys.delete(uuid),
      gone(() => unlessNotFound(ctx.client.sshKeys.get(uuid))),
    );
  },
};
