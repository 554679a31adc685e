import { randomUUID } from "node:crypto";
import { listsOrganization, requireOrganization } from "../access";
import { ok } from "../answers";
import { stringField } from "../body";
import { conflict, missingParameter, validationFailed } from "../errors";
import { collection } from "../hal";
import type { Route } from "../router";
import { isoNow } from "../time";
import { renderApplication, renderOrganization, renderTeam } from "./render";

export function validTeamName(name: string | undefined): string {
  if (name === undefined || name.trim() === "") throw missingParameter("name");
  if (name.length > 255) throw validationFailed({ name: "The team name must be 255 characters or fewer." });
  return name;
}

export const organizationRoutes: Route[] = [
  {
    method: "GET",
    template: "/organizations",
    // Federated organizations stay listed: clients discover here which uuid to request a scope for.
    handler: (ctx) =>
      ok(
        collection(
          ctx,
          Object.values(ctx.core.store.state.organizations)
            .filter((o) => listsOrganization(ctx, o.uuid))
            .map((o) => renderOrganization(ctx, o, false)),
          { self: "/organizations", parent: "/" },
        ),
      ),
  },
  {
    method: "GET",
    template: "/organizations/{organizationUuid}",
    handler: (ctx) =>
      ok(renderOrganization(ctx, requireOrganization(ctx, ctx.params.organizationUuid ?? ""), true)),
  },
  {
    method: "GET",
    template: "/organizations/{organizationUuid}/applications",
    handler: (ctx) => {
      const organization = requireOrganization(ctx, ctx.params.organizationUuid ?? "");
      const items = Object.values(ctx.core.store.state.applications)
        .filter((a) => a.organizationUuid === organization.uuid)
        .map((a) => renderApplication(ctx, a, false));
      const self = `/organizations/${organization.uuid}/applications`;
      return ok(
        collection(ctx, items, {
          self,
          parent: `/organizations/${organization.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "GET",
    template: "/organizations/{organizationUuid}/teams",
    handler: (ctx) => {
      const organization = requireOrganization(ctx, ctx.params.organizationUuid ?? "");
      const items = Object.values(ctx.core.store.state.teams)
        .filter((t) => t.organizationUuid === organization.uuid)
        .map((t) => renderTeam(ctx, t, false));
      return ok(
        collection(ctx, items, {
          self: `/organizations/${organization.uuid}/teams`,
          parent: `/organizations/${organization.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "POST",
    template: "/organizations/{organizationUuid}/teams",
    handler: (ctx) => {
      const organization = requireOrganization(
        ctx,
        ctx.params.organizationUuid ?? "",
        "The organization you are trying to retrieve does not exist, or you do not have permission to access it.",
      );
      const name = validTeamName(stringField(ctx.body, "name"));
      const { state } = ctx.core.store;
      if (
        Object.values(state.teams).some((t) => t.organizationUuid === organization.uuid && t.name === name)
      ) {
        throw conflict("A team with this name already exists in this organization.");
      }
      const now = isoNow();
      const uuid = randomUUID();
      state.teams[uuid] = { uuid, name, organizationUuid: organization.uuid, createdAt: now, updatedAt: now };
      ctx.core.store.save();
      // Teams are synchronous and, as the spec's example shows, the answer carries no team uuid.
      return ok({ message: "Team created." });
    },
  },
];
