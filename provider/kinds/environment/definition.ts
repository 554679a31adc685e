import { z } from "zod";
import { applicationUuid, gitRef } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "Environment",
  description:
    "A continuous-delivery environment of an application. Creating one takes minutes: give it a generous " +
    "`timeoutSeconds`; progress is reported while Acquia works. Deleting it deletes everything in it. Don't " +
    "also manage its code with a CodeDeployment: the two would switch it back and forth.",
  inputs: z.object({
    applicationUuid: applicationUuid.describe("The application, e.g. from getApplication."),
    label: z
      .string()
      .trim()
      .min(1, "label is required (Acquia requires a unique label per application)")
      .max(255, "label must be at most 255 characters")
      .describe("Unique per application (case-insensitive). A change renames the environment in place."),
    branch: gitRef(
      "branch",
      "branch is required: the branch or tag (tags/<name>) to deploy, e.g. main",
    ).describe("Branch or tag (`tags/<name>`) to deploy. A change switches the code in place."),
    // A set: order and repeats mean nothing to Acquia, so they must not show as a diff.
    databases: z
      .array(z.string().min(1, "databases entries must be database names"))
      .default([])
      .transform((names) => [...new Set(names)].sort())
      .describe("Application databases to copy into the environment."),
  }),
  outputs: z.object({
    environmentId: z
      .string()
      .describe("Acquia's environment id, e.g. for EnvironmentVariable.environmentId."),
    name: z.string().describe("Acquia's machine name, used in hostnames and Drush aliases."),
    domains: z.array(z.string()).describe("The environment's domains."),
  }),
  secrets: [],
  replaceOn: ["applicationUuid", "databases"],
  // A replacement keeps the label, which Acquia allows once per application: the old one goes first.
  deleteBeforeReplace: true,
  naturalKey: ["applicationUuid", "label"],
  idFormat: "<environmentId>",
  notes:
    "Replaced by deleting first: the label is unique per application. A `label` change renames in place " +
    "(Acquia's deprecated change-label action), a `branch` change switches the code in place.",
});
