// Fault matrix (issue #12), cases 6 and 10: `pulumi up` killed mid-create — SIGKILL at three moments
// chosen by what Acquia has seen (creates accepted, tasks running, most done), and SIGINT twice — and two
// `pulumi up` on one stack at once. After a kill, the recovery is the least a user must run (asserted
// step by step, so a change in Pulumi's behaviour shows here), never a program edit, and it must leave
// exactly one object per resource in Acquia.
import type { FaultRuleInput, StatsSnapshot } from "../../simulator";
import type { CliResult } from "../e2e/helpers/cli-process";
import { describeReliability, sent, tasksEnded, until, type Case } from "./harness";

const ENVIRONMENTS = "/applications/{applicationUuid}/environments";
const CRONS = "/environments/{environmentId}/crons";

/** How the run is interrupted. */
type Interruption =
  /** `kill -9` of the CLI alone: its plugins (the provider process) live on. */
  | "SIGKILL the CLI"
  /** SIGKILL to every process of the run at once, as when the machine or container goes. */
  | "SIGKILL every process of the run"
  /** Ctrl-C twice (to the CLI): cancel, then terminate at once. */
  | "SIGINT twice";

interface Moment {
  name: string;
  interruption: Interruption;
  /** Fault rules that make tasks slow enough to be caught running. */
  faults: (c: Case) => FaultRuleInput[];
  /** When to interrupt, judged from what the simulator has seen. */
  reached: (stats: StatsSnapshot, c: Case) => boolean;
}

const completed = (stats: StatsSnapshot) => stats.tasks.filter((t) => t.status === "completed").length;
const running = (stats: StatsSnapshot) => stats.tasks.filter((t) => t.status === "in-progress").length;
const slowCreates: FaultRuleInput[] = [{ method: "POST", path: "/api/**", taskDurationMs: 2000, times: 0 }];

const MOMENTS: Moment[] = [
  {
    name: "6a SIGKILL right after the first creates were accepted",
    interruption: "SIGKILL the CLI",
    faults: () => slowCreates,
    reached: (s) => sent(s, "POST") >= 3 && completed(s) === 0,
  },
  {
    name: "6b SIGKILL while tasks are running",
    interruption: "SIGKILL every process of the run",
    faults: () => slowCreates,
    reached: (s) => sent(s, "POST") >= 12 && completed(s) > 0 && running(s) > 0,
  },
  {
    name: "6c SIGKILL late, after most creates completed",
    interruption: "SIGKILL the CLI",
    // Only the cron jobs (created last, in the CD environment) are slow.
    faults: () => [{ method: "POST", path: "/api/environments/*/crons", taskDurationMs: 3000, times: 0 }],
    reached: (s, c) =>
      sent(s, "POST", CRONS) === c.layout.crons.length && completed(s) >= c.size - 2 - c.layout.crons.length,
  },
  {
    name: "6d SIGINT twice while tasks are running",
    interruption: "SIGINT twice",
    faults: () => slowCreates,
    reached: (s) => sent(s, "POST") >= 12 && completed(s) > 0 && running(s) > 0,
  },
];

describeReliability("fault matrix: interruptions", (h) => {
  afterEach(async () => {
    await h.sim.control.clearFaults();
  });

  it.each(MOMENTS.map((m) => [m.name, m] as const))(
    "%s: the documented recovery converges with no duplicate, no orphan and no program edit",
    async (_name, moment) => {
      const c = await h.newCase(moment.name);
      await h.sim.control.addFaults(moment.faults(c));
      const run = c.start(["up", "--yes", "--skip-preview"]);
      await until(`the moment to interrupt (${moment.name})`, async () => moment.reached(await c.stats(), c));

      if (moment.interruption === "SIGINT twice") {
        run.signal("SIGINT");
        await until("the CLI to acknowledge the first SIGINT", () =>
          run.output().includes("^C received; cancelling"),
        );
        run.signal("SIGINT");
      } else if (moment.interruption === "SIGKILL the CLI") run.signal("SIGKILL");
      else run.signalAll("SIGKILL");
      const killed = await run.exited;
      const atKill = await c.stats();
      const emptied = c.emptyBackendFiles();
      const pending = c.checkpoint().pendingOperations;
      // Every interruption leaves creates the engine never saw end: Pulumi records them as pending.
      expect(pending.length).toBeGreaterThan(0);
      expect(new Set(pending.map((p) => p.type))).toEqual(new Set(["creating"]));

      // Acquia finishes what it accepted whatever happens to the CLI; a user who looks before running
      // again sees those tasks end (the recovery up must not create what they are still creating).
      await until("the interrupted run's tasks to end", async () => tasksEnded(await c.stats()));
      // A SIGKILLed CLI leaves its plugins running: the dynamic provider has no check that the engine
      // is still there. They are idle now (their tasks ended); end them, as a user would have to.
      const outlived = await c.endLeftovers();
      await h.sim.control.clearFaults();

      const steps: string[] = [];
      const recovery: CliResult[] = [];
      if (moment.interruption === "SIGINT twice") {
        // The second SIGINT still lets the CLI release its lock: a plain up is all it takes.
        expect(c.locks()).toEqual([]);
      } else {
        // The file backend writes a checkpoint atomically (a temp file renamed), but its metadata file
        // (<stack>.json.attrs) in place: a SIGKILL in between leaves it empty, and every command then
        // fails with "failed to load checkpoint: EOF" until it is deleted (seen once in about ten kills).
        // Other empty files a kill leaves (a temp file, a backup's metadata) are never read.
        if (c.emptyBackendFiles().includes(c.checkpointAttrs)) {
          const unreadable = await c.up();
          expect(unreadable.code).not.toBe(0);
          expect(unreadable.output).toMatch(/failed to load checkpoint: EOF/);
          c.deleteBackendFiles([c.checkpointAttrs]);
          steps.push(`rm <backend>/${c.checkpointAttrs}`);
        }
        // SIGKILL leaves the file backend's lock behind: up refuses and names `pulumi cancel`.
        expect(c.locks()).toHaveLength(1);
        const refused = await c.up();
        expect(refused.code).not.toBe(0);
        expect(refused.output).toMatch(/the stack is currently locked by 1 lock\(s\)/);
        expect(refused.output).toMatch(/delete the lock file with `pulumi cancel`/);
        const cancel = await c.run(["cancel", "--yes"]);
        expect(cancel.code).toBe(0);
        steps.push("pulumi cancel --yes");
        recovery.push(cancel);
      }
      const up = await c.up();
      steps.push("pulumi up --yes --skip-preview");
      recovery.push(up);
      expect({ code: up.code, tail: up.code === 0 ? "" : up.output.slice(-2000) }).toEqual({
        code: 0,
        tail: "",
      });
      // Pulumi warns about the pending creates and creates those resources afresh; the provider finds
      // each object that landed and takes it over, as it matches the program exactly.
      expect(up.output).toContain(
        `Attempting to deploy or update resources with ${pending.length} pending operations`,
      );
      // Pulumi v3.274 keeps the records of those pending creates after a successful up (every later up
      // repeats the warning) and a plain, non-interactive refresh keeps them too: only
      // --clear-pending-creates drops them. The objects are in state already (taken over above).
      expect(c.checkpoint().pendingOperations).toHaveLength(pending.length);
      const clear = await c.run(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
      expect(clear.code).toBe(0);
      expect(c.checkpoint().pendingOperations).toEqual([]);
      steps.push("pulumi refresh --clear-pending-creates --yes --skip-preview");
      recovery.push(clear);
      const figures = c.figures(recovery, await c.stats(), atKill);
      expect(figures.takeovers).toBeGreaterThan(0);
      expect(figures.takeovers).toBeLessThanOrEqual(pending.length);

      c.report(c.figures([killed], atKill), `the interrupted up (exit ${killed.code ?? killed.signal})`);
      c.report(
        figures,
        `recovery: ${steps.join(" && ")}; ${pending.length} pending creates, ` +
          `${outlived.length} processes outlived the CLI` +
          (emptied.length > 0 ? `; the kill left empty: ${emptied.join(", ")}` : ""),
      );
      await c.expectConverged();
    },
  );

  it("10. two ups at once on one stack: the second is refused by the lock, the first completes", async () => {
    const c = await h.newCase("10 two ups at once");
    // The CD environment takes 6 s: the first up holds the lock for that long at least.
    await h.sim.control.addFaults([
      { method: "POST", path: `/api/applications/*/environments`, taskDurationMs: 6000 },
    ]);
    const first = c.start(["up", "--yes", "--skip-preview"]);
    await until("the first up to hold the lock with its CD environment accepted", async () =>
      c.locks().length === 1 && sent(await c.stats(), "POST", ENVIRONMENTS) === 1 ? true : undefined,
    );
    let firstEnded = false;
    void first.exited.then(() => (firstEnded = true));
    const second = await c.up();
    expect(firstEnded).toBe(false);
    expect(second.code).not.toBe(0);
    expect(second.output).toMatch(
      /the stack is currently locked by 1 lock\(s\)\. Either wait for the other process/,
    );
    const done = await first.exited;
    expect(done.code).toBe(0);
    const stats = await c.stats();
    c.report(
      c.figures([done], stats),
      `the second up was refused in ${(second.durationMs / 1000).toFixed(1)} s`,
    );
    await c.expectConverged();
  });
});
