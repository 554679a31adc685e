import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, secret, withSecretOutputs, type CommonArgs } from "./common";

export interface EnvironmentVariableArgs extends CommonArgs {
  /** Environment id, e.g. from getEnvironment. Changing it replaces the variable. */
  environmentId: pulumi.Input<string>;
  /** Letters, digits and underscores; not starting with ACQUIA_ or AH_. Changing it replaces the variable. */
  name: pulumi.Input<string>;
  /** Up to 255 characters. Stored encrypted in state. Updates in place. */
  value: pulumi.Input<string>;
}

/** An environment variable of an Acquia environment. */
export class EnvironmentVariable extends pulumi.dynamic.Resource {
  declare readonly environmentId: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly value: pulumi.Output<string>;

  constructor(name: string, args: EnvironmentVariableArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("EnvironmentVariable"),
      name,
      { ...commonProps(args), environmentId: args.environmentId, name: args.name, value: secret(args.value) },
      withSecretOutputs(opts, ["value"]),
      MODULE,
      "EnvironmentVariable",
    );
  }
}
