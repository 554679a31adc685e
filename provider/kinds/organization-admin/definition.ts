import { z } from "zod";
import { email, organizationUuid } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "OrganizationAdmin",
  description:
    "An administrator of an Acquia organization, by e-mail address. Creating it sends an admin " +
    "invitation; the person becomes an administrator by accepting it (`status` shows which).",
  inputs: z.object({
    organizationUuid: organizationUuid.describe("e.g. from getOrganization."),
    email: email.describe("The person's e-mail address (compared without regard to case)."),
  }),
  outputs: z.object({
    status: z
      .enum(["pending", "declined", "active"])
      .describe(
        "`pending` while the invitation waits for an answer, `declined` when the person declined it, " +
          "`active` once they administer the organization (seen on refresh).",
      ),
    userUuid: z.string().optional().describe("The person's Acquia user UUID, once an administrator."),
  }),
  secrets: [],
  replaceOn: ["organizationUuid", "email"],
  deleteBeforeReplace: false,
  naturalKey: ["organizationUuid", "email"],
  idFormat: "<organizationUuid>/<email>",
  notes:
    "Delete removes the administrator, or cancels the pending invitation; the person's own account " +
    "stays.",
});
