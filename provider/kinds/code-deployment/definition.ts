import { z } from "zod";
import { environmentId, gitRef } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "CodeDeployment",
  description:
    "The branch or tag an environment runs. Creating or changing it switches the environment's code and " +
    "waits for the deployment; destroying it leaves the code where it is.",
  inputs: z.object({
    environmentId: environmentId.describe(
      "Changing it deploys to the other environment (this one keeps its code).",
    ),
    ref: gitRef("ref", "ref is required: a branch such as main, or a tag written tags/<name>").describe(
      "Branch (`main`) or tag (`tags/v1.2.0`). A change deploys again.",
    ),
  }),
  outputs: z.object({
    previousRef: z
      .string()
      .optional()
      .describe("What the environment ran before this resource first deployed."),
  }),
  secrets: [],
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "<environmentId>",
  notes: "A `ref` change deploys again.",
});
