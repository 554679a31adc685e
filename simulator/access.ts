import { Auth } from "./auth";
import { NOT_FOUND, federatedAuthRequired, forbidden, notFound, type ApiError } from "./errors";
import type { ApplicationRecord, EnvironmentRecord, OrganizationRecord, TeamRecord } from "./model";
import type { RouteContext } from "./router";

// Lookups that enforce who may see what. Every object belongs to an organization:
// - the API key's account must be a member: otherwise the object is hidden. Acquia answers it exactly
//   as a missing object (hideInvisible: the family's 404, absent from lists); without that rule the
//   simulator answers 403 and lists it;
// - a federated organization's objects answer 403 additional_authentication_required unless the token
//   carries that organization's scope (Acquia really answers 403 there).

type OrganizationAccess = "granted" | "not-a-member" | "federated";

function organizationAccess(ctx: RouteContext, organizationUuid: string): OrganizationAccess {
  const organization = ctx.core.store.state.organizations[organizationUuid];
  if (organization === undefined) return "granted";
  if (!organization.memberUuids.includes(ctx.core.store.state.account.uuid)) return "not-a-member";
  if (organization.federatedAuthentication && !Auth.grantsOrganization(ctx.token, organizationUuid)) {
    return "federated";
  }
  return "granted";
}

function hidesInvisible(ctx: RouteContext): boolean {
  return ctx.core.realism.has("hideInvisible");
}

/** Whether lists show the organization's objects: not hidden ones, nor federated ones without scope. */
export function listsObjectsOf(ctx: RouteContext, organizationUuid: string): boolean {
  const access = organizationAccess(ctx, organizationUuid);
  return access === "granted" || (access === "not-a-member" && !hidesInvisible(ctx));
}

/** Whether `GET /organizations` shows it: federated organizations stay listed, for scope discovery. */
export function listsOrganization(ctx: RouteContext, organizationUuid: string): boolean {
  return organizationAccess(ctx, organizationUuid) !== "not-a-member" || !hidesInvisible(ctx);
}

/**
 * Throws unless the key may see objects of the organization. `missing` is what the operation answers
 * for an object that does not exist, which is also what it answers for a hidden one.
 */
export function guardOrganization(
  ctx: RouteContext,
  organizationUuid: string,
  missing: () => ApiError,
): void {
  switch (organizationAccess(ctx, organizationUuid)) {
    case "granted":
      return;
    case "not-a-member":
      throw hidesInvisible(ctx)
        ? missing()
        : forbidden("You do not have permission to access this resource.");
    case "federated":
      throw federatedAuthRequired();
  }
}

export function requireOrganization(
  ctx: RouteContext,
  uuid: string,
  message: string = NOT_FOUND.organization,
): OrganizationRecord {
  const organization = ctx.core.store.state.organizations[uuid];
  if (organization === undefined) throw notFound(message);
  guardOrganization(ctx, organization.uuid, () => notFound(message));
  return organization;
}

export function requireApplication(
  ctx: RouteContext,
  uuid: string,
  message: string = NOT_FOUND.application,
): ApplicationRecord {
  const application = ctx.core.store.state.applications[uuid];
  if (application === undefined) throw notFound(message);
  guardOrganization(ctx, application.organizationUuid, () => notFound(message));
  return application;
}

export interface EnvironmentScope {
  environment: EnvironmentRecord;
  application: ApplicationRecord;
}

export function requireEnvironment(
  ctx: RouteContext,
  id: string,
  message: string = NOT_FOUND.environment,
): EnvironmentScope {
  const environment = ctx.core.store.state.environments[id];
  const application =
    environment === undefined ? undefined : ctx.core.store.state.applications[environment.applicationUuid];
  if (environment === undefined || application === undefined) throw notFound(message);
  guardOrganization(ctx, application.organizationUuid, () => notFound(message));
  return { environment, application };
}

export function requireTeam(ctx: RouteContext, uuid: string, message: string = NOT_FOUND.team): TeamRecord {
  const team = ctx.core.store.state.teams[uuid];
  if (team === undefined) throw notFound(message);
  guardOrganization(ctx, team.organizationUuid, () => notFound(message));
  return team;
}

export function environmentStub(environment: EnvironmentRecord): { id: string; name: string } {
  return { id: environment.id, name: environment.name };
}
