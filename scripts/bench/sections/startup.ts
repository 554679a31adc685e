// Program start-up, for both programs: when the program's process started, its own marks (code
// running, imports loaded, first resource constructed), when its first resource registered (the engine
// starts the dynamic provider to check it), when the engine stepped it; and the time to the first API
// request.
import {
  OPERATIONS,
  OPERATION_LABELS,
  type LifecycleRun,
  type OperationName,
  type OperationSample,
} from "../lifecycle";
import type { Table, Target } from "../report";
import { millis, present, ratio, showSpread, spread, type Spread } from "../summary";
import { samples, type Section } from "./section";

const TARGET_RATIO = 1.2;
/** The operations that run the program. */
const PROGRAM_RUNS: OperationName[] = ["up", "preview", "update"];

type Milestone = (o: OperationSample) => number | undefined;

/** An instant as ms after the operation's CLI started. */
function since(o: OperationSample, at: number | null): number | undefined {
  return at === null ? undefined : at - o.startedAt;
}

const registered: Milestone = (o) => since(o, o.processes.startedAt.provider);

/** Pooled over every operation that runs the program: they start it alike. */
const PROGRAM_MILESTONES: [string, Milestone][] = [
  ["program's process started", (o) => since(o, o.processes.startedAt.program)],
  ["program code runs (ts-node compiled and type-checked it)", (o) => o.marks.programEntered],
  ["its imports loaded (the package, or the null provider)", (o) => o.marks.imported],
  ["first resource constructed", (o) => o.marks.firstResource],
  ["first resource registered (the engine starts the provider for it)", registered],
];

function pooled(runs: readonly LifecycleRun[], milestone: Milestone): Spread | undefined {
  return spread(present(PROGRAM_RUNS.flatMap((op) => samples(runs, op).map(milestone))));
}

function firstRequestTable(runs: readonly LifecycleRun[], note: string): Table {
  return {
    title: "Time to the first API request (ms)",
    note: `pulumi-acquia-cloud's program, ${note}; after the CLI started, and after the dynamic provider's process started.`,
    head: ["operation", "after the CLI started", "after the provider started"],
    rows: OPERATIONS.map((op) => {
      const ops = samples(runs, op);
      const first = (o: OperationSample) => since(o, o.api.firstRequestAt);
      const afterCli = spread(present(ops.map(first)));
      const afterProvider = spread(present(ops.map((o) => (first(o) ?? NaN) - (registered(o) ?? NaN))));
      return [
        OPERATION_LABELS[op],
        afterCli ? showSpread(afterCli, millis) : "no request",
        showSpread(afterProvider, millis),
      ];
    }),
  };
}

export const startup: Section = async (ctx) => {
  const latencyMs = ctx.profile.latenciesMs[0] ?? 1;
  const size = ctx.profile.wallSize;
  const { runs } = await ctx.scenarios.get(size, latencyMs);
  const row = (label: string, acquia: Spread | undefined, baseline: Spread | undefined) => [
    label,
    showSpread(acquia, millis),
    showSpread(baseline, millis),
    ratio(acquia, baseline),
  ];
  const rows = PROGRAM_MILESTONES.map(([label, m]) =>
    row(label, pooled(runs.acquia, m), pooled(runs.null, m)),
  );
  for (const op of PROGRAM_RUNS) {
    const stepped = (r: readonly LifecycleRun[]) =>
      spread(present(samples(r, op).map((o) => o.firstResourceEventMs)));
    rows.push(
      row(
        `engine steps the first resource: ${OPERATION_LABELS[op]}`,
        stepped(runs.acquia),
        stepped(runs.null),
      ),
    );
  }
  const note = `N = ${size}, latency ${latencyMs} ms, min / median / max over ${ctx.profile.reps} run(s)`;
  const acquia = pooled(runs.acquia, registered);
  const baseline = pooled(runs.null, registered);
  const measured = acquia && baseline ? acquia.median / baseline.median : undefined;
  const target: Target = {
    name: `program start-up no slower than ${TARGET_RATIO}× the null program's`,
    pass: measured === undefined ? undefined : measured <= TARGET_RATIO,
    detail:
      measured === undefined || !acquia || !baseline
        ? "not measured"
        : `×${measured.toFixed(2)}: first resource registered ${millis(acquia.median)} ms after the CLI started, ` +
          `against ${millis(baseline.median)} ms (medians over ${PROGRAM_RUNS.length} operations × ${ctx.profile.reps} run(s))`,
  };
  return {
    tables: [
      {
        title: "Program start-up (ms after the CLI started)",
        note:
          `Both programs, ${note}; the program rows pooled over ${PROGRAM_RUNS.map((op) => OPERATION_LABELS[op]).join(", ")}. ` +
          "Process starts from /proc (10 ms resolution); the program's own marks (written by the bench programs); " +
          "registered: the engine starts the dynamic provider when the first resource registers; engine steps: " +
          "this process read the first resourcePreEvent from --event-log (polled every 20 ms), after the provider's check.",
        head: ["milestone", "pulumi-acquia-cloud", "null provider", "ratio"],
        rows,
      },
      firstRequestTable(runs.acquia, note),
    ],
    targets: [target],
  };
};
