// A program's whole life on a fresh simulator seed, each step one CLI operation: `up` (create), a
// no-change `preview`, `refresh`, `up` after one variable's value changed, `destroy`. Every `up`,
// `refresh` and `destroy` runs with --skip-preview, so each step is measured once and alone.
import { watchApi, type ApiActivity, type BenchSimulator } from "./bench-simulator";
import { BenchStack, type OperationRun } from "./stack";
import type { ProgramName, Workspace } from "./workspace";

export const OPERATIONS = ["up", "preview", "refresh", "update", "destroy"] as const;
export type OperationName = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Record<OperationName, string> = {
  up: "up (create)",
  preview: "preview (no change)",
  refresh: "refresh",
  update: "up (one value)",
  destroy: "destroy",
};

export interface OperationSample extends OperationRun {
  api: ApiActivity;
}

export interface LifecycleRun {
  program: ProgramName;
  /** Resources in the program besides the stack (the connection and the variables). */
  resources: number;
  operations: Record<OperationName, OperationSample>;
  /** The checkpoint right after the create. */
  checkpoint: string;
}

export interface BenchContext {
  workspace: Workspace;
  log: (line: string) => void;
}

/** The stack config every bench stack gets: the simulator's credentials and URLs. */
export function connectionConfig(bench: BenchSimulator): {
  config: Record<string, string>;
  secrets: Record<string, string>;
} {
  const { sim } = bench;
  return {
    config: { "acquia:clientId": sim.clientId, "acquia:apiUrl": sim.apiUrl, "acquia:tokenUrl": sim.tokenUrl },
    secrets: { "acquia:clientSecret": sim.clientSecret },
  };
}

/** Config of the `variables` shape: `size` variables on the seeded dev environment. */
export function variablesConfig(bench: BenchSimulator, size: number): Record<string, string> {
  return {
    "bench:shape": "variables",
    "bench:count": String(size),
    "bench:environmentId": bench.sim.environments.dev,
    "bench:firstValue": "first",
  };
}

const ARGS: Record<OperationName, string[]> = {
  up: ["up", "--yes", "--skip-preview"],
  preview: ["preview", "--expect-no-changes"],
  refresh: ["refresh", "--yes", "--skip-preview"],
  update: ["up", "--yes", "--skip-preview"],
  destroy: ["destroy", "--yes", "--skip-preview"],
};

/** What each step must change, so a broken run is never reported as a fast one. */
function expectChanges(operation: OperationName, changes: Record<string, number>, resources: number): void {
  const wanted: Partial<Record<OperationName, [string, number]>> = {
    up: ["create", resources + 1],
    update: ["update", 1],
    destroy: ["delete", resources + 1],
  };
  const want = wanted[operation];
  if (want && changes[want[0]] !== want[1]) {
    throw new Error(`${operation} changed ${JSON.stringify(changes)}; expected ${want[1]} × ${want[0]}`);
  }
}

export async function runLifecycle(
  ctx: BenchContext,
  bench: BenchSimulator,
  program: ProgramName,
  size: number,
  progress: (line: string) => void,
): Promise<LifecycleRun> {
  await bench.sim.control.reset();
  const { config, secrets } = connectionConfig(bench);
  const stack = await BenchStack.create(
    ctx.workspace,
    program,
    { ...config, ...variablesConfig(bench, size) },
    secrets,
  );
  const resources = size + 1;
  try {
    const operations = {} as Record<OperationName, OperationSample>;
    let checkpoint = "";
    for (const operation of OPERATIONS) {
      if (operation === "update") await stack.cli(["config", "set", "bench:firstValue", "changed"]);
      const { result, api } = await watchApi(bench, () => stack.operation(ARGS[operation]));
      expectChanges(operation, result.changes, resources);
      operations[operation] = { ...result, api };
      if (operation === "up") checkpoint = stack.checkpointText();
      progress(`${operation} ${(result.wallMs / 1000).toFixed(1)} s, ${api.requests} API requests`);
    }
    return { program, resources, operations, checkpoint };
  } finally {
    stack.dispose();
  }
}
