// The simulator, in this process on 127.0.0.1, and what the API saw during one CLI operation: the
// difference of its stats before and after, and when the first API request of the operation arrived:
// stats.firstRequestAt for the first operation after a reset; for later ones (firstRequestAt is set
// once per reset), the earliest arrival in its request log (when a request was logged minus how long
// it took).
import { startSimulator, type Simulator, type SimulatorOptions, type TaskStats } from "../../simulator";

const API_PREFIX = "/api/";
const LOG_LINE = /^(\S+) (\S+) \S+ (\d+)ms$/;

export interface BenchSimulator {
  sim: Simulator;
  /** Arrival times (ms since the epoch) of every API request, in the order they were answered. */
  arrivals: number[];
  stop(): Promise<void>;
}

export async function startBenchSimulator(options: SimulatorOptions): Promise<BenchSimulator> {
  const arrivals: number[] = [];
  const logger = (line: string) => {
    const match = LOG_LINE.exec(line);
    if (match?.[2]?.startsWith(API_PREFIX)) arrivals.push(Date.now() - Number(match[3]));
  };
  const sim = await startSimulator({ ...options, logger });
  return { sim, arrivals, stop: () => sim.stop() };
}

/** What the API saw during one operation. */
export interface ApiActivity {
  /** API requests, whatever their answer. */
  requests: number;
  gets: number;
  /** POST, PUT, PATCH and DELETE requests. */
  mutations: number;
  byRoute: Record<string, number>;
  tokenRequests: number;
  status429: number;
  /** The most API requests in flight at once since the simulator's last reset. */
  peakInFlight: number;
  /** Tasks started during the operation (their polls and lag as of its end). */
  tasks: TaskStats[];
  /** Arrival of the operation's first API request (ms since the epoch), or null. */
  firstRequestAt: number | null;
}

export async function watchApi<T>(
  bench: BenchSimulator,
  operation: () => Promise<T>,
): Promise<{ result: T; api: ApiActivity }> {
  const before = await bench.sim.control.stats();
  const seen = bench.arrivals.length;
  const result = await operation();
  const after = await bench.sim.control.stats();
  const byRoute: Record<string, number> = {};
  for (const [route, n] of Object.entries(after.byRoute)) {
    const delta = n - (before.byRoute[route] ?? 0);
    if (delta > 0) byRoute[route] = delta;
  }
  const count = (get: boolean) =>
    Object.entries(byRoute)
      .filter(([route]) => route.startsWith("GET ") === get)
      .reduce((sum, [, n]) => sum + n, 0);
  const started = new Set(before.tasks.map((t) => t.uuid));
  return {
    result,
    api: {
      requests: after.requests - before.requests,
      gets: count(true),
      mutations: count(false),
      byRoute,
      tokenRequests: after.tokenRequests - before.tokenRequests,
      status429: after.status429 - before.status429,
      peakInFlight: after.peakInFlight,
      tasks: after.tasks.filter((t) => !started.has(t.uuid)),
      firstRequestAt:
        before.firstRequestAt === null
          ? after.firstRequestAt
          : bench.arrivals.length > seen
            ? Math.min(...bench.arrivals.slice(seen))
            : null,
    },
  };
}
