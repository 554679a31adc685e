/** Steps several handlers share. */
import { isNotFound, type Operation } from "../../sdk";
import { applicationOfEnvironment } from "../kinds/fields";
import { formatId, type AnyKind } from "../kinds/kind";
import { ProviderError } from "./errors";
import type { Context, Found } from "./handler";

/** The value, or undefined when Acquia answers 404. */
export async function unlessNotFound<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Waits for a change to be done: its task completed or, when Acquia answered without one, `done`
 * (which reads the object: gone after a delete, showing the new values after an update) holds.
 */
export async function settle(
  ctx: Context,
  operation: Promise<Operation>,
  done: () => Promise<boolean>,
): Promise<void> {
  await (await operation).wait({ ...ctx.wait, until: done });
}

/** For `settle` after a delete: the object is gone once `current` finds nothing. */
export function gone(current: () => Promise<unknown>): () => Promise<boolean> {
  return async () => (await current()) === undefined;
}

/** An object found at Acquia, with the id its kind's id format makes of it. */
export function found<O extends object>(kind: AnyKind, outs: O): Found<O> {
  return { id: formatId(kind, outs as Record<string, unknown>), outs };
}

/**
 * `find` and `read` for kinds whose id is made of their natural key: both are a lookup by that key
 * (`current` answers undefined when Acquia holds no such object).
 */
export function keyedLookup<I extends object, O extends I>(
  kind: AnyKind,
  current: (ctx: Context, p: I) => Promise<O | undefined>,
) {
  return {
    async find(ctx: Context, p: I): Promise<Found<O> | undefined> {
      const outs = await current(ctx, p);
      return outs && found(kind, outs);
    },
    read: (ctx: Context, _id: string, props: O) => current(ctx, props),
  };
}

export async function environmentVisible(ctx: Context, id: string): Promise<boolean> {
  return (await unlessNotFound(ctx.client.environments.get(id))) !== undefined;
}

/** Whether the application an environment id names is visible (decides whether a missing object is gone). */
export async function environmentParentVisible(ctx: Context, id: string): Promise<boolean> {
  return applicationVisible(ctx, applicationOfEnvironment(id));
}

export async function applicationVisible(ctx: Context, uuid: string): Promise<boolean> {
  return (await unlessNotFound(ctx.client.applications.get(uuid))) !== undefined;
}

/** Reads back an object a task just changed; Acquia may show it a moment after the task completes. */
export async function readBack<T>(what: string, find: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
  }
  throw new ProviderError(
    "NOT_VISIBLE_YET",
    `${what}: Acquia reported the change done but does not show it yet; run \`pulumi refresh\` and try again`,
  );
}

const listings = new WeakMap<object, Map<string, { at: number; names: Promise<readonly unknown[]> }>>();
const LISTING_LIFE_MS = 60_000;

/**
 * Whether a parent's listing (the variables of an environment, the crons …) holds `name`. The listing
 * is made once and shared for a minute by every check of the stack: it serves only `taken`, whose
 * answer the create checks again, so a listing a little out of date costs nothing. Whatever this
 * process creates or deletes drops the listings (`forgetListings`).
 */
export async function listed<T>(
  ctx: Context,
  parent: string,
  list: () => Promise<T[]>,
  nameOf: (item: T) => unknown,
  name: unknown,
): Promise<boolean> {
  let cache = listings.get(ctx.client);
  if (!cache) listings.set(ctx.client, (cache = new Map()));
  let hit = cache.get(parent);
  if (!hit || Date.now() - hit.at >= LISTING_LIFE_MS) {
    const names = list().then((items) => items.map(nameOf));
    names.catch(() => cache?.delete(parent));
    cache.set(parent, (hit = { at: Date.now(), names }));
  }
  return (await hit.names).includes(name);
}

/** Drops the listings `listed` keeps for a client: its objects just changed. */
export function forgetListings(ctx: Context): void {
  listings.delete(ctx.client);
}
