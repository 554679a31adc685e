import { z } from "zod";
import { environmentId } from "../fields";
import { defineKind } from "../kind";

const field = "[\\w*/,\\-]+";

export const kind = defineKind({
  name: "CronJob",
  description: "A scheduled job (cron) of an Acquia environment.",
  inputs: z.object({
    environmentId: environmentId.describe("The environment, e.g. from getEnvironment."),
    label: z
      .string()
      .min(1, "label is required (Acquia requires a unique label per environment)")
      .max(255)
      .describe("Unique per environment; Acquia's natural key for the job. Updates in place."),
    command: z.string().min(1, "command is required").describe("The command to run, e.g. `drush cron`."),
    frequency: z
      .string()
      .transform((f) => f.trim().split(/\s+/).join(" "))
      .pipe(
        z
          .string()
          .regex(
            new RegExp(`^${field}( ${field}){4}$`),
            'frequency must be a five-field cron expression such as "0 */6 * * *"',
          ),
      )
      .describe('Five-field cron expression, e.g. "0 * * * *".'),
    enabled: z.boolean().default(true).describe("Default true."),
  }),
  outputs: z.object({
    cronId: z.string().describe("Acquia's id of the job."),
    serverName: z
      .string()
      .optional()
      .describe("The server the job runs on (absent when it runs on any web server)."),
  }),
  secrets: [],
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  naturalKey: ["environmentId", "label"],
  idFormat: "<environmentId>/<cronId>",
});
