import { z } from "zod";
import { SETTING_DEFAULTS } from "../../settings";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "Connection",
  description:
    "One configured Cloud Platform connection. Its check, create, read and update authenticate, so bad " +
    "credentials fail `pulumi preview`. Every resource given this connection shares one token per provider " +
    "process; no token is ever stored.",
  inputs: z.object({
    clientId: z
      .string()
      .min(1, "clientId (the API key) is required: set it on the Connection, in acquia:clientId or ACLI_KEY")
      .describe("API key; default stack config acquia:clientId, then ACLI_KEY."),
    clientSecret: z
      .string()
      .min(
        1,
        "clientSecret (the API secret) is required: set it on the Connection, in acquia:clientSecret or ACLI_SECRET",
      )
      .describe("API secret; default acquia:clientSecret, then ACLI_SECRET."),
    organizationUuid: z
      .uuid({ message: "organizationUuid must be a UUID such as 6a907396-abfd-4d01-9da6-64c8efc04519" })
      .optional()
      .describe(
        "For organizations with federated authentication (the token is requested with scope " +
          "organization:<uuid>); default acquia:organizationUuid, then AH_ORGANIZATION_UUID.",
      ),
    // Defaults here too, for states written before the Connection stored its resolved URLs.
    apiUrl: z
      .url({ message: "apiUrl must be an absolute URL such as https://cloud.acquia.com/api" })
      .default(SETTING_DEFAULTS.apiUrl)
      .describe(`Default acquia:apiUrl, then ACLI_CLOUD_API_BASE_URI, then ${SETTING_DEFAULTS.apiUrl}.`),
    tokenUrl: z
      .url({ message: "tokenUrl must be an absolute URL" })
      .default(SETTING_DEFAULTS.tokenUrl)
      .describe("Default acquia:tokenUrl, then ACLI_CLOUD_API_ACCOUNTS_URI, then Acquia's token endpoint."),
  }),
  outputs: z.object({
    accountUuid: z.string().describe("The account that owns the API key."),
    accountName: z.string().describe("Its name."),
    scope: z.string().describe("`organization:<uuid>` when the token is organization-scoped, else empty."),
    organizationName: z
      .string()
      .optional()
      .describe("The organization's name, when organizationUuid is set."),
  }),
  secrets: ["clientSecret"],
  replaceOn: [],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "connection-<hash>",
  notes: "Nothing replaces it: credential changes update in place.",
});
