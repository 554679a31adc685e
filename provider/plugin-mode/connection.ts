import type * as pulumi from "@pulumi/pulumi";
import * as generated from "../plugin-sdk/connection";
import type * as outputs from "../plugin-sdk/types/output";
import { connectionInputs, connectionSettings } from "../program/connection-settings";

/** Every field falls back to stack config (acquia:*) and then the ACLI_* variables. */
export type ConnectionArgs = Partial<
  Pick<generated.ConnectionArgs, "clientId" | "clientSecret" | "organizationUuid" | "apiUrl" | "tokenUrl">
>;

/**
 * One configured Cloud Platform connection (`acquia:index:Connection`): its check, create, read and
 * update authenticate, so bad credentials fail `pulumi preview`.
 *
 * The generated class, with `settings` made in the program from the inputs, as the dynamic provider's
 * class makes it: a stack moved over from the dynamic provider holds no `settings` output, and its
 * dependents keep exactly the `connection` they had, so the move changes nothing.
 */
export class Connection extends generated.Connection {
  declare public readonly settings: pulumi.Output<outputs.ConnectionSettings>;

  constructor(name: string, args: ConnectionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    // Reading an existing Connection (Connection.get) takes its settings from state, as generated.
    const inputs = opts?.id === undefined ? connectionInputs(args) : undefined;
    super(name, (inputs ?? {}) as generated.ConnectionArgs, opts);
    if (inputs)
      Object.defineProperty(this, "settings", { value: connectionSettings(inputs, this.accountUuid) });
  }
}
