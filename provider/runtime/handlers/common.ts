import { z } from "zod";
import { createOnce, isNotFound, type Operation, type ResourceFamily } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import { connectionSettingsSchema } from "../settings";

/** The inputs every resource shares (see MetaInputs). */
export const metaShape = {
  connection: connectionSettingsSchema.optional(),
  adopt: z.boolean().optional(),
  timeoutSeconds: z.number().int().positive("timeoutSeconds must be a positive number of seconds").optional(),
};

export const environmentId = z
  .string()
  .regex(
    /^\d+-[0-9a-f-]{36}$/i,
    "environmentId must be an Acquia environment id such as 24-a47ac10b-58cc-4372-a567-0e02b2c3d470 (see getEnvironment)",
  );
export const applicationUuid = z.uuid({
  message: "applicationUuid must be an application UUID (see getApplication)",
});

/**
 * `find` and `read` for kinds whose id is made of their natural key: both are a lookup by that key
 * (`current` answers undefined when Acquia holds no such object).
 */
export function keyedLookup<I extends object, O extends I>(
  idOf: (p: I) => string,
  current: (ctx: Context, p: I) => Promise<O | undefined>,
): Pick<ResourceHandler<I, O>, "find" | "read"> {
  return {
    async find(ctx, p) {
      const outs = await current(ctx, p);
      return outs && { id: idOf(p), outs };
    },
    read: (ctx, _id, props) => current(ctx, props),
  };
}

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

export async function environmentVisible(ctx: Context, id: string): Promise<boolean> {
  return (await unlessNotFound(ctx.client.environments.get(id))) !== undefined;
}

/** For resources of an environment that must exist already. */
export function environmentMissing(id: string): Error {
  return new Error(`environment ${id} was not found: check environmentId (see getEnvironment)`);
}

/** Acquia environment ids end with their application's UUID (`24-<uuid>`). */
export async function environmentParentVisible(ctx: Context, id: string): Promise<boolean> {
  return applicationVisible(ctx, id.replace(/^\d+-/, ""));
}

export async function applicationVisible(ctx: Context, uuid: string): Promise<boolean> {
  return (await unlessNotFound(ctx.client.applications.get(uuid))) !== undefined;
}

/**
 * Creates an object Acquia knows by a natural key: sent at most once in effect (createOnce looks it up
 * through `current` after an unknown outcome), its task awaited, then read back through `current`.
 */
export async function createAndReadBack<T>(
  ctx: Context,
  what: string,
  family: ResourceFamily,
  send: () => Promise<Operation>,
  current: () => Promise<T | undefined>,
): Promise<T> {
  const outcome = await createOnce({ family, send, find: current });
  // From here on the object is ours: whatever fails next, it must stay in state.
  ctx.created = true;
  if (outcome.kind === "found") return outcome.existing;
  let created: T | undefined;
  // An answer without a notification: the object shows up when the create is done.
  await outcome.operation.wait({ ...ctx.wait, until: async () => (created = await current()) !== undefined });
  return created ?? readBack(what, current);
}

/** Reads back an object a task just changed; Acquia may show it a moment after the task completes. */
export async function readBack<T>(what: string, find: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
  }
  throw new Error(
    `${what}: Acquia reported the change done but does not show it yet; run \`pulumi refresh\` and try again`,
  );
}
