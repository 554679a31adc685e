// The simulator's control surface (`/__simulator/…`) for suites of every layer that drive it.
import type { Simulator } from "../../simulator";

export async function control(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${sim.url}/__simulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

export async function stats(
  sim: Simulator,
): Promise<{ tokenRequests: number; requests: number; byRoute: Record<string, number> }> {
  return (await control(sim, "GET", "stats")) as never;
}

/** Mutating API calls so far, by route. */
export async function mutations(sim: Simulator): Promise<Record<string, number>> {
  const { byRoute } = await stats(sim);
  return Object.fromEntries(Object.entries(byRoute).filter(([route]) => !route.startsWith("GET ")));
}

/** Mutating API calls so far, in all. */
export async function mutatingCalls(sim: Simulator): Promise<number> {
  return Object.values(await mutations(sim)).reduce((sum, n) => sum + n, 0);
}
