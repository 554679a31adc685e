import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export interface TeamApplicationArgs extends CommonArgs {
  /** e.g. a Team's teamUuid. Changing it replaces the grant. */
  teamUuid: pulumi.Input<string>;
  /** e.g. from getApplication; same organization as the team. Changing it replaces the grant. */
  applicationUuid: pulumi.Input<string>;
}

/**
 * An application on a team: the team's members get access to it. Deleting it removes the
 * application from the team (the application itself stays).
 */
export class TeamApplication extends pulumi.dynamic.Resource {
  declare readonly teamUuid: pulumi.Output<string>;
  declare readonly applicationUuid: pulumi.Output<string>;

  constructor(name: string, args: TeamApplicationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("TeamApplication"),
      name,
      { ...commonProps(args), teamUuid: args.teamUuid, applicationUuid: args.applicationUuid },
      withSecretOutputs(opts, []),
      MODULE,
      "TeamApplication",
    );
  }
}
