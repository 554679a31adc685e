// Wall time of each operation against the null provider, at each simulated latency.
import { OPERATIONS, OPERATION_LABELS } from "../lifecycle";
import type { Target } from "../report";
import { ratio, seconds, showSpread, spread, type Spread } from "../summary";
import { samples, sizeNote, type Section } from "./section";

const TARGET_LATENCY_MS = 150;
const TARGET_SIZE = 100;
const TARGET_RATIO = 1.15;

export const wall: Section = async (ctx) => {
  const size = ctx.profile.wallSize;
  const rows: string[][] = [];
  let upRatio: { acquia: Spread; baseline: Spread } | undefined;
  for (const latencyMs of ctx.profile.latenciesMs) {
    const { runs } = await ctx.scenarios.get(size, latencyMs);
    for (const operation of OPERATIONS) {
      const acquia = spread(samples(runs.acquia, operation).map((o) => o.wallMs));
      const baseline = spread(samples(runs.null, operation).map((o) => o.wallMs));
      rows.push([
        `${latencyMs} ms`,
        OPERATION_LABELS[operation],
        showSpread(acquia, seconds),
        showSpread(baseline, seconds),
        ratio(acquia, baseline),
      ]);
      if (operation === "up" && latencyMs === TARGET_LATENCY_MS && acquia && baseline)
        upRatio = { acquia, baseline };
    }
    // What no provider can beat: every variable needs one task, started by a request and seen ended by
    // another, and the engine runs `parallel` of them at once.
    const baseline = spread(samples(runs.null, "up").map((o) => o.wallMs));
    if (baseline) {
      const floor = baseline.median + Math.ceil(size / ctx.parallel) * (ctx.profile.taskMs + 2 * latencyMs);
      const acquia = spread(samples(runs.acquia, "up").map((o) => o.wallMs));
      rows.push([
        `${latencyMs} ms`,
        "up (create): floor",
        "",
        seconds(floor),
        ratio(acquia, { ...baseline, median: floor }),
      ]);
    }
  }
  const measured = upRatio ? upRatio.acquia.median / upRatio.baseline.median : undefined;
  const target: Target = {
    name: `\`up\` wall time within ${TARGET_RATIO}× of the null provider at ${TARGET_LATENCY_MS} ms latency for N = ${TARGET_SIZE}`,
    pass: measured === undefined ? undefined : measured <= TARGET_RATIO,
    detail:
      measured === undefined || !upRatio
        ? `not measured (no ${TARGET_LATENCY_MS} ms run)`
        : `×${measured.toFixed(2)}: median ${seconds(upRatio.acquia.median)} s against ${seconds(upRatio.baseline.median)} s` +
          sizeNote(size, TARGET_SIZE),
  };
  return {
    tables: [
      {
        title: `Wall time (s), N = ${size}`,
        note:
          `Both programs (a connection and N variables), tasks of ${ctx.profile.taskMs / 1000} s, --parallel ${ctx.parallel} ` +
          `(the CLI's default), min / median / max over ${ctx.profile.reps} interleaved run(s); ratio of the medians. ` +
          "Floor: the null provider's time plus what any provider must wait for Acquia, " +
          "⌈N / parallel⌉ × (task + 2 × latency); its ratio is the package's time against it.",
        head: ["latency", "operation", "pulumi-acquia-cloud", "null provider", "ratio"],
        rows,
      },
    ],
    targets: [target],
  };
};
