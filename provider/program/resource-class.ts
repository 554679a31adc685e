/**
 * Builds a kind's Pulumi class from its definition: the arguments it takes, the outputs it declares,
 * which values are secret. Runs in the user's program.
 */
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { looksLikePrivateKey, type AnyKind, type MetaKey, type OutputsOf } from "../kinds/kind";
import { providerShim } from "../shim";

/** The `module` of every type token: `pulumi-nodejs:dynamic/acquia-cloud:<Type>`. */
export const MODULE = "acquia-cloud";

/** Anything that can hand its settings to a resource: a Connection. */
export interface ConnectionLike {
  readonly settings: pulumi.Output<unknown>;
}

/** Inputs every Acquia resource accepts. */
export interface CommonArgs {
  /** The Connection to use; without one, stack config (acquia:*) and then ACLI_* variables apply. */
  connection?: ConnectionLike;
  /**
   * Take over an object that already exists with the same natural key instead of failing on the
   * conflict (Pulumi cannot import dynamic resources). Never replaces.
   */
  adopt?: pulumi.Input<boolean>;
  /** How long to wait for Acquia's task, in seconds (default `acquia:timeoutSeconds`, else 1800). */
  timeoutSeconds?: pulumi.Input<number>;
}

/** Pulumi's input types, all the way down: any nested value may be an Output. */
export type DeepInput<T> = T extends readonly (infer U)[]
  ? pulumi.Input<DeepInput<U>[]>
  : T extends object
    ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
    : pulumi.Input<T>;

/** The arguments of a kind's class. */
export type ArgsOf<K extends AnyKind> = {
  [P in keyof z.input<K["inputs"]>]: DeepInput<z.input<K["inputs"]>[P]>;
} & CommonArgs;

/** The outputs a kind's class declares (its inputs and what Acquia reports; not the meta inputs). */
export type ResourceOutputs<K extends AnyKind> = {
  readonly [P in Exclude<keyof OutputsOf<K>, MetaKey>]-?: pulumi.Output<OutputsOf<K>[P]>;
};

export type ResourceClass<K extends AnyKind> = new (
  name: string,
  args: ArgsOf<K>,
  opts?: pulumi.CustomResourceOptions,
) => pulumi.dynamic.Resource & ResourceOutputs<K>;

/** Wraps a secret input so it is encrypted in state even when the program passed a plain string. */
function secret<T>(value: pulumi.Input<T> | undefined): pulumi.Output<pulumi.Unwrap<T>> | undefined {
  return value === undefined ? undefined : pulumi.secret(value);
}

/**
 * A value pasted into the wrong field (a private key where a public key belongs) becomes a secret, so
 * Pulumi never shows it in a preview or a log; `check` then refuses it without quoting it.
 */
function guarded(value: unknown): unknown {
  if (value === undefined) return undefined;
  return pulumi.output(value).apply((v) => (looksLikePrivateKey(v) ? pulumi.secret(v) : v));
}

/** The class of a kind, derived from its definition. One shim object per kind: Pulumi serializes it once. */
export function resourceClass<K extends AnyKind>(kind: K): ResourceClass<K> {
  const shim = providerShim(kind.name);
  const secrets = new Set<string>(kind.secrets as readonly string[]);
  const inputNames = Object.keys(kind.inputs.shape);
  const outputNames = Object.keys(kind.outputs.shape);
  class KindResource extends pulumi.dynamic.Resource {
    constructor(name: string, args: ArgsOf<K>, opts?: pulumi.CustomResourceOptions) {
      const given = args as unknown as Record<string, unknown>;
      const props: Record<string, unknown> = {
        connection: args.connection?.settings,
        adopt: args.adopt,
        timeoutSeconds: args.timeoutSeconds,
      };
      for (const key of inputNames) props[key] = secrets.has(key) ? secret(given[key]) : guarded(given[key]);
      for (const key of outputNames) props[key] ??= undefined;
      super(
        shim,
        name,
        props,
        // A dynamic provider cannot mark outputs secret itself: they are declared up front.
        pulumi.mergeOptions(opts, { additionalSecretOutputs: ["connection", ...secrets] }),
        MODULE,
        kind.name,
      );
    }
  }
  Object.defineProperty(KindResource, "name", { value: kind.name });
  return KindResource as unknown as ResourceClass<K>;
}
