import { AcquiaCloudClient } from "../../sdk";
import type { Simulator } from "../../simulator";
import {
  configure,
  connectionOf,
  control,
  destroy,
  read,
  simulator,
  up,
  type Props,
  type State,
} from "./harness";

/**
 * The lifecycle cases every natural-key resource must pass, run against each one: a failed create
 * task and the next run converging, drift or disappearance seen by refresh, a 404 during delete, and
 * delete with credentials rotated since the state was written.
 */
interface Case {
  kind: string;
  inputs: (sim: Simulator) => Props;
  createPath: string;
  deletePath: string;
  /** How many objects with this natural key Acquia holds right now. */
  count: (api: AcquiaCloudClient, sim: Simulator) => Promise<number>;
  /** Removes the object behind Pulumi's back. */
  remove: (api: AcquiaCloudClient, sim: Simulator, state: State) => Promise<unknown>;
}

const wait = { pollIntervalMs: 10 };
const cases: Case[] = [
  {
    kind: "CronJob",
    inputs: (sim) => ({
      environmentId: sim.environments.dev,
      label: "Matrix",
      command: "drush cron",
      frequency: "5 * * * *",
    }),
    createPath: "/api/environments/*/crons",
    deletePath: "/api/environments/*/crons/*",
    count: async (api, sim) =>
      (await api.crons.list(sim.environments.dev)).filter((c) => c.label === "Matrix").length,
    remove: async (api, sim, s) => (await api.crons.delete(sim.environments.dev, s.id)).wait(wait),
  },
  {
    kind: "Domain",
    inputs: (sim) => ({ environmentId: sim.environments.dev, hostname: "matrix.example.com" }),
    createPath: "/api/environments/*/domains",
    deletePath: "/api/environments/*/domains/*",
    count: async (api, sim) =>
      (await api.domains.list(sim.environments.dev)).filter((d) => d.hostname === "matrix.example.com")
        .length,
    remove: async (api, sim) =>
      (await api.domains.delete(sim.environments.dev, "matrix.example.com")).wait(wait),
  },
  {
    kind: "Database",
    inputs: (sim) => ({ applicationUuid: sim.applicationUuid, name: "matrix_db" }),
    createPath: "/api/applications/*/databases",
    deletePath: "/api/applications/*/databases/*",
    count: async (api, sim) =>
      (await api.databases.list(sim.applicationUuid)).filter((d) => d.name === "matrix_db").length,
    remove: async (api, sim) => (await api.databases.delete(sim.applicationUuid, "matrix_db")).wait(wait),
  },
  {
    kind: "EnvironmentVariable",
    inputs: (sim) => ({ environmentId: sim.environments.dev, name: "MATRIX", value: "matrix-value" }),
    createPath: "/api/environments/*/variables",
    deletePath: "/api/environments/*/variables/*",
    count: async (api, sim) =>
      (await api.variables.list(sim.environments.dev)).filter((v) => v.name === "MATRIX").length,
    remove: async (api, sim) => (await api.variables.delete(sim.environments.dev, "MATRIX")).wait(wait),
  },
];

let sim: Simulator;
beforeAll(async () => {
  sim = await simulator();
});
afterAll(() => sim.stop());
beforeEach(async () => {
  await control(sim, "POST", "reset");
  configure({});
});
const api = () => new AcquiaCloudClient(connectionOf(sim));

describe.each(cases)("$kind lifecycle matrix", (c) => {
  const inputs = () => ({ connection: connectionOf(sim), ...c.inputs(sim) });

  it("fails on a failed create task, leaves nothing, and converges on the next run", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: c.createPath, failTask: "Task failed in matrix." },
    ]);
    await expect(up(c.kind, inputs())).rejects.toThrow(/Task failed in matrix/);
    await up(c.kind, inputs());
    expect(await c.count(api(), sim)).toBe(1);
  });

  it("creates nothing twice when the connection resets after the create was applied", async () => {
    await control(sim, "POST", "faults", [{ method: "POST", path: c.createPath, resetConnection: "after" }]);
    await up(c.kind, inputs());
    expect(await c.count(api(), sim)).toBe(1);
  });

  it("refuses to take over an existing object unless adopt is set", async () => {
    const first = await up(c.kind, inputs());
    await expect(up(c.kind, inputs())).rejects.toThrow(/already/);
    const adopted = await up(c.kind, { ...inputs(), adopt: true });
    expect(adopted.id).toBe(first.id);
    expect(await c.count(api(), sim)).toBe(1);
  });

  it("reports an object removed behind Pulumi's back as gone on refresh", async () => {
    const state = await up(c.kind, inputs());
    expect((await read(c.kind, state)).id).toBe(state.id);
    await c.remove(api(), sim, state);
    expect(await read(c.kind, state)).toEqual({});
  });

  it("treats a 404 during delete as deleted", async () => {
    const state = await up(c.kind, inputs());
    await control(sim, "POST", "faults", [
      { method: "DELETE", path: c.deletePath, status: 404, body: { error: "not_found", message: "gone" } },
    ]);
    await expect(destroy(c.kind, state)).resolves.toBeUndefined();
  });

  it("deletes with the configured credentials after the stored secret was rotated", async () => {
    const state = await up(c.kind, inputs());
    const { clientSecret } = (await control(sim, "POST", "credentials/rotate")) as { clientSecret: string };
    await control(sim, "POST", "tokens/expire");
    configure({
      "acquia:clientId": sim.clientId,
      "acquia:clientSecret": clientSecret,
      "acquia:apiUrl": sim.apiUrl,
      "acquia:tokenUrl": sim.tokenUrl,
    });
    await destroy(c.kind, state);
    const fresh = new AcquiaCloudClient({ ...connectionOf(sim), clientSecret });
    expect(await c.count(fresh, sim)).toBe(0);
  });
});
