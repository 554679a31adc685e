import { X509Certificate } from "node:crypto";
import { z } from "zod";
import { organizationUuid, restoreOnDelete } from "../fields";
import { defineKind } from "../kind";

const DAY_MS = 24 * 3600 * 1000;

/** Why Acquia would refuse this signing certificate, or undefined: one PEM certificate valid 90 more days. */
export function certificateProblem(pem: string, now = Date.now()): string | undefined {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length !== 1 || blocks[0] === undefined)
    return "certificate must be one PEM-encoded X.509 certificate (-----BEGIN CERTIFICATE----- …)";
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(blocks[0]);
  } catch {
    return "certificate is not a valid X.509 certificate";
  }
  if (new Date(x509.validFrom).getTime() > now) return `certificate is not valid before ${x509.validFrom}`;
  const left = new Date(x509.validTo).getTime() - now;
  if (left <= 0) return `certificate expired on ${x509.validTo}`;
  if (left < 90 * DAY_MS)
    return `certificate expires on ${x509.validTo}: Acquia requires at least 90 days of validity`;
  return undefined;
}

// The SAML settings, by input name; the API's field for each is in the handler.
export const samlShape = {
  label: z
    .string()
    .refine((l) => l.trim() !== "", "label must not be empty")
    .optional()
    .describe("The provider's name in Cloud UI."),
  entityId: z
    .string()
    .refine((e) => e.trim() !== "", "entityId must not be empty")
    .optional()
    .describe("The identity provider's SAML entity id, e.g. `https://idp.example.com/saml`."),
  ssoUrl: z
    .url({ protocol: /^https$/, message: "ssoUrl must be an https:// URL (the IdP's SAML SSO endpoint)" })
    .optional()
    .describe("The IdP's SAML single sign-on URL (https)."),
  certificate: z
    .string()
    .superRefine((pem, ctx) => {
      const problem = certificateProblem(pem);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional()
    .describe("The IdP's PEM-encoded X.509 signing certificate, valid for at least 90 more days."),
};
export type SamlSetting = keyof typeof samlShape | "enabled";
export const SETTINGS = [...Object.keys(samlShape), "enabled"] as SamlSetting[];

export const kind = defineKind({
  name: "IdentityProvider",
  description:
    "The SAML identity provider (federated sign-in) of an organization. Acquia has no API to create one: it is " +
    "registered in Cloud UI, and this resource takes it over (`adopt: true` is required) to manage its SAML " +
    "settings and whether it is enabled. Only the settings given are managed.",
  inputs: z.object({
    organizationUuid: organizationUuid.describe("The organization whose identity provider this is."),
    ...samlShape,
    enabled: z
      .boolean()
      .optional()
      .describe("Whether members sign in through it. Left as found when not given."),
    restoreOnDelete: restoreOnDelete("settings", "the provider"),
  }),
  outputs: z.object({
    identityProviderUuid: z.string().describe("Acquia's id of the identity provider."),
    spEntityId: z
      .string()
      .optional()
      .describe("Acquia's SAML entity id (the service provider's), for the IdP's side."),
    acsUrl: z.string().optional().describe("Acquia's assertion consumer service URL, for the IdP's side."),
    status: z.string().optional().describe("enabled, disabled or incomplete, as Acquia reports it."),
    previousSettings: z
      .record(z.string(), z.union([z.string(), z.boolean()]))
      .describe(
        "The managed settings' values before this resource first changed them (restoreOnDelete puts these back).",
      ),
  }),
  secrets: [],
  replaceOn: ["organizationUuid"],
  deleteBeforeReplace: false,
  naturalKey: ["organizationUuid"],
  idFormat: "<organizationUuid>/<identityProviderUuid>",
  notes:
    "Acquia cannot create identity providers, so a resource without `adopt: true` is refused in preview, naming " +
    "`adopt`. Acquia refuses edits to an enabled provider: a change to its SAML settings disables it, applies " +
    "the change and enables it again (members sign in with their Acquia password meanwhile). Deleting it leaves " +
    "the provider as it is (Acquia's delete would unregister it, which no stack made); set " +
    "`restoreOnDelete: true` to put back the values recorded before the first change (`previousSettings`).",
});
