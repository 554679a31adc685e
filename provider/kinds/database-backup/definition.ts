import { z } from "zod";
import { databaseName, environmentId, triggers } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "DatabaseBackup",
  description:
    "An on-demand backup of an environment's database, taken when the resource is created and again " +
    "whenever `triggers` change (a replacement takes a new backup). Destroying it keeps the backup " +
    "unless `deleteOnDestroy` is set.",
  inputs: z.object({
    environmentId: environmentId.describe("The environment whose database is backed up."),
    databaseName: databaseName.describe("The database to back up, e.g. `acmeweb`."),
    triggers,
    deleteOnDestroy: z
      .boolean()
      .default(false)
      .describe(
        "Delete the backup at Acquia when the resource is destroyed or replaced. Default false: the backup " +
          "outlives the resource (Acquia's retention applies). Changing it calls nothing.",
      ),
  }),
  outputs: z.object({
    backupId: z.string().describe("Acquia's id of the backup."),
    startedAt: z.string().optional().describe("When Acquia started the backup (ISO 8601)."),
    completedAt: z.string().optional().describe("When Acquia completed the backup (ISO 8601)."),
  }),
  secrets: [],
  replaceOn: ["environmentId", "databaseName", "triggers"],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "<environmentId>/<databaseName>/<backupId>",
  notes:
    "A change of `triggers`, `environmentId` or `databaseName` replaces the resource: a new backup is " +
    "taken (the old one is kept unless `deleteOnDestroy`); nothing else takes one. A backup deleted " +
    "outside Pulumi is dropped from state on refresh, and the next `up` takes a new one.",
});
