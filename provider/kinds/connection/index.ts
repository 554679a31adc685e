import * as pulumi from "@pulumi/pulumi";
import { MODULE, secret, type ArgsOf, type ResourceOutputs } from "../../program/resource-class";
import {
  CONNECTION_SOURCES,
  environmentValue,
  withDefaults,
  type ConnectionField,
  type ConnectionSettings,
} from "../../settings";
import { providerShim } from "../../shim";
import { kind } from "./definition";

export type { ConnectionSettings } from "../../settings";
/** Every field falls back to stack config (acquia:*) and then the ACLI_* variables. */
export type ConnectionArgs = Partial<Omit<ArgsOf<typeof kind>, "connection" | "adopt" | "timeoutSeconds">>;

const shim = providerShim(kind.name);

/** A field not given: stack config (the secret read as a secret), then the environment. */
function ambient(field: ConnectionField, config: pulumi.Config): pulumi.Input<string> | undefined {
  const key = CONNECTION_SOURCES[field].config.replace(/^acquia:/, "");
  const fromConfig = field === "clientSecret" ? config.getSecret(key) : config.get(key);
  return fromConfig ?? environmentValue(CONNECTION_SOURCES[field]);
}

/**
 * One configured Cloud Platform connection. Its check, create, read and update authenticate, so bad
 * credentials fail `pulumi preview`. Every resource given this connection shares one token per
 * provider process; no token is ever stored.
 */
class ConnectionResource extends pulumi.dynamic.Resource {
  /** The settings dependent resources pass to the runtime (secret). */
  readonly settings: pulumi.Output<ConnectionSettings>;

  constructor(name: string, args: ConnectionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const config = new pulumi.Config("acquia");
    const given = (field: ConnectionField) => args[field] ?? ambient(field, config);
    const inputs = {
      clientId: given("clientId"),
      clientSecret: secret(given("clientSecret")),
      organizationUuid: given("organizationUuid"),
      apiUrl: given("apiUrl"),
      tokenUrl: given("tokenUrl"),
    };
    super(
      shim,
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
      kind.name,
    );
    // Built from the inputs, not the outputs: an optional output that is absent (organizationUuid)
    // reads as unknown during preview and would make every dependent show a change. accountUuid ties
    // dependents to this resource, so they wait for its credentials check.
    const self = this as unknown as ResourceOutputs<typeof kind>;
    this.settings = pulumi.secret(
      pulumi
        .all([
          self.accountUuid,
          inputs.clientId,
          inputs.clientSecret,
          inputs.organizationUuid,
          inputs.apiUrl,
          inputs.tokenUrl,
        ])
        .apply(([, clientId, clientSecret, organizationUuid, apiUrl, tokenUrl]) => {
          const settings = withDefaults({ apiUrl, tokenUrl });
          return {
            clientId: clientId ?? "",
            clientSecret: clientSecret ?? "",
            ...(organizationUuid ? { organizationUuid } : {}),
            apiUrl: settings.apiUrl,
            tokenUrl: settings.tokenUrl,
          };
        }),
    );
  }
}

Object.defineProperty(ConnectionResource, "name", { value: kind.name });

/** The class, with its outputs typed from the definition. */
export const Connection = ConnectionResource as unknown as new (
  name: string,
  args?: ConnectionArgs,
  opts?: pulumi.CustomResourceOptions,
) => ConnectionResource & ResourceOutputs<typeof kind>;
export type Connection = InstanceType<typeof Connection>;
