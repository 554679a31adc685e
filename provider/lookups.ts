import * as pulumi from "@pulumi/pulumi";
import type * as Sdk from "../sdk";
import * as functions from "./functions";
import type { z } from "zod";
import type {
  AcquiaCloudClient,
  Account,
  Application,
  Environment,
  Organization,
  Subscription,
  Team,
} from "../sdk";
import {
  CONNECTION_SOURCES,
  MISSING_CREDENTIALS_HINT,
  resolveSettings,
  type PartialSettings,
} from "./settings";

/**
 * Lookups run in the program process (dynamic providers cannot serve invokes). They take plain
 * settings, or read stack config and ACLI_* variables like a Connection does.
 */
export interface LookupOptions {
  connection?: PartialSettings | undefined;
}

/**
 * The documented fields of an API object. Acquia's objects keep unknown fields (an index signature),
 * which would stop `pulumi.output(await getApplication(...)).uuid` from type-checking in a program.
 */
export type Known<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;

/** The program's stack config (`acquia:*`), the secret included: its value is known here. */
async function programConfig(): Promise<(key: string) => string | undefined> {
  const config = new pulumi.Config("acquia");
  const secretKey = CONNECTION_SOURCES.clientSecret.config;
  const secret = await new Promise<string | undefined>((resolve) =>
    pulumi.output(config.getSecret(secretKey.replace(/^acquia:/, ""))).apply(resolve),
  );
  return (key) => (key === secretKey ? secret : config.get(key.replace(/^acquia:/, "")));
}

async function clientFor(options: LookupOptions): Promise<AcquiaCloudClient> {
  const settings = resolveSettings(await programConfig(), options.connection);
  if (!settings) throw new Error(`No Acquia credentials for the lookup: ${MISSING_CREDENTIALS_HINT}.`);
  // The HTTP stack loads only when a lookup runs: programs without lookups start faster.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AcquiaCloudClient } = require("../sdk") as typeof Sdk;
  return new AcquiaCloudClient(settings);
}

/** The account that owns the API key. */
export async function getAccount(options: LookupOptions = {}): Promise<Known<Account>> {
  return functions.getAccount.run(await clientFor(options), {}) as Promise<Known<Account>>;
}

export async function getOrganization(args: { uuid: string } & LookupOptions): Promise<Known<Organization>> {
  return functions.getOrganization.run(await clientFor(args), args) as Promise<Known<Organization>>;
}

/** An application by UUID, or by exact name (which must then be unique among visible applications). */
export async function getApplication(
  args: ({ uuid: string; name?: undefined } | { name: string; uuid?: undefined }) & LookupOptions,
): Promise<Known<Application>> {
  return functions.getApplication.run(await clientFor(args), args) as Promise<Known<Application>>;
}

/** An environment of an application by machine name (`dev`) or label. */
export async function getEnvironment(
  args: { applicationUuid: string; name: string } & LookupOptions,
): Promise<Known<Environment>> {
  return functions.getEnvironment.run(await clientFor(args), args) as Promise<Known<Environment>>;
}

/** The permission names a Role may grant (`names`), and what each allows. */
export async function getPermissions(
  options: LookupOptions = {},
): Promise<z.output<typeof functions.getPermissions.result>> {
  return functions.getPermissions.run(await clientFor(options), {});
}

/** An organization's roles, and each role's UUID by name (`byName`), e.g. for a TeamMember's roles. */
export async function getRoles(
  args: { organizationUuid: string } & LookupOptions,
): Promise<z.output<typeof functions.getRoles.result>> {
  return functions.getRoles.run(await clientFor(args), args);
}

/** A team by UUID, or by exact name within an organization. */
export async function getTeam(
  args: ({ uuid: string } | { organizationUuid: string; name: string }) & LookupOptions,
): Promise<Known<Team>> {
  return functions.getTeam.run(await clientFor(args), args) as Promise<Known<Team>>;
}

/** A subscription by UUID, or by exact name (which must then be unique among visible subscriptions). */
export async function getSubscription(
  args: ({ uuid: string; name?: undefined } | { name: string; uuid?: undefined }) & LookupOptions,
): Promise<Known<Subscription>> {
  return functions.getSubscription.run(await clientFor(args), args) as Promise<Known<Subscription>>;
}

type ResultOf<F extends functions.AnyFunction> = z.output<F["result"]>;

/**
 * The new lookups take their arguments through the same zod schema the plugin checks, so a program
 * hears about a malformed id by name before any request.
 */
async function runChecked<F extends functions.AnyFunction>(
  fn: F,
  args: object & LookupOptions,
): Promise<ResultOf<F>> {
  const parsed = fn.args.safeParse(args);
  if (!parsed.success)
    throw new Error(`${fn.name}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  return (await fn.run(await clientFor(args), parsed.data)) as ResultOf<F>;
}

/** The environment's dedicated egress IPs (`ips`; empty when it has none), e.g. for a firewall. */
export function getEnvironmentEgressIps(
  args: { environmentId: string } & LookupOptions,
): Promise<ResultOf<typeof functions.getEnvironmentEgressIps>> {
  return runChecked(functions.getEnvironmentEgressIps, args);
}

/** The DNS records (`apex`, `subdomains`, by type too) a custom domain of the environment should have. */
export function getEnvironmentDns(
  args: { environmentId: string } & LookupOptions,
): Promise<ResultOf<typeof functions.getEnvironmentDns>> {
  return runChecked(functions.getEnvironmentDns, args);
}

/** An application's `branches` and `tags` (named `tags/<name>`). */
export function getBranches(
  args: { applicationUuid: string } & LookupOptions,
): Promise<ResultOf<typeof functions.getBranches>> {
  return runChecked(functions.getBranches, args);
}

/** The runtime versions (`php`, `node`) an environment may switch to. */
export function getAvailableRuntimes(
  args: { environmentId: string } & LookupOptions,
): Promise<ResultOf<typeof functions.getAvailableRuntimes>> {
  return runChecked(functions.getAvailableRuntimes, args);
}

/** The `consumers` and `sources` a LogForwardingDestination accepts. */
export function getLogForwardingOptions(
  options: LookupOptions = {},
): Promise<ResultOf<typeof functions.getLogForwardingOptions>> {
  return runChecked(functions.getLogForwardingOptions, options);
}
