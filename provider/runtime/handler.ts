import type { z } from "zod";
import type { AcquiaCloudClient, WaitOptions } from "../../sdk";
import type { ConnectionSettings } from "./settings";

/** Inputs every resource accepts besides its own; changing them never touches Acquia. */
export interface MetaInputs {
  connection?: ConnectionSettings | undefined;
  /** Take over an existing object with the same natural key instead of failing on a conflict. */
  adopt?: boolean | undefined;
  /** How long to wait for Acquia's task; default `acquia:timeoutSeconds` or 30 minutes. */
  timeoutSeconds?: number | undefined;
}
export const META_KEYS = ["connection", "adopt", "timeoutSeconds"] as const;

export interface Context {
  client: AcquiaCloudClient;
  /** Options for waiting on this resource's tasks. */
  wait: WaitOptions;
  /** Set once Acquia accepted this call's create: a later failure leaves an object that is ours. */
  created?: boolean;
}

export interface Found<O> {
  id: string;
  outs: O;
}

/**
 * One resource kind's behaviour. The lifecycle module wraps these with validation, diffing,
 * credentials, adoption and error handling, so a handler only speaks to Acquia.
 * `O` (the outputs) always includes the inputs, so diffs can compare old outputs with new inputs.
 */
export interface ResourceHandler<I extends object, O extends I> {
  kind: string;
  /** Validates and normalizes inputs (defaults filled in). Must be a zod object. */
  inputs: z.ZodObject<z.ZodRawShape> & z.ZodType<I>;
  /** Inputs whose change replaces the object; the rest update in place. */
  replaceOn: readonly string[];
  /** Delete first when a replacement would collide on the natural key. */
  deleteBeforeReplace: boolean;
  /** False for kinds without a natural key (settings, deployments): there is nothing to adopt. */
  adoptable?: false;
  /** Looks the object up by its natural key. */
  find(ctx: Context, inputs: I): Promise<Found<O> | undefined>;
  /** Creates the object and waits for it to exist. */
  create(ctx: Context, inputs: I): Promise<Found<O>>;
  /** Current state, or undefined when Acquia answers that it is gone. */
  read(ctx: Context, id: string, props: O): Promise<O | undefined>;
  /** Whether the object's parent is still visible; decides whether a missing object is really gone. */
  parentVisible(ctx: Context, props: O): Promise<boolean>;
  /** Applies in-place changes (never called when only meta inputs changed). */
  update(ctx: Context, id: string, olds: O, news: I): Promise<O>;
  /** Deletes and waits; an object already gone must not fail. */
  delete(ctx: Context, id: string, props: O): Promise<void>;
  /** Checks beyond the schema that need Acquia (run only when every input is known). */
  verify?(inputs: I): Promise<{ property: string; reason: string }[]>;
  /** Where the credentials come from when not from the `connection` input (the Connection itself). */
  settings?(props: I): ConnectionSettings;
}

// Handlers are stored type-erased; each is only ever called with its own kind's values.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = ResourceHandler<any, any>;
