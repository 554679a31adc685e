import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { isConflict, type LogForwardingDestination } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { environmentVisible, found, gone, listed, settle, unlessNotFound } from "../../runtime/common";
import { ProviderError } from "../../runtime/errors";
import { keyedHandler, type Context } from "../../runtime/handler";
import { CONSUMERS, LOG_SOURCES, kind, x509, type LogForwardingConsumer } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;
type Credentials = Inputs["credentials"];

/** Credentials as GET shows them: the certificate in full, the key and token as SHA-256 digests. */
const reportedCredentials = z
  .object({
    certificate: z
      .object({ certificate: z.string().nullish(), expires_at: z.string().nullish() })
      .partial()
      .catch({}),
    key: z.string().nullish().catch(null),
    token: z.string().nullish().catch(null),
  })
  .partial()
  .catch({});
const reportedHealth = z
  .object({ code: z.string(), summary: z.string(), details: z.string() })
  .partial()
  .optional()
  .catch(undefined);

/** Stands in for a key or token changed outside Pulumi: never a valid value, so the next `up` puts ours back. */
export const CHANGED_OUTSIDE_PULUMI = "(changed outside Pulumi)";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * How a key or token is held when only its digest is known (after an import): Acquia shows SHA-256
 * digests, never the value.
 */
const DIGEST = "sha256:";

function sameSecret(stored: string, reported: string): boolean {
  if (stored.startsWith(DIGEST)) return stored.slice(DIGEST.length) === reported.toLowerCase();
  // Acquia shows SHA-256 digests (the spec's examples); the digest of the stored value is computed here
  // and dropped, so no value leaves state. Trimmed too, in case Acquia stores the value trimmed.
  return reported === stored || [stored, stored.trim()].some((v) => sha256(v) === reported.toLowerCase());
}

/** A value from the program against one held in state, which may be only a digest (after an import). */
function sameCredentials(held: Credentials | undefined, given: Credentials | undefined): boolean {
  const same = (a: string | undefined, b: string | undefined) =>
    a === b || (a !== undefined && b !== undefined && a.startsWith(DIGEST) && sameSecret(a, sha256(b)));
  return (
    sameCertificate(held?.certificate, given?.certificate) &&
    same(held?.key, given?.key) &&
    same(held?.token, given?.token)
  );
}

function sameCertificate(stored: string | undefined, reported: string | undefined): boolean {
  if (stored === undefined || reported === undefined) return stored === reported;
  const [a, b] = [x509(stored), x509(reported)];
  return a && b ? a.raw.equals(b.raw) : stored.trim() === reported.trim();
}

/**
 * What Acquia holds, in terms of the stored inputs: unchanged values stay as stored. With nothing
 * stored (an import), a key or token is held as its digest.
 */
function observedCredentials(stored: Credentials | undefined, raw: unknown): Credentials {
  if (raw === undefined) return stored ?? {};
  const reported = reportedCredentials.parse(raw);
  const certificate = reported.certificate?.certificate ?? undefined;
  const secret = (mine: string | undefined, theirs: string | null | undefined) =>
    !theirs
      ? undefined
      : stored === undefined
        ? `${DIGEST}${theirs.toLowerCase()}`
        : mine !== undefined && sameSecret(mine, theirs)
          ? mine
          : CHANGED_OUTSIDE_PULUMI;
  return defined({
    certificate: sameCertificate(stored?.certificate, certificate) ? stored?.certificate : certificate,
    key: secret(stored?.key, reported.key),
    token: secret(stored?.token, reported.token),
  });
}

function outsOf(p: Inputs, d: LogForwardingDestination): Outputs {
  const consumer = (CONSUMERS as readonly string[]).includes(d.consumer)
    ? (d.consumer as LogForwardingConsumer)
    : p.consumer;
  const health = reportedHealth.parse(d["health"]);
  const expiresAt = reportedCredentials.parse(d.credentials).certificate?.expires_at;
  return defined({
    ...p,
    label: d.label,
    consumer,
    sources: LOG_SOURCES.filter((s) => d.sources.includes(s)),
    // Loggly's address is Acquia's own endpoint, never an input.
    address: consumer === "loggly" ? undefined : d.address || undefined,
    enabled: d.flags?.enabled ?? true,
    destinationUuid: d.uuid,
    status: d.status,
    health: health && defined(health),
    certificateExpiresAt: expiresAt ?? undefined,
  });
}

/** Outputs with the credentials compared against what Acquia reports (refresh and adopt). */
const observed = (p: Inputs, d: LogForwardingDestination): Outputs => ({
  ...outsOf(p, d),
  credentials: observedCredentials(p.credentials, d.credentials),
});

const body = (p: Inputs) => ({
  label: p.label,
  consumer: p.consumer,
  sources: [...p.sources],
  credentials: p.credentials,
  ...(p.address !== undefined ? { address: p.address } : {}),
});

async function byUuid(ctx: Context, env: string, uuid: string) {
  return unlessNotFound(ctx.client.logForwarding.get(env, uuid));
}

/** Toggles to `enabled` when Acquia's state differs, and returns the destination as it ends up. */
async function converge(ctx: Context, p: Inputs, d: LogForwardingDestination) {
  if ((d.flags?.enabled ?? true) === p.enabled) return d;
  const api = ctx.client.logForwarding;
  let now: LogForwardingDestination | undefined;
  await settle(
    ctx,
    p.enabled ? api.enable(p.environmentId, d.uuid) : api.disable(p.environmentId, d.uuid),
    async () => ((now = await byUuid(ctx, p.environmentId, d.uuid))?.flags?.enabled ?? true) === p.enabled,
  );
  // Read by `until` only when Acquia answered without a task to follow.
  return now ?? (await byUuid(ctx, p.environmentId, d.uuid)) ?? d;
}

const PUT_FIELDS = ["label", "consumer", "sources", "address", "credentials"] as const;

export const handler = keyedHandler({
  kind,
  family: "logForwardingDestination",
  // After an import, state holds the key and token as digests: the program's values match them.
  equivalent: (key, held, given) =>
    key === "credentials" &&
    sameCredentials(held as Credentials | undefined, given as Credentials | undefined),

  // The create's answer names the new destination; the label finds it when that answer was lost.
  async find(ctx, p, createdId) {
    const d = createdId
      ? await byUuid(ctx, p.environmentId, createdId)
      : await ctx.client.logForwarding.find(p.environmentId, p.label);
    return d && found(kind, observed(p, d));
  },

  send: (ctx, p) => ctx.client.logForwarding.create(p.environmentId, body(p)),
  taken: (ctx, p) =>
    listed(
      ctx,
      `log destinations of ${p.environmentId}`,
      () => ctx.client.logForwarding.list(p.environmentId),
      (d) => d.label,
      p.label,
    ),

  async read(ctx, id, props) {
    const d = await byUuid(ctx, props.environmentId, props.destinationUuid ?? id);
    return d && observed(props, d);
  },
  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const uuid = olds.destinationUuid ?? id;
    if (olds.label !== news.label) {
      // Acquia does not refuse a second destination with the same label, but the label is this resource's key.
      const holder = await ctx.client.logForwarding.find(news.environmentId, news.label);
      if (holder && holder.uuid !== uuid)
        throw new ProviderError(
          "NOT_MANAGEABLE",
          `Log forwarding destination "${news.label}" already exists on environment ${news.environmentId}: choose another label`,
        );
    }
    if (PUT_FIELDS.some((k) => !isDeepStrictEqual(olds[k], news[k]))) {
      await settle(ctx, ctx.client.logForwarding.update(news.environmentId, uuid, body(news)), async () => {
        const d = await byUuid(ctx, news.environmentId, uuid);
        const now = d && observed(news, d);
        return now !== undefined && PUT_FIELDS.every((k) => isDeepStrictEqual(now[k], news[k]));
      });
    }
    const d = await byUuid(ctx, news.environmentId, uuid);
    if (!d)
      throw new ProviderError(
        "OBJECT_GONE",
        `Log forwarding destination ${uuid} is gone: run \`pulumi refresh\``,
      );
    return outsOf(news, await converge(ctx, news, d));
  },

  async delete(ctx, id, props) {
    const uuid = props.destinationUuid ?? id;
    try {
      await settle(
        ctx,
        ctx.client.logForwarding.delete(props.environmentId, uuid),
        gone(() => byUuid(ctx, props.environmentId, uuid)),
      );
    } catch (error) {
      // The spec answers a destination already gone with 409 "does not have a log forwarding destination".
      if (!(isConflict(error) && /does not have a log forwarding destination/i.test(error.detail)))
        throw error;
    }
  },
});
