import { AcquiaCloudClient } from "../../sdk";
import { SEED } from "../../simulator";
import {
  behindPulumi,
  check,
  connectionOf,
  control,
  create,
  destroy,
  diff,
  logged,
  mutations,
  read,
  stats,
  up,
  useSimulator,
  type State,
  UNKNOWN,
} from "./harness";

// DatabaseBackup, DatabaseCopy and FilesCopy act when created and again only when replaced, which
// happens exactly when `triggers` (or what they act on) change. How often an action ran is counted at
// the simulator, by route.
const sim = useSimulator();

const api = () => new AcquiaCloudClient(connectionOf(sim));
const { dev, test: stage, prod } = SEED.environments;
const BACKUPS = "POST /environments/{environmentId}/databases/{databaseName}/backups";
const COPY_DATABASE = "POST /environments/{environmentId}/databases";
const COPY_FILES = "POST /environments/{environmentId}/files";
const ran = async (route: string) => (await stats(sim)).byRoute[route] ?? 0;

/** The on-demand backups of dev's acmeweb database, as the simulator holds them. */
async function onDemand(): Promise<string[]> {
  return (await api().databaseBackups.list(dev, "acmeweb"))
    .filter((b) => b.type === "ondemand")
    .map((b) => b.id);
}

describe("DatabaseBackup", () => {
  const backup = (extra: Record<string, unknown> = {}) => ({
    connection: connectionOf(sim),
    environmentId: dev,
    databaseName: "acmeweb",
    triggers: { release: "v1" },
    ...extra,
  });

  it("takes a backup on create, and none when nothing or only deleteOnDestroy changed", async () => {
    const state = await up("DatabaseBackup", backup());
    const ids = await onDemand();
    expect(ids).toHaveLength(1);
    expect(state.outs).toMatchObject({
      backupId: ids[0],
      startedAt: expect.any(String),
      completedAt: expect.any(String),
      deleteOnDestroy: false,
    });
    expect(state.id).toBe(`${dev}/acmeweb/${ids[0]}`);
    expect(await ran(BACKUPS)).toBe(1);

    const before = await mutations(sim);
    expect((await up("DatabaseBackup", backup(), state)).action).toBe("same");
    const updated = await up("DatabaseBackup", backup({ deleteOnDestroy: true }), state);
    expect(updated.action).toBe("update");
    expect(updated.outs).toMatchObject({ deleteOnDestroy: true, backupId: ids[0] });
    expect(await mutations(sim)).toEqual(before);
  });

  it("takes exactly one more backup when triggers change, keeping or deleting the old one as asked", async () => {
    const kept = await up("DatabaseBackup", backup());
    const replaced = await up("DatabaseBackup", backup({ triggers: { release: "v2" } }), kept);
    expect(replaced.action).toBe("replace");
    expect(await ran(BACKUPS)).toBe(2);
    expect(replaced.outs["backupId"]).not.toBe(kept.outs["backupId"]);
    // deleteOnDestroy was off: the first backup outlives its resource.
    expect(await onDemand()).toEqual([kept.outs["backupId"], replaced.outs["backupId"]]);

    const deleting = await up(
      "DatabaseBackup",
      backup({ triggers: { release: "v2" }, deleteOnDestroy: true }),
      replaced,
    );
    const again = await up(
      "DatabaseBackup",
      backup({ triggers: { release: "v3" }, deleteOnDestroy: true }),
      deleting,
    );
    expect(again.action).toBe("replace");
    expect(await ran(BACKUPS)).toBe(3);
    expect(await onDemand()).toEqual([kept.outs["backupId"], again.outs["backupId"]]);
  });

  it("previews a replacement when a trigger is not known yet (an output of another resource)", async () => {
    const state = await up("DatabaseBackup", backup());
    const pending = { ...state.outs, triggers: { release: UNKNOWN } };
    expect(await diff("DatabaseBackup", state.id, state.outs, pending)).toMatchObject({
      changes: true,
      replaces: ["triggers"],
      deleteBeforeReplace: false,
    });
    expect((await check("DatabaseBackup", backup({ triggers: { release: UNKNOWN } }))).failures).toEqual([]);
  });

  it("keeps the backup on destroy unless deleteOnDestroy, and says so", async () => {
    const state = await up("DatabaseBackup", backup());
    const { lines } = await logged(() => destroy("DatabaseBackup", state));
    expect(lines.join("\n")).toMatch(/kept at Acquia \(deleteOnDestroy is off\)/);
    expect(await onDemand()).toEqual([state.outs["backupId"]]);

    const deleting = await up(
      "DatabaseBackup",
      backup({ triggers: { release: "v9" }, deleteOnDestroy: true }),
    );
    await destroy("DatabaseBackup", deleting);
    expect(await onDemand()).toEqual([state.outs["backupId"]]);
    expect(
      (await mutations(sim))[
        "DELETE /environments/{environmentId}/databases/{databaseName}/backups/{backupId}"
      ],
    ).toBe(1);
  });

  it("is gone on refresh once the backup was deleted behind Pulumi", async () => {
    const state = await up("DatabaseBackup", backup());
    expect((await read("DatabaseBackup", state)).props).toMatchObject({ backupId: state.outs["backupId"] });
    await behindPulumi(sim, api().databaseBackups.delete(dev, "acmeweb", String(state.outs["backupId"])));
    expect(await read("DatabaseBackup", state)).toEqual({});
  });

  it("records its own backup when two are taken of one database at once", async () => {
    const [a, b] = await Promise.all([
      up("DatabaseBackup", backup({ triggers: { n: "1" } })),
      up("DatabaseBackup", backup({ triggers: { n: "2" } })),
    ]);
    expect(a.outs["backupId"]).not.toBe(b.outs["backupId"]);
    expect((await onDemand()).sort()).toEqual([a.outs["backupId"], b.outs["backupId"]].sort());
  });

  it("refuses bad inputs by field, and a database the environment lacks in preview", async () => {
    const bad = await check("DatabaseBackup", backup({ databaseName: "bad-name", environmentId: "dev" }));
    expect(bad.failures.map((f) => f.property).sort()).toEqual(["databaseName", "environmentId"]);
    const triggers = await check("DatabaseBackup", backup({ triggers: { release: 42 } }));
    expect(triggers.failures).toEqual([{ property: "triggers.release", reason: expect.any(String) }]);
    const missing = await check("DatabaseBackup", backup({ databaseName: "nope" }));
    expect(missing.failures).toEqual([
      {
        property: "databaseName",
        reason: expect.stringMatching(/no database "nope": choose one of acmeweb/),
      },
    ]);
    expect(await ran(BACKUPS)).toBe(0);
  });

  it("keeps polling a long backup past a token's expiry, reporting its progress", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/environments/*/databases/*/backups", taskDurationMs: 6_500 },
    ]);
    // A token in hand first, so a token request during the run can only be a renewal.
    expect(await onDemand()).toEqual([]);
    const tokensBefore = (await stats(sim)).tokenRequests;
    const expire = setTimeout(() => void control(sim, "POST", "tokens/expire"), 2_000);
    const { result, lines } = await logged(() => up("DatabaseBackup", backup())).finally(() =>
      clearTimeout(expire),
    );
    expect(await onDemand()).toEqual([result.outs["backupId"]]);
    expect(lines.join("\n")).toMatch(/DatabaseBackup: Database backup created in-progress, \d+% after \d+ s/);
    expect((await stats(sim)).tokenRequests).toBeGreaterThan(tokensBefore);
  }, 20_000);

  it("fails the create with the task's message when Acquia's backup task fails", async () => {
    await control(sim, "POST", "faults", [
      {
        method: "POST",
        path: "/api/environments/*/databases/*/backups",
        failTask: "Backup storage is full.",
      },
    ]);
    await expect(up("DatabaseBackup", backup())).rejects.toThrow(/Backup storage is full\./);
    expect(await onDemand()).toEqual([]);
  });
});

describe.each([
  {
    kind: "DatabaseCopy",
    route: COPY_DATABASE,
    what: "a database",
    extra: { databaseName: "acmeweb" } as Record<string, unknown>,
  },
  { kind: "FilesCopy", route: COPY_FILES, what: "files", extra: {} as Record<string, unknown> },
])("$kind", ({ kind, route, what, extra }) => {
  const copy = (more: Record<string, unknown> = {}) => ({
    connection: connectionOf(sim),
    sourceEnvironmentId: dev,
    environmentId: stage,
    triggers: { release: "v1" },
    ...extra,
    ...more,
  });

  it("copies once on create, never on a no-change run, once more per triggers change, and nothing on destroy", async () => {
    const state = await up(kind, copy());
    expect(await ran(route)).toBe(1);
    expect(state.outs).toMatchObject({ copiedAt: expect.any(String), notificationUuid: expect.any(String) });
    const { tasks } = await stats(sim);
    expect(tasks.map((t) => t.uuid)).toContain(state.outs["notificationUuid"]);

    const before = await mutations(sim);
    expect((await up(kind, copy(), state)).action).toBe("same");
    expect((await up(kind, { ...copy(), timeoutSeconds: 600 }, state)).action).toBe("update");
    expect(await mutations(sim)).toEqual(before);

    const replaced: State = await up(kind, copy({ triggers: { release: "v2" } }), state);
    expect(await ran(route)).toBe(2);
    const replacedAgain = await up(
      kind,
      copy({ triggers: { release: "v2" }, sourceEnvironmentId: prod }),
      replaced,
    );
    expect(replacedAgain.action).toBe("replace");
    expect(await ran(route)).toBe(3);

    const settled = await mutations(sim);
    await destroy(kind, replacedAgain);
    expect(await mutations(sim)).toEqual(settled);
  });

  it(`refuses to copy ${what} into its own source, naming environmentId`, async () => {
    const result = await check(kind, copy({ environmentId: dev }));
    expect(result.failures).toEqual([
      { property: "environmentId", reason: expect.stringMatching(/same as sourceEnvironmentId/) },
    ]);
  });

  it("refuses a target in production mode in preview, naming the field and the fix", async () => {
    const result = await check(kind, copy({ environmentId: prod }));
    expect(result.failures).toEqual([
      {
        property: "environmentId",
        reason: expect.stringMatching(
          /production mode.*turn production mode off.*EnvironmentFlags.*another environmentId/,
        ),
      },
    ]);
    expect(await ran(route)).toBe(0);
  });

  it("refuses a source of another application and an unknown environment in preview", async () => {
    const other = await check(kind, copy({ sourceEnvironmentId: SEED.nodeEnvironments.dev }));
    expect(other.failures.map((f) => f.property)).toEqual(["sourceEnvironmentId"]);
    const unknown = await check(kind, copy({ environmentId: `99-${SEED.applicationUuid}` }));
    expect(unknown.failures).toEqual([
      { property: "environmentId", reason: expect.stringMatching(/was not found.*check environmentId/) },
    ]);
  });

  it("fails the create with the task's message and keeps nothing", async () => {
    await control(sim, "POST", "faults", [
      {
        method: "POST",
        path: `/api/environments/*/${kind === "FilesCopy" ? "files" : "databases"}`,
        failTask: "Copy interrupted.",
      },
    ]);
    await expect(create(kind, { ...copy(), __provider: "shim" })).rejects.toThrow(/Copy interrupted\./);
    expect(await ran(route)).toBe(1);
  });
});

describe("DatabaseCopy's read", () => {
  it("is gone once the target's database is gone", async () => {
    const inputs = {
      connection: connectionOf(sim),
      sourceEnvironmentId: dev,
      environmentId: stage,
      databaseName: "acmeweb_reporting",
    };
    const state = await up("DatabaseCopy", inputs);
    expect((await read("DatabaseCopy", state)).props).toMatchObject({ databaseName: "acmeweb_reporting" });
    await behindPulumi(sim, api().databases.delete(SEED.applicationUuid, "acmeweb_reporting"));
    expect(await read("DatabaseCopy", state)).toEqual({});
    const missing = await check("DatabaseCopy", inputs);
    expect(missing.failures).toEqual([
      { property: "databaseName", reason: expect.stringMatching(/no database "acmeweb_reporting"/) },
    ]);
  });
});
