import * as pulumi from "@pulumi/pulumi";
import { AcquiaCloudClient } from "../../sdk";
import type { Simulator } from "../../simulator";
import type * as ResourceModule from "../../provider/kinds/log-forwarding-destination";
import { CHANGED_OUTSIDE_PULUMI } from "../../provider/kinds/log-forwarding-destination/handler";
import { selfSignedCertificate } from "../simulator/helpers";
import {
  UNKNOWN,
  check,
  checked,
  configure,
  connectionOf,
  control,
  destroy,
  diff,
  mutations,
  read,
  simulator,
  up,
  type Props,
  type State,
  behindPulumi,
} from "./harness";
import { lifecycleMatrix } from "./matrix";

const KIND = "LogForwardingDestination";
const logs = selfSignedCertificate(["logs.example.com"]);
const TOKEN = "sumo-secret-token-1";

interface DestinationRecord {
  uuid: string;
  label: string;
  consumer: string;
  sources: string[];
  address: string;
  key: string | null;
  token: string | null;
  enabled: boolean;
}

describe("matrix", () => {
  lifecycleMatrix([
    {
      kind: KIND,
      messageOnlyCreate: true,
      inputs: (sim) => ({
        environmentId: sim.environments.dev,
        label: "Matrix",
        consumer: "sumologic",
        sources: ["apache-access"],
        address: "logs.example.com:6514",
        credentials: { certificate: logs.certificate, token: "matrix-token-value" },
      }),
      differently: (inputs) => ({ ...inputs, sources: ["apache-error"] }),
      createPath: "/api/environments/*/log-forwarding-destinations",
      deletePath: "/api/environments/*/log-forwarding-destinations/*",
      count: async (api, sim) =>
        (await api.logForwarding.list(sim.environments.dev)).filter((d) => d.label === "Matrix").length,
      remove: async (api, sim, s) =>
        behindPulumi(sim, api.logForwarding.delete(sim.environments.dev, String(s.outs["destinationUuid"]))),
    },
  ]);
});

describe("LogForwardingDestination runtime", () => {
  let sim: Simulator;
  let base: Props;
  beforeAll(async () => {
    sim = await simulator();
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    await control(sim, "POST", "reset");
    configure({});
    base = {
      connection: connectionOf(sim),
      environmentId: sim.environments.dev,
      label: "Sumo",
      consumer: "sumologic",
      sources: ["php-error", "apache-access", "php-error"],
      address: "logs.example.com:6514",
      credentials: { certificate: logs.certificate, token: TOKEN },
    };
  });
  const api = () => new AcquiaCloudClient(connectionOf(sim));
  const destinations = async (): Promise<DestinationRecord[]> => {
    const state = (await control(sim, "GET", "state")) as {
      logForwardingDestinations: Record<string, DestinationRecord>;
    };
    return Object.values(state.logForwardingDestinations);
  };
  const putBehindPulumisBack = async (state: State, changes: Record<string, unknown>) =>
    behindPulumi(
      sim,
      api().logForwarding.update(sim.environments.dev, String(state.outs["destinationUuid"]), {
        label: "Sumo",
        consumer: "sumologic",
        sources: ["apache-access", "php-error"],
        address: "logs.example.com:6514",
        credentials: { certificate: logs.certificate, token: TOKEN },
        ...changes,
      }),
    );

  it("creates with sources in Acquia's order, and makes no call when they are only reordered", async () => {
    const state = await up(KIND, base);
    // The id carries the environment, so `pulumi import` can read the destination from it alone.
    expect(state.id).toBe(`${sim.environments.dev}/${String(state.outs["destinationUuid"])}`);
    expect(state.outs).toMatchObject({
      sources: ["apache-access", "php-error"],
      enabled: true,
      status: "active",
      health: { code: "200", summary: "OK" },
      certificateExpiresAt: expect.any(String),
      credentials: { certificate: logs.certificate, token: TOKEN },
    });
    expect(await destinations()).toEqual([
      expect.objectContaining({
        uuid: state.outs["destinationUuid"],
        label: "Sumo",
        token: TOKEN,
        enabled: true,
      }),
    ]);
    const before = await mutations(sim);
    const reordered = { ...base, sources: ["php-error", "apache-access"] };
    expect((await up(KIND, reordered, state)).action).toBe("same");
    const refreshed = await read(KIND, state);
    const d = await diff(KIND, state.id, refreshed.props ?? {}, await checked(KIND, reordered));
    expect(d.changes).toBe(false);
    expect(await mutations(sim)).toEqual(before);
  });

  it("updates label, sources, credentials and enabled in place, then switches consumer", async () => {
    const state = await up(KIND, base);
    const before = await mutations(sim);
    const changed = {
      ...base,
      label: "Sumo 2",
      sources: ["stdout"],
      enabled: false,
      credentials: { certificate: logs.certificate, token: "sumo-secret-token-2" },
    };
    const updated = await up(KIND, changed, state);
    expect(updated).toMatchObject({
      action: "update",
      id: state.id,
      outs: { enabled: false, status: "inactive" },
    });
    expect(await destinations()).toEqual([
      expect.objectContaining({
        uuid: state.outs["destinationUuid"],
        label: "Sumo 2",
        sources: ["stdout"],
        token: "sumo-secret-token-2",
        enabled: false,
      }),
    ]);
    const after = await mutations(sim);
    const put =
      "PUT /environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}";
    expect(after[put]).toBe((before[put] ?? 0) + 1);
    expect(after["POST /environments/{environmentId}/log-forwarding-destinations"]).toBe(
      before["POST /environments/{environmentId}/log-forwarding-destinations"],
    );

    // Loggly takes only a token, and its address is Acquia's own: not drift, not an input.
    const loggly = {
      ...changed,
      address: undefined,
      consumer: "loggly",
      enabled: true,
      credentials: { token: "loggly-token-1" },
    };
    const switched = await up(KIND, loggly, updated);
    expect(switched).toMatchObject({
      action: "update",
      id: state.id,
      outs: { consumer: "loggly", enabled: true },
    });
    expect(switched.outs["address"]).toBeUndefined();
    const refreshed = await read(KIND, switched);
    expect((await diff(KIND, state.id, refreshed.props ?? {}, await checked(KIND, loggly))).changes).toBe(
      false,
    );

    await destroy(KIND, switched);
    expect(await destinations()).toEqual([]);
  });

  it("shows drift of plain fields and of a token changed outside Pulumi, without reading any secret", async () => {
    const state = await up(KIND, base);
    await putBehindPulumisBack(state, {
      label: "Renamed",
      sources: ["stderr"],
      credentials: { certificate: logs.certificate, token: "someone-elses-token" },
    });
    await behindPulumi(
      sim,
      api().logForwarding.disable(sim.environments.dev, String(state.outs["destinationUuid"])),
    );
    const refreshed = await read(KIND, state);
    expect(refreshed.props).toMatchObject({
      label: "Renamed",
      sources: ["stderr"],
      enabled: false,
      credentials: { certificate: logs.certificate, token: CHANGED_OUTSIDE_PULUMI },
    });
    expect(JSON.stringify(refreshed)).not.toContain("someone-elses-token");
    const d = await diff(KIND, state.id, refreshed.props ?? {}, await checked(KIND, base, state.outs));
    expect(d).toMatchObject({ changes: true, replaces: [] });

    const fixed = await up(KIND, base, { id: state.id, outs: refreshed.props ?? {} });
    expect(fixed.action).toBe("update");
    expect(await destinations()).toEqual([
      expect.objectContaining({
        label: "Sumo",
        sources: ["apache-access", "php-error"],
        token: TOKEN,
        enabled: true,
      }),
    ]);
  });

  it("sees no drift in a key and token Acquia reports only as digests, and sees one removed", async () => {
    const syslog = {
      ...base,
      consumer: "syslog",
      credentials: { certificate: logs.certificate, key: logs.privateKey, token: TOKEN },
    };
    const state = await up(KIND, syslog);
    const refreshed = await read(KIND, state);
    expect(refreshed.props?.["credentials"]).toEqual(syslog.credentials);
    expect(
      (await diff(KIND, state.id, refreshed.props ?? {}, await checked(KIND, syslog, state.outs))).changes,
    ).toBe(false);

    await putBehindPulumisBack(state, { consumer: "syslog", credentials: { certificate: logs.certificate } });
    const removed = await read(KIND, state);
    expect(removed.props?.["credentials"]).toEqual({ certificate: logs.certificate });
    expect(
      (await diff(KIND, state.id, removed.props ?? {}, await checked(KIND, syslog, state.outs))).changes,
    ).toBe(true);
  });

  it("refuses a label already in use unless adopting, and adopting puts its credentials in place", async () => {
    const state = await up(KIND, base);
    const other = { ...base, credentials: { certificate: logs.certificate, token: "adopted-token-1" } };
    await expect(up(KIND, other)).rejects.toThrow(
      /Sumo.{0,2}" already exists.* differs from the program in credentials.*adopt: true/,
    );
    const adopted = await up(KIND, { ...other, adopt: true });
    expect(adopted.id).toBe(state.id);
    expect(await destinations()).toEqual([expect.objectContaining({ token: "adopted-token-1" })]);

    const second = await up(KIND, { ...base, label: "Second" });
    await expect(up(KIND, { ...base, label: "Sumo" }, second)).rejects.toThrow(
      /"Sumo" already exists.*another label/,
    );
    expect((await destinations()).map((d) => d.label).sort()).toEqual(["Second", "Sumo"]);
  });

  it("treats Acquia's 409 for a destination already gone as deleted", async () => {
    const state = await up(KIND, base);
    await control(sim, "POST", "faults", [
      {
        method: "DELETE",
        path: "/api/environments/*/log-forwarding-destinations/*",
        status: 409,
        body: {
          error: "invalid_operation",
          message: `The environment does not have a log forwarding destination with the UUID ${String(state.outs["destinationUuid"])}.`,
        },
      },
    ]);
    await expect(destroy(KIND, state)).resolves.toBeUndefined();
    await control(sim, "POST", "faults", [
      {
        method: "DELETE",
        path: "/api/environments/*/log-forwarding-destinations/*",
        status: 409,
        body: { error: "invalid_operation", message: "Something else is going on." },
      },
    ]);
    await expect(destroy(KIND, state)).rejects.toThrow(/Something else/);
  });

  it("fails check per consumer naming the field, never quoting a credential", async () => {
    const cert = logs.certificate;
    const cases: [Props, string, RegExp][] = [
      [{ consumer: "loggly", address: undefined }, "credentials.certificate", /loggly does not take/],
      [{ consumer: "loggly", credentials: { token: TOKEN } }, "address", /left unset for loggly/],
      [{ consumer: "splunk" }, "credentials.token", /splunk does not take credentials\.token/],
      [{ credentials: { certificate: cert } }, "credentials.token", /required for sumologic/],
      [
        { consumer: "syslog", credentials: { token: TOKEN } },
        "credentials.certificate",
        /required for syslog/,
      ],
      [{ address: "https://logs.example.com" }, "address", /host:port/],
      [{ address: "logs.example.com:99999" }, "address", /host:port/],
      [{ sources: [] }, "sources", /at least one/],
      [{ sources: ["kernel"] }, "sources.0", /may hold only apache-access/],
      [{ consumer: "graylog" }, "consumer", /one of loggly, splunk, sumologic, syslog/],
      [{ credentials: { certificate: "junk", token: TOKEN } }, "credentials.certificate", /PEM X\.509/],
      [
        { credentials: { certificate: cert, token: TOKEN, key: TOKEN } },
        "credentials.key",
        /PEM private key/,
      ],
      [{ credentials: { certificate: cert, token: "" } }, "credentials.token", /must not be empty/],
      [{ credentials: { certificate: cert, token: TOKEN, tokn: "x" } }, "credentials", /tokn/],
      [{ label: "" }, "label", /required/],
    ];
    for (const [change, property, reason] of cases) {
      const { failures } = await check(KIND, { ...base, ...change });
      expect(failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
      expect(JSON.stringify(failures)).not.toContain(TOKEN);
    }
  });

  it("accepts unknown inputs in preview, and previews what they replace", async () => {
    const state = await up(KIND, base);
    for (const change of [
      { consumer: UNKNOWN },
      { credentials: UNKNOWN },
      { credentials: { certificate: UNKNOWN, token: UNKNOWN } },
      { sources: [UNKNOWN, "stdout"] },
      { address: UNKNOWN },
      { environmentId: UNKNOWN, label: UNKNOWN },
    ]) {
      expect((await check(KIND, { ...base, ...change })).failures).toEqual([]);
    }
    const inputs = await checked(KIND, base, state.outs);
    expect(await diff(KIND, state.id, state.outs, { ...inputs, environmentId: UNKNOWN })).toMatchObject({
      replaces: ["environmentId"],
    });
    expect(await diff(KIND, state.id, state.outs, { ...inputs, credentials: UNKNOWN })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it("keeps key and token out of every non-secret output and out of Acquia's error messages", async () => {
    const syslog = {
      ...base,
      consumer: "syslog",
      credentials: { certificate: logs.certificate, key: logs.privateKey, token: TOKEN },
    };
    const state = await up(KIND, syslog);
    const { credentials: _secret, connection: _connection, ...rest } = state.outs;
    const keyLine = logs.privateKey.split("\n")[1] ?? "";
    expect(keyLine.length).toBeGreaterThan(40);
    expect(JSON.stringify(rest)).not.toContain(TOKEN);
    expect(JSON.stringify(rest)).not.toContain(keyLine);

    await control(sim, "POST", "faults", [
      {
        method: "PUT",
        path: "/api/environments/*/log-forwarding-destinations/*",
        status: 400,
        body: {
          error: "validation_failed",
          message: { general: `Rejected ${TOKEN}-rotated / ${logs.privateKey}` },
        },
      },
    ]);
    const rotated = { ...syslog, credentials: { ...syslog.credentials, token: `${TOKEN}-rotated` } };
    const error = (await up(KIND, rotated, state).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/Rejected/);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain(keyLine);
  });
});

describe("LogForwardingDestination under Pulumi mocks", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
  );
  // Required after setMocks so the resource registers against the mock monitor.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const resources = require("../../provider/kinds/log-forwarding-destination") as typeof ResourceModule;
  const destination = new resources.LogForwardingDestination("sumo", {
    environmentId: "24-a47ac10b-58cc-4372-a567-0e02b2c3d470",
    label: "Sumo",
    consumer: "sumologic",
    sources: ["apache-access"],
    address: "logs.example.com:6514",
    credentials: { certificate: "-----BEGIN CERTIFICATE-----", token: "plain-token" },
  });

  it("registers the credentials as a secret even when given as plain strings", async () => {
    expect(await pulumi.isSecret(destination.credentials)).toBe(true);
    expect(await pulumi.isSecret(destination.label)).toBe(false);
    const inputs = registered.find((r) => r.type.endsWith(":LogForwardingDestination"))?.inputs;
    expect(inputs?.["credentials"]).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: { certificate: "-----BEGIN CERTIFICATE-----", token: "plain-token" },
    });
  });
});
