import type * as Grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import {
  FUNCTIONS,
  LookupNotFoundError,
  getAvailableRuntimes,
  getBranches,
  getEnvironmentDns,
  getEnvironmentEgressIps,
  getLogForwardingOptions,
} from "../../provider/functions";
import { CONSUMERS, LOG_SOURCES } from "../../provider/kinds/log-forwarding-destination/definition";
import * as lookups from "../../provider/lookups";
import { service } from "../../provider/plugin/service";
import { conceal, reveal } from "../../provider/plugin/wire";
import { AcquiaCloudClient } from "../../sdk";
import { SEED, type Simulator } from "../../simulator";
import { connectionOf, simulator } from "./harness";

// The lookups that wire Acquia into other providers (firewalls, DNS, deployments, log pipelines), run
// against the simulator and compared with what it holds.

let sim: Simulator;
beforeAll(async () => {
  sim = await simulator();
});
afterAll(() => sim.stop());
const api = () => new AcquiaCloudClient(connectionOf(sim));
const UNKNOWN_ENV = "999-00000000-0000-4000-8000-000000000000";

describe("getEnvironmentEgressIps", () => {
  it("lists the environment's egress IPs, as the simulator holds them", async () => {
    const held = (await sim.control.state()).environments[sim.environments.prod]?.egressIps ?? [];
    expect(held.length).toBeGreaterThan(0);
    const result = await getEnvironmentEgressIps.run(api(), { environmentId: sim.environments.prod });
    expect(result.ips).toEqual(held.map((eip) => eip.ipv4).sort());
    expect(result.ipv6).toEqual(held.map((eip) => eip.ipv6).sort());
    expect(result.egressIps).toEqual(
      held.map((eip) => ({ id: eip.id, ipv4: eip.ipv4, ipv6: eip.ipv6, status: "created", active: true })),
    );
    expect(getEnvironmentEgressIps.result.safeParse(result).success).toBe(true);
  });

  it("answers empty lists for an environment without dedicated egress IPs", async () => {
    expect((await sim.control.state()).environments[sim.environments.dev]?.egressIps).toEqual([]);
    expect(await getEnvironmentEgressIps.run(api(), { environmentId: sim.environments.dev })).toEqual({
      ips: [],
      ipv6: [],
      egressIps: [],
    });
  });

  it("names environmentId for an unknown environment and for one these credentials cannot see", async () => {
    for (const environmentId of [UNKNOWN_ENV, SEED.foreignEnvironments.prod]) {
      const error = await getEnvironmentEgressIps.run(api(), { environmentId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LookupNotFoundError);
      expect(error).toMatchObject({
        code: "LOOKUP_NOT_FOUND",
        argument: "environmentId",
        value: environmentId,
      });
      expect((error as Error).message).toMatch(
        new RegExp(`^environmentId "${environmentId}" is not visible to these credentials .*getEnvironment`),
      );
    }
  });

  it("refuses a malformed environmentId by name before any request, in a program", async () => {
    await expect(
      lookups.getEnvironmentEgressIps({ environmentId: "prod", connection: connectionOf(sim) }),
    ).rejects.toThrow(/^getEnvironmentEgressIps: environmentId must be an Acquia environment id/);
  });
});

describe("getEnvironmentDns", () => {
  it("gives the regional records: the apex at the environment's IPs, subdomains at its default domain", async () => {
    const state = await sim.control.state();
    const environment = state.environments[sim.environments.prod];
    const defaultDomain = Object.values(state.domains).find(
      (d) => d.environmentId === sim.environments.prod && d.isDefault,
    )?.hostname;
    expect(defaultDomain).toMatch(/\.acquia-sites\.com$/);
    const result = await getEnvironmentDns.run(api(), { environmentId: sim.environments.prod });
    expect(result.apex).toEqual(environment?.ips.map((ip) => ({ type: "A", value: ip })));
    expect(result.apexByType).toEqual({ A: environment?.ips });
    expect(result.subdomains).toEqual([{ type: "CNAME", value: defaultDomain }]);
    expect(result.subdomainsByType).toEqual({ CNAME: [defaultDomain] });
    expect(result.global.subdomains).toEqual([{ type: "CNAME", value: defaultDomain }]);
    expect(result.global.apex.map((r) => r.type)).toEqual(["A", "A", "AAAA"]);
    expect(getEnvironmentDns.result.safeParse(result).success).toBe(true);
  });

  it("names environmentId for an unknown environment", async () => {
    await expect(getEnvironmentDns.run(api(), { environmentId: UNKNOWN_ENV })).rejects.toThrow(
      /^environmentId "999-.*" is not visible to these credentials/,
    );
  });
});

describe("getBranches", () => {
  it("splits the application's references into branches and tags (tags/<name>)", async () => {
    const held = (await sim.control.state()).applications[SEED.applicationUuid]?.references ?? [];
    const result = await getBranches.run(api(), { applicationUuid: SEED.applicationUuid });
    expect(result.branches).toEqual(held.filter((r) => !r.tag).map((r) => r.name));
    expect(result.tags).toEqual(held.filter((r) => r.tag).map((r) => r.name));
    expect(result.tags).toContain("tags/v1.0.0");
    expect(result.refs).toEqual(held.map((r) => ({ name: r.name, tag: r.tag })));
    expect(getBranches.result.safeParse(result).success).toBe(true);
  });

  it("names applicationUuid for an application these credentials cannot see", async () => {
    await expect(getBranches.run(api(), { applicationUuid: SEED.foreignApplicationUuid })).rejects.toThrow(
      new RegExp(`^applicationUuid "${SEED.foreignApplicationUuid}" is not visible .*getApplication`),
    );
  });
});

describe("getAvailableRuntimes", () => {
  it("lists the PHP versions the environment may switch to, and Acquia's answer as it came", async () => {
    const answer = (await api().environments.availableRuntimes(sim.environments.dev)).versions;
    expect(answer.length).toBeGreaterThan(0);
    const result = await getAvailableRuntimes.run(api(), { environmentId: sim.environments.dev });
    expect(result).toEqual({ php: answer, node: [], runtimes: [{ runtime: "php", versions: answer }] });
    expect(getAvailableRuntimes.result.safeParse(result).success).toBe(true);
  });

  it("lists Node.js versions for a Node.js application's environment", async () => {
    const result = await getAvailableRuntimes.run(api(), { environmentId: SEED.nodeEnvironments.prod });
    expect(result).toEqual({
      php: [],
      node: ["20", "22"],
      runtimes: [{ runtime: "node", versions: ["20", "22"] }],
    });
  });

  it("names environmentId for an unknown environment", async () => {
    await expect(getAvailableRuntimes.run(api(), { environmentId: UNKNOWN_ENV })).rejects.toThrow(
      /^environmentId "999-.*" is not visible/,
    );
  });
});

describe("getLogForwardingOptions", () => {
  it("lists exactly the consumers and sources a LogForwardingDestination takes", async () => {
    const result = await getLogForwardingOptions.run(api(), {});
    expect([...result.consumers].sort()).toEqual([...CONSUMERS].sort());
    expect([...result.sources].sort()).toEqual([...LOG_SOURCES].sort());
    expect(result.consumerDetails).toContainEqual({ name: "sumologic", label: "Sumologic" });
    expect(result.sourceDetails).toContainEqual({
      name: "apache-access",
      label: "Apache access",
      platforms: ["drupal", "node"],
    });
    expect(getLogForwardingOptions.result.safeParse(result).success).toBe(true);
  });

  it("runs in a program with the connection given", async () => {
    const result = await lookups.getLogForwardingOptions({ connection: connectionOf(sim) });
    expect(result.consumers).toContain("syslog");
  });
});

describe("the plugin serves them as invokes", () => {
  /** Calls one of the plugin's unary RPCs the way gRPC does. */
  function rpc<Req, Res>(
    method: (call: Grpc.ServerUnaryCall<Req, Res>, callback: Grpc.sendUnaryData<Res>) => void,
    request: Req,
  ): Promise<Res> {
    return new Promise((resolve, reject) =>
      method({ request } as Grpc.ServerUnaryCall<Req, Res>, (error, response) =>
        error || response === undefined || response === null ? reject(error) : resolve(response),
      ),
    );
  }
  const invoke = (tok: string, args: Record<string, unknown>) =>
    rpc(service.invoke, new provproto.InvokeRequest().setTok(tok).setArgs(conceal(args, new Set())));

  beforeAll(async () => {
    const { clientId, clientSecret, apiUrl, tokenUrl } = connectionOf(sim);
    await rpc(
      service.configure,
      new provproto.ConfigureRequest().setArgs(
        conceal({ clientId, clientSecret, apiUrl, tokenUrl }, new Set(["clientSecret"])),
      ),
    );
  });

  it("lists the five among its functions", () => {
    expect(FUNCTIONS.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        "getEnvironmentEgressIps",
        "getEnvironmentDns",
        "getBranches",
        "getAvailableRuntimes",
        "getLogForwardingOptions",
      ]),
    );
  });

  it("answers acquia:index:getEnvironmentEgressIps with the egress IPs", async () => {
    const response = await invoke("acquia:index:getEnvironmentEgressIps", {
      environmentId: sim.environments.test,
    });
    expect(response.getFailuresList()).toEqual([]);
    expect(reveal(response.getReturn()).props).toMatchObject({
      ips: ["203.0.113.16"],
      ipv6: [expect.any(String)],
    });
  });

  it("answers acquia:index:getBranches with branches and tags", async () => {
    const response = await invoke("acquia:index:getBranches", { applicationUuid: SEED.applicationUuid });
    expect(reveal(response.getReturn()).props).toMatchObject({
      branches: ["main", "develop"],
      tags: ["tags/2024-01-15", "tags/v1.0.0"],
    });
  });

  it("returns a check failure naming environmentId for a malformed one", async () => {
    const response = await invoke("acquia:index:getEnvironmentDns", { environmentId: "prod" });
    expect(response.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([
      ["environmentId", expect.stringMatching(/^environmentId must be an Acquia environment id/)],
    ]);
  });
});
