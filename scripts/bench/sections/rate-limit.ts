// N variables in one `up` (and their `destroy`) behind the simulator's rate limit: how long it takes,
// the share of the provider's requests answered 429, and whether the provider kept to its cap on
// requests in flight (ACQUIA_MAX_CONCURRENT_REQUESTS, default 8 per process).
import { startBenchSimulator } from "../bench-simulator";
import { integer, oneDecimal, showSpread, spread } from "../summary";
import { WATCHED_OPERATIONS, watchedVariablesRuns, type WatchedRun } from "../watched-runs";
import { sizeNote, type Section } from "./section";

const LATENCY_MS = 1;
const REQUEST_CAP = 8;
const MAX_429_SHARE = 0.1;
const TARGET_SIZE = 500;

export const rateLimit: Section = async (ctx) => {
  const { size, requestsPerSecond } = ctx.profile.rateLimit;
  const bench = await startBenchSimulator({
    latencyMs: LATENCY_MS,
    taskDurationMs: ctx.profile.taskMs,
    rateLimit: { requestsPerSecond },
  });
  let found: WatchedRun[];
  try {
    found = await watchedVariablesRuns(ctx, bench, {
      size,
      reps: ctx.profile.reps,
      label: `rate limit ${requestsPerSecond}/s`,
    });
  } finally {
    await bench.stop();
  }
  const share = (s: WatchedRun) => (s.api.requests === 0 ? 0 : s.api.status429 / s.api.requests);
  const rows = WATCHED_OPERATIONS.map((operation) => {
    const of = found.filter((s) => s.operation === operation);
    const col = (f: (s: WatchedRun) => number, format = integer) => showSpread(spread(of.map(f)), format);
    return [
      operation,
      col((s) => s.result.wallMs / 1000, oneDecimal),
      col((s) => s.api.requests),
      col((s) => s.api.status429),
      col((s) => share(s) * 100, oneDecimal),
      col((s) => s.api.requests / (s.result.wallMs / 1000), oneDecimal),
      col((s) => s.api.peakInFlight),
    ];
  });
  const ups = found.filter((s) => s.operation === "up (create)");
  const peak = Math.max(...ups.map((s) => s.api.peakInFlight));
  const worstShare = Math.max(...ups.map(share));
  return {
    tables: [
      {
        title: `Rate limit: ${requestsPerSecond} requests/s, N = ${size}`,
        note:
          `pulumi-acquia-cloud's program, latency ${LATENCY_MS} ms, tasks of ${ctx.profile.taskMs / 1000} s, --parallel ${ctx.parallel}; ` +
          `min / median / max over ${ctx.profile.reps} run(s). Peak in flight: the most API requests the simulator ` +
          "handled at once since its reset before the up (so the destroy's row covers both).",
        head: [
          "operation",
          "wall (s)",
          "API requests",
          "429 answers",
          "429 share (%)",
          "requests/s",
          "peak in flight",
        ],
        rows,
      },
    ],
    targets: [
      {
        name: `${TARGET_SIZE} resources in one \`up\` with the rate limit on: request cap respected and 429s under 10 % of requests`,
        pass: peak <= REQUEST_CAP && worstShare < MAX_429_SHARE,
        detail:
          `peak ${peak} in flight (cap ${REQUEST_CAP}), at most ${(worstShare * 100).toFixed(1)} % answered 429 ` +
          `at ${requestsPerSecond}/s` +
          sizeNote(size, TARGET_SIZE),
      },
    ],
  };
};
