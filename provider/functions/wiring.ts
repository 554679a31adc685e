// Lookups that wire Acquia into other providers (firewalls, DNS) and check a program's values (branches,
// runtimes, log forwarding consumers and sources) against what Acquia offers.
import { z } from "zod";
import { applicationUuid, environmentId } from "../kinds/fields";
import { defineFunction, naming } from "./function";

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
