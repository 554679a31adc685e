// Token requests per provider process against the run's length and the token's life: short-lived
// tokens (4 s) and an `up` and a `destroy` of N variables that each outlast them several times. The
// program makes no API call (no lookups), so every token request is the provider's.
import { startBenchSimulator, watchApi } from "../bench-simulator";
import { connectionConfig, variablesConfig } from "../lifecycle";
import { BenchStack } from "../stack";
import { integer, oneDecimal, showSpread, spread } from "../summary";
import { renewalDelayMs } from "../../../sdk/internal";
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
  const found: TokenSample[] = [];
  try {
    for (let rep = 0; rep < ctx.profile.reps; rep++) {
      ctx.log(`tokens: N=${size}, token life ${ttlSeconds} s, rep ${rep + 1}/${ctx.profile.reps}`);
      await bench.sim.control.reset();
      const { config, secrets } = connectionConfig(bench);
      const stack = await BenchStack.create(
        ctx.workspace,
        "acquia",
        { ...config, ...variablesConfig(bench, size) },
        secrets,
      );
      try {
        for (const [operation, args] of [
          ["up (create)", ["up", "--yes", "--skip-preview"]],
          ["destroy", ["destroy", "--yes", "--skip-preview"]],
        ] as const) {
          const { result, api } = await watchApi(bench, () => stack.operation([...args]));
          const processes = result.processes.providerProcesses;
          found.push({
            operation,
            runMs: result.wallMs,
            processes,
            tokenRequests: api.tokenRequests,
            bound: processes * (1 + Math.floor(result.wallMs / renewMs)),
          });
        }
      } finally {
        stack.dispose();
      }
    }
  } finally {
    await bench.stop();
  }
  const rows = ["up (create)", "destroy"].map((operation) => {
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
