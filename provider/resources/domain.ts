import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export interface DomainArgs extends CommonArgs {
  /** Changing it replaces the domain (deleted first: a hostname may exist once per application). */
  environmentId: pulumi.Input<string>;
  /** e.g. www.example.com; lower-cased. Changing it replaces the domain. */
  hostname: pulumi.Input<string>;
}

/** A domain name attached to an Acquia environment. */
export class Domain extends pulumi.dynamic.Resource {
  declare readonly environmentId: pulumi.Output<string>;
  declare readonly hostname: pulumi.Output<string>;
  declare readonly active: pulumi.Output<boolean>;
  declare readonly isDefault: pulumi.Output<boolean>;

  constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("Domain"),
      name,
      {
        ...commonProps(args),
        environmentId: args.environmentId,
        hostname: args.hostname,
        active: undefined,
        isDefault: undefined,
      },
      withSecretOutputs(opts, []),
      MODULE,
      "Domain",
    );
  }
}
