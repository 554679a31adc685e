import { AcquiaCloudClient } from "../../sdk";
import type { Simulator } from "../../simulator";
import {
  UNKNOWN,
  check,
  configure,
  connectionOf,
  control,
  destroy,
  mutations,
  read,
  stats,
  simulator,
  up,
  diff,
  type State,
} from "./harness";

const KIND = "EnvironmentVariable";
let sim: Simulator;
let base: Record<string, unknown>;

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
    name: "APP_MODE",
    value: "blue-value",
  };
});

const api = () => new AcquiaCloudClient(connectionOf(sim));
async function variable(name = "APP_MODE"): Promise<boolean> {
  return (await api().variables.list(sim.environments.dev)).some((v) => v.name === name);
}

describe("the calls a stack of variables costs", () => {
  const routes = async () => (await stats(sim)).byRoute;

  it("checks twenty new variables of one environment with one listing, not twenty lookups", async () => {
    const before = await routes();
    for (let i = 0; i < 20; i++)
      expect((await check(KIND, { ...base, name: `BULK_${i}` })).failures).toEqual([]);
    const after = await routes();
    const listings = "GET /environments/{environmentId}/variables";
    const lookups = "GET /environments/{environmentId}/variables/{environmentVariableName}";
    expect((after[listings] ?? 0) - (before[listings] ?? 0)).toBe(1);
    expect((after[lookups] ?? 0) - (before[lookups] ?? 0)).toBe(0);
  });

  it("creates a variable with its POST and its task, without reading it back", async () => {
    const before = await routes();
    await up(KIND, { ...base, name: "ONE_CREATE" });
    const after = await routes();
    const delta = (route: string) => (after[route] ?? 0) - (before[route] ?? 0);
    expect(delta("POST /environments/{environmentId}/variables")).toBe(1);
    expect(delta("GET /environments/{environmentId}/variables/{environmentVariableName}")).toBe(0);
  });
});

describe("EnvironmentVariable runtime", () => {
  it("creates, reads, updates in place, replaces and deletes", async () => {
    let state: State = await up(KIND, base);
    expect(state.id).toBe(`${sim.environments.dev}/APP_MODE`);
    expect(state.outs).toMatchObject({ name: "APP_MODE", value: "blue-value" });
    expect(await variable()).toBe(true);

    const same = await up(KIND, base, state);
    expect(same.action).toBe("same");

    const updated = await up(KIND, { ...base, value: "green-value" }, state);
    expect(updated.action).toBe("update");
    expect(updated.outs["value"]).toBe("green-value");
    state = updated;

    const renamed = await up(KIND, { ...base, name: "APP_COLOR", value: "green-value" }, state);
    expect(renamed.action).toBe("replace");
    expect(await variable("APP_COLOR")).toBe(true);
    expect(await variable("APP_MODE")).toBe(false);

    await destroy(KIND, renamed);
    expect(await variable("APP_COLOR")).toBe(false);
  });

  it("shows drift on refresh and reports a deleted variable as gone", async () => {
    const state = await up(KIND, base);
    // Change it behind Pulumi's back through the API itself.
    const client = api();
    await (
      await client.variables.update(sim.environments.dev, { name: "APP_MODE", value: "drifted" })
    ).wait({ pollIntervalMs: 10 });
    const refreshed = await read(KIND, state);
    expect(refreshed.props?.["value"]).toBe("drifted");
    expect(refreshed.inputs?.["value"]).toBe("drifted");
    expect((await diff(KIND, state.id, refreshed.props ?? {}, { ...state.outs })).changes).toBe(true);

    await (await client.variables.delete(sim.environments.dev, "APP_MODE")).wait({ pollIntervalMs: 10 });
    expect(await read(KIND, state)).toEqual({});
  });

  it("keeps the resource when its environment is not visible instead of dropping it", async () => {
    const state = await up(KIND, base);
    const gone = {
      ...state,
      outs: { ...state.outs, environmentId: "999-00000000-0000-0000-0000-000000000000", name: "NOPE" },
    };
    await expect(read(KIND, gone)).rejects.toThrow(/lost access/);
  });

  it("fails clearly on a conflict and adopts the existing variable when asked", async () => {
    await up(KIND, base);
    await expect(up(KIND, { ...base, value: "other-value" })).rejects.toThrow(
      /APP_MODE.{0,2}" already exists in Acquia .* differs from the program in value.*adopt: true/,
    );
    const adopted = await up(KIND, { ...base, adopt: true, value: "adopted-value" });
    expect(adopted.id).toBe(`${sim.environments.dev}/APP_MODE`);
    expect(adopted.outs["value"]).toBe("adopted-value");
    // Removing `adopt` after the takeover is no change anyone needs to see.
    const again = await up(KIND, { ...base, adopt: false, value: "adopted-value" }, adopted);
    expect(again.action).toBe("same");
    // The conflict was caught in check, before any create was sent.
    expect((await mutations(sim))["POST /environments/{environmentId}/variables"]).toBe(1);
  });

  it("reports a failed task, and the next run converges", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/environments/*/variables", failTask: "Disk quota exceeded." },
    ]);
    await expect(up(KIND, base)).rejects.toThrow(/Disk quota exceeded/);
    expect(await variable()).toBe(false);
    const state = await up(KIND, base);
    expect(state.outs["value"]).toBe("blue-value");
  });

  it("keeps an object whose update task failed in state with its old values", async () => {
    const state = await up(KIND, base);
    await control(sim, "POST", "faults", [
      { method: "PUT", path: "/api/environments/*/variables/*", failTask: true },
    ]);
    await expect(up(KIND, { ...base, value: "green-value" }, state)).rejects.toThrow(/failed/);
    const converged = await up(KIND, { ...base, value: "green-value" }, state);
    expect(converged.outs["value"]).toBe("green-value");
  });

  it("creates nothing twice when the connection resets after the create was applied", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/environments/*/variables", resetConnection: "after" },
    ]);
    const state = await up(KIND, base);
    expect(state.outs["value"]).toBe("blue-value");
    expect((await mutations(sim))["POST /environments/{environmentId}/variables"]).toBeLessThanOrEqual(2);
    expect(
      (await api().variables.list(sim.environments.dev)).filter((v) => v.name === "APP_MODE"),
    ).toHaveLength(1);
  });

  it("treats a 404 during delete as deleted", async () => {
    const state = await up(KIND, base);
    await control(sim, "POST", "faults", [
      {
        method: "DELETE",
        path: "/api/environments/*/variables/*",
        status: 404,
        body: { error: "not_found", message: "gone" },
      },
    ]);
    await expect(destroy(KIND, state)).resolves.toBeUndefined();
  });

  it("deletes with the configured credentials after the stored secret was rotated", async () => {
    const state = await up(KIND, base);
    const { clientSecret } = (await control(sim, "POST", "credentials/rotate")) as { clientSecret: string };
    await control(sim, "POST", "tokens/expire");
    await expect(read(KIND, state)).rejects.toThrow(/rejected the API key\/secret/);
    configure({
      "acquia:clientId": sim.clientId,
      "acquia:clientSecret": clientSecret,
      "acquia:apiUrl": sim.apiUrl,
      "acquia:tokenUrl": sim.tokenUrl,
    });
    await destroy(KIND, state);
    expect(await variable()).toBe(false);
  });

  it("updates only the connection without calling Acquia", async () => {
    const state = await up(KIND, base);
    const before = await mutations(sim);
    const next = await up(
      KIND,
      { ...base, connection: { ...connectionOf(sim), clientSecret: "new-secret-value" } },
      state,
    );
    expect(next.action).toBe("update");
    expect(await mutations(sim)).toEqual(before);
    expect((next.outs["connection"] as { clientSecret: string }).clientSecret).toBe("new-secret-value");
  });

  it("rejects bad inputs naming the property and the fix", async () => {
    const result = await check(KIND, {
      ...base,
      name: "AH_SITE",
      value: "x".repeat(300),
      environmentId: "dev",
    });
    const byProperty = Object.fromEntries(result.failures.map((f) => [f.property, f.reason]));
    expect(byProperty["name"]).toMatch(/may not start with ACQUIA_ or AH_/);
    expect(byProperty["value"]).toMatch(/under 256 characters/);
    expect(byProperty["environmentId"]).toMatch(/getEnvironment/);
    expect((await check(KIND, { ...base, name: "1ABC" })).failures[0]?.reason).toMatch(
      /may not start with a digit/,
    );
  });

  it("does not validate unknown values during preview, and replaces on an unknown name", async () => {
    const result = await check(KIND, { ...base, name: UNKNOWN, environmentId: UNKNOWN });
    expect(result.failures).toEqual([]);
    const state = await up(KIND, base);
    const d = await diff(KIND, state.id, state.outs, { ...state.outs, name: UNKNOWN });
    expect(d).toMatchObject({ changes: true, replaces: ["name"] });
  });

  it("uses stack config when no connection is given, and says how to configure one when absent", async () => {
    const noConnection = { ...base, connection: undefined };
    await expect(up(KIND, noConnection)).rejects.toThrow(/No Acquia credentials.*acquia:clientId/);
    configure({
      "acquia:clientId": sim.clientId,
      "acquia:clientSecret": sim.clientSecret,
      "acquia:apiUrl": sim.apiUrl,
      "acquia:tokenUrl": sim.tokenUrl,
    });
    const state = await up(KIND, noConnection);
    expect(state.outs["value"]).toBe("blue-value");
  });

  // The reliability suite's case 9: a run with a small timeoutSeconds, then the program without it.
  it("forgets a meta input the program no longer gives, so the stack converges", async () => {
    const withTimeout = await up(KIND, { ...base, timeoutSeconds: 30 });
    const without = await up(KIND, base, withTimeout);
    expect(without.action).toBe("update");
    expect(without.outs).not.toHaveProperty("timeoutSeconds");
    expect((await up(KIND, base, without)).action).toBe("same");
    // Likewise when Acquia-side inputs change at the same time (the handler's update runs).
    const changed = await up(
      KIND,
      { ...base, value: "green-value" },
      await up(KIND, { ...base, timeoutSeconds: 30 }, without),
    );
    expect(changed.outs).not.toHaveProperty("timeoutSeconds");
    expect((await up(KIND, { ...base, value: "green-value" }, changed)).action).toBe("same");
    // And a connection given once, then left to stack config, stops being used.
    configure({
      "acquia:clientId": sim.clientId,
      "acquia:clientSecret": sim.clientSecret,
      "acquia:apiUrl": sim.apiUrl,
      "acquia:tokenUrl": sim.tokenUrl,
    });
    const ambient = { ...base, value: "green-value", connection: undefined };
    const unbound = await up(KIND, ambient, changed);
    expect(unbound.outs).not.toHaveProperty("connection");
    expect((await up(KIND, ambient, unbound)).action).toBe("same");
  });

  it("times out a task that never finishes, naming the notification", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/environments/*/variables", stallTask: true },
    ]);
    await expect(up(KIND, { ...base, timeoutSeconds: 1 })).rejects.toThrow(
      /Timed out after 1 s waiting for Acquia task [0-9a-f-]{36}/,
    );
  });
});
