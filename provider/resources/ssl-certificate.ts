import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, secret, withSecretOutputs, type CommonArgs } from "./common";

export interface SslCertificateArgs extends CommonArgs {
  /** Changing it replaces the certificate. */
  environmentId: pulumi.Input<string>;
  /** Changing it replaces the certificate. Acquia gets `acquiaLabel`, derived from it (see the class). */
  label: pulumi.Input<string>;
  /** The site's PEM certificate alone (intermediates go in caCertificates); must not be expired. Changing it replaces. */
  certificate: pulumi.Input<string>;
  /** Unencrypted PEM key matching the certificate. Stored encrypted in state. */
  privateKey: pulumi.Input<string>;
  /** The intermediate chain, PEM. Changing it replaces. */
  caCertificates?: pulumi.Input<string>;
  /** Default true: serve it once installed. false installs it inactive. Updates in place. */
  activate?: pulumi.Input<boolean>;
}

/**
 * An SSL (SNI) certificate installed on an Acquia environment.
 *
 * Acquia cannot edit an installed certificate, so a new `certificate`, `caCertificates`, `label` or
 * `environmentId` replaces it: the new one is installed and activated before the old one is
 * deactivated and removed, so the environment is never without a certificate. Acquia requires labels
 * unique per environment and both exist during the replacement, so the label Acquia gets
 * (`acquiaLabel`) is `<label>-<first 8 hex digits of the certificate's SHA-256 fingerprint>`, with
 * `-<first 8 hex digits of the SHA-256 of the chain>` appended when `caCertificates` is set. It is
 * deterministic: `adopt` and retries find the certificate by it. `activate` updates in place; a new
 * `privateKey` alone is the same key pair (check proves it matches) and only updates state.
 * An environment serves one certificate at a time: activating one deactivates the others.
 * Deleting deactivates the certificate first, as Acquia refuses to remove the active one.
 */
export class SslCertificate extends pulumi.dynamic.Resource {
  declare readonly environmentId: pulumi.Output<string>;
  declare readonly label: pulumi.Output<string>;
  /** Canonical PEM. */
  declare readonly certificate: pulumi.Output<string>;
  declare readonly privateKey: pulumi.Output<string>;
  declare readonly caCertificates: pulumi.Output<string | undefined>;
  declare readonly activate: pulumi.Output<boolean>;
  /** Acquia's id of the certificate (also the resource id). */
  declare readonly certificateId: pulumi.Output<string>;
  /** The label Acquia holds: `<label>-<fingerprint prefix>` (see the class). */
  declare readonly acquiaLabel: pulumi.Output<string>;
  declare readonly active: pulumi.Output<boolean>;
  declare readonly expiresAt: pulumi.Output<string | undefined>;
  declare readonly domains: pulumi.Output<string[] | undefined>;

  constructor(name: string, args: SslCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("SslCertificate"),
      name,
      {
        ...commonProps(args),
        environmentId: args.environmentId,
        label: args.label,
        certificate: args.certificate,
        privateKey: secret(args.privateKey),
        caCertificates: args.caCertificates,
        activate: args.activate,
        certificateId: undefined,
        acquiaLabel: undefined,
        active: undefined,
        expiresAt: undefined,
        domains: undefined,
      },
      withSecretOutputs(opts, ["privateKey"]),
      MODULE,
      "SslCertificate",
    );
  }
}
