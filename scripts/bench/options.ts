// `npm run bench -- [--quick | --full] [--only <section>[,<section>…]] [--out FILE.md] [--reps N]`:
// the flags, and the profile each mode runs (sizes, latencies, task durations, repetitions).
import { parseArgs } from "node:util";

export const SECTIONS = [
  "calls",
  "wall",
  "startup",
  "state",
  "memory",
  "tasks",
  "tokens",
  "ratelimit",
] as const;
export type SectionName = (typeof SECTIONS)[number];

export type Mode = "quick" | "default" | "full";

export interface Profile {
  mode: Mode;
  /** Interleaved repetitions of every measured run (the package's, then the baseline's, alternating). */
  reps: number;
  /** Variables per program for the API-call count, state size and memory (latency 1 ms). */
  sizes: number[];
  /** Variables per program for the wall-time comparison, at each of `latenciesMs`. */
  wallSize: number;
  latenciesMs: number[];
  /** How long every Acquia task takes in the lifecycle runs. */
  taskMs: number;
  /** Durations of the single slow task whose completion lag is measured. */
  taskDurationsMs: number[];
  /** Token life and the variables whose `up` makes a run of ~20 s. */
  tokens: { ttlSeconds: number; size: number };
  rateLimit: { size: number; requestsPerSecond: number };
}

const DEFAULT: Profile = {
  mode: "default",
  reps: 3,
  sizes: [10, 100, 500],
  wallSize: 100,
  latenciesMs: [1, 150],
  taskMs: 1000,
  taskDurationsMs: [2_000, 20_000, 120_000],
  tokens: { ttlSeconds: 4, size: 100 },
  rateLimit: { size: 500, requestsPerSecond: 20 },
};

const PROFILES: Record<Mode, Profile> = {
  quick: {
    ...DEFAULT,
    mode: "quick",
    reps: 1,
    sizes: [10],
    wallSize: 10,
    taskDurationsMs: [2_000],
    tokens: { ttlSeconds: 4, size: 10 },
    rateLimit: { size: 50, requestsPerSecond: 20 },
  },
  default: DEFAULT,
  full: { ...DEFAULT, mode: "full", taskDurationsMs: [...DEFAULT.taskDurationsMs, 600_000] },
};

export interface Options {
  profile: Profile;
  sections: SectionName[];
  out: string | undefined;
}

export const USAGE =
  "usage: npm run bench -- [--quick | --full] [--only <section>[,<section>…]] [--out FILE.md] [--reps N]\n" +
  `sections: ${SECTIONS.join(", ")}`;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      full: { type: "boolean", default: false },
      only: { type: "string", multiple: true },
      out: { type: "string" },
      reps: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
}

export function parseOptions(argv: string[]): Options {
  let values: ReturnType<typeof parse>["values"];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError("");
  if (values.quick && values.full) throw new UsageError("--quick and --full exclude each other");
  const mode: Mode = values.quick ? "quick" : values.full ? "full" : "default";
  const profile = { ...PROFILES[mode] };
  if (values.reps !== undefined) {
    const reps = Number(values.reps);
    if (!Number.isInteger(reps) || reps < 1) throw new UsageError(`--reps must be a positive integer`);
    profile.reps = reps;
  }
  const only = (values.only ?? []).flatMap((s) => s.split(",")).filter(Boolean);
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new UsageError(`unknown section ${unknown.join(", ")}`);
  const sections = only.length > 0 ? SECTIONS.filter((s) => only.includes(s)) : [...SECTIONS];
  return { profile, sections, out: values.out };
}

export class UsageError extends Error {}
