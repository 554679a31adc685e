import type { SslCertificate } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { environmentVisible, found, gone, listed, settle, unlessNotFound } from "../../runtime/common";
import { ProviderError } from "../../runtime/errors";
import { keyedHandler, type Context } from "../../runtime/handler";
import { CERTIFICATE_BLOCK, acquiaLabelOf, kind, parsed } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

/** Canonical PEM of every certificate in a text (as the inputs are stored), or undefined. */
const canonical = (pem: string | undefined) =>
  (pem &&
    parsed(pem.match(CERTIFICATE_BLOCK) ?? [])
      ?.map((c) => c.toString())
      .join("")) ||
  undefined;

/**
 * What an import (a read from the id alone) knows of the inputs: Acquia returns the certificate, its
 * chain and its key, and its label carries ours before the digest suffix.
 */
function inputsFrom(p: Partial<Inputs>, cert: SslCertificate): Inputs {
  return {
    ...p,
    environmentId: p.environmentId ?? "",
    label: p.label ?? (cert.label ?? "").replace(/(-[0-9a-f]{8}){1,2}$/, ""),
    certificate: p.certificate ?? canonical(cert.certificate) ?? "",
    privateKey: p.privateKey ?? cert.private_key ?? "",
    caCertificates: "caCertificates" in p ? p.caCertificates : canonical(cert.ca),
    activate: p.activate ?? cert.flags?.active ?? false,
  };
}

function outsOf(given: Inputs, cert: SslCertificate): Outputs {
  const active = cert.flags?.active ?? false;
  const p = given.certificate ? given : inputsFrom(given, cert);
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

export const handler = keyedHandler({
  kind,
  family: "sslCertificate",

  // The install answer does not name the certificate: the deterministic label finds it. A certificate
  // installed outside Pulumi carries a label of its own, so `adopt` also finds it by its certificate and
  // chain (what `acquia-cloud discover` writes for one); a create never takes over by content.
  async find(ctx, p) {
    const api = ctx.client.sslCertificates;
    const cert =
      (await api.find(p.environmentId, acquiaLabelOf(p))) ??
      (p.adopt
        ? (await api.list(p.environmentId)).find(
            (c) =>
              canonical(c.certificate ?? undefined) === p.certificate &&
              canonical(c.ca ?? undefined) === p.caCertificates,
          )
        : undefined);
    return cert && found(kind, outsOf(p, cert));
  },

  taken: (ctx, p) =>
    listed(
      ctx,
      `certificates of ${p.environmentId}`,
      () => ctx.client.sslCertificates.list(p.environmentId),
      (c) => c.label,
      acquiaLabelOf(p),
    ),
  send: (ctx, p) =>
    ctx.client.sslCertificates.create(p.environmentId, {
      label: acquiaLabelOf(p),
      certificate: p.certificate,
      private_key: p.privateKey,
      ...(p.caCertificates ? { ca_certificates: p.caCertificates } : {}),
    }),

  async read(ctx, id, props) {
    const cert = await byId(ctx, props.environmentId, props.certificateId ?? id);
    return cert && outsOf(props, cert);
  },
  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const certificateId = olds.certificateId ?? id;
    const cert = await byId(ctx, news.environmentId, certificateId);
    if (!cert)
      throw new ProviderError(
        "OBJECT_GONE",
        `SSL certificate ${certificateId} is gone: run \`pulumi refresh\``,
      );
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
});
