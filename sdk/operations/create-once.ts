import { AcquiaConnectionError, isAlreadyExists, type ResourceFamily } from "../errors";
import { sleep } from "../internal/sleep";
import type { Operation } from "./operation";

export interface CreateOnceOptions<T> {
  /** Sends the create. */
  send: () => Promise<Operation>;
  /** Finds the object by its natural key (label, name, hostname …). */
  find: () => Promise<T | undefined>;
  /** Decides how Acquia answers a duplicate, and whether it refuses duplicates at all. */
  family: ResourceFamily;
  /** How long to look for an object whose create may still be running. Default 30 s. */
  settleMs?: number | undefined;
  pollMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

export type CreateOutcome<T> = { kind: "sent"; operation: Operation } | { kind: "found"; existing: T };

/**
 * Sends a create at most once in effect. When the connection breaks after the request left (the
 * outcome is unknown), it looks for the object by its natural key for `settleMs` before sending
 * again; when the second send is refused as a duplicate, the first one landed and the object is
 * awaited instead.
 */
export async function createOnce<T>(options: CreateOnceOptions<T>): Promise<CreateOutcome<T>> {
  try {
    return { kind: "sent", operation: await options.send() };
  } catch (error) {
    if (!(error instanceof AcquiaConnectionError) || !error.outcomeUnknown) throw error;
  }
  // A create still in flight is invisible until its task completes, and Acquia checks natural keys
  // only against finished objects: give it time to show up before sending again.
  const existing = await poll(options);
  if (existing !== undefined) return { kind: "found", existing };
  try {
    return { kind: "sent", operation: await options.send() };
  } catch (error) {
    if (!isAlreadyExists(error, options.family)) throw error;
    const landed = await poll(options);
    if (landed === undefined) throw error;
    return { kind: "found", existing: landed };
  }
}

async function poll<T>(options: CreateOnceOptions<T>): Promise<T | undefined> {
  const deadline = Date.now() + (options.settleMs ?? 30_000);
  for (;;) {
    const found = await options.find();
    if (found !== undefined || Date.now() >= deadline) return found;
    await sleep(options.pollMs ?? 1_000, options.signal);
  }
}
