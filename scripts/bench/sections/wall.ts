// Wall time of each operation against the null provider, at each simulated latency.
import { OPERATIONS, OPERATION_LABELS, type OperationName } from "../lifecycle";
import type { Target } from "../report";
import { ratio, seconds, showSpread, spread, type Spread } from "../summary";
import { samples, sizeNote, type Section } from "./section";

const TARGET_LATENCY_MS = 150;
const TARGET_SIZE = 100;
const TARGET_RATIO = 1.15;

interface FloorInput {
  size: number;
  parallel: number;
  taskMs: number;
  latencyMs: number;
}

/**
 * What no provider can avoid on top of the engine's own time: a variable created, changed or deleted
 * is an Acquia task, started by one request and seen ended by another; a refresh reads each resource
 * once; the engine runs `parallel` resources at a time.
 */
function acquiaFloorMs(operation: OperationName, { size, parallel, taskMs, latencyMs }: FloorInput): number {
  const task = taskMs + 2 * latencyMs;
  const waves = (n: number) => Math.ceil(n / parallel);
  const floors: Record<OperationName, number> = {
    up: waves(size) * task,
    preview: 0,
    refresh: waves(size + 1) * latencyMs,
    update: task,
    destroy: waves(size) * task,
  };
  return floors[operation];
}

export const wall: Section = async (ctx) => {
  const size = ctx.profile.wallSize;
  const rows: string[][] = [];
  let upRatio: { acquia: Spread; baseline: Spread; floor: Spread } | undefined;
  for (const latencyMs of ctx.profile.latenciesMs) {
    const { runs } = await ctx.scenarios.get(size, latencyMs);
    for (const operation of OPERATIONS) {
      const acquia = spread(samples(runs.acquia, operation).map((o) => o.wallMs));
      const baseline = spread(samples(runs.null, operation).map((o) => o.wallMs));
      const extra = acquiaFloorMs(operation, {
        size,
        parallel: ctx.parallel,
        taskMs: ctx.profile.taskMs,
        latencyMs,
      });
      const floor = baseline && { ...baseline, median: baseline.median + extra };
      rows.push([
        `${latencyMs} ms`,
        OPERATION_LABELS[operation],
        showSpread(acquia, seconds),
        showSpread(baseline, seconds),
        ratio(acquia, baseline),
        floor ? seconds(floor.median) : "–",
        ratio(acquia, floor),
      ]);
      if (operation === "up" && latencyMs === TARGET_LATENCY_MS && acquia && baseline && floor)
        upRatio = { acquia, baseline, floor };
    }
  }
  const measured = upRatio ? upRatio.acquia.median / upRatio.baseline.median : undefined;
  const target: Target = {
    name: `\`up\` wall time within ${TARGET_RATIO}× of the null provider at ${TARGET_LATENCY_MS} ms latency for N = ${TARGET_SIZE}`,
    pass: measured === undefined ? undefined : measured <= TARGET_RATIO,
    detail:
      measured === undefined || !upRatio
        ? `not measured (no ${TARGET_LATENCY_MS} ms run)`
        : `×${measured.toFixed(2)}: median ${seconds(upRatio.acquia.median)} s against ${seconds(upRatio.baseline.median)} s ` +
          `(against the floor of ${seconds(upRatio.floor.median)} s: ${ratio(upRatio.acquia, upRatio.floor)})` +
          sizeNote(size, TARGET_SIZE),
  };
  return {
    tables: [
      {
        title: `Wall time (s), N = ${size}`,
        note:
          `Both programs (a connection and N variables), tasks of ${ctx.profile.taskMs / 1000} s, --parallel ${ctx.parallel} ` +
          `(the CLI's default), min / median / max over ${ctx.profile.reps} interleaved run(s); ratio of the medians. ` +
          "Floor: the null provider's median plus what any provider must wait for Acquia: a create, change or " +
          "delete is a task started by one request and seen ended by another, ⌈N / parallel⌉ × (task + 2 × latency) " +
          "(one task for the one-value up), and a refresh reads every resource once, ⌈(N + 1) / parallel⌉ × latency.",
        head: [
          "latency",
          "operation",
          "pulumi-acquia-cloud",
          "null provider",
          "ratio",
          "floor",
          "ratio to floor",
        ],
        rows,
      },
    ],
    targets: [target],
  };
};
