// Task-completion lag and poll count: one CD environment whose create task takes 2 s, 20 s, 120 s
// (and 10 minutes with --full; otherwise that one is modelled), created by `pulumi up` with the
// provider's default polling. The simulator records each task's polls and the lag from its end to
// the first poll that saw it ended.
import { startBenchSimulator, watchApi, type BenchSimulator } from "../bench-simulator";
import { connectionConfig, type BenchContext } from "../lifecycle";
import { modelledPolls } from "../poll-model";
import { BenchStack } from "../stack";
import { integer, millis, showSpread, spread } from "../summary";
import type { Section } from "./section";

const LATENCY_MS = 1;
const MAX_POLLS = 30;
const TEN_MINUTES_MS = 600_000;

const allowedLagMs = (durationMs: number) => Math.max(1000, durationMs / 10);

interface TaskSample {
  lagMs: number;
  polls: number;
}

async function createEnvironment(
  ctx: BenchContext,
  bench: BenchSimulator,
  durationMs: number,
): Promise<TaskSample> {
  await bench.sim.control.reset();
  await bench.sim.control.addFaults([
    { method: "POST", path: "/api/applications/*/environments", taskDurationMs: durationMs, times: 1 },
  ]);
  const { config, secrets } = connectionConfig(bench);
  const stack = await BenchStack.create(
    ctx.workspace,
    "acquia",
    { ...config, "bench:shape": "environment", "bench:applicationUuid": bench.sim.applicationUuid },
    secrets,
  );
  try {
    const { api } = await watchApi(bench, () => stack.operation(["up", "--yes", "--skip-preview"]));
    const task = api.tasks.find((t) => t.durationMs === durationMs);
    if (!task || task.lagMs === null) throw new Error(`the ${durationMs} ms task was not seen to end`);
    await stack.cli(["destroy", "--yes", "--skip-preview"]);
    return { lagMs: task.lagMs, polls: task.polls };
  } finally {
    stack.dispose();
  }
}

export const tasks: Section = async (ctx) => {
  const bench = await startBenchSimulator({ latencyMs: LATENCY_MS, taskDurationMs: ctx.profile.taskMs });
  const rows: string[][] = [];
  const verdicts: string[] = [];
  let pass = true;
  try {
    const durations = ctx.profile.taskDurationsMs.includes(TEN_MINUTES_MS)
      ? ctx.profile.taskDurationsMs
      : [...ctx.profile.taskDurationsMs, TEN_MINUTES_MS];
    for (const durationMs of durations) {
      const measured: TaskSample[] = [];
      if (ctx.profile.taskDurationsMs.includes(durationMs)) {
        // The ten-minute task runs once: its schedule is the same every time, up to a poll's round trip.
        const reps = durationMs >= TEN_MINUTES_MS ? 1 : ctx.profile.reps;
        for (let rep = 0; rep < reps; rep++) {
          ctx.log(`task of ${durationMs / 1000} s, rep ${rep + 1}/${reps}`);
          measured.push(await createEnvironment(ctx, bench, durationMs));
        }
      }
      const lag = spread(measured.map((m) => m.lagMs));
      const polls = spread(measured.map((m) => m.polls));
      const model = modelledPolls(durationMs, 2 * LATENCY_MS);
      const allowed = allowedLagMs(durationMs);
      const ok =
        lag && polls
          ? lag.max <= allowed && polls.max <= MAX_POLLS
          : model.lagMs <= allowed && model.polls <= MAX_POLLS;
      pass &&= ok;
      const source = lag ? "" : " (modelled)";
      verdicts.push(
        `${durationMs / 1000} s: lag ${millis(lag?.max ?? model.lagMs)} ms ≤ ${millis(allowed)}, ` +
          `${polls?.max ?? model.polls} polls${source}`,
      );
      rows.push([
        `${durationMs / 1000} s`,
        showSpread(lag, millis),
        showSpread(polls, integer),
        millis(allowed),
        `${millis(model.lagMs)} ms, ${model.polls} polls`,
        `${ok ? "PASS" : "FAIL"}${source}`,
      ]);
    }
  } finally {
    await bench.stop();
  }
  return {
    tables: [
      {
        title: "Task completion: lag (ms) and polls",
        note:
          `One Environment whose create task takes the duration given (a fault rule's taskDurationMs), latency ${LATENCY_MS} ms, ` +
          `the provider's default poll interval; min / median / max over ${ctx.profile.reps} run(s) (the 10-minute task: one). ` +
          "Lag: from the task's end to the first poll that saw it ended (simulator stats). " +
          "Model: the SDK's nextPollDelay against linear progress (the 10-minute row is only modelled unless --full).",
        head: ["task", "lag", "polls", "allowed lag", "model", "verdict"],
        rows,
      },
    ],
    targets: [
      {
        name: `a task is noticed complete within max(1 s, 10 % of its duration) with at most ${MAX_POLLS} polls`,
        pass,
        detail: verdicts.join("; "),
      },
    ],
  };
};
