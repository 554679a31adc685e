import * as runtime from "../../provider/runtime";
import { setLogSink } from "../../provider/runtime/log";
import type { Operation } from "../../sdk";
import { UNKNOWN } from "../../provider/kinds/unknowns";
import { startSimulator, type Simulator } from "../../simulator";

export { control, mutations, stats } from "../helpers/simulator-control";

export { UNKNOWN };
export type Props = Record<string, unknown>;
export interface State {
  id: string;
  outs: Props;
}

const PROVIDER = "<serialized shim>";

/** Polls fast: the simulator's tasks take tens of milliseconds here. */
process.env["ACQUIA_POLL_INTERVAL_MS"] = "10";

export async function simulator(): Promise<Simulator> {
  return startSimulator({ taskDurationMs: 30 });
}

/**
 * A change made behind Pulumi's back, done once Acquia shows it: its task completed or, for an answer
 * without a notification, the simulator has no task left running.
 */
export async function behindPulumi(sim: Simulator, operation: Promise<Operation>): Promise<void> {
  await (await operation).wait({ pollIntervalMs: 10 });
  for (;;) {
    const { tasks } = await sim.control.stats();
    if (tasks.every((t) => t.status !== "in-progress")) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function connectionOf(sim: Simulator, secret = sim.clientSecret) {
  return { clientId: sim.clientId, clientSecret: secret, apiUrl: sim.apiUrl, tokenUrl: sim.tokenUrl };
}

/** Runs check like the engine and returns the inputs, failing on check failures. */
export async function checked(kind: string, news: Props, olds: Props = {}): Promise<Props> {
  const result = await runtime.check(kind, olds, { ...news, __provider: PROVIDER });
  if (result.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(result.failures)}`);
  return result.inputs;
}

/** What `pulumi up` does for one resource: create, or diff and then update or replace. */
export async function up(kind: string, news: Props, state?: State): Promise<State & { action: string }> {
  const inputs = await checked(kind, news, state?.outs);
  if (!state) return { ...(await runtime.create(kind, inputs)), action: "create" };
  const d = await runtime.diff(kind, state.id, state.outs, inputs);
  if (!d.changes) return { ...state, action: "same" };
  if (d.replaces.length > 0) {
    if (d.deleteBeforeReplace) await runtime.delete(kind, state.id, state.outs);
    const created = await runtime.create(kind, inputs);
    if (!d.deleteBeforeReplace) await runtime.delete(kind, state.id, state.outs);
    return { ...created, action: "replace" };
  }
  const { outs } = await runtime.update(kind, state.id, state.outs, inputs);
  return { id: state.id, outs, action: "update" };
}

export const read = (kind: string, state: State) => runtime.read(kind, state.id, state.outs);
export const destroy = (kind: string, state: State) => runtime.delete(kind, state.id, state.outs);
export const check = (kind: string, news: Props) =>
  runtime.check(kind, {}, { ...news, __provider: PROVIDER });
export const configure = (values: Record<string, string>) =>
  runtime.configure({ config: { get: (k: string) => values[k] } });
export const { diff, create, update } = runtime;

/** Runs `fn` and collects what the provider logs meanwhile (instead of printing it). */
export async function logged<T>(fn: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const previous = setLogSink((line) => lines.push(line));
  try {
    return { result: await fn(), lines };
  } finally {
    setLogSink(previous);
  }
}

/**
 * One simulator for a describe block or file: started before its tests, back to the seed with the
 * provider's stack config cleared before each test, stopped after. The object returned stands for
 * the simulator once it has started (tests and hooks only), so tests read `sim.apiUrl` as before.
 */
export function useSimulator(): Simulator {
  let current: Simulator | undefined;
  beforeAll(async () => {
    current = await simulator();
  });
  afterAll(() => current?.stop());
  beforeEach(async () => {
    await started().control.reset();
    configure({});
  });
  function started(): Simulator {
    if (current === undefined)
      throw new Error("the simulator starts in beforeAll: use it in tests and hooks");
    return current;
  }
  return new Proxy({} as Simulator, {
    get(_, key) {
      const value: unknown = Reflect.get(started(), key);
      return typeof value === "function" ? value.bind(started()) : value;
    },
  });
}
