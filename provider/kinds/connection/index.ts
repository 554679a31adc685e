import * as pulumi from "@pulumi/pulumi";
import { connectionInputs, connectionSettings } from "../../program/connection-settings";
import { MODULE, type ArgsOf, type ResourceOutputs } from "../../program/resource-class";
import type { ConnectionSettings } from "../../settings";
import { providerShim } from "../../shim";
import { kind } from "./definition";

export type { ConnectionSettings } from "../../settings";
/** Every field falls back to stack config (acquia:*) and then the ACLI_* variables. */
export type ConnectionArgs = Partial<Omit<ArgsOf<typeof kind>, "connection" | "adopt" | "timeoutSeconds">>;

const shim = providerShim(kind.name);

/**
 * One configured Cloud Platform connection. Its check, create, read and update authenticate, so bad
 * credentials fail `pulumi preview`. Every resource given this connection shares one token per
 * provider process; no token is ever stored.
 */
class ConnectionResource extends pulumi.dynamic.Resource {
  /** The settings dependent resources pass to the runtime (secret). */
  readonly settings: pulumi.Output<ConnectionSettings>;

  constructor(name: string, args: ConnectionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const inputs = connectionInputs(args);
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
    const self = this as unknown as ResourceOutputs<typeof kind>;
    this.settings = connectionSettings(inputs, self.accountUuid);
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
