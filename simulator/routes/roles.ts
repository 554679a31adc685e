import { randomUUID } from "node:crypto";
import { requireOrganization, guardOrganization } from "../access";
import { ok } from "../answers";
import { listField, stringField } from "../body";
import { conflict, missingParameter, notFound, validationFailed } from "../errors";
import { collection, link } from "../hal";
import type { RoleRecord, State } from "../model";
import { personOf, renderUserStub } from "../people";
import { PERMISSIONS, isPermission } from "../permissions";
import type { Route, RouteContext } from "../router";
import { isoNow } from "../time";
import { organizationStub } from "./render";

const ROLE_MISSING = {
  read: "The role you are trying to access does not exist, or you do not have permission to access it.",
  edit: "The role you are trying to access does not exist, or you do not have permission to edit it.",
  delete: "The role you are trying to delete does not exist, or you do not have permission to delete it.",
};

function renderPermission(name: string): Record<string, unknown> {
  const permission = PERMISSIONS.find((p) => p.name === name);
  return {
    name,
    label: permission?.label ?? name,
    description: null,
    group_label: permission?.groupLabel ?? "",
    flags: { deprecated: permission?.deprecated ?? false },
  };
}

export function renderRole(ctx: RouteContext, role: RoleRecord): Record<string, unknown> {
  const { state } = ctx.core.store;
  const editor = personOf(state, state.account.uuid);
  return {
    uuid: role.uuid,
    name: role.name,
    description: role.description,
    permissions: role.permissions.map(renderPermission),
    organization: organizationStub(ctx, role.organizationUuid),
    last_edited: { edited_at: role.editedAt, user: editor && renderUserStub(editor) },
    flags: { default: role.isDefault },
    _links: { self: link(ctx, `/roles/${role.uuid}`) },
  };
}

function requireRole(ctx: RouteContext, message: string): RoleRecord {
  const role = ctx.core.store.state.roles[ctx.params.roleUuid ?? ""];
  if (role === undefined) throw notFound(message);
  guardOrganization(ctx, role.organizationUuid, () => notFound(message));
  return role;
}

/** The permissions of a body, each a name of the vocabulary (400 names the first that is not). */
function validPermissions(body: Readonly<Record<string, unknown>>): string[] | undefined {
  const permissions = listField(body, "permissions");
  const invalid = permissions?.find((p) => !isPermission(p));
  if (invalid !== undefined) {
    throw validationFailed({ permissions: `The permission '${invalid}' is not a valid permission` });
  }
  return permissions;
}

function nameTaken(state: State, organizationUuid: string, name: string, except?: string): boolean {
  return Object.values(state.roles).some(
    (r) => r.organizationUuid === organizationUuid && r.name === name && r.uuid !== except,
  );
}

const NAME_TAKEN = "The name for this role is already being used within this organization.";

export const roleRoutes: Route[] = [
  {
    method: "GET",
    template: "/permissions",
    handler: (ctx) =>
      ok(
        collection(
          ctx,
          PERMISSIONS.map((p) => renderPermission(p.name)),
          { self: "/permissions" },
        ),
      ),
  },
  {
    method: "GET",
    template: "/organizations/{organizationUuid}/roles",
    handler: (ctx) => {
      const organization = requireOrganization(ctx, ctx.params.organizationUuid ?? "");
      const items = Object.values(ctx.core.store.state.roles)
        .filter((r) => r.organizationUuid === organization.uuid)
        .map((r) => renderRole(ctx, r));
      return ok(
        collection(ctx, items, {
          self: `/organizations/${organization.uuid}/roles`,
          parent: `/organizations/${organization.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "POST",
    template: "/organizations/{organizationUuid}/roles",
    handler: (ctx) => {
      const organization = requireOrganization(
        ctx,
        ctx.params.organizationUuid ?? "",
        "The organization you are trying to retrieve does not exist, or you do not have permission to access it.",
      );
      const name = stringField(ctx.body, "name");
      if (name === undefined || name.trim() === "") throw missingParameter("name");
      const permissions = validPermissions(ctx.body);
      if (permissions === undefined) throw missingParameter("permissions");
      const { state } = ctx.core.store;
      if (!Object.values(state.teams).some((t) => t.organizationUuid === organization.uuid)) {
        throw conflict("An organization must have at least one team in order to create new roles.");
      }
      if (nameTaken(state, organization.uuid, name)) throw conflict(NAME_TAKEN);
      const uuid = randomUUID();
      state.roles[uuid] = {
        uuid,
        name,
        description: stringField(ctx.body, "description") ?? "",
        organizationUuid: organization.uuid,
        permissions: [...new Set(permissions)],
        isDefault: false,
        editedAt: isoNow(),
      };
      ctx.core.store.save();
      // As the spec's example shows, the answer carries no role uuid.
      return ok({ message: "Role created." });
    },
  },
  {
    method: "GET",
    template: "/roles/{roleUuid}",
    handler: (ctx) => ok(renderRole(ctx, requireRole(ctx, ROLE_MISSING.read))),
  },
  {
    method: "PUT",
    template: "/roles/{roleUuid}",
    handler: (ctx) => {
      const role = requireRole(ctx, ROLE_MISSING.edit);
      const { state } = ctx.core.store;
      const name = stringField(ctx.body, "name");
      if (name !== undefined && nameTaken(state, role.organizationUuid, name, role.uuid)) {
        throw conflict(NAME_TAKEN);
      }
      const permissions = validPermissions(ctx.body);
      const description = stringField(ctx.body, "description");
      state.roles[role.uuid] = {
        ...role,
        ...(name !== undefined && name.trim() !== "" ? { name } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(permissions !== undefined ? { permissions: [...new Set(permissions)] } : {}),
        editedAt: isoNow(),
      };
      ctx.core.store.save();
      return ok({ message: "Updating role." });
    },
  },
  {
    method: "DELETE",
    template: "/roles/{roleUuid}",
    handler: (ctx) => {
      const role = requireRole(ctx, ROLE_MISSING.delete);
      const { state } = ctx.core.store;
      delete state.roles[role.uuid];
      // Members and invites lose the role with it.
      for (const holder of [...Object.values(state.teamMembers), ...Object.values(state.invites)]) {
        holder.roleUuids = holder.roleUuids.filter((uuid) => uuid !== role.uuid);
      }
      ctx.core.store.save();
      return ok({ message: "Deleted role." });
    },
  },
];
