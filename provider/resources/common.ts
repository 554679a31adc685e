import * as pulumi from "@pulumi/pulumi";
import type { Connection } from "./connection";

/** Inputs every Acquia resource accepts. */
export interface CommonArgs {
  /** The Connection to use; without one, stack config (acquia:*) and then ACLI_* variables apply. */
  connection?: Connection;
  /**
   * Take over an object that already exists with the same natural key instead of failing on the
   * conflict (Pulumi cannot import dynamic resources). Never replaces.
   */
  adopt?: pulumi.Input<boolean>;
  /** How long to wait for Acquia's task, in seconds (default `acquia:timeoutSeconds`, else 1800). */
  timeoutSeconds?: pulumi.Input<number>;
}

export const MODULE = "acquia-cloud";

export function commonProps(args: CommonArgs) {
  return { connection: args.connection?.settings, adopt: args.adopt, timeoutSeconds: args.timeoutSeconds };
}

/** Secret outputs are declared up front: a dynamic provider cannot return secrets itself. */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  keys: string[],
): pulumi.CustomResourceOptions {
  return pulumi.mergeOptions(opts, { additionalSecretOutputs: ["connection", ...keys] });
}

/** Wraps a secret input so it is encrypted in state even when the program passed a plain string. */
export function secret(value: pulumi.Input<string> | undefined): pulumi.Output<string> | undefined {
  return value === undefined ? undefined : pulumi.secret(value);
}
