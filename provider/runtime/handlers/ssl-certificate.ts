import { X509Certificate, createHash, createPrivateKey, type KeyObject } from "node:crypto";
import { z } from "zod";
import type { SslCertificate } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import { containsUnknown } from "../unknowns";
import {
  createAndReadBack,
  environmentId,
  environmentVisible,
  metaShape,
  gone,
  settle,
  unlessNotFound,
} from "./common";

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

function parsed(blocks: string[]): X509Certificate[] | undefined {
  try {
    return blocks.map((b) => new X509Certificate(b));
  } catch {
    return undefined;
  }
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

const inputs = z
  .object({
    environmentId,
    label: z.string().trim().min(1, "label is required"),
    certificate,
    privateKey: z
      .string()
      .refine(
        (pem) => keyObject(pem) !== undefined,
        "privateKey must be an unencrypted PEM private key (-----BEGIN PRIVATE KEY----- …)",
      ),
    caCertificates,
    activate: z.boolean().default(true),
    ...metaShape,
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
        message: "privateKey does not match certificate: pass the private key the certificate was issued for",
      });
  });
type Inputs = z.infer<typeof inputs>;
export interface SslCertificateOutputs extends Inputs {
  certificateId: string;
  acquiaLabel: string;
  active: boolean;
  expiresAt?: string;
  domains?: string[];
}

const digest8 = (pem: string) =>
  createHash("sha256")
    .update(Buffer.concat((parsed(pem.match(CERTIFICATE_BLOCK) ?? []) ?? []).map((c) => c.raw)))
    .digest("hex")
    .slice(0, 8);

/**
 * The label sent to Acquia, which requires labels unique per environment: old and new certificate
 * coexist during a replacement, so it carries the certificate's SHA-256 fingerprint (and the chain's
 * digest, so a new chain alone also gets a new label). Deterministic, so a lost create is found again.
 */
export function acquiaLabelOf(p: Pick<Inputs, "label" | "certificate" | "caCertificates">): string {
  return `${p.label}-${digest8(p.certificate)}${p.caCertificates ? `-${digest8(p.caCertificates)}` : ""}`;
}

function outsOf(p: Inputs, cert: SslCertificate): SslCertificateOutputs {
  const active = cert.flags?.active ?? false;
  return {
    ...p,
    // Acquia's truth: a certificate deactivated outside Pulumi shows as drift of `activate`.
    activate: active,
    certificateId: String(cert.id),
    acquiaLabel: cert.label ?? acquiaLabelOf(p),
    active,
    ...(cert.expires_at ? { expiresAt: cert.expires_at } : {}),
    ...(cert.domains ? { domains: cert.domains } : {}),
  };
}

async function byId(ctx: Context, env: string, id: string): Promise<SslCertificate | undefined> {
  return unlessNotFound(ctx.client.sslCertificates.get(env, id));
}

async function setActive(ctx: Context, env: string, cert: SslCertificate, active: boolean) {
  if ((cert.flags?.active ?? false) === active) return cert;
  const api = ctx.client.sslCertificates;
  let now: SslCertificate | undefined;
  await settle(
    ctx,
    active ? api.activate(env, cert.id) : api.deactivate(env, cert.id),
    async () => ((now = await byId(ctx, env, cert.id))?.flags?.active ?? false) === active,
  );
  // Read by `until` only when Acquia answered without a task to follow.
  return now ?? (await byId(ctx, env, cert.id)) ?? cert;
}

export const sslCertificateHandler: ResourceHandler<Inputs, SslCertificateOutputs> = {
  kind: "SslCertificate",
  inputs,
  // Acquia cannot edit an installed certificate; only activation changes in place. A new privateKey
  // with the same certificate is the same key pair (check proves the match), so it only updates state.
  replaceOn: ["environmentId", "label", "certificate", "caCertificates"],
  // The new certificate is installed and activated before the old one goes: no window without one.
  deleteBeforeReplace: false,

  async find(ctx, p) {
    const cert = await ctx.client.sslCertificates.findByLabel(p.environmentId, acquiaLabelOf(p));
    return cert && { id: String(cert.id), outs: outsOf(p, cert) };
  },

  async create(ctx, p) {
    const api = ctx.client.sslCertificates;
    const label = acquiaLabelOf(p);
    // The install answer does not name the certificate: the deterministic label finds it.
    const installed = await createAndReadBack(
      ctx,
      `SSL certificate ${label}`,
      "sslCertificate",
      () =>
        api.create(p.environmentId, {
          label,
          certificate: p.certificate,
          private_key: p.privateKey,
          ...(p.caCertificates ? { ca_certificates: p.caCertificates } : {}),
        }),
      () => api.findByLabel(p.environmentId, label),
    );
    const cert = await setActive(ctx, p.environmentId, installed, p.activate);
    return { id: String(cert.id), outs: outsOf(p, cert) };
  },

  async read(ctx, id, props) {
    const cert = await byId(ctx, props.environmentId, props.certificateId ?? id);
    return cert && outsOf(props, cert);
  },
  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const certificateId = olds.certificateId ?? id;
    const cert = await byId(ctx, news.environmentId, certificateId);
    if (!cert) throw new Error(`SSL certificate ${certificateId} is gone: run \`pulumi refresh\``);
    return outsOf(news, await setActive(ctx, news.environmentId, cert, news.activate));
  },

  async delete(ctx, id, props) {
    const env = props.environmentId;
    const cert = await byId(ctx, env, props.certificateId ?? id);
    if (!cert) return;
    // Acquia refuses to remove the active certificate (409): deactivate it first.
    await setActive(ctx, env, cert, false);
    await settle(
      ctx,
      ctx.client.sslCertificates.delete(env, cert.id),
      gone(() => byId(ctx, env, cert.id)),
    );
  },
};
