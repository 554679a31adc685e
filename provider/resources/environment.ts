import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export interface EnvironmentArgs extends CommonArgs {
  /** Changing it replaces the environment. */
  applicationUuid: pulumi.Input<string>;
  /** Unique per application (case-insensitive). Changing it replaces the environment (deleted first). */
  label: pulumi.Input<string>;
  /** Branch or tag (`tags/<name>`) to deploy. Changing it switches the code in place. */
  branch: pulumi.Input<string>;
  /** Application databases to copy into the environment. Changing them replaces the environment. */
  databases?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * A continuous-delivery environment of an application. Creating one takes minutes: give it a generous
 * `timeoutSeconds`; progress is reported while Acquia works. Deleting it deletes everything in it.
 * Don't also manage its code with a CodeDeployment: the two would switch it back and forth.
 */
export class Environment extends pulumi.dynamic.Resource {
  declare readonly applicationUuid: pulumi.Output<string>;
  declare readonly label: pulumi.Output<string>;
  declare readonly branch: pulumi.Output<string>;
  declare readonly databases: pulumi.Output<string[]>;
  /** Acquia's environment id, e.g. for EnvironmentVariable.environmentId. */
  declare readonly environmentId: pulumi.Output<string>;
  /** Machine name, used in hostnames and Drush aliases. */
  declare readonly name: pulumi.Output<string>;
  declare readonly domains: pulumi.Output<string[]>;

  constructor(name: string, args: EnvironmentArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("Environment"),
      name,
      {
        ...commonProps(args),
        applicationUuid: args.applicationUuid,
        label: args.label,
        branch: args.branch,
        databases: args.databases,
        environmentId: undefined,
        name: undefined,
        domains: undefined,
      },
      withSecretOutputs(opts, []),
      MODULE,
      "Environment",
    );
  }
}
