// The package's program with N variables on a simulator set up for one question (a rate limit, short
// tokens): per repetition, a fresh stack, its `up` and then its `destroy`, each watched at the API. The
// simulator is reset before each stack, so what it reports (peaks included) is that stack's own.
import { watchApi, type ApiActivity, type BenchSimulator } from "./bench-simulator";
import { connectionConfig, variablesConfig, type BenchContext } from "./lifecycle";
import { BenchStack, type OperationRun } from "./stack";

export const WATCHED_OPERATIONS = ["up (create)", "destroy"] as const;
export type WatchedOperation = (typeof WATCHED_OPERATIONS)[number];

const ARGS: Record<WatchedOperation, string[]> = {
  "up (create)": ["up", "--yes", "--skip-preview"],
  destroy: ["destroy", "--yes", "--skip-preview"],
};

export interface WatchedRun {
  operation: WatchedOperation;
  result: OperationRun;
  api: ApiActivity;
}

export async function watchedVariablesRuns(
  ctx: BenchContext,
  bench: BenchSimulator,
  options: { size: number; reps: number; label: string },
): Promise<WatchedRun[]> {
  const runs: WatchedRun[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    ctx.log(`${options.label}: N=${options.size}, rep ${rep + 1}/${options.reps}`);
    await bench.sim.control.reset();
    const { config, secrets } = connectionConfig(bench);
    const stack = await BenchStack.create(
      ctx.workspace,
      "acquia",
      { ...config, ...variablesConfig(bench, options.size) },
      secrets,
    );
    try {
      for (const operation of WATCHED_OPERATIONS) {
        const { result, api } = await watchApi(bench, () => stack.operation(ARGS[operation]));
        runs.push({ operation, result, api });
        ctx.log(
          `  ${operation} ${(result.wallMs / 1000).toFixed(1)} s, ${api.requests} requests, ` +
            `${api.status429} × 429, ${api.tokenRequests} token requests`,
        );
      }
    } finally {
      stack.dispose();
    }
  }
  return runs;
}
