/**
 * Reading and switching an environment's flags, for the EnvironmentFlags kind (runtime code lives here:
 * a kind folder holds only its definition, handler and class). Each flag lives somewhere else at
 * Acquia: production mode in the environment's own `flags`, CDN and mod_proxy behind their own status
 * endpoints; each switch is its own request, answered with a task (CDN) or a message only (the others).
 */
import { AcquiaApiError, isConflict, isNotFound, type Environment, type Operation } from "../../sdk";
import { settle, unlessNotFound } from "./common";
import { InvalidInputError } from "./errors";
import type { Context } from "./handler";
import { log } from "./log";
import {
  FLAG_NAMES,
  readFlags as readEnvironmentFlags,
  type Flag,
  type FlagValues,
} from "../kinds/environment-flags/definition";

/**
 * The current values of `which`, or undefined when the environment is gone. A flag Acquia does not
 * offer on the environment is left out.
 */
export async function readFlags(
  ctx: Context,
  id: string,
  which: readonly Flag[],
  environment?: Environment,
): Promise<FlagValues | undefined> {
  const env = environment ?? (await unlessNotFound(ctx.client.environments.get(id)));
  if (!env) return undefined;
  try {
    return await readEnvironmentFlags(ctx.client, env, which);
  } catch (error) {
    // The environment went away between the reads.
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function send(ctx: Context, id: string, flag: Flag, on: boolean): Promise<Operation> {
  const api = ctx.client.environmentFlags;
  switch (flag) {
    case "productionMode":
      return on ? api.enableProductionMode(id) : api.disableProductionMode(id);
    case "cdn":
      return on ? api.enableCdn(id) : api.disableCdn(id);
    case "modProxy":
      return on ? api.enableModProxy(id) : api.disableModProxy(id);
  }
}

/** Acquia's 409 for a switch already in the wanted position ("already enabled", "not currently in …"). */
function alreadySo(error: unknown, on: boolean): boolean {
  if (!isConflict(error)) return false;
  return on
    ? /\balready\b/i.test(error.detail)
    : /\bnot (currently )?(enabled|in production mode)\b/i.test(error.detail);
}

const WHAT_TO_DO: Record<Flag, string> = {
  productionMode:
    "Production mode exists only on production environments of hosted Drupal applications, and changing it " +
    "needs a role allowed to: remove productionMode for this environment, or use credentials that may change it.",
  cdn:
    "Remove cdn for an environment that does not support Platform CDN (ask Acquia to enable it for the " +
    "subscription), or use credentials allowed to change it.",
  modProxy: "Remove modProxy for an environment where Acquia does not offer mod_proxy.",
};

/** Why Acquia refused a switch, naming the input and what to do about it. */
export function refused(flag: Flag, on: boolean, id: string, error: AcquiaApiError): InvalidInputError {
  return new InvalidInputError(
    flag,
    `${flag}: Acquia refused to ${on ? "enable" : "disable"} ${FLAG_NAMES[flag]} on environment ${id}: ` +
      `${error.detail.replace(/\.$/, "")}. ${WHAT_TO_DO[flag]}`,
    { cause: error },
  );
}

/**
 * Switches one flag and waits until Acquia shows it. A 409 saying it is already so (a change made
 * elsewhere in the meantime) is what was asked for; other refusals say what to change.
 */
export async function switchFlag(ctx: Context, id: string, flag: Flag, on: boolean): Promise<void> {
  const done = async () => (await readFlags(ctx, id, [flag]))?.[flag] === on;
  try {
    await settle(ctx, send(ctx, id, flag, on), done);
  } catch (error) {
    if (alreadySo(error, on)) {
      log(`${FLAG_NAMES[flag]} on environment ${id} was already ${on ? "on" : "off"}; nothing to switch`);
      return;
    }
    if (error instanceof AcquiaApiError && [400, 403, 409].includes(error.status))
      throw refused(flag, on, id, error);
    throw error;
  }
}
