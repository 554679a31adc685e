import { createHash } from "node:crypto";
import { z } from "zod";
import {
  AuthenticationError,
  DEFAULT_API_URL,
  DEFAULT_TOKEN_URL,
  FederatedAuthenticationRequiredError,
  type AcquiaCloudClient,
} from "../../../sdk";
import { clientFor } from "../clients";
import type { ResourceHandler } from "../handler";
import { resolveSettings } from "../settings";

const inputs = z.object({
  clientId: z
    .string()
    .min(1, "clientId (the API key) is required: set it on the Connection, in acquia:clientId or ACLI_KEY"),
  clientSecret: z
    .string()
    .min(
      1,
      "clientSecret (the API secret) is required: set it on the Connection, in acquia:clientSecret or ACLI_SECRET",
    ),
  organizationUuid: z
    .uuid({ message: "organizationUuid must be a UUID such as 6a907396-abfd-4d01-9da6-64c8efc04519" })
    .optional(),
  apiUrl: z
    .url({ message: "apiUrl must be an absolute URL such as https://cloud.acquia.com/api" })
    .default(DEFAULT_API_URL),
  tokenUrl: z.url({ message: "tokenUrl must be an absolute URL" }).default(DEFAULT_TOKEN_URL),
});
type Inputs = z.infer<typeof inputs>;

export interface ConnectionOutputs extends Inputs {
  /** The account that owns the API key. */
  accountUuid: string;
  accountName: string;
  /** `organization:<uuid>` when the token is organization-scoped. */
  scope: string;
  organizationName?: string;
}

/** Proves the credentials and describes what they reach. Deterministic: no timestamps, no token data. */
async function describe(client: AcquiaCloudClient, props: Inputs): Promise<ConnectionOutputs> {
  await client.authenticate();
  const account = await client.account.get();
  const organization = props.organizationUuid
    ? await client.organizations.get(props.organizationUuid)
    : undefined;
  return {
    ...props,
    accountUuid: account.uuid,
    accountName: account.name ?? account.mail ?? account.uuid,
    scope: props.organizationUuid ? `organization:${props.organizationUuid}` : "",
    ...(organization ? { organizationName: organization.name } : {}),
  };
}

function clientOf(props: Inputs): AcquiaCloudClient {
  return clientFor(resolveSettings(props));
}

export const connectionHandler: ResourceHandler<Inputs, ConnectionOutputs> = {
  kind: "Connection",
  inputs,
  replaceOn: [],
  deleteBeforeReplace: false,
  settings: (props) => props,

  async verify(props) {
    try {
      await describe(clientOf(props), props);
      return [];
    } catch (error) {
      if (error instanceof AuthenticationError)
        return [
          {
            property: error.code === "invalid_scope" ? "organizationUuid" : "clientSecret",
            reason: error.message,
          },
        ];
      if (error instanceof FederatedAuthenticationRequiredError)
        return [{ property: "organizationUuid", reason: error.message }];
      throw error;
    }
  },

  async find() {
    return undefined;
  },

  async create(ctx, props) {
    const outs = await describe(ctx.client, props);
    const id = createHash("sha256")
      .update([props.apiUrl, props.clientId, props.organizationUuid ?? ""].join("\n"))
      .digest("hex")
      .slice(0, 16);
    return { id: `connection-${id}`, outs };
  },

  async read(ctx, _id, props) {
    try {
      return await describe(ctx.client, props);
    } catch (error) {
      // Rotated credentials: the next `up` brings the new ones; a refresh must not fail on them.
      if (error instanceof AuthenticationError) return props;
      throw error;
    }
  },

  async parentVisible() {
    return true;
  },

  update: (ctx, _id, _olds, news) => describe(ctx.client, news),

  async delete() {
    // Nothing exists at Acquia for a connection.
  },
};
