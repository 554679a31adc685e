import { ForbiddenError } from "../../../sdk";
import type { InputsOf } from "../kind";
import { gone, keyedLookup, listed, settle, unlessNotFound } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;

/** The inputs when the team lists the application; undefined when it does not, or the team is gone. */
async function current(ctx: Context, p: Inputs): Promise<Inputs | undefined> {
  const applications = await unlessNotFound(ctx.client.teams.listApplications(p.teamUuid));
  return applications?.some((a) => a.uuid === p.applicationUuid) ? p : undefined;
}

/** Grants a team's members access to an application. Both inputs replace. */
export const handler = keyedHandler({
  kind,
  family: "teamApplication",
  ...keyedLookup(kind, current),
  send: (ctx, p) => ctx.client.teams.addApplication(p.teamUuid, { uuid: p.applicationUuid }),
  known: (p) => p,
  taken: (ctx, p) =>
    listed(
      ctx,
      `applications of ${p.teamUuid}`,
      () => ctx.client.teams.listApplications(p.teamUuid),
      (a) => a.uuid,
      p.applicationUuid,
    ),

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.teams.get(props.teamUuid))) !== undefined;
  },

  // Both Acquia-side inputs replace; only meta inputs reach here.
  update: async (_ctx, _id, olds, news) => ({ ...olds, ...news }),

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
});
