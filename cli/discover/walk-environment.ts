/**
 * The objects of one environment, read through the SDK: runtime settings, flags (production mode, CDN,
 * mod_proxy), enabled Cloud Actions, variables, crons, domains, certificates and log destinations. What
 * the provider could not adopt as it is (Acquia's own crons, a label the provider does not find objects
 * by, a value its schema refuses, Cloud Actions switched off) is left out with the reason, so the first
 * `pulumi up` of the program changes nothing.
 */
import {
  cronFrequency,
  isNotFound,
  type AcquiaCloudClient,
  type CloudAction,
  type Environment,
} from "../../sdk";
import { kind as cronJob } from "../../provider/kinds/cron-job/definition";
import { kind as domain } from "../../provider/kinds/domain/definition";
import { matchCloudAction } from "../../provider/kinds/environment-cloud-actions/definition";
import { FLAGS, readFlags, type FlagValues } from "../../provider/kinds/environment-flags/definition";
import { currentSettings, settingsShape } from "../../provider/kinds/environment-settings/definition";
import { kind as environmentVariable } from "../../provider/kinds/environment-variable/definition";
import { CONSUMERS, LOG_SOURCES } from "../../provider/kinds/log-forwarding-destination/definition";
import { CERTIFICATE_BLOCK, acquiaLabelOf, parsed } from "../../provider/kinds/ssl-certificate/definition";
import type {
  DiscoverKind,
  DiscoveredCertificate,
  DiscoveredEnvironment,
  DiscoveredLogDestination,
  SettingValue,
  Skipped,
} from "./estate";

/** Whether a value passes one input's own rule in the kind definition. */
export function accepted(
  shape: Record<string, { safeParse(v: unknown): { success: boolean } }>,
  field: string,
  value: unknown,
) {
  return shape[field]?.safeParse(value).success ?? false;
}

/** The settings as EnvironmentSettings inputs; a value its schema refuses is left unmanaged. */
function settingsOf(
  env: Environment,
  skip: (what: string, reason: string) => void,
): Record<string, SettingValue> {
  const settings: Record<string, SettingValue> = {};
  for (const [setting, value] of Object.entries(currentSettings(env))) {
    if (accepted(settingsShape, setting, value)) settings[setting] = value as SettingValue;
    else
      skip(`${setting} = ${String(value)}`, "outside the range EnvironmentSettings accepts: left unmanaged");
  }
  return settings;
}

/**
 * The flags as EnvironmentFlags reads them back, only those the environment has and the kind's
 * preflight accepts: production mode on production environments, no Platform CDN or mod_proxy on a CD
 * environment, and no mod_proxy where Acquia says it is not available.
 */
async function flagsOf(
  client: AcquiaCloudClient,
  env: Environment,
  skip: (what: string, reason: string) => void,
): Promise<FlagValues> {
  const which = FLAGS.filter((flag) =>
    flag === "productionMode" ? env.flags?.production !== false : env.flags?.cde !== true,
  );
  const flags = await readFlags(client, env, which);
  if (Object.keys(flags).length === 0)
    skip("flags", "Acquia reports none of production mode, Platform CDN or mod_proxy for it");
  return flags;
}

/** How the program names an action: by its label, unless that would find another action, else by id. */
function actionName(actions: readonly CloudAction[], action: CloudAction): string {
  const label = action.label.trim();
  return label !== "" && matchCloudAction(actions, label)?.id === action.id ? label : action.id;
}

/**
 * The enabled Cloud Actions by name, sorted, or undefined while Acquia answers (404) that Cloud Actions
 * are not available for the environment.
 */
async function cloudActionsOf(
  client: AcquiaCloudClient,
  env: Environment,
  skip: (what: string, reason: string) => void,
): Promise<string[] | undefined> {
  let actions: CloudAction[];
  try {
    actions = await client.cloudActions.list(env.id);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    skip("Cloud Actions", `not available for the environment (${error.detail.replace(/\.$/, "")})`);
    return undefined;
  }
  return actions
    .filter((a) => a.flags?.enabled === true)
    .map((a) => actionName(actions, a))
    .sort();
}

/** Leaves out the second object with a label: the provider finds objects by label. */
function firstByLabel<T>(items: T[], label: (t: T) => string, skip: (t: T) => void): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const first = !seen.has(label(t));
    if (first) seen.add(label(t));
    else skip(t);
    return first;
  });
}

/**
 * The program's label of a certificate. One a stack installed carries `<label>-<digest>`: the program
 * gets `<label>` back, so a later replacement is named as before. Any other is adopted by its
 * certificate and chain (the SslCertificate handler does so under `adopt`) and keeps Acquia's label.
 */
function programLabel(acquiaLabel: string, id: string, certificate: string, ca: string | undefined): string {
  // The derived label of an empty label is the digest suffix alone.
  const suffix = acquiaLabelOf({ label: "", certificate, caCertificates: ca });
  const base = acquiaLabel.endsWith(suffix) ? acquiaLabel.slice(0, -suffix.length) : acquiaLabel;
  return base.trim() || `certificate-${id}`;
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

export async function walkEnvironment(
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
  const [flags, cloudActions, variables, crons, domains, certificates, destinations, databases] =
    await Promise.all([
      has("environment-flags") ? flagsOf(client, env, skip("environment-flags")) : Promise.resolve({}),
      has("environment-cloud-actions")
        ? cloudActionsOf(client, env, skip("environment-cloud-actions"))
        : Promise.resolve(undefined),
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
  const installed = new Set<string>();
  for (const c of certificates) {
    const pem = c.certificate ?? "";
    const [x509] = parsed(pem.match(CERTIFICATE_BLOCK) ?? []) ?? [];
    const ca = c.ca?.trim() ? c.ca : undefined;
    const content = `${x509?.fingerprint256} ${ca?.replace(/\s/g, "") ?? ""}`;
    if (!x509) skipCertificate(`certificate ${c.id}`, "Acquia did not return its PEM certificate");
    else if (new Date(x509.validTo).getTime() <= Date.now())
      skipCertificate(`certificate "${c.label}"`, "expired: renew it, then manage the new one");
    // Adopt finds a certificate by its content: a second copy would be taken by both resources.
    else if (installed.has(content))
      skipCertificate(`certificate "${c.label}"`, "the same certificate is installed under another label");
    else {
      installed.add(content);
      certificatesOut.push({
        id: String(c.id),
        label: programLabel(c.label ?? "", String(c.id), pem, ca),
        certificate: pem,
        caCertificates: ca,
        privateKey: c.private_key ?? undefined,
        active: c.flags?.active ?? false,
      });
    }
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
    artifactId: env.artifact?.id,
    databases: databases.map((d) => d.name).sort(),
    settings: has("environment-settings") ? settingsOf(env, skip("environment-settings")) : {},
    flags,
    cloudActions,
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
