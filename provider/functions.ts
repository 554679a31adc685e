/**
 * The lookups, said once: their arguments, the documented fields they return, and how they ask
 * Acquia. The program runs them as plain async functions (dynamic mode); the provider plugin serves
 * them as invokes (`acquia:index:getApplication`, …) and describes them in its schema.
 */
import { z } from "zod";
import type * as Sdk from "../sdk";
import type { AcquiaCloudClient } from "../sdk";
import { applicationUuid, environmentId } from "./kinds/fields";

const nameAndUuid = z.object({ uuid: z.string(), name: z.string().optional() });

/** A lookup's argument names an object Acquia does not show to these credentials. */
export class LookupNotFoundError extends Error {
  readonly code = "LOOKUP_NOT_FOUND";

  constructor(
    readonly argument: string,
    readonly value: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LookupNotFoundError";
  }
}

/**
 * Runs a lookup's call to Acquia. Acquia's 404 says only "does not exist, or you do not have
 * permission"; a program needs to know which of its arguments was wrong and where a good value comes
 * from, so the error names the argument, its value and the lookup that gives one.
 */
async function naming<T>(
  argument: { name: string; value: string; from: string },
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    // The SDK is loaded by now (the call made a client); requiring it here keeps it out of programs
    // that define lookups but never run one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { isNotFound } = require("../sdk") as typeof Sdk;
    if (!isNotFound(error)) throw error;
    throw new LookupNotFoundError(
      argument.name,
      argument.value,
      `${argument.name} "${argument.value}" is not visible to these credentials (Acquia: ${error.message}); ` +
        `check it, e.g. take it from ${argument.from}`,
      { cause: error },
    );
  }
}

export interface FunctionDefinition<
  A extends z.ZodRawShape = z.ZodRawShape,
  R extends z.ZodRawShape = z.ZodRawShape,
> {
  /** `getApplication`: token `acquia:index:getApplication`. */
  name: string;
  description: string;
  args: z.ZodObject<A>;
  /** The documented fields of the answer (what the schema declares and the plugin returns). */
  result: z.ZodObject<R>;
  run(client: AcquiaCloudClient, args: z.output<z.ZodObject<A>>): Promise<z.output<z.ZodObject<R>>>;
}

function defineFunction<A extends z.ZodRawShape, R extends z.ZodRawShape>(
  definition: FunctionDefinition<A, R>,
): FunctionDefinition<A, R> {
  return definition;
}

export const getAccount = defineFunction({
  name: "getAccount",
  description: "The account that owns the API key.",
  args: z.object({}),
  result: z.object({
    uuid: z.string().describe("The account's UUID."),
    name: z.string().optional().describe("Its user name."),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    mail: z.string().optional().describe("Its e-mail address."),
  }),
  run: (client) => client.account.get(),
});

export const getOrganization = defineFunction({
  name: "getOrganization",
  description: "An organization by UUID.",
  args: z.object({ uuid: z.string().describe("The organization's UUID.") }),
  result: z.object({
    uuid: z.string(),
    name: z.string(),
    flags: z.object({ federated_authentication: z.boolean().optional() }).optional(),
  }),
  run: (client, args) => client.organizations.get(args.uuid),
});

export const getApplication = defineFunction({
  name: "getApplication",
  description:
    "An application by UUID, or by exact name (which must then be unique among visible applications).",
  args: z
    .object({
      uuid: z.string().optional().describe("The application's UUID."),
      name: z.string().optional().describe("The application's exact name."),
    })
    .refine((a) => (a.uuid === undefined) !== (a.name === undefined), {
      message: "pass either uuid or name",
      path: ["name"],
    }),
  result: z.object({
    uuid: z.string(),
    name: z.string(),
    type: z.string().optional().describe("e.g. drupal; absent for some applications."),
    status: z.string().optional(),
    subscription: nameAndUuid.optional(),
    organization: nameAndUuid.optional(),
  }),
  async run(client, args) {
    if (args.uuid) return client.applications.get(args.uuid);
    const matches = await client.applications.listByName(args.name ?? "");
    if (matches.length === 1 && matches[0]) return matches[0];
    throw new Error(
      matches.length === 0
        ? `No application named "${args.name}" is visible to these credentials; check the name or pass its uuid`
        : `${matches.length} applications are named "${args.name}" (${matches.map((a) => a.uuid).join(", ")}); pass the uuid instead`,
    );
  },
});

export const getEnvironment = defineFunction({
  name: "getEnvironment",
  description: "An environment of an application by machine name (`dev`) or label.",
  args: z.object({
    applicationUuid: z.string().describe("The application, e.g. from getApplication."),
    name: z.string().describe("The environment's machine name (dev) or label (Dev)."),
  }),
  result: z.object({
    id: z.string().describe("The environment id (24-<application uuid>)."),
    name: z.string(),
    label: z.string(),
    domains: z.array(z.string()).optional(),
    application: nameAndUuid.optional(),
    flags: z.object({ cde: z.boolean().optional(), production: z.boolean().optional() }).optional(),
  }),
  async run(client, args) {
    const environment = await client.environments.find(args.applicationUuid, args.name);
    if (!environment)
      throw new Error(`Application ${args.applicationUuid} has no environment named "${args.name}"`);
    return environment;
  },
});

export const getPermissions = defineFunction({
  name: "getPermissions",
  description: "The permission names a Role may grant, with what each allows.",
  args: z.object({}),
  result: z.object({
    names: z.array(z.string()).describe("Every permission name, for a Role's permissions."),
    permissions: z
      .array(
        z.object({
          name: z.string(),
          label: z.string().optional().describe("What the permission allows, in words."),
          group: z.string().optional().describe("The Cloud UI's group for it (Workflow, Logs …)."),
          deprecated: z.boolean().describe("Still accepted, but going away."),
        }),
      )
      .describe("Every permission, in Acquia's order."),
  }),
  async run(client) {
    const permissions = (await client.roles.listPermissions()).map((p) => ({
      name: p.name,
      ...(p.label ? { label: p.label } : {}),
      ...(p.group_label ? { group: p.group_label } : {}),
      deprecated: p.flags?.deprecated ?? false,
    }));
    return { names: permissions.map((p) => p.name), permissions };
  },
});

export const getRoles = defineFunction({
  name: "getRoles",
  description: "An organization's roles (Acquia's defaults and custom ones), e.g. for a TeamMember's roles.",
  args: z.object({ organizationUuid: z.string().describe("The organization, e.g. from getOrganization.") }),
  result: z.object({
    roles: z.array(
      z.object({
        uuid: z.string().describe("The role's UUID, for a TeamMember's roles."),
        name: z.string(),
        permissions: z.array(z.string()).describe("Its permission names, sorted."),
        isDefault: z.boolean().describe("One of Acquia's built-in roles."),
      }),
    ),
    byName: z.record(z.string(), z.string()).describe("Each role's UUID by its name."),
  }),
  async run(client, args) {
    const roles = (await client.roles.listForOrganization(args.organizationUuid)).flatMap((r) =>
      r.uuid && r.name
        ? [
            {
              uuid: r.uuid,
              name: r.name,
              permissions: [...new Set((r.permissions ?? []).map((p) => p.name))].sort(),
              isDefault: r.flags?.default ?? false,
            },
          ]
        : [],
    );
    return { roles, byName: Object.fromEntries(roles.map((r) => [r.name, r.uuid])) };
  },
});

export const getTeam = defineFunction({
  name: "getTeam",
  description: "A team by UUID, or by exact name within an organization.",
  args: z
    .object({
      uuid: z.string().optional().describe("The team's UUID."),
      organizationUuid: z.string().optional().describe("With name: the organization to look in."),
      name: z.string().optional().describe("The team's exact name (with organizationUuid)."),
    })
    .refine((a) => (a.uuid === undefined) !== (a.name === undefined && a.organizationUuid === undefined), {
      message: "pass either uuid, or organizationUuid and name",
      path: ["name"],
    })
    .refine((a) => a.uuid !== undefined || (a.name !== undefined && a.organizationUuid !== undefined), {
      message: "a team is found by name only within an organization: pass organizationUuid and name",
      path: ["organizationUuid"],
    }),
  result: z.object({
    uuid: z.string(),
    name: z.string(),
    organization: nameAndUuid.optional(),
  }),
  async run(client, args) {
    if (args.uuid) return client.teams.get(args.uuid);
    const team = await client.teams.find(args.organizationUuid ?? "", args.name ?? "");
    if (!team) throw new Error(`Organization ${args.organizationUuid} has no team named "${args.name}"`);
    return team;
  },
});

export const getSubscription = defineFunction({
  name: "getSubscription",
  description:
    "A subscription by UUID, or by exact name (which must then be unique among visible subscriptions), e.g. " +
    "for a SubscriptionIpAllowlist.",
  args: z
    .object({
      uuid: z.string().optional().describe("The subscription's UUID."),
      name: z.string().optional().describe("The subscription's exact name."),
    })
    .refine((a) => (a.uuid === undefined) !== (a.name === undefined), {
      message: "pass either uuid or name",
      path: ["name"],
    }),
  result: z.object({
    uuid: z.string(),
    name: z.string(),
    organization: nameAndUuid.optional(),
    product: z
      .object({ name: z.string().optional(), type: z.string().optional() })
      .optional()
      .describe("e.g. Enterprise."),
    applications_total: z.number().optional().describe("How many applications it allows."),
    applications_used: z.number().optional().describe("How many it has."),
    expire_at: z.string().optional().describe("When the contract ends."),
  }),
  async run(client, args) {
    if (args.uuid) return client.subscriptions.get(args.uuid);
    const matches = (await client.subscriptions.list()).filter((s) => s.name === args.name);
    if (matches.length === 1 && matches[0]) return matches[0];
    throw new Error(
      matches.length === 0
        ? `No subscription named "${args.name}" is visible to these credentials; check the name or pass its uuid`
        : `${matches.length} subscriptions are named "${args.name}" (${matches.map((s) => s.uuid).join(", ")}); pass the uuid instead`,
    );
  },
});

const environmentArgs = z.object({
  environmentId: environmentId.describe(
    "The environment id (24-<application uuid>), e.g. from getEnvironment.",
  ),
});
const environmentArgument = (value: string) => ({ name: "environmentId", value, from: "getEnvironment" });

export const getEnvironmentEgressIps = defineFunction({
  name: "getEnvironmentEgressIps",
  description:
    "The environment's dedicated egress IPs (Acquia's Web EIPs), e.g. for a firewall that admits its outbound " +
    "traffic. An environment without them has none listed (empty lists): its traffic then leaves from " +
    "shared addresses Acquia does not publish. `ips` holds every listed IPv4 address, active or not, since " +
    "an inactive one can start carrying traffic without notice.",
  args: environmentArgs,
  result: z.object({
    ips: z.array(z.string()).describe("Every egress IPv4 address, sorted."),
    ipv6: z.array(z.string()).describe("Their IPv6 addresses, sorted."),
    egressIps: z
      .array(
        z.object({
          id: z.string().optional(),
          ipv4: z.string(),
          ipv6: z.string().optional(),
          status: z.string().optional().describe("Its provisioning status, e.g. created."),
          active: z.boolean().describe("Whether it carries traffic now."),
        }),
      )
      .describe("Each address as Acquia lists it."),
  }),
  async run(client, args) {
    const listed = await naming(environmentArgument(args.environmentId), () =>
      client.environments.egressIps(args.environmentId),
    );
    // An entry without an IPv4 address gives a firewall nothing to admit.
    const egressIps = listed.flatMap((eip) =>
      eip.ipv4
        ? [
            {
              ...(eip.id ? { id: eip.id } : {}),
              ipv4: eip.ipv4,
              ...(eip.ipv6 ? { ipv6: eip.ipv6 } : {}),
              ...(eip.status ? { status: eip.status } : {}),
              active: eip.flags?.active ?? true,
            },
          ]
        : [],
    );
    return {
      ips: egressIps.map((eip) => eip.ipv4).sort(),
      ipv6: egressIps.flatMap((eip) => (eip.ipv6 ? [eip.ipv6] : [])).sort(),
      egressIps,
    };
  },
});

const dnsRecord = z.object({
  type: z.string().describe("A, AAAA or CNAME."),
  value: z.string().describe("An address (A, AAAA) or a host name (CNAME)."),
});
const dnsRecords = z.array(dnsRecord);

/** `{A: [...], AAAA: [...]}`: one record set per type, as DNS providers take them. */
function byType(records: readonly { type: string; value: string }[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const { type, value } of records) (grouped[type] ??= []).push(value);
  return grouped;
}

const plainRecords = (records: readonly { type: string; value: string }[]) =>
  records.map(({ type, value }) => ({ type, value }));

export const getEnvironmentDns = defineFunction({
  name: "getEnvironmentDns",
  description:
    "The DNS records a custom domain of the environment should have: `apex` for the bare domain " +
    "(example.com) and `subdomains` for the others (www.example.com). They are Acquia's regional " +
    "configuration; the top-level `apex_domain`/`subdomains` the API also sends are deprecated and are read " +
    "only when the regional configuration is absent. The global (multi-region) configuration is under " +
    "`global`.",
  args: environmentArgs,
  result: z.object({
    apex: dnsRecords.describe("Records for the apex domain (A, AAAA)."),
    apexByType: z.record(z.string(), z.array(z.string())).describe("The apex values by record type."),
    subdomains: dnsRecords.describe("Records for subdomains (usually a CNAME)."),
    subdomainsByType: z
      .record(z.string(), z.array(z.string()))
      .describe("The subdomain values by record type."),
    global: z
      .object({ apex: dnsRecords, subdomains: dnsRecords })
      .describe("The global configuration's records (empty lists when Acquia sends none)."),
  }),
  async run(client, args) {
    const dns = await naming(environmentArgument(args.environmentId), () =>
      client.environments.dns(args.environmentId),
    );
    const regional = dns.regional_configuration ?? {
      apex_domain: dns.apex_domain,
      subdomains: dns.subdomains,
    };
    const apex = plainRecords(regional.apex_domain);
    const subdomains = plainRecords(regional.subdomains);
    return {
      apex,
      apexByType: byType(apex),
      subdomains,
      subdomainsByType: byType(subdomains),
      global: {
        apex: plainRecords(dns.global_configuration?.apex_domain ?? []),
        subdomains: plainRecords(dns.global_configuration?.subdomains ?? []),
      },
    };
  },
});

export const getBranches = defineFunction({
  name: "getBranches",
  description:
    "An application's branches and tags, e.g. to check an Environment's or a CodeDeployment's branch. Tags " +
    "are named `tags/<name>`, as Acquia names them and as a deployment takes them.",
  args: z.object({
    applicationUuid: applicationUuid.describe("The application, e.g. from getApplication."),
  }),
  result: z.object({
    branches: z.array(z.string()).describe("Branch names, in Acquia's order."),
    tags: z.array(z.string()).describe("Tag names (tags/<name>), in Acquia's order."),
    refs: z
      .array(z.object({ name: z.string(), tag: z.boolean() }))
      .describe("Every branch and tag, in Acquia's order."),
  }),
  async run(client, args) {
    const listed = await naming(
      { name: "applicationUuid", value: args.applicationUuid, from: "getApplication" },
      () => client.code.listRefs(args.applicationUuid),
    );
    // The name says it when the flag is missing: Acquia writes every tag as tags/<name>.
    const refs = listed.map((r) => ({ name: r.name, tag: r.flags?.tag ?? r.name.startsWith("tags/") }));
    return {
      branches: refs.filter((r) => !r.tag).map((r) => r.name),
      tags: refs.filter((r) => r.tag).map((r) => r.name),
      refs,
    };
  },
});

export const getAvailableRuntimes = defineFunction({
  name: "getAvailableRuntimes",
  description:
    "The runtime versions an environment may switch to (what EnvironmentSettings' phpVersion accepts). " +
    "Acquia answers for the environment's own runtime: `php` or `node` holds its versions, the other is empty.",
  args: environmentArgs,
  result: z.object({
    php: z.array(z.string()).describe("PHP versions, e.g. 8.3."),
    node: z.array(z.string()).describe("Node.js versions."),
    runtimes: z
      .array(z.object({ runtime: z.string(), versions: z.array(z.string()) }))
      .describe("What Acquia answered: the runtime and its versions."),
  }),
  async run(client, args) {
    const answer = await naming(environmentArgument(args.environmentId), () =>
      client.environments.availableRuntimes(args.environmentId),
    );
    // The operation predates Node.js environments: an answer that does not name its runtime is PHP's.
    const runtime = answer.runtime ?? "php";
    return {
      php: runtime === "php" ? answer.versions : [],
      node: runtime === "node" ? answer.versions : [],
      runtimes: [{ runtime, versions: answer.versions }],
    };
  },
});

export const getLogForwardingOptions = defineFunction({
  name: "getLogForwardingOptions",
  description:
    "The consumers and log sources Acquia accepts for a LogForwardingDestination (its `consumer` and " +
    "`sources`), e.g. to check or pick one in a program.",
  args: z.object({}),
  result: z.object({
    consumers: z.array(z.string()).describe("Consumer names, for a destination's consumer."),
    sources: z.array(z.string()).describe("Source names, for a destination's sources."),
    consumerDetails: z
      .array(z.object({ name: z.string(), label: z.string().optional() }))
      .describe("Each consumer with its label."),
    sourceDetails: z
      .array(
        z.object({
          name: z.string(),
          label: z.string().optional(),
          platforms: z.array(z.string()).describe("The platforms that produce it, e.g. drupal, node."),
        }),
      )
      .describe("Each source with its label and platforms."),
  }),
  async run(client) {
    const [consumers, sources] = await Promise.all([
      client.logForwarding.listConsumers(),
      client.logForwarding.listSources(),
    ]);
    const consumerDetails = consumers.map((c) => ({ name: c.name, ...(c.label ? { label: c.label } : {}) }));
    const sourceDetails = sources.map((s) => ({
      name: s.name,
      ...(s.label ? { label: s.label } : {}),
      platforms: s.platforms,
    }));
    return {
      consumers: consumerDetails.map((c) => c.name),
      sources: sourceDetails.map((s) => s.name),
      consumerDetails,
      sourceDetails,
    };
  },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored type-erased, like the kinds
export type AnyFunction = FunctionDefinition<any, any>;

export const FUNCTIONS: readonly AnyFunction[] = [
  getAccount,
  getOrganization,
  getApplication,
  getEnvironment,
  getPermissions,
  getRoles,
  getTeam,
  getSubscription,
  getEnvironmentEgressIps,
  getEnvironmentDns,
  getBranches,
  getAvailableRuntimes,
  getLogForwardingOptions,
];
