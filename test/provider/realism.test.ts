import { getApplication } from "../../provider";
import type { Simulator } from "../../simulator";
import { connectionOf, control, destroy, read, simulator, up } from "./harness";

// Answers Acquia really sends, met through the provider's lifecycle: the simulator's realism is on,
// so an application whose `type` is null (Acme Legacy) stands in lists and lookups, platform crons
// with `server: []` share every environment, and environment databases have no user name.
let sim: Simulator;
beforeAll(async () => {
  sim = await simulator();
});
afterAll(() => sim.stop());
beforeEach(() => control(sim, "POST", "reset"));

describe("the lifecycle with Acquia's real answers", () => {
  it("finds an application whose type is null, and manages its databases and team access", async () => {
    const connection = connectionOf(sim);
    const legacy = await getApplication({ name: "Acme Legacy", connection });
    expect(legacy).toMatchObject({ uuid: sim.legacyApplicationUuid, type: undefined });

    const db = await up("Database", { connection, applicationUuid: legacy.uuid, name: "legacy_db" });
    expect((await read("Database", db)).id).toBe(db.id);
    const grant = await up("TeamApplication", {
      connection,
      teamUuid: "2c9ea556-4016-11e3-9170-12313920a02c",
      applicationUuid: legacy.uuid,
    });
    // The team's application list now holds an application with a null type: read, adopt, delete.
    expect((await read("TeamApplication", grant)).id).toBe(grant.id);
    await expect(up("TeamApplication", { ...grant.outs, adopt: true })).resolves.toMatchObject({
      id: grant.id,
    });
    await destroy("TeamApplication", grant);
    await destroy("Database", db);
    expect(await read("Database", db)).toEqual({});
  });

  it("creates, adopts, refreshes and deletes a cron beside a platform cron that runs on any server", async () => {
    const connection = connectionOf(sim);
    const inputs = {
      connection,
      environmentId: sim.environments.dev,
      label: "Beside",
      command: "drush cc",
      frequency: "0 1 * * *",
    };
    const crons = async () => (await sim.control.state()).crons as Record<string, { system?: boolean }>;
    expect(Object.values(await crons()).some((c) => c.system)).toBe(true);
    const cron = await up("CronJob", inputs);
    expect((await read("CronJob", cron)).props).toMatchObject({ label: "Beside" });
    await expect(up("CronJob", { ...inputs, adopt: true })).resolves.toMatchObject({ id: cron.id });
    await destroy("CronJob", cron);
    expect(await read("CronJob", cron)).toEqual({});
  });
});
