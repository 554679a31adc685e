import * as pulumi from "@pulumi/pulumi";
import { AcquiaProviderShim } from "../shim";
import { MODULE, commonProps, withSecretOutputs, type CommonArgs } from "./common";

/** Settings `PUT /environments/{id}` accepts; sizes in MB. Only the ones set are managed. */
export interface EnvironmentSettingsValues {
  /** e.g. "8.3". */
  phpVersion?: pulumi.Input<string>;
  /** 128–1024. */
  memoryLimit?: pulumi.Input<number>;
  /** 96–512. */
  opcache?: pulumi.Input<number>;
  /** 32–512. */
  apcu?: pulumi.Input<number>;
  /** 8–32. */
  internedStringsBuffer?: pulumi.Input<number>;
  /** 0–1024. */
  clientMaxBodySize?: pulumi.Input<number>;
  /** 0–1024. */
  uploadMaxFilesize?: pulumi.Input<number>;
  /** Seconds, 1–300. */
  maxExecutionTime?: pulumi.Input<number>;
  /** 64–1024. */
  maxPostSize?: pulumi.Input<number>;
  /** 500–20000. */
  maxInputVars?: pulumi.Input<number>;
  /** 0–12288. */
  memcachedLimit?: pulumi.Input<number>;
  /** e.g. "noble". */
  operatingSystem?: pulumi.Input<string>;
}

export interface EnvironmentSettingsArgs extends CommonArgs, EnvironmentSettingsValues {
  /** Changing it manages another environment's settings instead. */
  environmentId: pulumi.Input<string>;
  /**
   * On delete, put back the values found before this resource first changed them. Default false:
   * removing the resource leaves the environment as it is.
   */
  restoreOnDelete?: pulumi.Input<boolean>;
}

const SETTINGS = [
  "phpVersion",
  "memoryLimit",
  "opcache",
  "apcu",
  "internedStringsBuffer",
  "clientMaxBodySize",
  "uploadMaxFilesize",
  "maxExecutionTime",
  "maxPostSize",
  "maxInputVars",
  "memcachedLimit",
  "operatingSystem",
] as const satisfies readonly (keyof EnvironmentSettingsValues)[];

/**
 * Runtime settings (PHP version and limits, operating system) of an existing environment. Only the
 * settings given are managed, and only those that differ are sent. One per environment.
 */
export class EnvironmentSettings extends pulumi.dynamic.Resource {
  declare readonly environmentId: pulumi.Output<string>;
  declare readonly phpVersion: pulumi.Output<string | undefined>;
  declare readonly memoryLimit: pulumi.Output<number | undefined>;
  declare readonly opcache: pulumi.Output<number | undefined>;
  declare readonly apcu: pulumi.Output<number | undefined>;
  declare readonly internedStringsBuffer: pulumi.Output<number | undefined>;
  declare readonly clientMaxBodySize: pulumi.Output<number | undefined>;
  declare readonly uploadMaxFilesize: pulumi.Output<number | undefined>;
  declare readonly maxExecutionTime: pulumi.Output<number | undefined>;
  declare readonly maxPostSize: pulumi.Output<number | undefined>;
  declare readonly maxInputVars: pulumi.Output<number | undefined>;
  declare readonly memcachedLimit: pulumi.Output<number | undefined>;
  declare readonly operatingSystem: pulumi.Output<string | undefined>;
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  /** The managed settings' values before this resource first changed them. */
  declare readonly previousSettings: pulumi.Output<Record<string, string | number>>;

  constructor(name: string, args: EnvironmentSettingsArgs, opts?: pulumi.CustomResourceOptions) {
    const settings = Object.fromEntries(SETTINGS.map((k) => [k, args[k]]));
    super(
      new AcquiaProviderShim("EnvironmentSettings"),
      name,
      {
        ...commonProps(args),
        environmentId: args.environmentId,
        ...settings,
        restoreOnDelete: args.restoreOnDelete,
        previousSettings: undefined,
      },
      withSecretOutputs(opts, []),
      MODULE,
      "EnvironmentSettings",
    );
  }
}
