import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, secret } from "./common";
import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from "../../sdk";
import { ambientArgs } from "./ambient-settings";

export interface ConnectionArgs {
  /** API key; default stack config acquia:clientId, then ACLI_KEY. */
  clientId?: pulumi.Input<string>;
  /** API secret; default acquia:clientSecret, then ACLI_SECRET. Always stored encrypted. */
  clientSecret?: pulumi.Input<string>;
  /** For organizations with federated authentication; default acquia:organizationUuid, then AH_ORGANIZATION_UUID. */
  organizationUuid?: pulumi.Input<string>;
  /** Default acquia:apiUrl, then ACLI_CLOUD_API_BASE_URI, then https://cloud.acquia.com/api. */
  apiUrl?: pulumi.Input<string>;
  /** Default acquia:tokenUrl, then ACLI_CLOUD_API_ACCOUNTS_URI, then Acquia's token endpoint. */
  tokenUrl?: pulumi.Input<string>;
}

/** What a dependent resource receives from its Connection. */
export interface ConnectionSettings {
  clientId: string;
  clientSecret: string;
  organizationUuid?: string;
  apiUrl: string;
  tokenUrl: string;
}

/**
 * One configured Cloud Platform connection. Its check, create, read and update authenticate, so bad
 * credentials fail `pulumi preview`. Every resource given this connection shares one token per
 * provider process; no token is ever stored.
 */
export class Connection extends pulumi.dynamic.Resource {
  declare readonly clientId: pulumi.Output<string>;
  declare readonly clientSecret: pulumi.Output<string>;
  declare readonly organizationUuid: pulumi.Output<string | undefined>;
  declare readonly apiUrl: pulumi.Output<string>;
  declare readonly tokenUrl: pulumi.Output<string>;
  /** The account that owns the API key. */
  declare readonly accountUuid: pulumi.Output<string>;
  declare readonly accountName: pulumi.Output<string>;
  /** `organization:<uuid>` when the token is organization-scoped, else empty. */
  declare readonly scope: pulumi.Output<string>;
  declare readonly organizationName: pulumi.Output<string | undefined>;
  /** The settings dependent resources pass to the runtime (secret). */
  readonly settings: pulumi.Output<ConnectionSettings>;

  constructor(name: string, args: ConnectionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const ambient = ambientArgs();
    const inputs = {
      clientId: args.clientId ?? ambient.clientId,
      clientSecret: secret(args.clientSecret ?? ambient.clientSecret),
      organizationUuid: args.organizationUuid ?? ambient.organizationUuid,
      apiUrl: args.apiUrl ?? ambient.apiUrl,
      tokenUrl: args.tokenUrl ?? ambient.tokenUrl,
    };
    super(
      new AcquiaProviderShim("Connection"),
      name,
      {
        ...inputs,
        accountUuid: undefined,
        accountName: undefined,
        scope: undefined,
        organizationName: undefined,
      },
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["clientSecret"] }),
      MODULE,
      "Connection",
    );
    // Built from the inputs, not the outputs: an optional output that is absent (organizationUuid)
    // reads as unknown during preview and would make every dependent show a change. accountUuid ties
    // dependents to this resource, so they wait for its credentials check.
    this.settings = pulumi.secret(
      pulumi
        .all([
          this.accountUuid,
          inputs.clientId,
          inputs.clientSecret,
          inputs.organizationUuid,
          inputs.apiUrl,
          inputs.tokenUrl,
        ])
        .apply(([, clientId, clientSecret, organizationUuid, apiUrl, tokenUrl]) => ({
          clientId: clientId ?? "",
          clientSecret: clientSecret ?? "",
          ...(organizationUuid ? { organizationUuid } : {}),
          apiUrl: apiUrl ?? DEFAULT_API_URL,
          tokenUrl: tokenUrl ?? DEFAULT_TOKEN_URL,
        })),
    );
  }
}
