import type { TeamMember } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { gone, keyedLookup, listed, settle, unlessNotFound } from "../../runtime/common";
import { ProviderError } from "../../runtime/errors";
import { keyedHandler, type Context } from "../../runtime/handler";
import { invitationStatus, standingOf, type Standing } from "../../runtime/invitations";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const uuidsOf = (roles: { uuid: string }[] | undefined) =>
  [...new Set((roles ?? []).map((r) => r.uuid))].sort();

const standing = (ctx: Context, teamUuid: string, email: string) =>
  standingOf(
    email,
    () => ctx.client.teamMembers.list(teamUuid),
    () => ctx.client.teamMembers.listInvites(teamUuid),
  );

function outsOf(p: Inputs, at: Standing<TeamMember> | undefined): Outputs | undefined {
  if (at === undefined || at === "none") return undefined;
  const { userUuid: _held, ...inputs } = p as Outputs;
  if ("member" in at) {
    return { ...inputs, roles: uuidsOf(at.member.roles), status: "active", userUuid: at.member.uuid };
  }
  return { ...inputs, roles: uuidsOf(at.invite.roles), status: invitationStatus(at.invite) };
}

async function current(ctx: Context, p: Inputs): Promise<Outputs | undefined> {
  return outsOf(p, await standing(ctx, p.teamUuid, p.email));
}

const holds = (outs: Outputs | undefined, roles: string[]) => outs?.roles.join(",") === roles.join(",");

/**
 * A person on a team. Acquia adds people only by invitation: the create sends one, refresh reads the
 * members list and the invitations list to tell `pending` from `active`.
 */
export const handler = keyedHandler({
  kind,
  family: "teamMember",
  ...keyedLookup(kind, current),
  // Acquia refuses roles of another organization only once the invitation is sent: say so in preview.
  async preflight(ctx, p) {
    const team = await ctx.client.teams.get(p.teamUuid);
    const organizationUuid = team.organization?.uuid;
    if (organizationUuid === undefined) return [];
    const foreign: string[] = [];
    for (const uuid of p.roles) {
      const known = await listed(
        ctx,
        `role uuids of ${organizationUuid}`,
        () => ctx.client.roles.listForOrganization(organizationUuid),
        (r) => r.uuid,
        uuid,
      );
      if (!known) foreign.push(uuid);
    }
    if (foreign.length === 0) return [];
    return [
      {
        property: "roles",
        reason:
          `roles: ${foreign.join(", ")} ${foreign.length === 1 ? "is not a role" : "are not roles"} of the ` +
          `team's organization (${organizationUuid}). Use a Role's roleUuid or getRoles({ organizationUuid }).`,
      },
    ];
  },
  send: (ctx, p) => ctx.client.teamMembers.invite(p.teamUuid, { email: p.email, roles: p.roles }),
  taken: (ctx, p) =>
    listed(
      ctx,
      `people of ${p.teamUuid}`,
      async () => [
        ...(await ctx.client.teamMembers.list(p.teamUuid)).map((m) => m.mail),
        ...(await ctx.client.teamMembers.listInvites(p.teamUuid)).map((i) => i.email),
      ],
      (mail) => mail.toLowerCase(),
      p.email,
    ),

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.teams.get(props.teamUuid))) !== undefined;
  },

  // Only roles update in place: team and e-mail replace.
  async update(ctx, id, olds, news) {
    const at = await standing(ctx, news.teamUuid, news.email);
    if (at === undefined || at === "none") {
      throw new ProviderError(
        "OBJECT_GONE",
        `TeamMember ${id}: neither a member nor an invitation any more; run \`pulumi refresh\`, then \`pulumi up\` invites again`,
      );
    }
    const done = async () => holds(await current(ctx, news), news.roles);
    if ("member" in at) {
      await settle(ctx, ctx.client.teamMembers.setRoles(news.teamUuid, at.member.uuid, news.roles), done);
    } else {
      // Acquia has no call that changes an invitation's roles (resend repeats the same ones): cancel
      // it and invite again with the new roles. The person was not a member yet, so nothing is lost.
      await settle(
        ctx,
        ctx.client.invites.cancel(at.invite.token),
        gone(() => current(ctx, news)),
      );
      await settle(
        ctx,
        ctx.client.teamMembers.invite(news.teamUuid, { email: news.email, roles: news.roles }),
        done,
      );
    }
    return (await current(ctx, news)) ?? { ...olds, ...news };
  },

  async delete(ctx, _id, props) {
    const at = await standing(ctx, props.teamUuid, props.email);
    if (at === undefined || at === "none") return;
    const removal =
      "member" in at
        ? ctx.client.teamMembers.remove(props.teamUuid, at.member.uuid)
        : ctx.client.invites.cancel(at.invite.token);
    await settle(
      ctx,
      removal,
      gone(() => current(ctx, props)),
    );
  },
});
