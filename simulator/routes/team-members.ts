import { requireTeam } from "../access";
import { ok } from "../answers";
import { listField } from "../body";
import { ApiError, conflict, missingParameter, notFound } from "../errors";
import { collection } from "../hal";
import type { PersonRecord, State, TeamMemberRecord, TeamRecord } from "../model";
import {
  invitedEmail,
  isOpen,
  sendInvite,
  personByMail,
  personOf,
  renderInvite,
  renderUserStub,
  roleStubs,
} from "../people";
import type { Route, RouteContext } from "../router";

const ROLES_NOT_IN_ORGANIZATION = "One or more of the chosen roles do not belong to this organization.";

/** Role uuids of a body: at least one, each a role of the team's organization. */
function validRoles(state: State, team: TeamRecord, body: Readonly<Record<string, unknown>>): string[] {
  const roles = listField(body, "roles");
  if (roles === undefined) throw missingParameter("roles");
  if (roles.length === 0) throw conflict("A team member must be invited with at least one role.");
  if (roles.some((uuid) => state.roles[uuid]?.organizationUuid !== team.organizationUuid)) {
    throw notFound(ROLES_NOT_IN_ORGANIZATION);
  }
  return [...new Set(roles)];
}

function renderMember(state: State, member: TeamMemberRecord, person: PersonRecord): Record<string, unknown> {
  return {
    ...renderUserStub(person),
    last_login_at: null,
    roles: roleStubs(state, member.roleUuids),
  };
}

function membersOf(state: State, teamUuid: string): Array<[TeamMemberRecord, PersonRecord]> {
  return Object.values(state.teamMembers)
    .filter((m) => m.teamUuid === teamUuid)
    .map((m): [TeamMemberRecord, PersonRecord | undefined] => [m, personOf(state, m.userUuid)])
    .filter((pair): pair is [TeamMemberRecord, PersonRecord] => pair[1] !== undefined);
}

/** The member a path names (404 in the operation's words when the person is not on the team). */
function requireMember(ctx: RouteContext, team: TeamRecord, missing: string): TeamMemberRecord {
  const member = ctx.core.store.state.teamMembers[`${team.uuid}/${ctx.params.userUuid ?? ""}`];
  if (member === undefined) throw notFound(missing);
  return member;
}

export const teamMemberRoutes: Route[] = [
  {
    method: "GET",
    template: "/teams/{teamUuid}/invites",
    handler: (ctx) => {
      const team = requireTeam(ctx, ctx.params.teamUuid ?? "");
      const items = Object.values(ctx.core.store.state.invites)
        .filter((i) => i.teamUuid === team.uuid && isOpen(i))
        .map((i) => renderInvite(ctx, i));
      return ok(
        collection(ctx, items, {
          self: `/teams/${team.uuid}/invites`,
          parent: `/teams/${team.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "POST",
    template: "/teams/{teamUuid}/invites",
    handler: (ctx) => {
      const team = requireTeam(
        ctx,
        ctx.params.teamUuid ?? "",
        "The team you are trying to modify does not exist, or you do not have permission to access it.",
      );
      const email = invitedEmail(ctx.body);
      const { state } = ctx.core.store;
      const roles = validRoles(state, team, ctx.body);
      const person = personByMail(state, email);
      if (person !== undefined && state.teamMembers[`${team.uuid}/${person.uuid}`] !== undefined) {
        throw conflict("The user you are trying to invite already belongs to the team.");
      }
      sendInvite(state, {
        organizationUuid: team.organizationUuid,
        teamUuid: team.uuid,
        email,
        roleUuids: roles,
      });
      ctx.core.store.save();
      return ok({ message: "Invited team member." });
    },
  },
  {
    method: "GET",
    template: "/teams/{teamUuid}/members",
    handler: (ctx) => {
      const team = requireTeam(ctx, ctx.params.teamUuid ?? "");
      const { state } = ctx.core.store;
      const items = membersOf(state, team.uuid).map(([m, p]) => renderMember(state, m, p));
      return ok(
        collection(ctx, items, {
          self: `/teams/${team.uuid}/members`,
          parent: `/teams/${team.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "PUT",
    template: "/teams/{teamUuid}/members/{userUuid}",
    handler: (ctx) => {
      const team = requireTeam(ctx, ctx.params.teamUuid ?? "");
      const member = requireMember(ctx, team, "The user is not a member of this team.");
      const { state } = ctx.core.store;
      const roles = listField(ctx.body, "roles");
      if (roles === undefined || roles.length === 0) {
        // The spec declares no 400 here; a member without roles is refused as an invite without one is.
        throw new ApiError(403, "forbidden", "A team member must have at least one role.");
      }
      if (roles.some((uuid) => state.roles[uuid]?.organizationUuid !== team.organizationUuid)) {
        throw notFound(ROLES_NOT_IN_ORGANIZATION);
      }
      state.teamMembers[`${team.uuid}/${member.userUuid}`] = { ...member, roleUuids: [...new Set(roles)] };
      ctx.core.store.save();
      return ok({ message: "Modified member roles." });
    },
  },
  {
    method: "DELETE",
    template: "/teams/{teamUuid}/members/{userUuid}",
    handler: (ctx) => {
      const team = requireTeam(ctx, ctx.params.teamUuid ?? "", "Invalid team supplied. No action performed.");
      const member = requireMember(ctx, team, "The user is not a member of this team.");
      delete ctx.core.store.state.teamMembers[`${team.uuid}/${member.userUuid}`];
      ctx.core.store.save();
      return ok({ message: "Team member removed." });
    },
  },
];
