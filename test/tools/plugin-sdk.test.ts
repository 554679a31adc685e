import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { REPO_ROOT, describeWith, findGenerator } from "./helpers";

// The plugin-mode SDK (provider/plugin-sdk, exported as `pulumi-acquia-cloud/plugin`) is generated from
// the committed package schema and committed itself; these tests keep the two in step and keep the SDK
// from asking the engine to download the plugin.
const SDK = join(REPO_ROOT, "provider", "plugin-sdk");
const SCHEMA = join(REPO_ROOT, "provider", "plugin", "schema.json");
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as Record<string, unknown> & {
  version: string;
};

/** Every file under `dir`, relative to it, with its content. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return files;
}

describe("the plugin SDK carries no plugin download metadata", () => {
  const sdk = tree(SDK);

  it("has no package.json of its own (a language host would report the plugin as required from it)", () => {
    expect([...sdk.keys()].filter((f) => f.endsWith("package.json"))).toEqual([]);
    expect(pkg).not.toHaveProperty("pulumi");
  });

  it("asks for the plugin at this package's version, without a download URL", () => {
    const utilities = sdk.get("utilities.ts") ?? "";
    expect(utilities).toContain(`let version = ${JSON.stringify(pkg.version)};`);
    expect(utilities).not.toMatch(/require\(["']\.\/package\.json/);
    expect([...sdk.values()].join("\n")).not.toContain("pluginDownloadURL");
  });
});

describe("gen-nodejs-sdk", () => {
  // Each pkg/v3 release generates code for the @pulumi/pulumi of the same release (v3.274.1's needs
  // 3.269 or newer), so the generator moves with the devDependency the SDK is compiled against.
  it("is pinned to pkg/v3 at the @pulumi/pulumi release the project develops with", () => {
    const goMod = readFileSync(join(REPO_ROOT, "scripts", "gen-nodejs-sdk", "go.mod"), "utf8");
    const pinned = /^\s*github\.com\/pulumi\/pulumi\/pkg\/v3 v(\S+)$/m.exec(goMod)?.[1];
    const devDependencies = pkg["devDependencies"] as Record<string, string>;
    expect(pinned).toBe(devDependencies["@pulumi/pulumi"]);
  });
});

describeWith("gen-nodejs-sdk and the committed plugin SDK", findGenerator(), (generator) => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "acquia-plugin-sdk-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("provider/plugin-sdk is what `npm run gen:plugin-sdk` makes of provider/plugin/schema.json", () => {
    const out = join(scratch, "plugin-sdk");
    execFileSync("bash", [join(REPO_ROOT, "scripts", "gen-plugin-sdk.sh"), out], {
      cwd: REPO_ROOT,
      env: { ...process.env, GEN_NODEJS_SDK: generator },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const want = tree(out);
    const have = tree(SDK);
    const drift = [
      ...[...want.keys()].filter((f) => !have.has(f)).map((f) => `missing: ${f}`),
      ...[...have.keys()].filter((f) => !want.has(f)).map((f) => `not generated: ${f}`),
      ...[...want.keys()]
        .filter((f) => have.has(f) && have.get(f) !== want.get(f))
        .map((f) => `differs: ${f}`),
    ];
    if (drift.length > 0) {
      throw new Error(
        `provider/plugin-sdk is not what the generator makes of the committed schema:\n  ${drift.join("\n  ")}\n` +
          "Regenerate it with `npm run gen:plugin-sdk` (after `npm run gen:schema` when the kinds changed).",
      );
    }
    expect(have.size).toBeGreaterThan(0);
  });

  // The generator binds the schema strictly: what `pulumi package gen-sdk` would only warn about, or
  // silently drop, fails the run and leaves no SDK behind.
  const schema = JSON.parse(readFileSync(SCHEMA, "utf8")) as {
    resources: Record<string, { inputProperties: Record<string, Record<string, unknown>> }>;
    language?: unknown;
  };
  const broken: [what: string, edit: (s: typeof schema) => void, says: RegExp][] = [
    [
      "a dangling type reference",
      (s) => {
        s.resources["acquia:index:EnvironmentVariable"]!.inputProperties["name"] = {
          $ref: "#/types/acquia:index:Nope",
        };
      },
      /Nope/,
    ],
    [
      "a misspelt property field",
      (s) => {
        s.resources["acquia:index:EnvironmentVariable"]!.inputProperties["name"]!["replaceOnChange"] = true;
      },
      /replaceOnChange/,
    ],
    [
      "no respectSchemaVersion (the SDK would read a package.json it does not have)",
      (s) => {
        delete s.language;
      },
      /respectSchemaVersion/,
    ],
  ];
  it.each(broken)("refuses a schema with %s", (_what, edit, says) => {
    const copy = structuredClone(schema);
    edit(copy);
    const file = join(scratch, "broken.json");
    writeFileSync(file, JSON.stringify(copy));
    const out = join(scratch, "broken-sdk");
    const run = spawnSync(generator, ["-version", pkg.version, file, out], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(says);
    expect(existsSync(out)).toBe(false);
  });
});
