import { AcquiaCloudClient, type Cron } from "../../sdk";
import {
  check,
  connectionOf,
  control,
  destroy,
  mutations,
  read,
  useSimulator,
  up,
  type State,
  behindPulumi,
} from "./harness";

const sim = useSimulator();
const api = () => new AcquiaCloudClient(connectionOf(sim));

describe("Connection runtime", () => {
  it("fails check on a rejected secret, naming clientSecret and the fix", async () => {
    const result = await check("Connection", { ...connectionOf(sim, "wrong-secret-value") });
    expect(result.failures).toEqual([
      {
        property: "clientSecret",
        reason: expect.stringMatching(/rejected the API key\/secret.*acquia:clientSecret/),
      },
    ]);
    expect(JSON.stringify(result.failures)).not.toContain("wrong-secret-value");
  });

  it("describes the account deterministically and updates credentials in place", async () => {
    const state = await up("Connection", connectionOf(sim));
    expect(state.outs).toMatchObject({
      accountUuid: expect.any(String),
      accountName: expect.any(String),
      scope: "",
    });
    expect(Object.keys(state.outs).join()).not.toMatch(/access|expire|issued/i);
    const again = await up("Connection", connectionOf(sim), state);
    expect(again.action).toBe("same");
    const refreshed = await read("Connection", state);
    expect(refreshed.props).toEqual(expect.objectContaining({ accountUuid: state.outs["accountUuid"] }));
  });

  it("updates rotated credentials in place and proves them", async () => {
    const state = await up("Connection", connectionOf(sim));
    const { clientSecret } = (await control(sim, "POST", "credentials/rotate")) as { clientSecret: string };
    const rotated = await up("Connection", connectionOf(sim, clientSecret), state);
    expect(rotated.action).toBe("update");
    expect(rotated.id).toBe(state.id);
    expect(rotated.outs["accountUuid"]).toBe(state.outs["accountUuid"]);
  });

  it("requires the organization UUID for a federated organization, and works with it", async () => {
    const org = sim.federatedOrganizationUuid;
    const state = await up("Connection", { ...connectionOf(sim), organizationUuid: org });
    expect(state.outs).toMatchObject({ scope: `organization:${org}`, organizationName: expect.any(String) });
    const env = (await api()
      .environments.list(sim.federatedApplicationUuid)
      .catch((e: Error) => e)) as Error;
    expect(env.message).toMatch(/federated authentication.*organizationUuid/);
  });

  it("names missing credentials", async () => {
    const result = await check("Connection", { clientId: "", clientSecret: "" });
    expect(result.failures.map((f) => f.property).sort()).toEqual(["clientId", "clientSecret"]);
  });
});

describe("CronJob runtime", () => {
  const base = () => ({
    connection: connectionOf(sim),
    environmentId: sim.environments.dev,
    label: "Nightly",
    command: "drush cron",
    frequency: "0  3 * * *",
  });
  const crons = async (): Promise<Cron[]> => api().crons.list(sim.environments.dev);

  it("creates, updates in place (including enabled), replaces on environment and deletes", async () => {
    let state: State & { action?: string } = await up("CronJob", base());
    const cronId = state.outs["cronId"];
    expect(state.id).toBe(`${sim.environments.dev}/${String(cronId)}`);
    expect(state.outs).toMatchObject({ frequency: "0 3 * * *", enabled: true });
    expect((await up("CronJob", base(), state)).action).toBe("same");
    state = await up("CronJob", { ...base(), frequency: "30 4 * * *", enabled: false }, state);
    expect(state.action).toBe("update");
    const cron = (await crons()).find((c) => c.id === cronId);
    expect(cron).toMatchObject({
      minute: "30",
      hour: "4",
      flags: expect.objectContaining({ enabled: false }),
    });
    const moved = await up("CronJob", { ...base(), environmentId: sim.environments.test }, state);
    expect(moved.action).toBe("replace");
    expect((await crons()).some((c) => c.id === cronId)).toBe(false);
    await destroy("CronJob", moved);
    expect(await api().crons.list(sim.environments.test)).not.toContainEqual(
      expect.objectContaining({ label: "Nightly" }),
    );
  });

  it("adopts by label, rejects a bad frequency and survives a reset after the create", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/environments/*/crons", resetConnection: "after" },
    ]);
    const state = await up("CronJob", base());
    expect((await crons()).filter((c) => c.label === "Nightly")).toHaveLength(1);
    await expect(up("CronJob", { ...base(), command: "drush status" })).rejects.toThrow(
      /Nightly.{0,2}" already exists in Acquia .* differs from the program in command/,
    );
    expect((await up("CronJob", { ...base(), adopt: true })).id).toBe(state.id);
    const bad = await check("CronJob", { ...base(), frequency: "every day" });
    expect(bad.failures[0]).toMatchObject({
      property: "frequency",
      reason: expect.stringMatching(/five-field cron expression/),
    });
  });
});

describe("Domain runtime", () => {
  const base = () => ({
    connection: connectionOf(sim),
    environmentId: sim.environments.dev,
    hostname: "WWW.Example.com",
  });
  const hostnames = async (env: string) => (await api().domains.list(env)).map((d) => d.hostname);

  it("creates (lower-cased), replaces delete-first when moved, and deletes", async () => {
    const state = await up("Domain", base());
    expect(state.id).toBe(`${sim.environments.dev}/www.example.com`);
    expect((await up("Domain", base(), state)).action).toBe("same");
    const moved = await up("Domain", { ...base(), environmentId: sim.environments.test }, state);
    expect(moved.action).toBe("replace");
    expect(await hostnames(sim.environments.test)).toContain("www.example.com");
    expect(await hostnames(sim.environments.dev)).not.toContain("www.example.com");
    await destroy("Domain", moved);
    expect(await hostnames(sim.environments.test)).not.toContain("www.example.com");
  });

  it("fails on a duplicate unless adopting, and rejects an invalid hostname", async () => {
    await up("Domain", base());
    // A hostname exists once per application: Acquia refuses it for another environment.
    await expect(up("Domain", { ...base(), environmentId: sim.environments.test })).rejects.toThrow(/409/);
    await expect(up("Domain", { ...base(), adopt: true })).resolves.toMatchObject({
      id: `${sim.environments.dev}/www.example.com`,
    });
    const bad = await check("Domain", { ...base(), hostname: "not a host" });
    expect(bad.failures[0]).toMatchObject({ property: "hostname" });
  });
});

describe("a private key in the wrong input", () => {
  it("is refused by name, and neither the failure nor the checked inputs repeat it", async () => {
    const key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    const result = await check("CronJob", {
      environmentId: sim.environments.dev,
      label: "Leaky",
      command: key,
      frequency: "0 3 * * *",
    });
    expect(result.failures).toEqual([
      {
        property: "command",
        reason: expect.stringMatching(/command holds a private key, which never belongs there/),
      },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/MIIEvQIBADANBgkqhkiG9w0BAQEFAASC/);
  });
});

describe("Database runtime", () => {
  const base = () => ({
    connection: connectionOf(sim),
    applicationUuid: sim.applicationUuid,
    name: "reports",
  });
  const names = async () => (await api().databases.list(sim.applicationUuid)).map((d) => d.name);

  it("creates, replaces on rename, deletes, and treats a vanished database as gone", async () => {
    const state = await up("Database", base());
    expect(await names()).toContain("reports");
    const renamed = await up("Database", { ...base(), name: "reports2" }, state);
    expect(renamed.action).toBe("replace");
    expect(await names()).toEqual(expect.arrayContaining(["reports2"]));
    expect(await names()).not.toContain("reports");
    await behindPulumi(sim, api().databases.delete(sim.applicationUuid, "reports2"));
    expect(await read("Database", renamed)).toEqual({});
    await expect(destroy("Database", renamed)).resolves.toBeUndefined();
  });

  it("reports a failed task and converges on the next run without duplicate calls", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/applications/*/databases", failTask: "Provisioning failed." },
    ]);
    await expect(up("Database", base())).rejects.toThrow(/Provisioning failed/);
    await up("Database", base());
    expect((await mutations(sim))["POST /applications/{applicationUuid}/databases"]).toBe(2);
    const bad = await check("Database", { ...base(), name: "default" });
    expect(bad.failures[0]?.reason).toMatch(/may not be "default"/);
  });
});
