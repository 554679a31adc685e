import type { Team } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { found, gone, listed, settle, unlessNotFound } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const outsOf = (p: Inputs, team: Team): Outputs => ({
  ...p,
  organizationUuid: team.organization?.uuid ?? p.organizationUuid,
  name: team.name,
  teamUuid: team.uuid,
});

async function byUuid(ctx: Context, p: Inputs, teamUuid: string): Promise<Outputs | undefined> {
  const team = await unlessNotFound(ctx.client.teams.get(teamUuid));
  return team && outsOf(p, team);
}

/** A team of an Acquia organization. Found by name only until it has a uuid: the name can change. */
export const handler = keyedHandler({
  kind,
  family: "team",

  async find(ctx, p) {
    const team = await ctx.client.teams.find(p.organizationUuid, p.name);
    return team && found(kind, outsOf(p, team));
  },

  // Acquia answers only "Team created.": the new team's uuid comes from looking it up by name.
  send: (ctx, p) => ctx.client.teams.create(p.organizationUuid, { name: p.name }),
  taken: (ctx, p) =>
    listed(
      ctx,
      `teams of ${p.organizationUuid}`,
      () => ctx.client.teams.listForOrganization(p.organizationUuid),
      (t) => t.name,
      p.name,
    ),
  read: (ctx, id, props) => byUuid(ctx, props, props.teamUuid ?? id),

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.organizations.get(props.organizationUuid))) !== undefined;
  },

  async update(ctx, id, olds, news) {
    const teamUuid = olds.teamUuid ?? id;
    if (olds.name !== news.name) {
      await settle(
        ctx,
        ctx.client.teams.update(teamUuid, { name: news.name }),
        async () => (await byUuid(ctx, news, teamUuid))?.name === news.name,
      );
    }
    return { ...olds, ...news, teamUuid };
  },

  async delete(ctx, id, props) {
    const teamUuid = props.teamUuid ?? id;
    await settle(
      ctx,
      ctx.client.teams.delete(teamUuid),
      gone(() => byUuid(ctx, props, teamUuid)),
    );
  },
});
