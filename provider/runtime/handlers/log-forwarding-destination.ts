import { X509Certificate, createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { isConflict, type LogForwardingDestination } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import { containsUnknown } from "../unknowns";
import {
  createAndReadBack,
  environmentId,
  environmentVisible,
  gone,
  metaShape,
  settle,
  unlessNotFound,
} from "./common";

export const LOG_SOURCES = [
  "apache-access",
  "apache-error",
  "varnish-access",
  "drupal-request",
  "drupal-watchdog",
  "php-error",
  "stdout",
  "stderr",
] as const;
const CONSUMERS = ["loggly", "splunk", "sumologic", "syslog"] as const;
type Consumer = (typeof CONSUMERS)[number];
type Need = "required" | "optional" | "unsupported";

/** What each consumer takes, from the spec's field descriptions and its 400 examples. */
const RULES: Record<Consumer, Record<"certificate" | "key" | "token" | "address", Need>> = {
  loggly: { certificate: "unsupported", key: "unsupported", token: "required", address: "unsupported" },
  splunk: { certificate: "required", key: "optional", token: "unsupported", address: "required" },
  sumologic: { certificate: "required", key: "optional", token: "required", address: "required" },
  syslog: { certificate: "required", key: "optional", token: "optional", address: "required" },
};
const WHAT = {
  certificate: "a PEM X.509 certificate",
  key: "the certificate's PEM private key",
  token: "the consumer's API token",
};
const SOCKET = /^([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+:(\d{1,5})$/;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function x509(pem: string | null | undefined): X509Certificate | undefined {
  const blocks = pem?.match(CERTIFICATE_BLOCK);
  if (blocks?.length !== 1 || blocks[0] === undefined) return undefined;
  try {
    return new X509Certificate(blocks[0]);
  } catch {
    return undefined;
  }
}

const inputs = z
  .object({
    environmentId,
    label: z.string().trim().min(1, "label is required (it identifies the destination in its environment)"),
    consumer: z.enum(CONSUMERS, { error: `consumer must be one of ${CONSUMERS.join(", ")}` }),
    sources: z
      .array(z.enum(LOG_SOURCES, { error: `sources may hold only ${LOG_SOURCES.join(", ")}` }))
      .min(1, "sources must name at least one log source")
      // Acquia's own order, without duplicates: reordering the list is no change.
      .transform((s) => LOG_SOURCES.filter((source) => s.includes(source))),
    address: z.string().optional(),
    credentials: z.strictObject({
      certificate: z
        .string()
        .refine(
          (pem) => x509(pem) !== undefined,
          "credentials.certificate must be one PEM X.509 certificate (-----BEGIN CERTIFICATE----- …)",
        )
        .optional(),
      key: z
        .string()
        .regex(
          /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
          "credentials.key must be a PEM private key (-----BEGIN PRIVATE KEY----- …)",
        )
        .optional(),
      token: z.string().min(1, "credentials.token must not be empty: leave it unset instead").optional(),
    }),
    enabled: z.boolean().default(true),
    ...metaShape,
  })
  .superRefine((p, ctx) => {
    // Which fields a consumer needs is only known once the consumer is.
    if (containsUnknown(p.consumer) || !(p.consumer in RULES)) return;
    const rules = RULES[p.consumer];
    for (const field of ["certificate", "key", "token"] as const) {
      const given = p.credentials?.[field] !== undefined;
      const path = ["credentials", field];
      if (rules[field] === "required" && !given)
        ctx.addIssue({
          code: "custom",
          path,
          message: `credentials.${field} (${WHAT[field]}) is required for ${p.consumer}`,
        });
      if (rules[field] === "unsupported" && given)
        ctx.addIssue({
          code: "custom",
          path,
          message: `${p.consumer} does not take credentials.${field}: leave it unset`,
        });
    }
    const socket = p.address === undefined ? null : SOCKET.exec(p.address);
    if (rules.address === "required" && (socket === null || Number(socket[2]) > 65535))
      ctx.addIssue({
        code: "custom",
        path: ["address"],
        message: `address must be host:port such as logs.example.com:6514 (${p.consumer} only accepts socket addresses)`,
      });
    if (rules.address === "unsupported" && p.address !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["address"],
        message: "address must be left unset for loggly (Acquia forwards to Loggly's own endpoint)",
      });
  });
type Inputs = z.infer<typeof inputs>;
type Credentials = Inputs["credentials"];
export interface LogForwardingDestinationOutputs extends Inputs {
  destinationUuid: string;
  status?: string;
  health?: { code?: string; summary?: string; details?: string };
  certificateExpiresAt?: string;
}

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

function sameSecret(stored: string, reported: string): boolean {
  // Acquia shows SHA-256 digests (the spec's examples); the digest of the stored value is computed here
  // and dropped, so no value leaves state. Trimmed too, in case Acquia stores the value trimmed.
  return reported === stored || [stored, stored.trim()].some((v) => sha256(v) === reported.toLowerCase());
}

function sameCertificate(stored: string | undefined, reported: string | undefined): boolean {
  if (stored === undefined || reported === undefined) return stored === reported;
  const [a, b] = [x509(stored), x509(reported)];
  return a && b ? a.raw.equals(b.raw) : stored.trim() === reported.trim();
}

/** What Acquia holds, in terms of the stored inputs: unchanged values stay as stored. */
function observedCredentials(stored: Credentials, raw: unknown): Credentials {
  if (raw === undefined) return stored;
  const reported = reportedCredentials.parse(raw);
  const certificate = reported.certificate?.certificate ?? undefined;
  const secret = (mine: string | undefined, theirs: string | null | undefined) =>
    !theirs ? undefined : mine !== undefined && sameSecret(mine, theirs) ? mine : CHANGED_OUTSIDE_PULUMI;
  return defined({
    certificate: sameCertificate(stored.certificate, certificate) ? stored.certificate : certificate,
    key: secret(stored.key, reported.key),
    token: secret(stored.token, reported.token),
  });
}

function outsOf(p: Inputs, d: LogForwardingDestination): LogForwardingDestinationOutputs {
  const consumer = (CONSUMERS as readonly string[]).includes(d.consumer)
    ? (d.consumer as Consumer)
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
const observed = (p: Inputs, d: LogForwardingDestination): LogForwardingDestinationOutputs => ({
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

/** Acquia does not refuse a second destination with the same label, but the label is this resource's key. */
async function refuseTakenLabel(ctx: Context, p: Inputs, ownUuid?: string): Promise<void> {
  const holder = await ctx.client.logForwarding.findByLabel(p.environmentId, p.label);
  if (holder && holder.uuid !== ownUuid) {
    throw new Error(
      `Log forwarding destination "${p.label}" already exists on environment ${p.environmentId}: ` +
        (ownUuid ? "choose another label" : "set adopt: true to manage it, or choose another label"),
    );
  }
}

const PUT_FIELDS = ["label", "consumer", "sources", "address", "credentials"] as const;

export const logForwardingDestinationHandler: ResourceHandler<Inputs, LogForwardingDestinationOutputs> = {
  kind: "LogForwardingDestination",
  inputs,
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,

  async find(ctx, p) {
    const d = await ctx.client.logForwarding.findByLabel(p.environmentId, p.label);
    return d && { id: d.uuid, outs: observed(p, d) };
  },

  async create(ctx, p) {
    const api = ctx.client.logForwarding;
    await refuseTakenLabel(ctx, p);
    let uuid: string | undefined;
    // The create answer names the new destination; the label finds it when that answer was lost.
    const created = async () =>
      (uuid ? await byUuid(ctx, p.environmentId, uuid) : undefined) ??
      (await api.findByLabel(p.environmentId, p.label));
    const send = async () => {
      const sent = await api.create(p.environmentId, body(p));
      uuid = sent.uuid;
      return sent.operation;
    };
    const d = await createAndReadBack(
      ctx,
      `Log forwarding destination ${p.label}`,
      "logForwardingDestination",
      send,
      created,
    );
    return { id: d.uuid, outs: outsOf(p, await converge(ctx, p, d)) };
  },

  async read(ctx, id, props) {
    const d = await byUuid(ctx, props.environmentId, props.destinationUuid ?? id);
    return d && observed(props, d);
  },
  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const uuid = olds.destinationUuid ?? id;
    if (olds.label !== news.label) await refuseTakenLabel(ctx, news, uuid);
    if (PUT_FIELDS.some((k) => !isDeepStrictEqual(olds[k], news[k]))) {
      await settle(ctx, ctx.client.logForwarding.update(news.environmentId, uuid, body(news)), async () => {
        const d = await byUuid(ctx, news.environmentId, uuid);
        const now = d && observed(news, d);
        return now !== undefined && PUT_FIELDS.every((k) => isDeepStrictEqual(now[k], news[k]));
      });
    }
    const d = await byUuid(ctx, news.environmentId, uuid);
    if (!d) throw new Error(`Log forwarding destination ${uuid} is gone: run \`pulumi refresh\``);
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
};
