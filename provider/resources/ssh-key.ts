import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export interface SshKeyArgs extends CommonArgs {
  /**
   * Letters, digits and underscores; unique per account. Changing it replaces the key (deleted
   * first: Acquia cannot edit keys and refuses a second key with the same public key).
   */
  label: pulumi.Input<string>;
  /**
   * One OpenSSH public key line, e.g. the contents of `id_ed25519.pub`. Acquia decides which types and
   * sizes it takes (its spec asks for RSA of at least 4096 bits). Changing it replaces the key
   * (deleted first).
   */
  publicKey: pulumi.Input<string>;
}

/** An SSH key of the Acquia account that owns the API key. */
export class SshKey extends pulumi.dynamic.Resource {
  declare readonly label: pulumi.Output<string>;
  declare readonly publicKey: pulumi.Output<string>;
  /** Acquia's id of the key (also the resource id). */
  declare readonly sshKeyUuid: pulumi.Output<string>;
  /** MD5 fingerprint as Acquia shows it. */
  declare readonly fingerprint: pulumi.Output<string | undefined>;
  declare readonly createdAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: SshKeyArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("SshKey"),
      name,
      {
        ...commonProps(args),
        label: args.label,
        publicKey: args.publicKey,
        sshKeyUuid: undefined,
        fingerprint: undefined,
        createdAt: undefined,
      },
      withSecretOutputs(opts, []),
      MODULE,
      "SshKey",
    );
  }
}
