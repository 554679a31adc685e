import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

export type LogForwardingConsumer = "loggly" | "splunk" | "sumologic" | "syslog";
export type LogForwardingSource =
  | "apache-access"
  | "apache-error"
  | "varnish-access"
  | "drupal-request"
  | "drupal-watchdog"
  | "php-error"
  | "stdout"
  | "stderr";

/** What the consumer needs (Acquia's rules, checked before any call). */
export interface LogForwardingCredentialsArgs {
  /** PEM X.509 certificate: required for splunk, sumologic and syslog; not taken by loggly. */
  certificate?: pulumi.Input<string>;
  /** The certificate's PEM private key: optional for splunk, sumologic and syslog; not taken by loggly. */
  key?: pulumi.Input<string>;
  /** API token: required for loggly and sumologic, optional for syslog, not taken by splunk. */
  token?: pulumi.Input<string>;
}

export interface LogForwardingDestinationArgs extends CommonArgs {
  /** Changing it replaces the destination. */
  environmentId: pulumi.Input<string>;
  /** Identifies the destination in its environment (`adopt` finds an existing one by it). Updates in place. */
  label: pulumi.Input<string>;
  /** Updates in place. */
  consumer: pulumi.Input<LogForwardingConsumer>;
  /** At least one; order and duplicates do not matter. Updates in place. */
  sources: pulumi.Input<pulumi.Input<LogForwardingSource>[]>;
  /** host:port for splunk, sumologic and syslog; unset for loggly. Updates in place. */
  address?: pulumi.Input<string>;
  /** Stored encrypted in state. Updates in place. */
  credentials: pulumi.Input<LogForwardingCredentialsArgs>;
  /** Default true. Updates in place (enable/disable). */
  enabled?: pulumi.Input<boolean>;
}

/**
 * A log forwarding destination of an Acquia environment. Every input but `environmentId` updates in
 * place. Refresh shows changes made outside Pulumi, the key and token included: Acquia reports those
 * only as SHA-256 digests, which are compared with digests of the stored values; a key or token changed
 * outside Pulumi reads back as "(changed outside Pulumi)" and the next `up` puts the configured one back.
 */
export class LogForwardingDestination extends pulumi.dynamic.Resource {
  declare readonly environmentId: pulumi.Output<string>;
  declare readonly label: pulumi.Output<string>;
  declare readonly consumer: pulumi.Output<LogForwardingConsumer>;
  /** In Acquia's order. */
  declare readonly sources: pulumi.Output<LogForwardingSource[]>;
  declare readonly address: pulumi.Output<string | undefined>;
  declare readonly credentials: pulumi.Output<{ certificate?: string; key?: string; token?: string }>;
  declare readonly enabled: pulumi.Output<boolean>;
  /** Acquia's id of the destination (also the resource id). */
  declare readonly destinationUuid: pulumi.Output<string>;
  /** e.g. active, inactive, installing, failing. */
  declare readonly status: pulumi.Output<string | undefined>;
  declare readonly health: pulumi.Output<{ code?: string; summary?: string; details?: string } | undefined>;
  declare readonly certificateExpiresAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: LogForwardingDestinationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      new AcquiaProviderShim("LogForwardingDestination"),
      name,
      {
        ...commonProps(args),
        environmentId: args.environmentId,
        label: args.label,
        consumer: args.consumer,
        sources: args.sources,
        address: args.address,
        credentials: pulumi.secret(args.credentials),
        enabled: args.enabled,
        destinationUuid: undefined,
        status: undefined,
        health: undefined,
        certificateExpiresAt: undefined,
      },
      withSecretOutputs(opts, ["credentials"]),
      MODULE,
      "LogForwardingDestination",
    );
  }
}
