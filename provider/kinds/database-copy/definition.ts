import { z } from "zod";
import { databaseName, environmentId, triggers } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "DatabaseCopy",
  description:
    "Copies a database from one environment into another of the same application (e.g. prod → stage) " +
    "when the resource is created, and again whenever `triggers` change. It overwrites the target's " +
    "copy of the database.",
  inputs: z
    .object({
      sourceEnvironmentId: environmentId.describe("The environment to copy the database from."),
      environmentId: environmentId.describe(
        "The environment to copy into: its copy of the database is overwritten. Not in production mode.",
      ),
      databaseName: databaseName.describe("The database to copy, e.g. `acmeweb`."),
      triggers,
    })
    .refine((p) => p.sourceEnvironmentId !== p.environmentId, {
      message:
        "environmentId is the same as sourceEnvironmentId: a database cannot be copied into the " +
        "environment it comes from; pick another environmentId",
      path: ["environmentId"],
    }),
  outputs: z.object({
    copiedAt: z.string().describe("When the copy completed (ISO 8601)."),
    notificationUuid: z.string().optional().describe("Acquia's notification for the copy's task."),
  }),
  secrets: [],
  replaceOn: ["sourceEnvironmentId", "environmentId", "databaseName", "triggers"],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "<sourceEnvironmentId>/<environmentId>/<databaseName>/<copiedAt>",
  notes:
    "A change of `triggers` or of any other input replaces the resource, which copies again; nothing " +
    "else copies. Destroying it does nothing at Acquia: a copy cannot be undone. A target in production " +
    "mode is refused in preview.",
});
