import { z } from "zod";
import { applicationOfEnvironment, environmentId, gitRef, triggers } from "../fields";
import { defineKind } from "../kind";

/** Where the code comes from: exactly one of these inputs is set. */
export const SOURCES = ["ref", "sourceEnvironmentId", "artifactId"] as const;

export const kind = defineKind({
  name: "CodeDeployment",
  description:
    "The code an environment runs: a branch or tag, the code of another environment (promote stage to " +
    "prod) or a build artifact (Node.js applications). Creating or changing it deploys and waits for " +
    "the deployment; destroying it leaves the code where it is.",
  inputs: z
    .object({
      environmentId: environmentId.describe(
        "Changing it deploys to the other environment (this one keeps its code).",
      ),
      ref: gitRef("ref", "ref must not be empty: a branch such as main, or a tag written tags/<name>")
        .optional()
        .describe("Branch (`main`) or tag (`tags/v1.2.0`) to run. A change deploys again."),
      sourceEnvironmentId: environmentId
        .optional()
        .describe(
          "Deploy the code another environment of the same application runs (promote stage to prod). " +
            "Deploys when created and when this or `triggers` change; someone else's deploy later " +
            "shows as a changed `deployedRef` on refresh.",
        ),
      artifactId: z
        .string()
        .regex(/^\d+$/, "artifactId must be a build artifact's numeric id (see the application's artifacts)")
        .optional()
        .describe("A ready build artifact of a Node.js application. A change deploys again."),
      message: z
        .string()
        .optional()
        .describe("With sourceEnvironmentId: the message of the tag Acquia creates for the deploy."),
      cloudActions: z
        .array(z.string().min(1, "cloudActions entries must not be empty"))
        .optional()
        .describe(
          "Cloud Actions to run with each deploy, by label (`Clear all Drupal caches`) or id; `[]` runs " +
            "none. Without it Acquia runs the environment's enabled actions (see EnvironmentCloudActions). " +
            "Changing it alone does not deploy.",
        ),
      triggers: triggers.describe(
        "Values that deploy again when any of them changes (a release number, a commit), even if the " +
          'environment already runs that code. E.g. `{ release: "v42" }`.',
      ),
    })
    .refine((p) => SOURCES.filter((key) => p[key] !== undefined).length === 1, {
      message: "set exactly one of ref, sourceEnvironmentId or artifactId",
      path: ["ref"],
    })
    .refine((p) => p.sourceEnvironmentId !== p.environmentId, {
      message: "sourceEnvironmentId must be another environment: code cannot be deployed to itself",
      path: ["sourceEnvironmentId"],
    })
    .refine(
      (p) =>
        p.sourceEnvironmentId === undefined ||
        applicationOfEnvironment(p.sourceEnvironmentId) === applicationOfEnvironment(p.environmentId),
      {
        message: "sourceEnvironmentId must be an environment of the same application as environmentId",
        path: ["sourceEnvironmentId"],
      },
    )
    .refine((p) => p.cloudActions === undefined || p.artifactId === undefined, {
      message: "cloudActions apply to branch, tag and environment deploys, not to artifacts",
      path: ["cloudActions"],
    })
    .refine((p) => p.message === undefined || p.sourceEnvironmentId !== undefined, {
      message: "message applies only to a deploy from sourceEnvironmentId",
      path: ["message"],
    }),
  outputs: z.object({
    previousRef: z
      .string()
      .optional()
      .describe("What the environment ran before this resource first deployed."),
    deployedRef: z
      .string()
      .optional()
      .describe(
        "The branch or tag the environment runs, as last read (after a deploy from another environment).",
      ),
  }),
  secrets: [],
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "<environmentId>",
  notes:
    "A change of `ref`, `sourceEnvironmentId`, `artifactId` or `triggers` deploys again; `cloudActions` " +
    "and `message` apply to the next deploy.",
});
