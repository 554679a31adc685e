import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export interface DatabaseArgs extends CommonArgs {
  /** Changing it replaces the database. */
  applicationUuid: pulumi.Input<string>;
  /** Letters, digits, underscores; at most 63; not "default". Changing it replaces the database. */
  name: pulumi.Input<string>;
}

/**
 * An application database; Acquia provisions it in every environment. Deleting the resource deletes
 * the database and its data in all environments: consider `protect: true`.
 */
export class Database extends pulumi.dynamic.Resource {
  declare readonly applicationUuid: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;

  constructor(name: string, args: DatabaseArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("Database"),
      name,
      { ...commonProps(args), applicationUuid: args.applicationUuid, name: args.name },
      withSecretOutputs(opts, []),
      MODULE,
      "Database",
    );
  }
}
