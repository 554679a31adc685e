import type { AcquiaCloudClient, Operation, ResourceFamily, WaitOptions } from "../../sdk";
import type { AnyKind, InputsOf, OutputsOf } from "../kinds/kind";
import type { ConnectionSettings } from "../settings";

export interface Context {
  client: AcquiaCloudClient;
  /** Options for waiting on this resource's tasks. */
  wait: WaitOptions;
}

export interface Found<O> {
  id: string;
  outs: O;
}

/** What every handler does besides creating: read, update and delete an object it knows the id of. */
interface Common<K extends AnyKind> {
  kind: K;
  /**
   * Whether an input held in state and the program's value for it mean the same, where plain equality
   * would say no (a secret known only by its digest, a setting this stack never changed).
   */
  equivalent?(key: string, held: unknown, given: unknown, olds: Partial<OutputsOf<K>>): boolean;
  /** Current state, or undefined when Acquia answers that it is gone. */
  read(ctx: Context, id: string, props: OutputsOf<K>): Promise<OutputsOf<K> | undefined>;
  /** Whether the object's parent is still visible; decides whether a missing object is really gone. */
  parentVisible(ctx: Context, props: OutputsOf<K>): Promise<boolean>;
  /** Applies in-place changes (never called when only meta inputs changed). */
  update(ctx: Context, id: string, olds: OutputsOf<K>, news: InputsOf<K>): Promise<OutputsOf<K>>;
  /** Deletes and waits until the object is gone; an object already gone must not fail. */
  delete(ctx: Context, id: string, props: OutputsOf<K>): Promise<void>;
}

/**
 * A kind Acquia knows by a natural key (label, name, hostname): the lifecycle owns its create, so
 * every such kind gets the same guarantees (sent at most once in effect, its task awaited, the object
 * kept in state once Acquia accepted it, an identical object left by an interrupted run taken over).
 * What the create leaves different from the inputs (a cron to disable, a certificate to activate) is
 * brought over by `update`.
 */
export interface KeyedHandler<K extends AnyKind> extends Common<K> {
  /** How Acquia refuses a duplicate of this kind (see isAlreadyExists). */
  family: ResourceFamily;
  /**
   * The object with the inputs' natural key, or undefined. `createdId` is the id the create's answer
   * named, when it named one.
   */
  find(ctx: Context, inputs: InputsOf<K>, createdId?: string): Promise<Found<OutputsOf<K>> | undefined>;
  /** Sends the create; the lifecycle waits for it. */
  send(ctx: Context, inputs: InputsOf<K>): Promise<Operation>;
  /**
   * Whether anything may hold the inputs' natural key, from one listing of the parent shared by every
   * resource of the stack (see `namesIn`): the engine checks resources one at a time, so a preview
   * of a hundred new variables must not make a hundred lookups in a row. Without it, `find` answers.
   */
  taken?(ctx: Context, inputs: InputsOf<K>): Promise<boolean>;
  /**
   * Read-only checks beyond the schema (a role's permission names against Acquia's list), for a
   * resource about to be created or changed in what Acquia holds; `olds` is empty for a create.
   */
  preflight?(
    ctx: Context,
    inputs: InputsOf<K>,
    olds: Partial<InputsOf<K>>,
  ): Promise<{ property: string; reason: string }[]>;
  /**
   * The outputs of a created object when they follow from the inputs alone (a variable, a database):
   * once its task completed, no read-back is needed.
   */
  known?(inputs: InputsOf<K>): OutputsOf<K>;
}

/**
 * A kind without a natural key (runtime settings, code deployments, the Connection): "create" applies
 * the inputs to something that exists anyway, so there is nothing to adopt or take over.
 */
export interface ApplyHandler<K extends AnyKind> extends Common<K> {
  create(ctx: Context, inputs: InputsOf<K>): Promise<Found<OutputsOf<K>>>;
  /**
   * Read-only checks beyond the schema, for a resource about to be created or changed (`olds` holds
   * its previous inputs; empty for a create).
   */
  preflight?(
    ctx: Context,
    inputs: InputsOf<K>,
    olds: Partial<InputsOf<K>>,
  ): Promise<{ property: string; reason: string }[]>;
  /** Where the credentials come from when not from the `connection` input (the Connection itself). */
  settings?(props: InputsOf<K>): ConnectionSettings;
}

export type Handler<K extends AnyKind> = KeyedHandler<K> | ApplyHandler<K>;

// Handlers are stored type-erased; each is only ever called with its own kind's values.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = Handler<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKeyedHandler = KeyedHandler<any>;

export function isKeyed(handler: AnyHandler): handler is AnyKeyedHandler {
  return "send" in handler;
}

/** Declares a keyed handler; the identity function ties its types to its kind. */
export function keyedHandler<K extends AnyKind>(handler: KeyedHandler<K>): KeyedHandler<K> {
  return handler;
}

/** Declares an apply handler; the identity function ties its types to its kind. */
export function applyHandler<K extends AnyKind>(handler: ApplyHandler<K>): ApplyHandler<K> {
  return handler;
}
