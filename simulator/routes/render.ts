import { link, segment } from "../hal";
import type { ApplicationRecord, EnvironmentRecord, OrganizationRecord, TeamRecord } from "../model";
import type { RouteContext } from "../router";

// Renderers shared by several families (an application appears in organization, team and
// application collections alike).

function organizationOf(ctx: RouteContext, uuid: string): OrganizationRecord | undefined {
  return ctx.core.store.state.organizations[uuid];
}

export function organizationStub(ctx: RouteContext, uuid: string): { uuid: string; name: string } {
  return { uuid, name: organizationOf(ctx, uuid)?.name ?? "" };
}

function owner(ctx: RouteContext): Record<string, unknown> {
  const account = ctx.core.store.state.account;
  return {
    uuid: account.uuid,
    first_name: account.first_name,
    last_name: account.last_name,
    picture_url: `https://accounts.acquia.com/images/users/${account.uuid}/style/avatar`,
    username: account.name,
    mail: account.mail,
  };
}

export function renderOrganization(
  ctx: RouteContext,
  organization: OrganizationRecord,
  full: boolean,
): Record<string, unknown> {
  const { state } = ctx.core.store;
  const self = `/organizations/${organization.uuid}`;
  const body: Record<string, unknown> = {
    id: organization.id,
    uuid: organization.uuid,
    name: organization.name,
    subscriptions_total: Object.values(state.subscriptions).filter(
      (s) => s.organizationUuid === organization.uuid,
    ).length,
    admins_total: Object.values(state.organizationAdmins).filter(
      (a) => a.organizationUuid === organization.uuid,
    ).length,
    users_total: 1,
    teams_total: Object.values(state.teams).filter((t) => t.organizationUuid === organization.uuid).length,
    roles_total: Object.values(state.roles).filter((r) => r.organizationUuid === organization.uuid).length,
    owner: owner(ctx),
    flags: { federated_authentication: organization.federatedAuthentication },
    _links: { self: link(ctx, self) },
  };
  if (full) {
    body._links = {
      self: link(ctx, self),
      admins: link(ctx, `${self}/admins`),
      applications: link(ctx, `${self}/applications`),
      members: link(ctx, `${self}/members`),
      roles: link(ctx, `${self}/roles`),
      subscriptions: link(ctx, `${self}/subscriptions`),
      teams: link(ctx, `${self}/teams`),
      parent: link(ctx, "/organizations"),
    };
    body._embedded = {
      owner: { ...owner(ctx), _links: { self: link(ctx, `/users/${organization.ownerUuid}`) } },
    };
  }
  return body;
}

export function renderApplication(
  ctx: RouteContext,
  application: ApplicationRecord,
  full: boolean,
): Record<string, unknown> {
  const { state } = ctx.core.store;
  const subscription = state.subscriptions[application.subscriptionUuid];
  const self = `/applications/${application.uuid}`;
  const body: Record<string, unknown> = {
    id: application.id,
    uuid: application.uuid,
    name: application.name,
    hosting: { type: "acp", id: application.hostingId },
    subscription: { uuid: application.subscriptionUuid, name: subscription?.name ?? "" },
    organization: organizationStub(ctx, application.organizationUuid),
    flags: { remote_admin: false },
    // nullFields: Acquia sends null for applications it has no type for; the spec's enum has no null.
    type: application.type ?? (ctx.core.realism.has("nullFields") ? null : "drupal"),
    status: "normal",
    _links: { self: link(ctx, self) },
  };
  if (!full) {
    body.tags = [];
    return body;
  }
  const links: Record<string, unknown> = { self: link(ctx, self) };
  for (const rel of [
    "code",
    "databases",
    "environments",
    "features",
    "permissions",
    "settings",
    "tasks",
    "teams",
  ]) {
    links[rel] = link(ctx, `${self}/${rel}`);
  }
  links.parent = link(ctx, "/applications");
  body._links = links;
  body._embedded = {
    subscription: {
      uuid: application.subscriptionUuid,
      name: subscription?.name ?? "",
      _links: { self: link(ctx, `/subscriptions/${application.subscriptionUuid}`) },
    },
    organization: {
      ...organizationStub(ctx, application.organizationUuid),
      _links: { self: link(ctx, `/organizations/${application.organizationUuid}`) },
    },
    tags: [],
  };
  return body;
}

export function renderTeam(ctx: RouteContext, team: TeamRecord, full: boolean): Record<string, unknown> {
  const self = `/teams/${team.uuid}`;
  const body: Record<string, unknown> = {
    uuid: team.uuid,
    name: team.name,
    created_at: team.createdAt,
    updated_at: team.updatedAt,
    organization: organizationStub(ctx, team.organizationUuid),
    _links: { self: link(ctx, self) },
  };
  if (full) {
    body._links = {
      self: link(ctx, self),
      members: link(ctx, `${self}/members`),
      applications: link(ctx, `${self}/applications`),
      invites: link(ctx, `${self}/invites`),
      parent: link(ctx, "/teams"),
    };
    body._embedded = {
      organization: [
        {
          ...organizationStub(ctx, team.organizationUuid),
          _links: { self: link(ctx, `/organizations/${team.organizationUuid}`) },
        },
      ],
    };
  }
  return body;
}

export function environmentDomains(
  ctx: RouteContext,
  environmentId: string,
): { all: string[]; default: string } {
  const records = Object.values(ctx.core.store.state.domains).filter(
    (d) => d.environmentId === environmentId,
  );
  const defaultDomain = records.find((d) => d.isDefault)?.hostname ?? "";
  return { all: records.map((d) => d.hostname), default: defaultDomain };
}

/** The environment's custom domain if it has one, else its default acquia-sites.com domain. */
export function activeDomain(ctx: RouteContext, environmentId: string): string {
  const records = Object.values(ctx.core.store.state.domains).filter(
    (d) => d.environmentId === environmentId,
  );
  return (records.find((d) => !d.isDefault) ?? records.find((d) => d.isDefault))?.hostname ?? "";
}

export function renderEnvironment(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  full: boolean,
): Record<string, unknown> {
  const { state } = ctx.core.store;
  const application = state.applications[environment.applicationUuid];
  const sitename = application?.sitename ?? "site";
  const domains = environmentDomains(ctx, environment.id);
  const self = `/environments/${segment(environment.id)}`;
  const links: Record<string, unknown> = { self: link(ctx, self) };
  if (full) {
    links.parent = link(ctx, `/applications/${environment.applicationUuid}/environments`);
    links.application = link(ctx, `/applications/${environment.applicationUuid}`);
    for (const rel of [
      "crons",
      "databases",
      "domains",
      "log-forwarding-destinations",
      "logs",
      "servers",
      "ssl",
      "variables",
    ]) {
      links[rel] = link(ctx, `${self}/${rel}`);
    }
    links.code = link(ctx, `${self}/code`);
  }
  return {
    id: environment.id,
    label: environment.label,
    name: environment.name,
    application: { name: application?.name ?? "", uuid: environment.applicationUuid },
    domains: domains.all,
    active_domain: activeDomain(ctx, environment.id),
    default_domain: domains.default,
    image_url: null,
    ssh_url: `${sitename}.${environment.name}@${sitename}${environment.name}.ssh.prod.acquia-sites.com`,
    ips: environment.ips,
    region: environment.region,
    balancer: "cluster",
    platform: "cloud-next",
    status: "normal",
    type: application?.type === "node" ? "node" : "drupal",
    size: environment.cde ? "small" : "medium",
    // nullFields: only the stock environments have a display weight (the spec marks it nullable).
    weight: environment.cde && ctx.core.realism.has("nullFields") ? null : 0,
    vcs: { type: "git", path: environment.vcsPath, url: application?.vcsUrl ?? "" },
    flags: {
      cde: environment.cde,
      cdn: environment.cdn,
      "cloud-actions":
        environment.cloudActionsDisabled !== true &&
        environment.cloudActions.some((action) => action.enabled),
      eips: environment.egressIps.length > 0,
      email: false,
      hsd: false,
      livedev: false,
      multicert: false,
      multi_region: false,
      production: environment.production,
      production_mode: environment.productionMode,
      remote_admin: false,
      varnish: true,
      varnish_over_ssl: false,
    },
    configuration: { operating_system: environment.operatingSystem, php: { ...environment.php } },
    artifact: environment.artifact,
    _links: links,
  };
}
