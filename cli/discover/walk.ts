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
  cronFrequency,
  type AcquiaCloudClient,
  type Application,
  type Environment,
} from "../../sdk";
import { kind as cronJob } from "../../provider/kinds/cron-job/definition";
import { kind as domain } from "../../provider/kinds/domain/definition";
import { settingsShape } from "../../provider/kinds/environment-settings/definition";
import { kind as environmentVariable } from "../../provider/kinds/environment-variable/definition";
import { CONSUMERS, LOG_SOURCES } from "../../provider/kinds/log-forwarding-destination/definition";
import { kind as sshKey } from "../../provider/kinds/ssh-key/definition";
import { acquiaLabelOf, parsed, CERTIFICATE_BLOCK } from "../../provider/kinds/ssl-certificate/definition";
import { DiscoverError } from "./errors";
import type {
  DiscoverKind,
  DiscoveredApplication,
  DiscoveredCertificate,
  DiscoveredConnection,
  DiscoveredEnvironment,
  DiscoveredLogDestination,
  Estate,
  SettingValue,
  Skipped,
} from "./estate";

export interface WalkOptions {
  application: { name: string } | { uuid: string };
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

const notVisible = (what: string, cause?: unknown) =>
  new DiscoverError(
    "APPLICATION_NOT_VISIBLE",
    `${what} is not visible to this API key. Check --application/--application-uuid, or use the key of an ` +
      `account with access to the application: ${CREDENTIAL_FLAGS}.`,
    { cause },
  );

async function findApplication(
  client: AcquiaCloudClient,
  wanted: WalkOptions["application"],
): Promise<DiscoveredApplication> {
  let app: Application;
  if ("uuid" in wanted) {
    try {
      app = await client.applications.get(wanted.uuid);
    } catch (error) {
      // Acquia answers 404 (or 403) for an application of an organization the key's account is not in.
      if (
        error instanceof NotFoundError ||
        (error instanceof ForbiddenError && !(error instanceof FederatedAuthenticationRequiredError))
      )
        throw notVisible(`Application ${wanted.uuid}`, error);
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

/** Whether a value passes one input's own rule in the kind definition. */
function accepted(
  shape: Record<string, { safeParse(v: unknown): { success: boolean } }>,
  field: string,
  value: unknown,
) {
  return shape[field]?.safeParse(value).success ?? false;
}

const API_SETTINGS: Record<string, string> = {
  phpVersion: "version",
  memoryLimit: "memory_limit",
  opcache: "opcache",
  apcu: "apcu",
  internedStringsBuffer: "interned_strings_buffer",
  clientMaxBodySize: "client_max_body_size",
  uploadMaxFilesize: "upload_max_filesize",
  maxExecutionTime: "max_execution_time",
  maxPostSize: "max_post_size",
  maxInputVars: "max_input_vars",
  memcachedLimit: "memcached_limit",
};

/** The settings as EnvironmentSettings inputs; a value its schema refuses is left unmanaged. */
function settingsOf(
  env: Environment,
  skip: (what: string, reason: string) => void,
): Record<string, SettingValue> {
  const php = (env.configuration?.php ?? {}) as Record<string, unknown>;
  const reported: Record<string, unknown> = { operatingSystem: env.configuration?.operating_system };
  for (const [setting, apiKey] of Object.entries(API_SETTINGS)) reported[setting] = php[apiKey];
  const settings: Record<string, SettingValue> = {};
  for (const [setting, value] of Object.entries(reported)) {
    if (value === null || value === undefined) continue;
    if (accepted(settingsShape, setting, value)) settings[setting] = value as SettingValue;
    else
      skip(`${setting} = ${String(value)}`, "outside the range EnvironmentSettings accepts: left unmanaged");
  }
  return settings;
}

/** Leaves out the second object with a label: the provider finds objects by label. */
function firstByLabel<T>(items: T[], label: (t: T) => string, skip: (t: T) => void): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    if (!seen.has(label(t))) return seen.add(label(t));
    skip(t);
    return false;
  });
}

const CERTIFICATE_SUFFIX = /^(.+?)-[0-9a-f]{8}(-[0-9a-f]{8})?$/;

/**
 * The program's label of a certificate: the provider installs `<label>-<digest>` and adopts by that
 * label, so only a certificate whose label has that form (installed by a stack) can be adopted.
 */
function programLabel(acquiaLabel: string, certificate: string, ca: string | undefined): string | undefined {
  const base = CERTIFICATE_SUFFIX.exec(acquiaLabel)?.[1];
  return base !== undefined && acquiaLabelOf({ label: base, certificate, caCertificates: ca }) === acquiaLabel
    ? base
    : undefined;
}

const reportedCredentials = (raw: unknown) => {
  const c = (raw ?? {}) as { certificate?: { certificate?: unknown }; key?: unknown; token?: unknown };
  const certificate = c.certificate?.certificate;
  return {
    certificate: typeof certificate === "string" && certificate !== "" ? certificate : undefined,
    hasKey: typeof c.key === "string" && c.key !== "",
    hasToken: typeof c.token === "string" && c.token !== "",
  };
};

async function walkEnvironment(
  client: AcquiaCloudClient,
  env: Environment,
  kinds: readonly DiscoverKind[],
  skipped: Skipped[],
): Promise<DiscoveredEnvironment> {
  const has = (k: DiscoverKind) => kinds.includes(k);
  const skip = (kind: DiscoverKind) => (what: string, reason: string) =>
    skipped.push({ kind, what: `${what} on ${env.name}`, reason });
  const none = Promise.resolve([]);
  const cde = env.flags?.cde === true;
  const [variables, crons, domains, certificates, destinations, databases] = await Promise.all([
    has("environment-variable") ? client.variables.list(env.id) : none,
    has("cron-job") ? client.crons.list(env.id) : none,
    has("domain") ? client.domains.list(env.id) : none,
    has("ssl-certificate") ? client.sslCertificates.list(env.id) : none,
    has("log-forwarding-destination") ? client.logForwarding.list(env.id) : none,
    cde && has("environment") ? client.databases.listForEnvironment(env.id) : none,
  ]);

  const skipVariable = skip("environment-variable");
  const skipCron = skip("cron-job");
  const skipCertificate = skip("ssl-certificate");
  const skipDestination = skip("log-forwarding-destination");
  const certificatesOut: DiscoveredCertificate[] = [];
  for (const c of certificates) {
    const pem = c.certificate ?? "";
    const [x509] = parsed(pem.match(CERTIFICATE_BLOCK) ?? []) ?? [];
    const ca = c.ca?.trim() ? c.ca : undefined;
    const label = programLabel(c.label ?? "", pem, ca);
    if (!x509) skipCertificate(`certificate ${c.id}`, "Acquia did not return its PEM certificate");
    else if (new Date(x509.validTo).getTime() <= Date.now())
      skipCertificate(`certificate "${c.label}"`, "expired: renew it, then manage the new one");
    else if (label === undefined)
      skipCertificate(
        `certificate "${c.label}"`,
        "its label was not made by this provider (<label>-<digest>), so adopt cannot find it: take it over " +
          "with the plugin's `pulumi import`, or install it again from the program and remove this one",
      );
    else
      certificatesOut.push({
        id: String(c.id),
        label,
        certificate: pem,
        caCertificates: ca,
        privateKey: c.private_key ?? undefined,
        active: c.flags?.active ?? false,
      });
  }

  const destinationsOut: DiscoveredLogDestination[] = [];
  for (const d of firstByLabel(
    destinations,
    (d) => d.label,
    (d) =>
      skipDestination(
        `log destination "${d.label}"`,
        "another destination has the same label, which is how the provider finds it",
      ),
  )) {
    const sources = LOG_SOURCES.filter((s) => d.sources.includes(s));
    if (!(CONSUMERS as readonly string[]).includes(d.consumer) || sources.length === 0) {
      skipDestination(
        `log destination "${d.label}"`,
        `consumer ${d.consumer} or its sources are not ones the provider manages`,
      );
      continue;
    }
    destinationsOut.push({
      uuid: d.uuid,
      label: d.label,
      consumer: d.consumer,
      sources,
      address: d.consumer === "loggly" ? undefined : d.address || undefined,
      ...reportedCredentials(d.credentials),
      enabled: d.flags?.enabled ?? true,
    });
  }

  return {
    id: env.id,
    name: env.name,
    label: env.label,
    cde,
    branch: env.vcs?.path || undefined,
    databases: databases.map((d) => d.name).sort(),
    settings: has("environment-settings") ? settingsOf(env, skip("environment-settings")) : {},
    variables: variables.flatMap((v) => {
      if (!accepted(environmentVariable.inputs.shape, "name", v.name)) {
        skipVariable(`variable ${v.name}`, "its name is reserved by Acquia or not one the provider accepts");
        return [];
      }
      return [{ name: v.name, value: v.value ?? "" }];
    }),
    crons: firstByLabel(
      crons.filter((c) => {
        if (c.flags?.system)
          skipCron(`cron "${c.label ?? c.id}"`, "Acquia's own job (flags.system): it cannot be changed");
        else if (!c.label)
          skipCron(`cron ${c.id}`, "it has no label, which is how the provider finds a cron");
        else if (!accepted(cronJob.inputs.shape, "frequency", cronFrequency(c)))
          skipCron(`cron "${c.label}"`, "its schedule is not a five-field cron expression");
        else return true;
        return false;
      }),
      (c) => c.label ?? "",
      (c) =>
        skipCron(`cron "${c.label}"`, "another cron has the same label, which is how the provider finds it"),
    ).map((c) => ({
      id: c.id,
      label: c.label ?? "",
      command: c.command,
      frequency: cronFrequency(c),
      enabled: c.flags?.enabled ?? true,
    })),
    domains: domains.flatMap((d) => {
      if (d.flags?.default) return [];
      if (accepted(domain.inputs.shape, "hostname", d.hostname)) return [d.hostname.toLowerCase()];
      skip("domain")(`domain ${d.hostname}`, "not a hostname the provider accepts");
      return [];
    }),
    certificates: certificatesOut,
    logDestinations: destinationsOut,
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
  const { kinds, progress } = options;
  const has = (k: DiscoverKind) => kinds.includes(k);
  const skipped: Skipped[] = [];
  const application = await findApplication(client, options.application);
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
        teams.push({ uuid: team.uuid, name: team.name, organizationUuid: team.organization?.uuid ?? org });
    }
    progress(`teams with the application: ${teams.length}`);
  }

  const sshKeys: Estate["sshKeys"] = [];
  if (has("ssh-key")) {
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
  }

  return {
    application,
    connection: options.connection,
    kinds,
    databases,
    environments,
    teams,
    sshKeys,
    skipped,
  };
}
