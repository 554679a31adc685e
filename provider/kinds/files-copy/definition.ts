import { z } from "zod";
import { environmentId, triggers } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "FilesCopy",
  description:
    "Copies the files (sites/default/files and the like) from one environment into another of the same " +
    "application when the resource is created, and again whenever `triggers` change.",
  inputs: z
    .object({
      sourceEnvironmentId: environmentId.describe("The environment to copy files from."),
      environmentId: environmentId.describe("The environment to copy files into. Not in production mode."),
      triggers,
    })
    .refine((p) => p.sourceEnvironmentId !== p.environmentId, {
      message:
        "environmentId is the same as sourceEnvironmentId: files cannot be copied into the environment " +
        "they come from; pick another environmentId",
      path: ["environmentId"],
    }),
  outputs: z.object({
    copiedAt: z.string().describe("When the copy completed (ISO 8601)."),
    notificationUuid: z.string().optional().describe("Acquia's notification for the copy's task."),
  }),
  secrets: [],
  replaceOn: ["sourceEnvironmentId", "environmentId", "triggers"],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "<sourceEnvironmentId>/<environmentId>/<copiedAt>",
  notes:
    "A change of `triggers` or of any other input replaces the resource, which copies again; nothing " +
    "else copies. Destroying it does nothing at Acquia: a copy cannot be undone. A target in production " +
    "mode is refused in preview.",
});
