import { z } from "zod";
import { applicationUuid } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "Database",
  description:
    "An application database; Acquia provisions it in every environment. Deleting the resource deletes " +
    "the database and its data in all environments: consider `protect: true`.",
  inputs: z.object({
    applicationUuid: applicationUuid.describe("The application, e.g. from getApplication."),
    name: z
      .string()
      .min(1, "name is required")
      .max(63, "name must be at most 63 characters")
      .regex(/^[A-Za-z0-9_]+$/, "name may contain only letters, digits and underscores")
      .refine((n) => n !== "default", 'name may not be "default"')
      .describe('Letters, digits, underscores; at most 63; not "default".'),
  }),
  outputs: z.object({}),
  secrets: [],
  replaceOn: ["applicationUuid", "name"],
  deleteBeforeReplace: false,
  naturalKey: ["applicationUuid", "name"],
  idFormat: "<applicationUuid>/<name>",
});
