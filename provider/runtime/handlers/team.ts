import { z } from "zod";
import type { Team } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import { createAndReadBack, gone, metaShape, settle, unlessNotFound } from "./common";

const inputs = z.object({
  // guid, not uuid: Acquia's ids do not all carry RFC 4122 version bits (see the spec's examples).
  organizationUuid: z.guid({
    message: "organizationUuid must be an organization UUID (see getOrganization)",
  }),
  name: z
    .string()
    .refine((n) => n.trim() !== "", "name is required (unique per organization)")
    .refine((n) => n.length <= 255, "name must be at most 255 characters"),
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;
export interface TeamOutputs extends Inputs {
  teamUuid: string;
}

const outsOf = (p: Inputs, team: Team): TeamOutputs => ({
  ...p,
  organizationUuid: team.organization?.uuid ?? p.organizationUuid,
  name: team.name,
  teamUuid: team.uuid,
});

async function byUuid(ctx: Context, p: Inputs, teamUuid: string): Promise<TeamOutputs | undefined> {
  const team = await unlessNotFound(ctx.client.teams.get(teamUuid));
  return team && outsOf(p, team);
}

async function byName(ctx: Context, p: Inputs): Promise<TeamOutputs | undefined> {
  const team = await ctx.client.teams.findByName(p.organizationUuid, p.name);
  return team && outsOf(p, team);
}

/** A team of an Acquia organization. Found by name only until it has a uuid: the name can change. */
export const teamHandler: ResourceHandler<Inputs, TeamOutputs> = {
  kind: "Team",
  inputs,
  replaceOn: ["organizationUuid"],
  // Names are unique per organization only: a team moving to another organization collides with nothing.
  deleteBeforeReplace: false,

  async find(ctx, p) {
    const outs = await byName(ctx, p);
    return outs && { id: outs.teamUuid, outs };
  },

  async create(ctx, p) {
    // Acquia answers only "Team created.": the new team's uuid comes from looking it up by name.
    const outs = await createAndReadBack(
      ctx,
      `Team ${p.name}`,
      "team",
      () => ctx.client.teams.create(p.organizationUuid, p.name),
      () => byName(ctx, p),
    );
    return { id: outs.teamUuid, outs };
  },

  read: (ctx, id, props) => byUuid(ctx, props, props.teamUuid ?? id),

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.organizations.get(props.organizationUuid))) !== undefined;
  },

  async update(ctx, id, olds, news) {
    const teamUuid = olds.teamUuid ?? id;
    if (olds.name !== news.name) {
      await settle(
        ctx,
        ctx.client.teams.rename(teamUuid, news.name),
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
};
