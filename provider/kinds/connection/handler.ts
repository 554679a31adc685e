import { createHash } from "node:crypto";
import {
  AuthenticationError,
  FederatedAuthenticationRequiredError,
  type AcquiaCloudClient,
} from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { applyHandler } from "../../runtime/handler";
import { withDefaults } from "../../settings";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const described = new Map<string, { at: number; outs: Promise<Outputs> }>();

/**
 * `describe`, shared for a minute by the calls of one run: `pulumi up` checks the Connection, then
 * creates or updates it, and both prove the same credentials.
 */
function describeOnce(client: AcquiaCloudClient, props: Inputs): Promise<Outputs> {
  const key = JSON.stringify([
    props.apiUrl,
    props.tokenUrl,
    props.clientId,
    props.clientSecret,
    props.organizationUuid,
  ]);
  const hit = described.get(key);
  if (hit && Date.now() - hit.at < 60_000) return hit.outs.then((outs) => ({ ...outs, ...props }));
  const outs = describe(client, props);
  described.set(key, { at: Date.now(), outs });
  outs.catch(() => described.delete(key));
  return outs;
}

/** Proves the credentials and describes what they reach. Deterministic: no timestamps, no token data. */
async function describe(client: AcquiaCloudClient, props: Inputs): Promise<Outputs> {
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

export const handler = applyHandler({
  kind,
  settings: (props) => withDefaults(props),

  async preflight(ctx, props) {
    try {
      await describeOnce(ctx.client, props);
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

  async create(ctx, props) {
    const outs = await describeOnce(ctx.client, props);
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

  parentVisible: async () => true,
  update: (ctx, _id, _olds, news) => describeOnce(ctx.client, news),
  // Nothing exists at Acquia for a connection.
  delete: async () => undefined,
});
