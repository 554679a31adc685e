import { guardOrganization, requireTeam } from "../access";
import { ok } from "../answers";
import { stringField } from "../body";
import { ApiError, conflict, missingParameter, notFound } from "../errors";
import { collection } from "../hal";
import type { ApplicationRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { isoNow } from "../time";
import { validTeamName } from "./organizations";
import { renderApplication, renderTeam } from "./render";

const APPLICATION_FORBIDDEN =
  "The application you are trying to access does not exist, or you do not have permission to access it.";

/** Team-application calls answer an unknown application with 403, as the spec documents. */
function requireTeamApplication(ctx: RouteContext, uuid: string): ApplicationRecord {
  const application = ctx.core.store.state.applications[uuid];
  const missing = (): ApiError => new ApiError(403, "forbidden", APPLICATION_FORBIDDEN);
  if (application === undefined) throw missing();
  guardOrganization(ctx, application.organizationUuid, missing);
  return application;
}

export const teamRoutes: Route[] = [
  {
    method: "GET",
    template: "/teams/{teamUuid}",
    handler: (ctx) => ok(renderTeam(ctx, requireTeam(ctx, ctx.params.teamUuid ?? ""), true)),
  },
  {
    method: "PUT",
    template: "/teams/{teamUuid}",
    handler: (ctx) => {
      const team = requireTeam(
        ctx,
        ctx.params.teamUuid ?? "",
        "The team you are trying to access does not exist, or you do not have permission to rename it.",
      );
      const name = validTeamName(stringField(ctx.body, "name"));
      const { state } = ctx.core.store;
      if (
        Object.values(state.teams).some(
          (t) => t.uuid !== team.uuid && t.organizationUuid === team.organizationUuid && t.name === name,
        )
      ) {
        throw conflict("A team with this name already exists in this organization.");
      }
      state.teams[team.uuid] = { ...team, name, updatedAt: isoNow() };
      ctx.core.store.save();
      return ok({ message: "Team renamed." });
    },
  },
  {
    method: "DELETE",
    template: "/teams/{teamUuid}",
    handler: (ctx) => {
      const team = requireTeam(
        ctx,
        ctx.params.teamUuid ?? "",
        "The team you are trying to access does not exist, or you do not have permission to remove it.",
      );
      const { state } = ctx.core.store;
      delete state.teams[team.uuid];
      for (const [key, link] of Object.entries(state.teamApplications)) {
        if (link.teamUuid === team.uuid) delete state.teamApplications[key];
      }
      // Its members leave it, and its open invitations lapse.
      for (const [key, member] of Object.entries(state.teamMembers)) {
        if (member.teamUuid === team.uuid) delete state.teamMembers[key];
      }
      for (const [token, invite] of Object.entries(state.invites)) {
        if (invite.teamUuid === team.uuid) delete state.invites[token];
      }
      ctx.core.store.save();
      return ok({ message: "Removed team." });
    },
  },
  {
    method: "GET",
    template: "/teams/{teamUuid}/applications",
    handler: (ctx) => {
      const team = requireTeam(ctx, ctx.params.teamUuid ?? "");
      const { state } = ctx.core.store;
      const items = Object.values(state.teamApplications)
        .filter((l) => l.teamUuid === team.uuid)
        .map((l) => state.applications[l.applicationUuid])
        .filter((a): a is ApplicationRecord => a !== undefined)
        .map((a) => renderApplication(ctx, a, false));
      return ok(
        collection(ctx, items, {
          self: `/teams/${team.uuid}/applications`,
          parent: `/teams/${team.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "POST",
    template: "/teams/{teamUuid}/applications",
    handler: (ctx) => {
      const team = requireTeam(ctx, ctx.params.teamUuid ?? "");
      const uuid = stringField(ctx.body, "uuid");
      if (uuid === undefined || uuid === "") throw missingParameter("uuid");
      const application = requireTeamApplication(ctx, uuid);
      if (application.organizationUuid !== team.organizationUuid) {
        throw notFound("The application must belong to the same organization as this team.");
      }
      const key = `${team.uuid}/${application.uuid}`;
      const { state } = ctx.core.store;
      if (state.teamApplications[key] !== undefined)
        throw conflict("The application is already on this team.");
      state.teamApplications[key] = { teamUuid: team.uuid, applicationUuid: application.uuid };
      ctx.core.store.save();
      return ok({ message: "Added application to team." });
    },
  },
  {
    method: "DELETE",
    template: "/teams/{teamUuid}/applications/{applicationUuid}",
    handler: (ctx) => {
      const team = requireTeam(ctx, ctx.params.teamUuid ?? "");
      const application = requireTeamApplication(ctx, ctx.params.applicationUuid ?? "");
      const key = `${team.uuid}/${application.uuid}`;
      const { state } = ctx.core.store;
      if (state.teamApplications[key] === undefined) {
        throw notFound("The application is not associated with this team.");
      }
      delete state.teamApplications[key];
      ctx.core.store.save();
      return ok({ message: "Removed application from team." });
    },
  },
];
