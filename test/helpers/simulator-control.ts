// The simulator's control surface (`/__simulator/…`) for suites of every layer that drive it, over the
// simulator's own typed client (`sim.control`).
import type { Simulator, StatsSnapshot } from "../../simulator";

/** Any control endpoint by method and path (e.g. "POST", "faults"); throws unless it answers 2xx. */
export function control(sim: Simulator, method: string, path: string, body?: unknown): Promise<unknown> {
  return sim.control.request(method, path, body);
}

export function stats(sim: Simulator): Promise<StatsSnapshot> {
  return sim.control.stats();
}

/** Mutating API calls so far, by route. */
export async function mutations(sim: Simulator): Promise<Record<string, number>> {
  const { byRoute } = await stats(sim);
  return Object.fromEntries(Object.entries(byRoute).filter(([route]) => !route.startsWith("GET ")));
}

/** The mutating API calls `run` made, by route (routes it did not call left out). */
export async function mutationsDuring(
  sim: Simulator,
  run: () => Promise<unknown>,
): Promise<Record<string, number>> {
  const before = await mutations(sim);
  await run();
  const after = await mutations(sim);
  return Object.fromEntries(
    Object.entries(after)
      .map(([route, n]) => [route, n - (before[route] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
}

/** Mutating API calls so far, in all. */
export async function mutatingCalls(sim: Simulator): Promise<number> {
  return Object.values(await mutations(sim)).reduce((sum, n) => sum + n, 0);
}
