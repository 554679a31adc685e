/**
 * Cloud Actions by the names people write: the Cloud UI shows labels ("Backup all databases"), Acquia's
 * API takes ids. Shared by every kind that names Cloud Actions (an environment's default actions, a
 * deployment's own), so they accept and refuse the same names with the same words.
 */
import type { CloudAction } from "../../sdk";
import { matchCloudAction } from "../kinds/environment-cloud-actions/definition";
import { InvalidInputError } from "./errors";
import type { Context } from "./handler";

/**
 * The ids of `wanted` among the actions Acquia lists, each once, in the order given. Throws an
 * InvalidInputError naming `field`, the names it does not know and the labels it offers.
 */
export function cloudActionIds(
  actions: readonly CloudAction[],
  wanted: readonly string[],
  field: string,
  environmentId: string,
): string[] {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of wanted) {
    const action = matchCloudAction(actions, name);
    if (!action) unknown.push(name);
    else if (!ids.includes(action.id)) ids.push(action.id);
  }
  if (unknown.length > 0) {
    const offered = actions.map((a) => `"${a.label}"`).join(", ");
    throw new InvalidInputError(
      field,
      `${field}: environment ${environmentId} has no Cloud Action ${unknown.map((n) => `"${n}"`).join(", ")}. ` +
        `Use a label or id it offers: ${offered || "(none listed)"}.`,
    );
  }
  return ids;
}

/**
 * Resolves Cloud Action labels or ids to Acquia's ids against the environment's list
 * (GET /environments/{id}/cloud-actions). `field` is the input the names came from, for the error.
 */
export async function resolveCloudActions(
  ctx: Context,
  environmentId: string,
  wanted: readonly string[],
  field: string,
): Promise<string[]> {
  if (wanted.length === 0) return [];
  const actions = await ctx.client.cloudActions.list(environmentId);
  return cloudActionIds(actions, wanted, field, environmentId);
}
