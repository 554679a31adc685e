import { AcquiaCloudClient, EnvironmentsApi } from "../../sdk";
import { SEED } from "../../simulator";
import { progressReporter } from "../../provider/runtime/progress";
import {
  UNKNOWN,
  check,
  checked,
  connectionOf,
  control,
  destroy,
  diff,
  mutations,
  read,
  useSimulator,
  up,
  behindPulumi,
} from "./harness";
import { lifecycleMatrix } from "./matrix";

const SWITCH = "POST /environments/{environmentId}/code/actions/switch";
const PUT = "PUT /environments/{environmentId}";

lifecycleMatrix([
  {
    kind: "Environment",
    inputs: (sim) => ({
      applicationUuid: sim.applicationUuid,
      label: "Matrix",
      branch: "main",
      databases: ["acmeweb"],
    }),
    differently: (inputs) => ({ ...inputs, branch: "develop" }),
    createPath: "/api/applications/*/environments",
    deletePath: "/api/environments/*",
    count: async (api, sim) =>
      (await api.environments.list(sim.applicationUuid)).filter((e) => e.label === "Matrix").length,
    remove: async (api, sim, s) => behindPulumi(sim, api.environments.delete(s.id)),
  },
]);

const sim = useSimulator();
afterEach(() => jest.restoreAllMocks());
const api = () => new AcquiaCloudClient(connectionOf(sim));
const failuresOf = async (kind: string, props: Record<string, unknown>) =>
  Object.fromEntries((await check(kind, props)).failures.map((f) => [f.property, f.reason]));

describe("Environment runtime", () => {
  const base = () => ({
    connection: connectionOf(sim),
    applicationUuid: sim.applicationUuid,
    label: "Feature",
    branch: "develop",
    databases: ["acmeweb_reporting", "acmeweb", "acmeweb"],
  });

  it("creates, ignores database order, renames and switches in place, and replaces on new databases", async () => {
    const state = await up("Environment", base());
    expect(state.outs).toMatchObject({
      environmentId: state.id,
      name: expect.any(String),
      branch: "develop",
      databases: ["acmeweb", "acmeweb_reporting"],
    });
    const reordered = { ...base(), databases: ["acmeweb", "acmeweb_reporting"] };
    expect((await up("Environment", reordered, state)).action).toBe("same");

    const switched = await up("Environment", { ...base(), branch: "tags/v1.0.0" }, state);
    expect(switched).toMatchObject({ action: "update", id: state.id });
    expect((await api().environments.get(state.id)).vcs?.path).toBe("tags/v1.0.0");
    expect((await mutations(sim))[SWITCH]).toBe(1);

    const renamed = await up(
      "Environment",
      { ...base(), branch: "tags/v1.0.0", label: "Feature 2" },
      switched,
    );
    expect(renamed).toMatchObject({ action: "update", id: state.id, outs: { label: "Feature 2" } });
    expect((await api().environments.get(state.id)).label).toBe("Feature 2");
    expect((await mutations(sim))["POST /environments/{environmentId}/actions/change-label"]).toBe(1);

    const news = await checked(
      "Environment",
      { ...base(), label: "Feature 2", databases: ["acmeweb"] },
      renamed.outs,
    );
    const changes = await diff("Environment", state.id, renamed.outs, news);
    expect(changes).toMatchObject({ replaces: ["databases"], deleteBeforeReplace: true });
    const replaced = await up(
      "Environment",
      { ...base(), label: "Feature 2", databases: ["acmeweb"] },
      renamed,
    );
    expect(replaced.action).toBe("replace");
    expect(replaced.id).not.toBe(state.id);
    const labels = (await api().environments.list(sim.applicationUuid)).map((e) => e.label);
    expect(labels.filter((l) => l === "Feature 2")).toHaveLength(1);
    await destroy("Environment", replaced);
    expect((await api().environments.list(sim.applicationUuid)).map((e) => e.label)).not.toContain(
      "Feature 2",
    );
  });

  it("shows a code switch made elsewhere as drift, and a deleted environment as gone", async () => {
    const state = await up("Environment", base());
    await behindPulumi(sim, api().code.switch(state.id, { branch: "main" }));
    expect((await read("Environment", state)).props).toMatchObject({ branch: "main" });
    await behindPulumi(sim, api().environments.delete(state.id));
    expect(await read("Environment", state)).toEqual({});
  });

  it("says how to take over an existing label, and refuses to adopt a non-CD environment", async () => {
    await up("Environment", base());
    await expect(up("Environment", { ...base(), branch: "main" })).rejects.toThrow(
      /Feature.{0,2}" already exists in Acquia .* differs from the program in branch.*adopt: true/,
    );
    await expect(up("Environment", { ...base(), label: "Stage", adopt: true })).rejects.toThrow(
      /not a continuous-delivery environment/,
    );
  });

  it("gives up after timeoutSeconds with the notification to follow, leaving nothing in state", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/applications/*/environments", stallTask: true },
    ]);
    const error = (await up("Environment", { ...base(), timeoutSeconds: 1 }).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^Environment "Feature": Timed out after 1 s .*`adopt: true`/);
    expect(error).not.toHaveProperty("id");
  });

  it("names the field and the fix for bad input, and skips unknowns in preview", async () => {
    expect(await failuresOf("Environment", { ...base(), label: " ", branch: "feature x" })).toEqual({
      label: expect.stringMatching(/label is required/),
      branch: expect.stringMatching(/only letters, digits/),
    });
    expect(await failuresOf("Environment", { ...base(), applicationUuid: "acme" })).toEqual({
      applicationUuid: expect.stringMatching(/getApplication/),
    });
    expect(await failuresOf("Environment", { ...base(), label: UNKNOWN, databases: UNKNOWN })).toEqual({});
  });
});

describe("EnvironmentSettings runtime", () => {
  const base = () => ({ connection: connectionOf(sim), environmentId: sim.environments.dev });
  const php = async () => (await api().environments.get(sim.environments.dev)).configuration?.php;
  const sent = () => jest.spyOn(EnvironmentsApi.prototype, "updateSettings");

  it("sends only the settings that differ, records what they were, and updates in place", async () => {
    const puts = sent();
    // The seed runs PHP 8.3 with a 128 MB memory limit: only the limit differs.
    const state = await up("EnvironmentSettings", { ...base(), phpVersion: "8.3", memoryLimit: 256 });
    expect(puts.mock.calls.map((c) => c[1])).toEqual([{ memory_limit: 256 }]);
    expect(state.outs).toMatchObject({ previousSettings: { phpVersion: "8.3", memoryLimit: 128 } });
    expect(state.id).toBe(sim.environments.dev);

    const next = { ...base(), phpVersion: "8.1", memoryLimit: 256, maxInputVars: 2000 };
    const updated = await up("EnvironmentSettings", next, state);
    expect(updated.action).toBe("update");
    expect(puts.mock.calls.map((c) => c[1])).toEqual([
      { memory_limit: 256 },
      { version: "8.1", max_input_vars: 2000 },
    ]);
    expect(updated.outs["previousSettings"]).toEqual({
      phpVersion: "8.3",
      memoryLimit: 128,
      maxInputVars: 1000,
    });
    expect(await php()).toMatchObject({ version: "8.1", memory_limit: 256, max_input_vars: 2000 });
  });

  it("makes no call at all when the environment already has the values", async () => {
    const state = await up("EnvironmentSettings", { ...base(), phpVersion: "8.3", memoryLimit: 128 });
    expect(await mutations(sim)).toEqual({});
    expect(
      (await up("EnvironmentSettings", { ...base(), phpVersion: "8.3", memoryLimit: 128 }, state)).action,
    ).toBe("same");
  });

  it("shows drift on refresh and puts the value back on the next up", async () => {
    const state = await up("EnvironmentSettings", { ...base(), memoryLimit: 512 });
    await behindPulumi(sim, api().environments.updateSettings(sim.environments.dev, { memory_limit: 768 }));
    const refreshed = await read("EnvironmentSettings", state);
    expect(refreshed.props).toMatchObject({ memoryLimit: 768 });
    const again = await up(
      "EnvironmentSettings",
      { ...base(), memoryLimit: 512 },
      {
        id: state.id,
        outs: refreshed.props ?? {},
      },
    );
    expect(again.action).toBe("update");
    expect((await php())?.memory_limit).toBe(512);
  });

  it("leaves the settings on delete by default, and restores them with restoreOnDelete", async () => {
    const kept = await up("EnvironmentSettings", { ...base(), phpVersion: "8.2" });
    await destroy("EnvironmentSettings", kept);
    expect((await php())?.version).toBe("8.2");
    await control(sim, "POST", "reset");

    const restoring = { ...base(), phpVersion: "8.2", opcache: 256, restoreOnDelete: true };
    const state = await up("EnvironmentSettings", restoring);
    await destroy("EnvironmentSettings", state);
    expect(await php()).toMatchObject({ version: "8.3", opcache: 96 });
    expect((await mutations(sim))[PUT]).toBe(2);
  });

  it("restores on delete only the settings the program still manages", async () => {
    const both = { ...base(), phpVersion: "8.2", memoryLimit: 256, restoreOnDelete: true };
    const state = await up("EnvironmentSettings", both);
    const { phpVersion: _dropped, ...memoryOnly } = both;
    const updated = await up("EnvironmentSettings", memoryOnly, state);
    expect(updated.outs["previousSettings"]).toEqual({ memoryLimit: 128 });
    await behindPulumi(sim, api().environments.updateSettings(sim.environments.dev, { version: "8.4" }));
    await destroy("EnvironmentSettings", updated);
    expect(await php()).toMatchObject({ version: "8.4", memory_limit: 128 });
  });

  it("keeps the program's value for a setting Acquia reports as null, so the next run is no change", async () => {
    const env = await api().environments.get(sim.environments.dev);
    const php = { ...env.configuration?.php, memcached_limit: null };
    const body = { ...env, configuration: { ...env.configuration, php } };
    await control(sim, "POST", "faults", [
      { method: "GET", path: `/api/environments/${sim.environments.dev}`, status: 200, body, times: 0 },
    ]);
    const state = await up("EnvironmentSettings", { ...base(), memcachedLimit: 128 });
    expect(state.outs["memcachedLimit"]).toBe(128);
    const again = await up("EnvironmentSettings", { ...base(), memcachedLimit: 128 }, state);
    expect(again.action).toBe("same");
  });

  it("names the field and the range, and asks for at least one setting", async () => {
    expect(
      await failuresOf("EnvironmentSettings", { ...base(), memoryLimit: 64, phpVersion: "eight" }),
    ).toEqual({
      memoryLimit: expect.stringMatching(/between 128 and 1024/),
      phpVersion: expect.stringMatching(/such as "8.3"/),
    });
    expect(await failuresOf("EnvironmentSettings", base())).toEqual({
      phpVersion: expect.stringMatching(/set at least one setting/),
    });
    expect(await failuresOf("EnvironmentSettings", { ...base(), memoryLimit: UNKNOWN })).toEqual({});
  });

  it("refuses in preview a PHP version or operating system the environment does not offer", async () => {
    expect(
      await failuresOf("EnvironmentSettings", { ...base(), phpVersion: "9.9", operatingSystem: "trusty" }),
    ).toEqual({
      phpVersion: expect.stringMatching(/9.9 is not offered on environment .*: choose one of .*8.3/),
      operatingSystem: expect.stringMatching(/trusty is not offered .*: choose one of focal, jammy, noble/),
    });
    const before = await mutations(sim);
    expect(await failuresOf("EnvironmentSettings", { ...base(), phpVersion: "8.3" })).toEqual({});
    expect(await mutations(sim)).toEqual(before);
  });

  it("refuses a PHP version in preview on a Node.js application's environment", async () => {
    expect(
      await failuresOf("EnvironmentSettings", {
        ...base(),
        environmentId: SEED.nodeEnvironments.prod,
        phpVersion: "8.3",
      }),
    ).toEqual({ phpVersion: expect.stringMatching(/runs Node.js, not PHP: remove phpVersion/) });
  });

  it("still surfaces Acquia's refusal when the version went away between preview and update", async () => {
    await control(sim, "POST", "faults", [
      {
        method: "GET",
        path: "/api/environments/*/available-runtimes",
        status: 200,
        body: { runtime: "php", versions: ["5.6"], _links: {} },
      },
    ]);
    await expect(up("EnvironmentSettings", { ...base(), phpVersion: "5.6" })).rejects.toThrow(
      /5.6 is not available/,
    );
  });
});

describe("CodeDeployment runtime", () => {
  const base = () => ({
    connection: connectionOf(sim),
    environmentId: sim.environments.dev,
    ref: "tags/v1.0.0",
  });
  const ref = async () => (await api().environments.get(sim.environments.dev)).vcs?.path;

  it("deploys, redeploys when the ref changes, and leaves the code on destroy", async () => {
    const state = await up("CodeDeployment", base());
    expect(state.outs).toMatchObject({ ref: "tags/v1.0.0", previousRef: "develop" });
    expect(await ref()).toBe("tags/v1.0.0");
    expect((await up("CodeDeployment", base(), state)).action).toBe("same");
    const next = await up("CodeDeployment", { ...base(), ref: "main" }, state);
    expect(next).toMatchObject({ action: "update", id: state.id });
    expect(await ref()).toBe("main");
    expect((await mutations(sim))[SWITCH]).toBe(2);
    await destroy("CodeDeployment", next);
    expect(await ref()).toBe("main");
    expect((await mutations(sim))[SWITCH]).toBe(2);
  });

  it("makes no call when the environment already runs the ref, and shows a switch elsewhere as drift", async () => {
    const state = await up("CodeDeployment", { ...base(), ref: "develop" });
    expect(await mutations(sim)).toEqual({});
    await behindPulumi(sim, api().code.switch(sim.environments.dev, { branch: "main" }));
    expect((await read("CodeDeployment", state)).props).toMatchObject({ ref: "main" });
  });

  it("rejects a malformed ref in check and relays Acquia's answer for a missing one", async () => {
    expect(await failuresOf("CodeDeployment", { ...base(), ref: "my branch" })).toEqual({
      ref: expect.stringMatching(/tags\/<name>/),
    });
    await expect(up("CodeDeployment", { ...base(), ref: "nope" })).rejects.toThrow(/"nope" does not exist/);
  });
});

describe("progress of long tasks", () => {
  it("stays quiet for short tasks and reports long ones at most once per interval", () => {
    let now = 0;
    const lines: string[] = [];
    const report = progressReporter('Environment "Feature"', {
      now: () => now,
      write: (l) => lines.push(l),
      quietMs: 5_000,
      everyMs: 30_000,
    });
    const task = {
      notificationUuid: "n-1",
      status: "in-progress",
      label: "Environment added",
      progress: 40,
      elapsedMs: 0,
    };
    now = 4_000;
    report(task);
    expect(lines).toEqual([]);
    now = 6_000;
    report(task);
    now = 20_000;
    report(task);
    now = 37_000;
    report({ ...task, progress: 70 });
    expect(lines).toEqual([
      'Environment "Feature": Environment added in-progress, 40% after 6 s (notification n-1)',
      'Environment "Feature": Environment added in-progress, 70% after 37 s (notification n-1)',
    ]);
  });
});
