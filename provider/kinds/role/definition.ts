import { z } from "zod";
import { organizationUuid, unorderedSet } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "Role",
  description:
    "A custom role of an Acquia organization: a named set of permissions that team members are given.",
  inputs: z.object({
    organizationUuid: organizationUuid.describe("e.g. from getOrganization."),
    name: z
      .string()
      .refine((n) => n.trim() !== "", "name is required (unique per organization)")
      .refine((n) => n.length <= 255, "name must be at most 255 characters")
      .describe("Unique per organization, up to 255 characters. A rename updates the role in place."),
    description: z
      .string()
      .min(1, "description must not be empty (leave it out instead)")
      .max(255, "description must be at most 255 characters")
      .optional()
      .describe("Up to 255 characters. Left out, whatever Acquia holds stays."),
    permissions: unorderedSet(
      z.string().trim().min(1, "permissions may not contain an empty name (see getPermissions)"),
    ).describe(
      "Permission names such as `deploy to non-prod` (see getPermissions); order does not matter. " +
        "Checked against Acquia's list in preview; a change updates the role in place.",
    ),
  }),
  outputs: z.object({
    roleUuid: z.string().describe("Acquia's id of the role (give it to TeamMember's roles)."),
  }),
  secrets: [],
  replaceOn: ["organizationUuid"],
  // Names are unique per organization only: a role moving to another organization collides with nothing.
  deleteBeforeReplace: false,
  naturalKey: ["organizationUuid", "name"],
  idFormat: "<organizationUuid>/<roleUuid>",
  notes:
    "A `name`, `description` or `permissions` change updates the role in place; members holding it keep it.",
});
