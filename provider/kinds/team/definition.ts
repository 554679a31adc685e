import { z } from "zod";
import { organizationUuid } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "Team",
  description: "A team of an Acquia organization; add applications with TeamApplication.",
  inputs: z.object({
    organizationUuid: organizationUuid.describe("e.g. from getOrganization."),
    name: z
      .string()
      .refine((n) => n.trim() !== "", "name is required (unique per organization)")
      .refine((n) => n.length <= 255, "name must be at most 255 characters")
      .describe("Unique per organization, up to 255 characters. A rename updates the team in place."),
  }),
  outputs: z.object({ teamUuid: z.string().describe("Acquia's id of the team (also the resource id).") }),
  secrets: [],
  replaceOn: ["organizationUuid"],
  // Names are unique per organization only: a team moving to another organization collides with nothing.
  deleteBeforeReplace: false,
  naturalKey: ["organizationUuid", "name"],
  idFormat: "<teamUuid>",
  notes: "A `name` change renames in place.",
});
