// What every section gets, and helpers for reading the lifecycle runs they share.
import type { BenchContext, LifecycleRun, OperationName, OperationSample } from "../lifecycle";
import type { Profile } from "../options";
import type { SectionReport } from "../report";
import type { Scenarios } from "../scenarios";

export interface SectionContext extends BenchContext {
  profile: Profile;
  scenarios: Scenarios;
  /** The CLI's default --parallel, which every operation runs with. */
  parallel: number;
}

export type Section = (ctx: SectionContext) => Promise<SectionReport>;

/** One operation's samples across the repetitions. */
export function samples(runs: readonly LifecycleRun[], operation: OperationName): OperationSample[] {
  return runs.map((r) => r.operations[operation]);
}

/** Where quick mode measures a smaller N than the target names. */
export function sizeNote(measured: number, target: number): string {
  return measured === target ? "" : ` (measured at N = ${measured}, not ${target}: --quick)`;
}
