import { z } from "zod";
import { applicationUuid } from "../fields";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "TeamApplication",
  description:
    "An application on a team: the team's members get access to it. Deleting it removes the application " +
    "from the team (the application itself stays).",
  inputs: z.object({
    teamUuid: z
      .guid({ message: "teamUuid must be a team UUID (e.g. a Team's teamUuid output)" })
      .describe("e.g. a Team's teamUuid."),
    applicationUuid: applicationUuid.describe("e.g. from getApplication; same organization as the team."),
  }),
  outputs: z.object({}),
  secrets: [],
  replaceOn: ["teamUuid", "applicationUuid"],
  deleteBeforeReplace: false,
  naturalKey: ["teamUuid", "applicationUuid"],
  idFormat: "<teamUuid>/<applicationUuid>",
});
