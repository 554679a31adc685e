// State size: the file backend's checkpoint after the create, per resource, and the bytes of the
// provider code Pulumi stores with every dynamic resource (`__provider`, in its inputs and outputs).
import type { LifecycleRun } from "../lifecycle";
import { integer, ratio, showSpread, spread } from "../summary";
import { type Section } from "./section";

const LATENCY_MS = 1;
const LIMIT_BYTES = 2048;

interface CheckpointResource {
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

interface StateSize {
  fileBytes: number;
  /** Dynamic resources (the stack and the default provider are not). */
  resources: number;
  /** The largest `__provider` value of a resource, in bytes. */
  providerBytes: number;
  /** The `__provider` bytes of a resource in its inputs and outputs together: the largest. */
  providerBytesBoth: number;
}

const bytes = (value: unknown) => (typeof value === "string" ? Buffer.byteLength(value) : 0);

export function stateSize(run: LifecycleRun): StateSize {
  const parsed = JSON.parse(run.checkpoint) as {
    checkpoint: { latest?: { resources?: CheckpointResource[] } };
  };
  const dynamic = (parsed.checkpoint.latest?.resources ?? []).filter((r) =>
    r.type.startsWith("pulumi-nodejs:dynamic"),
  );
  return {
    fileBytes: Buffer.byteLength(run.checkpoint),
    resources: dynamic.length,
    providerBytes: Math.max(0, ...dynamic.map((r) => bytes(r.outputs?.["__provider"]))),
    providerBytesBoth: Math.max(
      0,
      ...dynamic.map((r) => bytes(r.inputs?.["__provider"]) + bytes(r.outputs?.["__provider"])),
    ),
  };
}

export const state: Section = async (ctx) => {
  const rows: string[][] = [];
  let worst = 0;
  let worstBoth = 0;
  for (const size of ctx.profile.sizes) {
    const { runs } = await ctx.scenarios.get(size, LATENCY_MS);
    const acquia = runs.acquia.map(stateSize);
    const baseline = runs.null.map(stateSize);
    const per = (s: StateSize[], f: (x: StateSize) => number) => spread(s.map(f));
    const perResource = (x: StateSize) => x.fileBytes / x.resources;
    worst = Math.max(worst, ...acquia.map((s) => s.providerBytes));
    worstBoth = Math.max(worstBoth, ...acquia.map((s) => s.providerBytesBoth));
    for (const [label, f] of [
      ["checkpoint bytes", (x: StateSize) => x.fileBytes],
      ["checkpoint bytes per resource", perResource],
      ["__provider bytes per resource", (x: StateSize) => x.providerBytes],
      ["__provider bytes per resource, inputs and outputs", (x: StateSize) => x.providerBytesBoth],
    ] as const) {
      const a = per(acquia, f);
      const b = per(baseline, f);
      rows.push([String(size), label, showSpread(a, integer), showSpread(b, integer), ratio(a, b)]);
    }
  }
  return {
    tables: [
      {
        title: "State size after the create",
        note:
          "The file backend's checkpoint (pretty-printed JSON as the CLI writes it). Resources: the connection and " +
          "the N variables. __provider: the serialized provider code stored with a resource, once in its inputs and once in its outputs.",
        head: ["N", "measure", "pulumi-acquia-cloud", "null provider", "ratio"],
        rows,
      },
    ],
    targets: [
      {
        name: "`__provider` under 2 KB per resource",
        pass: worst < LIMIT_BYTES,
        detail: `at most ${worst} bytes per resource; each resource stores it twice (inputs and outputs): ${worstBoth} bytes`,
      },
    ],
  };
};
