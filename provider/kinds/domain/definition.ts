import { z } from "zod";
import { environmentId } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "Domain",
  description: "A domain name attached to an Acquia environment.",
  inputs: z.object({
    environmentId: environmentId.describe("The environment, e.g. from getEnvironment."),
    hostname: z
      .string()
      .transform((h) => h.trim().toLowerCase())
      .pipe(
        z
          .string()
          .max(253, "hostname must be at most 253 characters")
          .regex(
            /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/,
            "hostname must be a domain name such as www.example.com (a leading *. is allowed)",
          ),
      )
      .describe("e.g. www.example.com; lower-cased."),
  }),
  outputs: z.object({
    active: z.boolean().describe("Whether Acquia serves the domain."),
    isDefault: z.boolean().describe("Whether it is the environment's default acquia-sites.com domain."),
  }),
  secrets: [],
  replaceOn: ["environmentId", "hostname"],
  // A hostname may exist once per application: moving it between environments must delete first.
  deleteBeforeReplace: true,
  naturalKey: ["environmentId", "hostname"],
  idFormat: "<environmentId>/<hostname>",
  notes: "Replaced by deleting first: a hostname may exist once per application.",
});
