import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { allKinds } from "../../provider/kinds/catalog";
import type * as ShimModule from "../../provider/shim";

/**
 * The text Pulumi stores in state as `__provider` for every resource of this package. It is produced
 * here exactly as the SDK does it, from the built package (dist/), and compared with a committed
 * golden copy: any change to it makes every user's next `up` rewrite their state, so it must be
 * deliberate. Regenerate with UPDATE_GOLDEN=1 after reviewing the change.
 */
const dist = join(__dirname, "..", "..", "dist", "provider", "shim.js");
const golden = join(__dirname, "__golden__", "provider.js.txt");
const KINDS = allKinds().map((k) => k.name);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AcquiaProviderShim } = require(dist) as typeof ShimModule;

async function serialize(kind: string): Promise<string> {
  const provider = new AcquiaProviderShim(kind);
  const result = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  expect(result.containsSecrets).toBe(false);
  return result.text;
}

describe("serialized provider shim", () => {
  it("is built", () => {
    expect(existsSync(dist)).toBe(true);
  });

  it("covers every kind", () => {
    expect(KINDS).toHaveLength(13);
  });

  it.each(KINDS)("%s matches the golden text apart from its kind", async (kind) => {
    const text = await serialize(kind);
    const generic = text.split(JSON.stringify(kind)).join('"<KIND>"');
    if (process.env["UPDATE_GOLDEN"] === "1" && kind === KINDS[0]) writeFileSync(golden, generic);
    expect(generic).toBe(readFileSync(golden, "utf8"));
    expect(text).toContain(JSON.stringify(kind));
  });

  it.each(KINDS)(
    "%s is small, path-free, secret-free and requires only the runtime entry point",
    async (kind) => {
      const text = await serialize(kind);
      expect(Buffer.byteLength(text)).toBeLessThan(4096);
      expect(text).not.toMatch(/\/(work|home|root|tmp|Users)\//);
      expect(text).not.toMatch(/node_modules|\.pnpm/);
      expect(text).not.toMatch(/secret|token|password/i);
      const requires = [...text.matchAll(/require\(("[^"]*")\)/g)].map(
        (m) => JSON.parse(m[1] ?? '""') as string,
      );
      expect(new Set(requires)).toEqual(new Set(["pulumi-acquia-cloud/runtime"]));
    },
  );

  it("is identical across two serializations", async () => {
    expect(await serialize("Domain")).toBe(await serialize("Domain"));
  });
});
