/**
 * The API walk: reads one application's estate through the SDK into the plain model the generator
 * takes (estate.ts). Objects the provider cannot adopt are left out with the reason (`skipped`), so
 * the program only holds what its first `pulumi up` takes over without a change. Read-only: GETs only.
 */
import {
  AuthenticationError,
  FederatedAuthenticationRequiredError,
  ForbiddenError,
  NotFoundError,
  type AcquiaCloudClient,
  type Application,
} from "../../sdk";
import { kind as sshKey } from "../../provider/kinds/ssh-key/definition";
import { DiscoverError } from "./errors";
import type {
  DiscoverKind,
  DiscoveredApplication,
  DiscoveredConnection,
  DiscoveredEnvironment,
  Estate,
  Skipped,
} from "./estate";
import { walkAllowlists, walkMembers, walkRoles } from "./walk-access";
import { accepted, walkEnvironment } from "./walk-environment";

export interface WalkOptions {
  /** An application by name or UUID, or an organization (its teams and keys). */
  scope: { name: string } | { uuid: string } | { organizationUuid: string };
  kinds: readonly DiscoverKind[];
  /** Machine names or labels; all environments when absent. */
  environments?: readonly string[] | undefined;
  connection: DiscoveredConnection;
  /** One line of progress (the command prints it on stderr). */
  progress: (line: string) => void;
}

/** What the credentials flags and variables are, for messages that say what to fix. */
const CREDENTIAL_FLAGS =
  "--client-id/--client-secret (or ACLI_KEY/ACLI_SECRET), and --organization-uuid (or AH_ORGANIZATION_UUID) " +
  "for an organization with federated authentication";

/** Acquia's refusals of the key, turned into what to fix; anything else passes through. */
function explained(error: unknown): unknown {
  if (error instanceof FederatedAuthenticationRequiredError)
    return new DiscoverError(
      "CREDENTIALS_REFUSED",
      `${error.message} Pass the organization's UUID with --organization-uuid (or AH_ORGANIZATION_UUID).`,
      { cause: error },
    );
  if (error instanceof AuthenticationError)
    return new DiscoverError(
      "CREDENTIALS_REFUSED",
      `Acquia refused the API key and secret (${error.message}). Check ${CREDENTIAL_FLAGS}.`,
      { cause: error },
    );
  return error;
}

/** Acquia answers 404 (or 403) for what belongs to an organization the key's account is not in. */
const hidden = (error: unknown) =>
  error instanceof NotFoundError ||
  (error instanceof ForbiddenError && !(error instanceof FederatedAuthenticationRequiredError));

const notVisible = (what: string, cause?: unknown) =>
  new DiscoverError(
    "APPLICATION_NOT_VISIBLE",
    `${what} is not visible to this API key. Check --application/--application-uuid, or use the key of an ` +
      `account with access to the application: ${CREDENTIAL_FLAGS}.`,
    { cause },
  );

async function findApplication(
  client: AcquiaCloudClient,
  wanted: { name: string } | { uuid: string },
): Promise<DiscoveredApplication> {
  let app: Application;
  if ("uuid" in wanted) {
    try {
      app = await client.applications.get(wanted.uuid);
    } catch (error) {
      if (hidden(error)) throw notVisible(`Application ${wanted.uuid}`, error);
      throw error;
    }
  } else {
    const matches = await client.applications.listByName(wanted.name);
    if (matches.length > 1)
      throw new DiscoverError(
        "APPLICATION_AMBIGUOUS",
        `${matches.length} applications are named "${wanted.name}": pass --application-uuid with one of ` +
          `${matches.map((a) => a.uuid).join(", ")}.`,
      );
    const [only] = matches;
    if (!only) throw notVisible(`No application named "${wanted.name}" exists or it`);
    app = only;
  }
  const sameName = "uuid" in wanted ? await client.applications.listByName(app.name) : [app];
  return {
    uuid: app.uuid,
    name: app.name,
    organizationUuid: app.organization?.uuid,
    nameIsUnique: sameName.length === 1,
  };
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Reads the estate. Throws DiscoverError for what the user must fix; nothing is written here. */
export async function walkEstate(client: AcquiaCloudClient, options: WalkOptions): Promise<Estate> {
  try {
    return await walk(client, options);
  } catch (error) {
    throw explained(error);
  }
}

async function walk(client: AcquiaCloudClient, options: WalkOptions): Promise<Estate> {
  const { scope } = options;
  if ("organizationUuid" in scope) return walkOrganization(client, scope.organizationUuid, options);
  const { kinds, progress } = options;
  const has = (k: DiscoverKind) => kinds.includes(k);
  const skipped: Skipped[] = [];
  const application = await findApplication(client, scope);
  progress(`application "${application.name}" (${application.uuid})`);

  const all = await client.environments.list(application.uuid);
  const wanted = options.environments;
  for (const name of wanted ?? []) {
    if (!all.some((e) => e.name === name || e.label === name))
      throw new DiscoverError(
        "ENVIRONMENT_NOT_FOUND",
        `--environments names "${name}", which "${application.name}" does not have: choose among ` +
          `${all.map((e) => e.name).join(", ")}.`,
      );
  }
  const chosen = wanted ? all.filter((e) => wanted.includes(e.name) || wanted.includes(e.label)) : all;
  progress(`environments: ${chosen.length} (${chosen.map((e) => e.name).join(", ")})`);

  const environments: DiscoveredEnvironment[] = [];
  for (const env of chosen) {
    const found = await walkEnvironment(client, env, kinds, skipped);
    environments.push(found);
    progress(
      `${env.name}: ${[
        count(found.variables.length, "variable"),
        count(found.crons.length, "cron job"),
        count(found.domains.length, "domain"),
        count(found.certificates.length, "certificate"),
        count(found.logDestinations.length, "log destination"),
        ...(has("environment-flags") ? [count(Object.keys(found.flags).length, "flag")] : []),
        ...(has("environment-cloud-actions")
          ? [
              found.cloudActions
                ? `${count(found.cloudActions.length, "Cloud Action")} enabled`
                : "Cloud Actions unavailable",
            ]
          : []),
      ].join(", ")}`,
    );
  }

  let databases: string[] = [];
  if (has("database")) {
    const names = (await client.databases.list(application.uuid)).map((d) => d.name);
    // The default database is Acquia's own (it cannot be deleted); its flag is only on an environment's copy.
    const first = all[0];
    const defaults = first
      ? (await client.databases.listForEnvironment(first.id))
          .filter((d) => d.flags?.default)
          .map((d) => d.name)
      : [];
    for (const name of defaults.filter((d) => names.includes(d)))
      skipped.push({
        kind: "database",
        what: `database ${name}`,
        reason: "the application's default database (Acquia's own)",
      });
    databases = names.filter((n) => !defaults.includes(n)).sort();
    progress(`databases: ${databases.length}`);
  }

  const teams: Estate["teams"] = [];
  if (has("team") && application.organizationUuid) {
    const org = application.organizationUuid;
    for (const team of await client.teams.listForOrganization(org)) {
      const apps = await client.teams.listApplications(team.uuid);
      if (apps.some((a) => a.uuid === application.uuid))
        teams.push({
          uuid: team.uuid,
          name: team.name,
          organizationUuid: team.organization?.uuid ?? org,
          applications: [application],
          members: [],
        });
    }
    progress(`teams with the application: ${teams.length}`);
  }

  const sshKeys = has("ssh-key") ? await walkSshKeys(client, skipped, progress) : [];

  return {
    scope: { application },
    connection: options.connection,
    kinds,
    databases,
    environments,
    teams,
    sshKeys,
    roles: [],
    allowlists: [],
    skipped,
  };
}

/** The SSH keys of the account that owns the API key (every mode: they belong to no application). */
async function walkSshKeys(
  client: AcquiaCloudClient,
  skipped: Skipped[],
  progress: (line: string) => void,
): Promise<Estate["sshKeys"]> {
  const sshKeys: Estate["sshKeys"] = [];
  for (const key of await client.sshKeys.list()) {
    if (
      accepted(sshKey.inputs.shape, "label", key.label) &&
      accepted(sshKey.inputs.shape, "publicKey", key.public_key)
    )
      sshKeys.push({ uuid: key.uuid, label: key.label, publicKey: key.public_key.trim() });
    else
      skipped.push({
        kind: "ssh-key",
        what: `ssh key "${key.label}"`,
        reason: "its label or key is not one the provider accepts",
      });
  }
  progress(`ssh keys: ${sshKeys.length}`);
  return sshKeys;
}

/**
 * `--organization`: the organization's custom roles, its teams (each with the applications and people on
 * it), the Shield allowlists of its subscriptions, and the SSH keys.
 */
async function walkOrganization(
  client: AcquiaCloudClient,
  uuid: string,
  options: WalkOptions,
): Promise<Estate> {
  const { kinds, progress } = options;
  const skipped: Skipped[] = [];
  let organization;
  try {
    organization = await client.organizations.get(uuid);
  } catch (error) {
    if (hidden(error))
      throw new DiscoverError(
        "ORGANIZATION_NOT_VISIBLE",
        `Organization ${uuid} is not visible to this API key. Check --organization, or use the key of a ` +
          `member of the organization: ${CREDENTIAL_FLAGS}.`,
        { cause: error },
      );
    throw error;
  }
  progress(`organization "${organization.name}" (${organization.uuid})`);

  const has = (k: DiscoverKind) => kinds.includes(k);
  // Members name their roles, so the roles are read whenever either is wanted.
  const roles =
    has("role") || has("team-member") ? await walkRoles(client, uuid, skipped) : { all: [], custom: [] };
  if (has("role")) progress(`custom roles: ${roles.custom.length}`);

  const teams: Estate["teams"] = [];
  if (has("team") || has("team-member")) {
    // getApplication finds an application by name only when no other visible one has it.
    const names = new Map<string, number>();
    if (has("team"))
      for (const app of await client.applications.list()) names.set(app.name, (names.get(app.name) ?? 0) + 1);
    for (const team of await client.teams.listForOrganization(uuid)) {
      const applications = has("team")
        ? (await client.teams.listApplications(team.uuid)).map((app) => ({
            uuid: app.uuid,
            name: app.name,
            organizationUuid: app.organization?.uuid,
            nameIsUnique: names.get(app.name) === 1,
          }))
        : [];
      const members = has("team-member") ? await walkMembers(client, team, roles.all, skipped) : [];
      teams.push({ uuid: team.uuid, name: team.name, organizationUuid: uuid, applications, members });
    }
    if (has("team"))
      progress(
        `teams: ${teams.length}, with ${teams.reduce((n, t) => n + t.applications.length, 0)} applications`,
      );
    if (has("team-member"))
      progress(`team members and invitations: ${teams.reduce((n, t) => n + t.members.length, 0)}`);
  }
  const allowlists = has("subscription-ip-allowlist") ? await walkAllowlists(client, uuid, skipped) : [];
  if (has("subscription-ip-allowlist")) progress(`Shield allowlists: ${allowlists.length}`);
  const sshKeys = kinds.includes("ssh-key") ? await walkSshKeys(client, skipped, progress) : [];
  return {
    scope: { organization: { uuid: organization.uuid, name: organization.name } },
    connection: options.connection,
    kinds,
    databases: [],
    environments: [],
    teams,
    sshKeys,
    roles: roles.custom,
    allowlists,
    skipped,
  };
}
