// Peak resident memory of the program, the dynamic provider and the CLI during each operation.
import { OPERATIONS, OPERATION_LABELS, type LifecycleRun, type OperationName } from "../lifecycle";
import type { ProcessRole } from "../probes/processes";
import { megabytes, present, showSpread, spread } from "../summary";
import { samples, type Section } from "./section";

const LATENCY_MS = 1;
const ROLES: ProcessRole[] = ["program", "provider", "cli"];

function peak(runs: readonly LifecycleRun[], op: OperationName, role: ProcessRole): string {
  return showSpread(spread(present(samples(runs, op).map((o) => o.processes.peakBytes[role]))), megabytes);
}

export const memory: Section = async (ctx) => {
  const rows: string[][] = [];
  for (const size of ctx.profile.sizes) {
    const { runs } = await ctx.scenarios.get(size, LATENCY_MS);
    for (const op of OPERATIONS) {
      rows.push([
        String(size),
        OPERATION_LABELS[op],
        ...ROLES.flatMap((role) => [peak(runs.acquia, op, role), peak(runs.null, op, role)]),
      ]);
    }
  }
  return {
    tables: [
      {
        title: "Peak memory (MB, VmHWM)",
        note:
          "Largest resident set of the program's node process, the dynamic provider's node process and the `pulumi` " +
          "CLI (engine), sampled every 100 ms from /proc; acquia = pulumi-acquia-cloud, null = the null provider. " +
          "– : no such process (refresh and destroy do not run the program).",
        head: [
          "N",
          "operation",
          "program acquia",
          "program null",
          "provider acquia",
          "provider null",
          "CLI acquia",
          "CLI null",
        ],
        rows,
      },
    ],
    targets: [],
  };
};
