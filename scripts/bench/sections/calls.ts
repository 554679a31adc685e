// API calls per operation (the simulator's byRoute, GET against mutating) for each size, at 1 ms.
import { OPERATIONS, OPERATION_LABELS, type OperationSample } from "../lifecycle";
import type { Target } from "../report";
import { integer, oneDecimal, showSpread, spread } from "../summary";
import { samples, type Section } from "./section";

const LATENCY_MS = 1;

/** `GET /environments/{environmentId}/variables/{environmentVariableName}` → `GET …/variables/{id}`. */
function shortRoute(route: string): string {
  return route.replace("/environments/{environmentId}", "…").replace(/\{[^}]+\}/g, "{id}");
}

/** Median count of each route, largest first. */
function routes(runs: readonly OperationSample[]): string {
  const names = new Set(runs.flatMap((r) => Object.keys(r.api.byRoute)));
  return [...names]
    .map((route) => ({ route, n: spread(runs.map((r) => r.api.byRoute[route] ?? 0))?.median ?? 0 }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((r) => `${shortRoute(r.route)} ${integer(r.n)}`)
    .join(", ");
}

export const calls: Section = async (ctx) => {
  const rows: string[][] = [];
  const preview: number[] = [];
  const refresh: { gets: number; mutations: number; resources: number }[] = [];
  for (const size of ctx.profile.sizes) {
    const { runs } = await ctx.scenarios.get(size, LATENCY_MS);
    for (const operation of OPERATIONS) {
      const ops = samples(runs.acquia, operation);
      const total = spread(ops.map((o) => o.api.requests));
      rows.push([
        String(size),
        OPERATION_LABELS[operation],
        showSpread(spread(ops.map((o) => o.api.gets)), integer),
        showSpread(spread(ops.map((o) => o.api.mutations)), integer),
        total ? oneDecimal(total.median / (size + 1)) : "–",
        showSpread(spread(ops.map((o) => o.api.tokenRequests)), integer),
        routes(ops) || "none",
      ]);
    }
    preview.push(...samples(runs.acquia, "preview").map((o) => o.api.requests));
    for (const run of runs.acquia) {
      const { gets, mutations } = run.operations.refresh.api;
      refresh.push({ gets, mutations, resources: run.resources });
    }
  }
  const worstRefresh = Math.max(...refresh.map((r) => r.gets / r.resources));
  const targets: Target[] = [
    {
      name: "no-change preview: 0 provider API calls",
      pass: preview.every((n) => n === 0),
      detail: `API requests per preview: ${preview.join(", ")} (N = ${ctx.profile.sizes.join(", ")})`,
    },
    {
      name: "refresh: at most one GET per resource",
      pass: refresh.every((r) => r.gets <= r.resources && r.mutations === 0),
      detail:
        `at most ${worstRefresh.toFixed(2)} GET per resource` +
        `, ${Math.max(...refresh.map((r) => r.mutations))} mutating (resources = N + 1 with the Connection)`,
    },
  ];
  return {
    tables: [
      {
        title: "API calls per operation",
        note:
          `pulumi-acquia-cloud's program: a Connection and N EnvironmentVariables; simulator latency ${LATENCY_MS} ms, ` +
          `tasks of ${ctx.profile.taskMs / 1000} s; min / median / max over ${ctx.profile.reps} run(s). ` +
          "Per resource: median requests / (N + 1). Token requests are not API requests. " +
          "The null provider makes none.",
        head: ["N", "operation", "GET", "mutating", "per resource", "token requests", "routes (median)"],
        rows,
      },
    ],
    targets,
  };
};
