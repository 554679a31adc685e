import { z } from "zod";
import { ForbiddenError } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import {
  applicationUuid,
  createAndReadBack,
  gone,
  keyedLookup,
  metaShape,
  settle,
  unlessNotFound,
} from "./common";

const inputs = z.object({
  // guid, not uuid: Acquia's ids do not all carry RFC 4122 version bits (see the spec's examples).
  teamUuid: z.guid({ message: "teamUuid must be a team UUID (e.g. a Team's teamUuid output)" }),
  applicationUuid,
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;

const idOf = (p: Inputs) => `${p.teamUuid}/${p.applicationUuid}`;

/** The inputs when the team lists the application; undefined when it does not, or the team is gone. */
async function current(ctx: Context, p: Inputs): Promise<Inputs | undefined> {
  const applications = await unlessNotFound(ctx.client.teams.listApplications(p.teamUuid));
  return applications?.some((a) => a.uuid === p.applicationUuid) ? p : undefined;
}

/** Grants a team's members access to an application. Both inputs replace. */
export const teamApplicationHandler: ResourceHandler<Inputs, Inputs> = {
  kind: "TeamApplication",
  inputs,
  replaceOn: ["teamUuid", "applicationUuid"],
  deleteBeforeReplace: false,

  ...keyedLookup(idOf, current),

  async create(ctx, p) {
    const outs = await createAndReadBack(
      ctx,
      `Application ${p.applicationUuid} on team ${p.teamUuid}`,
      "teamApplication",
      () => ctx.client.teams.addApplication(p.teamUuid, p.applicationUuid),
      () => current(ctx, p),
    );
    return { id: idOf(p), outs };
  },

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.teams.get(props.teamUuid))) !== undefined;
  },

  async update(_ctx, _id, olds, news) {
    // Both Acquia-side inputs replace; only meta inputs reach here.
    return { ...olds, ...news };
  },

  async delete(ctx, _id, props) {
    try {
      await settle(
        ctx,
        ctx.client.teams.removeApplication(props.teamUuid, props.applicationUuid),
        gone(() => current(ctx, props)),
      );
    } catch (error) {
      // Acquia answers 403 for an application that no longer exists: if the team no longer lists
      // it, there is nothing left to remove.
      if (error instanceof ForbiddenError && (await current(ctx, props)) === undefined) return;
      throw error;
    }
  },
};
