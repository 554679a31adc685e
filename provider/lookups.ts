import * as pulumi from "@pulumi/pulumi";
import {
  AcquiaCloudClient,
  type Account,
  type Application,
  type Environment,
  type Organization,
} from "../sdk";
import { resolveSettings, type ConnectionSettings } from "./runtime/settings";
import { ambientArgs } from "./resources/ambient-settings";

/**
 * Lookups run in the program process (dynamic providers cannot serve invokes). They take plain
 * settings, or read stack config and ACLI_* variables like a Connection does.
 */
export interface LookupOptions {
  connection?: Partial<ConnectionSettings> | undefined;
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

function plain(value: pulumi.Input<string> | undefined): Promise<string | undefined> {
  // A secret from stack config is an Output; its value is known in the program process.
  return new Promise((resolve) => pulumi.output(value).apply((v) => resolve(v)));
}

async function clientFor(options: LookupOptions): Promise<AcquiaCloudClient> {
  const ambient = ambientArgs();
  const given = options.connection ?? {};
  const clientId = given.clientId ?? ambient.clientId;
  const clientSecret = given.clientSecret ?? (await plain(ambient.clientSecret));
  if (!clientId || !clientSecret) {
    throw new Error(
      "No Acquia credentials for the lookup: pass connection settings, or set acquia:clientId and acquia:clientSecret (or ACLI_KEY and ACLI_SECRET)",
    );
  }
  return new AcquiaCloudClient(
    resolveSettings({
      clientId,
      clientSecret,
      organizationUuid: given.organizationUuid ?? ambient.organizationUuid,
      apiUrl: given.apiUrl ?? ambient.apiUrl,
      tokenUrl: given.tokenUrl ?? ambient.tokenUrl,
    }),
  );
}

/** The account that owns the API key. */
export async function getAccount(options: LookupOptions = {}): Promise<Known<Account>> {
  return (await clientFor(options)).account.get();
}

export async function getOrganization(args: { uuid: string } & LookupOptions): Promise<Known<Organization>> {
  return (await clientFor(args)).organizations.get(args.uuid);
}

/** An application by UUID, or by exact name (which must then be unique among visible applications). */
export async function getApplication(
  args: ({ uuid: string; name?: undefined } | { name: string; uuid?: undefined }) & LookupOptions,
): Promise<Known<Application>> {
  const client = await clientFor(args);
  if (args.uuid) return client.applications.get(args.uuid);
  const matches = await client.applications.findByName(args.name ?? "");
  if (matches.length === 1 && matches[0]) return matches[0];
  throw new Error(
    matches.length === 0
      ? `No application named "${args.name}" is visible to these credentials; check the name or pass its uuid`
      : `${matches.length} applications are named "${args.name}" (${matches.map((a) => a.uuid).join(", ")}); pass the uuid instead`,
  );
}

/** An environment of an application by machine name (`dev`) or label. */
export async function getEnvironment(
  args: { applicationUuid: string; name: string } & LookupOptions,
): Promise<Known<Environment>> {
  const environment = await (await clientFor(args)).environments.find(args.applicationUuid, args.name);
  if (!environment)
    throw new Error(`Application ${args.applicationUuid} has no environment named "${args.name}"`);
  return environment;
}
