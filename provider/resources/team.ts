import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export interface TeamArgs extends CommonArgs {
  /** e.g. from getOrganization. Changing it replaces the team. */
  organizationUuid: pulumi.Input<string>;
  /** Unique per organization, up to 255 characters. A rename updates the team in place. */
  name: pulumi.Input<string>;
}

/** A team of an Acquia organization; add applications with TeamApplication. */
export class Team extends pulumi.dynamic.Resource {
  declare readonly organizationUuid: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  /** Acquia's id of the team (also the resource id). */
  declare readonly teamUuid: pulumi.Output<string>;

  constructor(name: string, args: TeamArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("Team"),
      name,
      {
        ...commonProps(args),
        organizationUuid: args.organizationUuid,
        name: args.name,
        teamUuid: undefined,
      },
      withSecretOutputs(opts, []),
      MODULE,
      "Team",
    );
  }
}
