import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export interface CodeDeploymentArgs extends CommonArgs {
  /** Changing it deploys to the other environment (this one keeps its code). */
  environmentId: pulumi.Input<string>;
  /** Branch (`main`) or tag (`tags/v1.2.0`). Changing it deploys again. */
  ref: pulumi.Input<string>;
}

/**
 * The branch or tag an environment runs. Creating or changing it switches the environment's code and
 * waits for the deployment; destroying it leaves the code where it is.
 */
export class CodeDeployment extends pulumi.dynamic.Resource {
  declare readonly environmentId: pulumi.Output<string>;
  declare readonly ref: pulumi.Output<string>;
  /** What the environment ran before this resource first deployed. */
  declare readonly previousRef: pulumi.Output<string | undefined>;

  constructor(name: string, args: CodeDeploymentArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("CodeDeployment"),
      name,
      { ...commonProps(args), environmentId: args.environmentId, ref: args.ref, previousRef: undefined },
      withSecretOutputs(opts, []),
      MODULE,
      "CodeDeployment",
    );
  }
}
