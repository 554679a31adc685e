import { AcquiaCloudClient } from "../../sdk";
import {
  behindPulumi,
  check,
  connectionOf,
  control,
  destroy,
  logged,
  mutations,
  read,
  useSimulator,
  up,
} from "./harness";

const KIND = "EnvironmentFlags";
const CDN = "POST /environments/{environmentId}/cdn";
const MOD_PROXY_ON = "POST /environments/{environmentId}/mod-proxy/actions/enable";
const UNPROTECT = "POST /environments/{environmentId}/production-mode/actions/disable";

const sim = useSimulator();

const api = () => new AcquiaCloudClient(connectionOf(sim));
const dev = () => ({ connection: connectionOf(sim), environmentId: sim.environments.dev });
const prod = () => ({ connection: connectionOf(sim), environmentId: sim.environments.prod });
/** The flags as the simulator holds them. */
const held = async (id: string) => {
  const { environments } = (await sim.control.state()) as {
    environments: Record<string, { productionMode: boolean; cdn: boolean; modProxy: boolean }>;
  };
  const { productionMode, cdn, modProxy } = environments[id] ?? {};
  return { productionMode, cdn, modProxy };
};
const failuresOf = async (props: Record<string, unknown>) =>
  Object.fromEntries((await check(KIND, props)).failures.map((f) => [f.property, f.reason]));

describe("EnvironmentFlags", () => {
  it("switches only the flags that differ, records what they were, and updates in place", async () => {
    // Dev starts with CDN and mod_proxy off: only mod_proxy differs from the program at first.
    const state = await up(KIND, { ...dev(), cdn: false, modProxy: true });
    expect(await mutations(sim)).toEqual({ [MOD_PROXY_ON]: 1 });
    expect(state.outs).toMatchObject({
      cdn: false,
      modProxy: true,
      previousFlags: { cdn: false, modProxy: false },
    });
    expect(state.id).toBe(sim.environments.dev);

    const updated = await up(KIND, { ...dev(), cdn: true, modProxy: true }, state);
    expect(updated.action).toBe("update");
    expect(await mutations(sim)).toEqual({ [MOD_PROXY_ON]: 1, [CDN]: 1 });
    expect(await held(sim.environments.dev)).toMatchObject({ cdn: true, modProxy: true });
    expect(updated.outs["previousFlags"]).toEqual({ cdn: false, modProxy: false });
  });

  it("makes no call at all when the environment already has the values", async () => {
    const state = await up(KIND, { ...prod(), productionMode: true, cdn: false });
    expect(await mutations(sim)).toEqual({});
    expect((await up(KIND, { ...prod(), productionMode: true, cdn: false }, state)).action).toBe("same");
    expect(await mutations(sim)).toEqual({});
  });

  it("lifts production mode of a production environment, and shows it switched back behind Pulumi", async () => {
    const state = await up(KIND, { ...prod(), productionMode: false });
    expect(await mutations(sim)).toEqual({ [UNPROTECT]: 1 });
    expect((await held(sim.environments.prod)).productionMode).toBe(false);

    await behindPulumi(sim, api().environmentFlags.enableProductionMode(sim.environments.prod));
    const refreshed = await read(KIND, state);
    expect(refreshed.props).toMatchObject({ productionMode: true });
    const again = await up(
      KIND,
      { ...prod(), productionMode: false },
      { id: state.id, outs: refreshed.props ?? {} },
    );
    expect(again.action).toBe("update");
    expect((await held(sim.environments.prod)).productionMode).toBe(false);
  });

  it("shows a CDN removed in the Cloud UI as drift", async () => {
    const state = await up(KIND, { ...dev(), cdn: true });
    await behindPulumi(sim, api().environmentFlags.disableCdn(sim.environments.dev));
    expect((await read(KIND, state)).props).toMatchObject({ cdn: false });
  });

  it("leaves the flags on delete by default, and puts them back with restoreOnDelete", async () => {
    const kept = await up(KIND, { ...dev(), cdn: true });
    await destroy(KIND, kept);
    expect((await held(sim.environments.dev)).cdn).toBe(true);
    await control(sim, "POST", "reset");

    const state = await up(KIND, { ...dev(), cdn: true, modProxy: true, restoreOnDelete: true });
    await destroy(KIND, state);
    expect(await held(sim.environments.dev)).toMatchObject({ cdn: false, modProxy: false });
  });

  it("refuses in preview, by field, what Acquia would refuse, and asks for at least one flag", async () => {
    expect(await failuresOf(dev())).toEqual({
      productionMode: expect.stringMatching(/set at least one flag/),
    });
    expect(await failuresOf({ ...dev(), productionMode: true })).toEqual({
      productionMode: expect.stringMatching(/is not a production environment.*Remove productionMode/),
    });
    await control(sim, "POST", "faults", [
      {
        method: "GET",
        path: "/api/environments/*/mod-proxy",
        status: 409,
        body: {
          error: "conflict",
          message: "Mod proxy configuration is not available for this environment.",
        },
        times: 0,
      },
    ]);
    expect(await failuresOf({ ...dev(), modProxy: true })).toEqual({
      modProxy: expect.stringMatching(/mod_proxy is not available on environment .*Remove modProxy/),
    });
    expect(await mutations(sim)).toEqual({});
  });

  it("says what Acquia refused and what to do", async () => {
    await control(sim, "POST", "faults", [
      {
        method: "POST",
        path: "/api/environments/*/cdn",
        status: 409,
        body: { error: "conflict", message: "This environment does not support Platform CDN." },
      },
    ]);
    await expect(up(KIND, { ...dev(), cdn: true })).rejects.toThrow(
      /cdn: Acquia refused to enable Platform CDN on environment .*does not support Platform CDN\. Remove cdn/,
    );
    expect((await held(sim.environments.dev)).cdn).toBe(false);
  });

  it("takes Acquia's 'already enabled' after a change made elsewhere meanwhile as done", async () => {
    await behindPulumi(sim, api().environmentFlags.enableCdn(sim.environments.dev));
    // The reads of preview and create miss the CDN someone else just enabled: the enable then meets
    // Acquia's 409.
    await control(sim, "POST", "faults", [
      {
        method: "GET",
        path: "/api/environments/*/cdn",
        status: 404,
        body: { error: "not_found", message: "The CDN you are trying to access does not exist." },
        times: 2,
      },
    ]);
    const { result, lines } = await logged(() => up(KIND, { ...dev(), cdn: true }));
    expect(result.outs).toMatchObject({ cdn: true });
    expect(lines.join("\n")).toMatch(/Platform CDN on environment .* was already on/);
    expect(await mutations(sim)).toMatchObject({ [CDN]: 2 });
  });

  it("fails with the task's message when Acquia's task fails", async () => {
    await control(sim, "POST", "faults", [
      {
        method: "POST",
        path: "/api/environments/*/cdn",
        failTask: "CDN provisioning failed: quota reached.",
      },
    ]);
    await expect(up(KIND, { ...dev(), cdn: true })).rejects.toThrow(/CDN provisioning failed: quota reached/);
    expect((await held(sim.environments.dev)).cdn).toBe(false);
  });
});
