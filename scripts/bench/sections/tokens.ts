// Token requests per provider process against the run's length and the token's life: short-lived
// tokens (4 s) and an `up` and a `destroy` of N variables that each outlast them several times. The
// program makes no API call (no lookups), so every token request is the provider's.
import { startBenchSimulator } from "../bench-simulator";
import { integer, oneDecimal, showSpread, spread } from "../summary";
import { renewalDelayMs } from "../../../sdk/internal";
import { WATCHED_OPERATIONS, watchedVariablesRuns, type WatchedRun } from "../watched-runs";
import type { Section } from "./section";

const LATENCY_MS = 1;

interface TokenSample {
  operation: string;
  runMs: number;
  processes: number;
  tokenRequests: number;
  /** At most: one token per process, renewed each time it reaches its renewal age. */
  bound: number;
}

export const tokens: Section = async (ctx) => {
  const { ttlSeconds, size } = ctx.profile.tokens;
  const renewMs = renewalDelayMs(ttlSeconds);
  const bench = await startBenchSimulator({
    latencyMs: LATENCY_MS,
    taskDurationMs: ctx.profile.taskMs,
    tokenTtlSeconds: ttlSeconds,
  });
  let runs: WatchedRun[];
  try {
    runs = await watchedVariablesRuns(ctx, bench, {
      size,
      reps: ctx.profile.reps,
      label: `tokens (life ${ttlSeconds} s)`,
    });
  } finally {
    await bench.stop();
  }
  const found: TokenSample[] = runs.map(({ operation, result, api }) => {
    const processes = result.processes.providerProcesses;
    return {
      operation,
      runMs: result.wallMs,
      processes,
      tokenRequests: api.tokenRequests,
      bound: processes * (1 + Math.floor(result.wallMs / renewMs)),
    };
  });
  const rows = WATCHED_OPERATIONS.map((operation) => {
    const of = found.filter((s) => s.operation === operation);
    const col = (f: (s: TokenSample) => number, format = integer) => showSpread(spread(of.map(f)), format);
    return [
      operation,
      col((s) => s.runMs / 1000, oneDecimal),
      col((s) => s.processes),
      col((s) => s.tokenRequests),
      col((s) => s.bound),
      col((s) => s.tokenRequests / Math.max(1, s.processes)),
    ];
  });
  return {
    tables: [
      {
        title: `Token requests, token life ${ttlSeconds} s`,
        note:
          `pulumi-acquia-cloud's program with N = ${size} variables, latency ${LATENCY_MS} ms, tasks of ${ctx.profile.taskMs / 1000} s; ` +
          `min / median / max over ${ctx.profile.reps} run(s). A token is renewed ${renewMs / 1000} s after it was issued; ` +
          "at most: per provider process, one token plus one per renewal age the whole run lasted (tokens are renewed only when needed). " +
          "(With the default 300 s life, see the token requests column of the API calls table.)",
        head: ["operation", "run (s)", "provider processes", "token requests", "at most", "per process"],
        rows,
      },
    ],
    targets: [],
  };
};
