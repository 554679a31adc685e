import { z } from "zod";
import type { CloudAction } from "../../../sdk";
import { environmentId, unorderedSet } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "EnvironmentCloudActions",
  description:
    "The Cloud Actions a code deployment to an existing environment runs by default (back up databases, " +
    "run database updates, clear caches …): exactly the actions listed are enabled, the others disabled. " +
    "One per environment.",
  inputs: z.object({
    environmentId: environmentId.describe("Changing it manages another environment's Cloud Actions instead."),
    actions: unorderedSet(z.string().trim().min(1, "actions must not contain an empty name")).describe(
      'The actions to run by default, by label as the Cloud UI shows it ("Backup all databases") or by id; ' +
        "every other action is disabled. An empty list disables them all. Order does not matter.",
    ),
    resetOnDelete: z
      .boolean()
      .default(false)
      .describe(
        "On delete, put every action back to Acquia's default. Default false: removing the resource " +
          "leaves the actions as they are.",
      ),
  }),
  outputs: z.object({
    actionIds: z
      .array(z.string())
      .describe("Acquia's ids of the actions enabled, as last read (the same on every environment)."),
  }),
  secrets: [],
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "<environmentId>",
  notes:
    "Names are checked against the environment's list (`GET /environments/{id}/cloud-actions`) in preview " +
    "when the credentials allow, else at create; an unknown name is refused naming `actions` and listing " +
    "the labels offered. Refresh shows drift in the form the program wrote (labels stay labels; an action " +
    "enabled elsewhere appears by its label). Deleting it leaves the actions as they are; set " +
    "`resetOnDelete: true` to put them back to Acquia's defaults.",
});

/**
 * The action a program's name stands for: by id, or by label regardless of case and surrounding spaces
 * (the handler and discover name actions alike).
 */
export function matchCloudAction(actions: readonly CloudAction[], wanted: string): CloudAction | undefined {
  const name = wanted.trim().toLowerCase();
  return (
    actions.find((a) => a.id.toLowerCase() === name) ?? actions.find((a) => a.label.toLowerCase() === name)
  );
}
