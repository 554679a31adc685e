import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { allKinds } from "../../provider/kinds/catalog";
import type * as ShimModule from "../../provider/shim";
import * as runtime from "../../provider/runtime";
import { startSimulator, type Simulator } from "../../simulator";
import { AcquiaProviderShim } from "./legacy-shim";

/**
 * The text Pulumi stores in state as `__provider` for every resource of this package. It is produced
 * here exactly as the SDK does it, from the built package (dist/), and compared with a committed
 * golden copy: any change to it makes every user's next `up` rewrite their state, so it must be
 * deliberate. Regenerate with UPDATE_GOLDEN=1 after reviewing the change. Stacks created with the
 * first release hold another text (legacy-provider.js.txt): the runtime must keep serving it.
 */
const dist = join(__dirname, "..", "..", "dist", "provider", "shim.js");
const golden = join(__dirname, "__golden__", "provider.js.txt");
const legacyGolden = join(__dirname, "__golden__", "legacy-provider.js.txt");
const KINDS = allKinds().map((k) => k.name);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { providerShim } = require(dist) as typeof ShimModule;

async function serialize(provider: object): Promise<string> {
  const result = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  expect(result.containsSecrets).toBe(false);
  return result.text;
}

const generic = (text: string, kind: string) => text.split(JSON.stringify(kind)).join('"<KIND>"');

/** Loads a stored shim text the way the dynamic provider host does, with the runtime from this checkout. */
function load(text: string): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const module = {
    exports: {} as { handler: () => Record<string, (...args: unknown[]) => Promise<unknown>> },
  };
  const requireRuntime = (name: string) => {
    if (name !== "pulumi-acquia-cloud/runtime") throw new Error(`the shim required ${name}`);
    return runtime;
  };
  new Function("exports", "module", "require", text)(module.exports, module, requireRuntime);
  return module.exports.handler();
}

describe("serialized provider shim", () => {
  it("is built and covers every kind", () => {
    expect(existsSync(dist)).toBe(true);
    expect(KINDS).toHaveLength(24);
  });

  it.each(KINDS)("%s matches the golden text apart from its kind", async (kind) => {
    const text = await serialize(providerShim(kind));
    if (process.env["UPDATE_GOLDEN"] === "1" && kind === KINDS[0]) writeFileSync(golden, generic(text, kind));
    expect(generic(text, kind)).toBe(readFileSync(golden, "utf8"));
    expect(text).toContain(JSON.stringify(kind));
  });

  it.each(KINDS)("%s is about 2 KB, path-free, secret-free and requires only the runtime", async (kind) => {
    const text = await serialize(providerShim(kind));
    // 2,031 bytes plus the kind's name (up to 2,049 for LogForwardingDestination); the first release's was 3,636.
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2025 + kind.length);
    expect(text).not.toMatch(/\/(work|home|root|tmp|Users)\//);
    expect(text).not.toMatch(/node_modules|\.pnpm/);
    // The kind's own name may say "token" (ApiToken): what matters is every other byte.
    expect(text.split(JSON.stringify(kind)).join("")).not.toMatch(/secret|token|password/i);
    const requires = [...text.matchAll(/require\(("[^"]*")\)/g)].map(
      (m) => JSON.parse(m[1] ?? '""') as string,
    );
    expect(new Set(requires)).toEqual(new Set(["pulumi-acquia-cloud/runtime"]));
  });

  it("is identical across two serializations", async () => {
    expect(await serialize(providerShim("Domain"))).toBe(await serialize(providerShim("Domain")));
  });

  it("of the first release is unchanged (stacks created with it hold this text)", async () => {
    expect(generic(await serialize(new AcquiaProviderShim("Domain")), "Domain")).toBe(
      readFileSync(legacyGolden, "utf8"),
    );
  });
});

describe("the runtime serves every stored shim", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 20 });
    process.env["ACQUIA_POLL_INTERVAL_MS"] = "10";
  });
  afterAll(() => sim.stop());

  const texts = (kind: string) => [
    ["the first release's", readFileSync(legacyGolden, "utf8").split('"<KIND>"').join(JSON.stringify(kind))],
    ["this release's", readFileSync(golden, "utf8").split('"<KIND>"').join(JSON.stringify(kind))],
  ];

  it.each(texts("EnvironmentVariable"))(
    "%s shim configures, checks, creates, reads, diffs and deletes",
    async (_which, text) => {
      const shim = load(text);
      const config: Record<string, string> = {
        "acquia:clientId": sim.clientId,
        "acquia:clientSecret": sim.clientSecret,
        "acquia:apiUrl": sim.apiUrl,
        "acquia:tokenUrl": sim.tokenUrl,
      };
      await shim["configure"]?.({ config: { get: (key: string) => config[key] } });
      const news = {
        environmentId: sim.environments.dev,
        name: "SHIM_CHECK",
        value: "through-the-shim",
        __provider: text,
      };
      const checked = (await shim["check"]?.({}, news)) as {
        inputs: Record<string, unknown>;
        failures: unknown[];
      };
      expect(checked.failures).toEqual([]);
      const created = (await shim["create"]?.(checked.inputs)) as {
        id: string;
        outs: Record<string, unknown>;
      };
      expect(created.id).toBe(`${sim.environments.dev}/SHIM_CHECK`);
      expect(await shim["read"]?.(created.id, created.outs)).toMatchObject({ id: created.id });
      expect(await shim["diff"]?.(created.id, created.outs, checked.inputs)).toMatchObject({
        changes: false,
      });
      await shim["delete"]?.(created.id, created.outs);
      expect(await shim["read"]?.(created.id, created.outs)).toEqual({});
    },
  );
});
