import { Auth } from "./auth";
import { NOT_FOUND, federatedAuthRequired, notFound } from "./errors";
import type { ApplicationRecord, EnvironmentRecord, OrganizationRecord, TeamRecord } from "./model";
import type { RouteContext } from "./router";

// Lookups that also enforce federated authentication: every object of a federated organization
// answers 403 additional_authentication_required unless the token carries that organization's scope.

export function canSeeOrganization(ctx: RouteContext, organizationUuid: string): boolean {
  const organization = ctx.core.store.state.organizations[organizationUuid];
  return (
    organization === undefined ||
    !organization.federatedAuthentication ||
    Auth.grantsOrganization(ctx.token, organizationUuid)
  );
}

export function guardOrganization(ctx: RouteContext, organizationUuid: string): void {
  if (!canSeeOrganization(ctx, organizationUuid)) throw federatedAuthRequired();
}

export function requireOrganization(
  ctx: RouteContext,
  uuid: string,
  message: string = NOT_FOUND.organization,
): OrganizationRecord {
  const organization = ctx.core.store.state.organizations[uuid];
  if (organization === undefined) throw notFound(message);
  guardOrganization(ctx, organization.uuid);
  return organization;
}

export function requireApplication(
  ctx: RouteContext,
  uuid: string,
  message: string = NOT_FOUND.application,
): ApplicationRecord {
  const application = ctx.core.store.state.applications[uuid];
  if (application === undefined) throw notFound(message);
  guardOrganization(ctx, application.organizationUuid);
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
  guardOrganization(ctx, application.organizationUuid);
  return { environment, application };
}

export function requireTeam(ctx: RouteContext, uuid: string, message: string = NOT_FOUND.team): TeamRecord {
  const team = ctx.core.store.state.teams[uuid];
  if (team === undefined) throw notFound(message);
  guardOrganization(ctx, team.organizationUuid);
  return team;
}

export function environmentStub(environment: EnvironmentRecord): { id: string; name: string } {
  return { id: environment.id, name: environment.name };
}
