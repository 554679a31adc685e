import { X509Certificate, createHash, createPrivateKey, type KeyObject } from "node:crypto";
import { z } from "zod";
import { environmentId } from "../fields";
import { defineKind } from "../kind";
import { containsUnknown } from "../unknowns";

export const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** The certificates of PEM blocks, or undefined when one does not parse. */
export function parsed(blocks: string[]): X509Certificate[] | undefined {
  try {
    return blocks.map((b) => new X509Certificate(b));
  } catch {
    return undefined;
  }
}

const digest8 = (pem: string) =>
  createHash("sha256")
    .update(Buffer.concat((parsed(pem.match(CERTIFICATE_BLOCK) ?? []) ?? []).map((c) => c.raw)))
    .digest("hex")
    .slice(0, 8);

/**
 * The label sent to Acquia, which requires labels unique per environment: old and new certificate
 * coexist during a replacement, so it carries the certificate's SHA-256 fingerprint (and the chain's
 * digest, so a new chain alone also gets a new label). Deterministic, so a lost create is found again,
 * and shared with `discover`, which recognises certificates a stack installed by it.
 */
export function acquiaLabelOf(p: {
  label: string;
  certificate: string;
  caCertificates?: string | undefined;
}): string {
  return `${p.label}-${digest8(p.certificate)}${p.caCertificates ? `-${digest8(p.caCertificates)}` : ""}`;
}

/** The key, or undefined; node's own error is dropped because it may quote the key. */
function keyObject(pem: string): KeyObject | undefined {
  if (!PRIVATE_KEY_BLOCK.test(pem)) return undefined;
  try {
    return createPrivateKey(pem);
  } catch {
    return undefined;
  }
}

function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

// Certificates are stored in node's canonical PEM, so re-wrapped or CRLF text is no change.
const certificate = z.string().transform((pem, ctx) => {
  if (PRIVATE_KEY_BLOCK.test(pem))
    return fail(ctx, "certificate contains a private key: pass the key as privateKey, which is kept secret");
  const blocks = pem.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length > 1)
    return fail(
      ctx,
      "certificate must hold only the site's certificate: put intermediates in caCertificates",
    );
  const [cert] = parsed(blocks) ?? [];
  if (!cert) return fail(ctx, "certificate must be a PEM X.509 certificate (-----BEGIN CERTIFICATE----- …)");
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() <= Date.now())
    return fail(
      ctx,
      `certificate expired on ${notAfter.toISOString()}: renew it, then set certificate and privateKey to the new pair`,
    );
  return cert.toString();
});

const caCertificates = z
  .string()
  .optional()
  .transform((pem, ctx) => {
    if (pem === undefined || pem.trim() === "") return undefined;
    if (PRIVATE_KEY_BLOCK.test(pem))
      return fail(ctx, "caCertificates contains a private key: pass only the CA's certificates");
    const chain = parsed(pem.match(CERTIFICATE_BLOCK) ?? []);
    if (!chain?.length)
      return fail(
        ctx,
        "caCertificates must be PEM X.509 certificates (the intermediate chain), one after another",
      );
    return chain.map((c) => c.toString()).join("");
  });

export const kind = defineKind({
  name: "SslCertificate",
  description:
    "An SSL (SNI) certificate installed on an Acquia environment. Acquia cannot edit an installed " +
    "certificate, so a new `certificate`, `caCertificates`, `label` or `environmentId` replaces it: the new " +
    "one is installed and activated before the old one is deactivated and removed, so the environment is " +
    "never without a certificate. The label Acquia gets (`acquiaLabel`) is `<label>-<first 8 hex digits of " +
    "the certificate's SHA-256>` (plus `-<8 hex digits of the chain's SHA-256>` when `caCertificates` is set), " +
    "so old and new can coexist; it is deterministic, so `adopt` and retries find the certificate by it. " +
    "An environment serves one certificate at a time: activating one deactivates the others. Deleting " +
    "deactivates the certificate first, as Acquia refuses to remove the active one.",
  inputs: z
    .object({
      environmentId: environmentId.describe("The environment, e.g. from getEnvironment."),
      label: z
        .string()
        .trim()
        .min(1, "label is required")
        .describe("Acquia gets `acquiaLabel`, derived from it (see the description)."),
      certificate: certificate.describe(
        "The site's PEM certificate alone (intermediates go in caCertificates); must not be expired.",
      ),
      privateKey: z
        .string()
        .refine(
          (pem) => keyObject(pem) !== undefined,
          "privateKey must be an unencrypted PEM private key (-----BEGIN PRIVATE KEY----- …)",
        )
        .describe("Unencrypted PEM key matching the certificate."),
      caCertificates: caCertificates.describe("The intermediate chain, PEM."),
      activate: z
        .boolean()
        .default(true)
        .describe("Default true: serve it once installed. false installs it inactive."),
    })
    .superRefine((p, ctx) => {
      if (containsUnknown(p.certificate) || containsUnknown(p.privateKey)) return;
      const key = keyObject(p.privateKey);
      const [cert] = parsed(p.certificate.match(CERTIFICATE_BLOCK) ?? []) ?? [];
      if (!key || !cert) return; // Reported by the fields themselves.
      let matches: boolean;
      try {
        matches = cert.checkPrivateKey(key);
      } catch {
        matches = false;
      }
      if (!matches)
        ctx.addIssue({
          code: "custom",
          path: ["privateKey"],
          message:
            "privateKey does not match certificate: pass the private key the certificate was issued for",
        });
    }),
  outputs: z.object({
    certificateId: z.string().describe("Acquia's id of the certificate (also the resource id)."),
    acquiaLabel: z.string().describe("The label Acquia holds: `<label>-<fingerprint prefix>`."),
    active: z.boolean().describe("Whether the environment serves this certificate."),
    expiresAt: z.string().optional().describe("When the certificate expires."),
    domains: z.array(z.string()).optional().describe("The names the certificate covers."),
  }),
  secrets: ["privateKey"],
  // Acquia cannot edit an installed certificate; only activation changes in place. A new privateKey
  // with the same certificate is the same key pair (check proves the match), so it only updates state.
  replaceOn: ["environmentId", "label", "certificate", "caCertificates"],
  // The new certificate is installed and activated before the old one goes: no window without one.
  deleteBeforeReplace: false,
  naturalKey: ["environmentId", "label", "certificate", "caCertificates"],
  idFormat: "<environmentId>/<certificateId>",
  notes: "`check` proves the private key matches the certificate and that it has not expired.",
});
