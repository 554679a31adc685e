// examples/release-pipeline as CI runs it, through the real CLI against the simulator: releases back up
// production and promote stage with their Cloud Actions; a stage refresh copies production's database
// and files; nothing runs again unless its trigger changed. Tokens live 3 s here and one copy takes
// 8 s, so a task outlives the token that started it.
import { join } from "node:path";
import { SEED, startSimulator, type Simulator } from "../../simulator";
import { apiClient } from "../helpers/simulated-estate";
import { control, mutations, mutationsDuring } from "../helpers/simulator-control";
import { EXAMPLES_DIR, copyProject, installPackage, projectStack, simulatorConfig } from "./helpers/project";
import { createSandbox, describeWithPulumi, type PulumiSandbox } from "./helpers/pulumi-cli";

const BACKUP = "POST /environments/{environmentId}/databases/{databaseName}/backups";
const PROMOTE = "POST /environments/{environmentId}/code";
const COPY_DATABASE = "POST /environments/{environmentId}/databases";
const COPY_FILES = "POST /environments/{environmentId}/files";
const TOKEN_TTL_SECONDS = 3;
const LONG_TASK_MS = 8_000;

describeWithPulumi("examples/release-pipeline through `pulumi up`", (cli) => {
  let sandbox: PulumiSandbox;
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 100, tokenTtlSeconds: TOKEN_TTL_SECONDS });
    sandbox = await createSandbox(cli);
  });

  afterAll(async () => {
    try {
      await sandbox?.cleanup();
    } finally {
      await sim?.stop();
    }
  });

  it("releases with a backup first, refreshes stage only when asked, and survives a task longer than a token", async () => {
    const programs = installPackage(sandbox.root);
    const dir = copyProject(join(EXAMPLES_DIR, "release-pipeline"), programs, "release-pipeline");
    const stack = await projectStack(sandbox, dir, "ci", {
      ...simulatorConfig(sim, { pollIntervalMs: 100 }),
      release: "2026.11.1",
    });
    const api = apiClient(sim);
    const prod = SEED.environments.prod;
    const backups = async () =>
      (await api.databaseBackups.list(prod, "acmeweb")).filter((b) => b.type === "ondemand");

    // First release: the database copy's task runs past the life of the token that started it.
    await control(sim, "POST", "faults", [
      {
        method: "POST",
        path: `/api/environments/${SEED.environments.test}/databases`,
        taskDurationMs: LONG_TASK_MS,
        times: 1,
      },
    ]);
    const tokensBefore = (await sim.control.stats()).tokenRequests;
    let output = "";
    const first = await stack.up({ onOutput: (line) => (output += line) });
    expect(first.summary.resourceChanges).toEqual({ create: 8 });
    expect((await sim.control.stats()).tokenRequests - tokensBefore).toBeGreaterThan(1);
    // The long copy reported its progress while the run waited.
    expect(output).toMatch(/in-progress, \d+% after \d+ s/);
    expect(output).not.toContain(sim.clientSecret);

    expect(await mutations(sim)).toMatchObject({
      [BACKUP]: 1,
      [PROMOTE]: 1,
      [COPY_DATABASE]: 1,
      [COPY_FILES]: 1,
    });
    expect((await api.environments.get(prod)).vcs?.path).toBe("main");
    expect(await backups()).toHaveLength(1);
    const outputs = await stack.outputs();
    expect(String(outputs["backupId"]?.value)).toBe(String((await backups())[0]?.id));
    expect(outputs["productionRuns"]?.value).toBe("main");
    // The promotion ran the Cloud Actions the program named, after the backup had completed.
    const tasks = (await sim.control.stats()).tasks;
    const promotion = tasks.find((t) => t.event === "CodeDeployed");
    const notification = await api.getNotification(promotion?.uuid ?? "");
    expect(notification.description).toMatch(
      /Run database updates, Import configuration, Clear all Drupal caches/,
    );
    expect(tasks.findIndex((t) => t.event === "DatabaseBackupCreated")).toBeLessThan(
      tasks.findIndex((t) => t.event === "CodeDeployed"),
    );

    // A run with nothing changed does nothing.
    expect((await stack.preview({ expectNoChanges: true })).changeSummary).toEqual({ same: 8 });

    // The next release: a new backup, a new promotion; stage is not refreshed again.
    await stack.setConfig("release", { value: "2026.11.2" });
    expect(await mutationsDuring(sim, () => stack.up())).toEqual({ [BACKUP]: 1, [PROMOTE]: 1 });
    expect(await backups()).toHaveLength(2);

    // A stage refresh copies again and releases nothing.
    await stack.setConfig("stageRefresh", { value: "after-incident" });
    expect(await mutationsDuring(sim, () => stack.up())).toEqual({ [COPY_DATABASE]: 1, [COPY_FILES]: 1 });

    await stack.destroy();
    // Destroy takes back nothing a release did: the code, the backups and the copies stay.
    expect((await api.environments.get(prod)).vcs?.path).toBe("main");
    expect(await backups()).toHaveLength(2);
  });
});
