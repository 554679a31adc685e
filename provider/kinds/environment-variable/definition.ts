import { z } from "zod";
import { environmentId } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "EnvironmentVariable",
  description: "An environment variable of an Acquia environment.",
  inputs: z.object({
    environmentId: environmentId.describe("Environment id, e.g. from getEnvironment."),
    name: z
      .string()
      .max(255, "name must be under 256 characters")
      .regex(
        /^[A-Za-z_][A-Za-z0-9_]*$/,
        "name may contain only letters, digits and underscores, and may not start with a digit",
      )
      .refine((n) => !/^(ACQUIA_|AH_)/.test(n), "name may not start with ACQUIA_ or AH_ (reserved by Acquia)")
      .describe("Letters, digits and underscores; not starting with ACQUIA_ or AH_."),
    value: z.string().max(255, "value must be under 256 characters").describe("Up to 255 characters."),
  }),
  outputs: z.object({}),
  secrets: ["value"],
  replaceOn: ["environmentId", "name"],
  deleteBeforeReplace: false,
  naturalKey: ["environmentId", "name"],
  idFormat: "<environmentId>/<name>",
});
