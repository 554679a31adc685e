import { z } from "zod";
import { email, teamUuid, unorderedSet } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "TeamMember",
  description:
    "A person on a team, by e-mail address, with roles. Acquia adds nobody directly: creating it sends " +
    "an invitation, and the person becomes a member by accepting it (`status` shows which).",
  inputs: z.object({
    teamUuid: teamUuid.describe("e.g. a Team's teamUuid, or from getTeam."),
    email: email.describe("The person's e-mail address (compared without regard to case)."),
    roles: unorderedSet(
      z.guid({ message: "roles must hold role UUIDs (a Role's roleUuid, or from getRoles)" }),
    )
      .min(1, "roles needs at least one role UUID (a Role's roleUuid, or from getRoles)")
      .describe(
        "UUIDs of the organization's roles to grant (a Role's roleUuid, or from getRoles); order does " +
          "not matter. A change updates the membership, or the pending invitation, in place.",
      ),
  }),
  outputs: z.object({
    status: z
      .enum(["pending", "declined", "active"])
      .describe(
        "`pending` while the invitation waits for an answer, `declined` when the person declined it, " +
          "`active` once they accepted (seen on refresh).",
      ),
    userUuid: z.string().optional().describe("The person's Acquia user UUID, once a member."),
  }),
  secrets: [],
  replaceOn: ["teamUuid", "email"],
  deleteBeforeReplace: false,
  naturalKey: ["teamUuid", "email"],
  idFormat: "<teamUuid>/<email>",
  notes:
    "A `roles` change sets a member's roles in place; Acquia cannot change a pending invitation's " +
    "roles, so for one it cancels the invitation and sends a new one with the new roles (the person " +
    "gets a second e-mail). Delete removes the member from the team, or cancels the pending invitation.",
});
