import { requireOrganization } from "../access";
import { ok } from "../answers";
import { conflict, notFound } from "../errors";
import { collection, link } from "../hal";
import type { OrganizationAdminRecord, OrganizationRecord, PersonRecord } from "../model";
import {
  invitedEmail,
  isOpen,
  sendInvite,
  personByMail,
  personOf,
  renderInvite,
  renderUserStub,
} from "../people";
import type { Route, RouteContext } from "../router";

function renderAdmin(
  ctx: RouteContext,
  organization: OrganizationRecord,
  person: PersonRecord,
  full: boolean,
): Record<string, unknown> {
  const parent = `/organizations/${organization.uuid}/admins`;
  return {
    ...renderUserStub(person),
    last_login_at: null,
    flags: { owner: organization.ownerUuid === person.uuid },
    _links: full
      ? { self: link(ctx, `${parent}/${person.uuid}`), parent: link(ctx, parent) }
      : { self: link(ctx, `${parent}/${person.uuid}`) },
  };
}

function adminsOf(ctx: RouteContext, organization: OrganizationRecord): PersonRecord[] {
  const { state } = ctx.core.store;
  return Object.values(state.organizationAdmins)
    .filter((a) => a.organizationUuid === organization.uuid)
    .map((a) => personOf(state, a.userUuid))
    .filter((p): p is PersonRecord => p !== undefined);
}

function requireAdmin(
  ctx: RouteContext,
  organization: OrganizationRecord,
  missing: string,
): OrganizationAdminRecord {
  const admin = ctx.core.store.state.organizationAdmins[`${organization.uuid}/${ctx.params.userUuid ?? ""}`];
  if (admin === undefined) throw notFound(missing);
  return admin;
}

export const organizationAdminRoutes: Route[] = [
  {
    method: "GET",
    template: "/organizations/{organizationUuid}/admins",
    handler: (ctx) => {
      const organization = requireOrganization(ctx, ctx.params.organizationUuid ?? "");
      const items = adminsOf(ctx, organization).map((p) => renderAdmin(ctx, organization, p, false));
      return ok(
        collection(ctx, items, {
          self: `/organizations/${organization.uuid}/admins`,
          parent: `/organizations/${organization.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "GET",
    template: "/organizations/{organizationUuid}/admins/{userUuid}",
    handler: (ctx) => {
      const organization = requireOrganization(ctx, ctx.params.organizationUuid ?? "");
      const admin = requireAdmin(
        ctx,
        organization,
        "The administrator you are trying to view does not exist.",
      );
      const person = personOf(ctx.core.store.state, admin.userUuid) as PersonRecord;
      return ok(renderAdmin(ctx, organization, person, true));
    },
  },
  {
    method: "DELETE",
    template: "/organizations/{organizationUuid}/admins/{userUuid}",
    handler: (ctx) => {
      const organization = requireOrganization(
        ctx,
        ctx.params.organizationUuid ?? "",
        "The organization you are trying to administer does not exist, or you do not have permission to administer it.",
      );
      const admin = requireAdmin(
        ctx,
        organization,
        "The user is not an administrator for this organization.",
      );
      delete ctx.core.store.state.organizationAdmins[`${organization.uuid}/${admin.userUuid}`];
      ctx.core.store.save();
      return ok({ message: "Organization administrator removed." });
    },
  },
  {
    method: "GET",
    template: "/organizations/{organizationUuid}/admin-invites",
    handler: (ctx) => {
      const organization = requireOrganization(ctx, ctx.params.organizationUuid ?? "");
      const items = Object.values(ctx.core.store.state.invites)
        .filter((i) => i.organizationUuid === organization.uuid && i.teamUuid === null && isOpen(i))
        .map((i) => renderInvite(ctx, i));
      return ok(
        collection(ctx, items, {
          self: `/organizations/${organization.uuid}/admin-invites`,
          parent: `/organizations/${organization.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "POST",
    template: "/organizations/{organizationUuid}/admin-invites",
    handler: (ctx) => {
      const organization = requireOrganization(
        ctx,
        ctx.params.organizationUuid ?? "",
        "The organization you are trying to retrieve does not exist, or you do not have permission to access it.",
      );
      const email = invitedEmail(ctx.body);
      const { state } = ctx.core.store;
      const person = personByMail(state, email);
      if (
        person !== undefined &&
        state.organizationAdmins[`${organization.uuid}/${person.uuid}`] !== undefined
      ) {
        throw conflict(`${email} is already an administrator of this organization.`);
      }
      sendInvite(state, { organizationUuid: organization.uuid, teamUuid: null, email, roleUuids: [] });
      ctx.core.store.save();
      return ok({ message: "Invited organization administrator." });
    },
  },
];
