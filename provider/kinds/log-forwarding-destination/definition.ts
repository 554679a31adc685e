import { X509Certificate } from "node:crypto";
import { z } from "zod";
import { environmentId } from "../fields";
import { defineKind } from "../kind";
import { containsUnknown } from "../unknowns";

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
export const CONSUMERS = ["loggly", "splunk", "sumologic", "syslog"] as const;
export type LogForwardingConsumer = (typeof CONSUMERS)[number];
export type LogForwardingSource = (typeof LOG_SOURCES)[number];
type Need = "required" | "optional" | "unsupported";

/** What each consumer takes, from the spec's field descriptions and its 400 examples. */
const RULES: Record<LogForwardingConsumer, Record<"certificate" | "key" | "token" | "address", Need>> = {
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

/** The one certificate a PEM text holds, or undefined. */
export function x509(pem: string | null | undefined): X509Certificate | undefined {
  const blocks = pem?.match(CERTIFICATE_BLOCK);
  if (blocks?.length !== 1 || blocks[0] === undefined) return undefined;
  try {
    return new X509Certificate(blocks[0]);
  } catch {
    return undefined;
  }
}

export const kind = defineKind({
  name: "LogForwardingDestination",
  description:
    "A log forwarding destination of an Acquia environment. Every input but `environmentId` updates in " +
    "place. Refresh shows changes made outside Pulumi, the key and token included: Acquia reports those only " +
    "as SHA-256 digests, which are compared with digests of the stored values; a key or token changed outside " +
    'Pulumi reads back as "(changed outside Pulumi)" and the next `up` puts the configured one back.',
  inputs: z
    .object({
      environmentId: environmentId.describe("The environment, e.g. from getEnvironment."),
      label: z
        .string()
        .trim()
        .min(1, "label is required (it identifies the destination in its environment)")
        .describe("Identifies the destination in its environment (`adopt` finds an existing one by it)."),
      consumer: z
        .enum(CONSUMERS, { error: `consumer must be one of ${CONSUMERS.join(", ")}` })
        .describe(`One of ${CONSUMERS.join(", ")}.`),
      sources: z
        .array(z.enum(LOG_SOURCES, { error: `sources may hold only ${LOG_SOURCES.join(", ")}` }))
        .min(1, "sources must name at least one log source")
        // Acquia's own order, without duplicates: reordering the list is no change.
        .transform((s) => LOG_SOURCES.filter((source) => s.includes(source)))
        .describe(`At least one of ${LOG_SOURCES.join(", ")}; order and duplicates do not matter.`),
      address: z
        .string()
        .optional()
        .describe("host:port for splunk, sumologic and syslog; unset for loggly."),
      credentials: z
        .strictObject({
          certificate: z
            .string()
            .refine(
              (pem) => x509(pem) !== undefined,
              "credentials.certificate must be one PEM X.509 certificate (-----BEGIN CERTIFICATE----- …)",
            )
            .optional()
            .describe(
              "PEM X.509 certificate: required for splunk, sumologic and syslog; not taken by loggly.",
            ),
          key: z
            .string()
            .regex(
              /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
              "credentials.key must be a PEM private key (-----BEGIN PRIVATE KEY----- …)",
            )
            .optional()
            .describe("The certificate's PEM private key: optional for splunk, sumologic and syslog."),
          token: z
            .string()
            .min(1, "credentials.token must not be empty: leave it unset instead")
            .optional()
            .describe(
              "API token: required for loggly and sumologic, optional for syslog, not taken by splunk.",
            ),
        })
        .describe("What the consumer needs to accept the logs."),
      enabled: z.boolean().default(true).describe("Default true (enable/disable in place)."),
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
    }),
  outputs: z.object({
    destinationUuid: z.string().describe("Acquia's id of the destination (also the resource id)."),
    status: z.string().optional().describe("e.g. active, inactive, installing, failing."),
    health: z
      .object({ code: z.string().optional(), summary: z.string().optional(), details: z.string().optional() })
      .optional()
      .describe("Acquia's health report of the destination."),
    certificateExpiresAt: z.string().optional().describe("When the certificate expires."),
  }),
  secrets: ["credentials"],
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  naturalKey: ["environmentId", "label"],
  idFormat: "<environmentId>/<destinationUuid>",
});
