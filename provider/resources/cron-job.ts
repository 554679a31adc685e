import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export interface CronJobArgs extends CommonArgs {
  /** Changing it replaces the job. */
  environmentId: pulumi.Input<string>;
  /** Unique per environment; Acquia's natural key for the job. Updates in place. */
  label: pulumi.Input<string>;
  command: pulumi.Input<string>;
  /** Five-field cron expression, e.g. "0 * * * *". */
  frequency: pulumi.Input<string>;
  /** Default true. */
  enabled?: pulumi.Input<boolean>;
}

/** A scheduled job (cron) of an Acquia environment. */
export class CronJob extends pulumi.dynamic.Resource {
  declare readonly environmentId: pulumi.Output<string>;
  declare readonly label: pulumi.Output<string>;
  declare readonly command: pulumi.Output<string>;
  declare readonly frequency: pulumi.Output<string>;
  declare readonly enabled: pulumi.Output<boolean>;
  /** Acquia's id of the job. */
  declare readonly cronId: pulumi.Output<string>;
  declare readonly serverName: pulumi.Output<string | undefined>;

  constructor(name: string, args: CronJobArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("CronJob"),
      name,
      {
        ...commonProps(args),
        environmentId: args.environmentId,
        label: args.label,
        command: args.command,
        frequency: args.frequency,
        enabled: args.enabled,
        cronId: undefined,
        serverName: undefined,
      },
      withSecretOutputs(opts, []),
      MODULE,
      "CronJob",
    );
  }
}
