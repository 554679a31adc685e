import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { e2eNodeDir } from "../e2e/helpers/pulumi-cli";
import { programsPulumiVersion } from "../e2e/helpers/project";
import { REPO_ROOT } from "./helpers";

// A smoke check of the plugin-mode SDK as a user gets it: `pulumi-acquia-cloud/plugin` from the built
// package (package.json and dist/, as npm installs them) beside @pulumi/pulumi, a small program
// (programs/plugin-sdk) type-checked with Pulumi's default tsconfig and with node16 resolution, then
// run under Pulumi's mocks. `npm run test:compat` runs it again with the newest @pulumi/pulumi on
// Node 22 ($E2E_PULUMI_VERSION, $E2E_NODE_DIR); otherwise it uses the repository's own.
const TSC = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
const installed = (name: string): string =>
  (
    JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

/** Pulumi's `typescript` template, as `pulumi new` writes it. */
const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};
const NODE16_TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "es2022",
    module: "node16",
    moduleResolution: "node16",
  },
  files: ["index.ts"],
};

/** Runs the compiled program under mocks and prints what it registered and invoked. */
const RUN_UNDER_MOCKS = `
const pulumi = require("@pulumi/pulumi");
const seen = [];
pulumi.runtime.setMocks(
  {
    newResource: (a) => {
      seen.push({ kind: "resource", type: a.type, name: a.name, inputs: a.inputs, provider: a.provider });
      return { id: a.name + "-id", state: a.inputs };
    },
    call: (a) => {
      seen.push({ kind: "invoke", token: a.token, inputs: a.inputs, provider: a.provider });
      return { uuid: "app-uuid", name: a.inputs.name };
    },
  },
  "project",
  "stack",
  false,
);
const program = require("./bin/index.js");
const value = (o) => new Promise((resolve) => o.apply(resolve));
const outputs = [program.applicationUuid, program.variableName, program.settings].map(value);
Promise.all(outputs).then(([uuid, name, settings]) =>
  process.stdout.write(
    JSON.stringify({ uuid, name, settings, seen, sdk: require("@pulumi/pulumi/package.json").version }),
  ),
);
`;

interface Seen {
  kind: "resource" | "invoke";
  type?: string;
  token?: string;
  name?: string;
  inputs: Record<string, unknown>;
  provider?: string;
}

describe("a program on pulumi-acquia-cloud/plugin", () => {
  const pulumiVersion = programsPulumiVersion();
  let scratch: string;
  let program: string;

  const tsc = (tsconfig: string) =>
    spawnSync(process.execPath, [TSC, "-p", join(program, tsconfig)], { cwd: program, encoding: "utf8" });

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "acquia-plugin-program-"));
    const modules = join(scratch, "node_modules");
    if (pulumiVersion === installed("@pulumi/pulumi")) {
      mkdirSync(modules);
      symlinkSync(join(REPO_ROOT, "node_modules", "@pulumi"), join(modules, "@pulumi"), "dir");
      symlinkSync(join(REPO_ROOT, "node_modules", "@types"), join(modules, "@types"), "dir");
    } else {
      writeFileSync(
        join(scratch, "package.json"),
        JSON.stringify({
          private: true,
          dependencies: { "@pulumi/pulumi": pulumiVersion, "@types/node": installed("@types/node") },
        }),
      );
      execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
        cwd: scratch,
        stdio: ["ignore", "ignore", "pipe"],
      });
    }
    // After npm install, which would remove a package it did not install.
    const pkg = join(modules, "pulumi-acquia-cloud");
    mkdirSync(pkg);
    cpSync(join(REPO_ROOT, "package.json"), join(pkg, "package.json"));
    for (const part of ["provider", "sdk"]) {
      cpSync(join(REPO_ROOT, "dist", part), join(pkg, "dist", part), { recursive: true });
    }
    // The package's own dependencies, as npm would install them beside it.
    const { dependencies } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(dependencies)) {
      symlinkSync(join(REPO_ROOT, "node_modules", name), join(modules, name), "dir");
    }

    program = join(scratch, "program");
    mkdirSync(program);
    cpSync(join(__dirname, "programs", "plugin-sdk", "index.ts"), join(program, "index.ts"));
    writeFileSync(join(program, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG));
    writeFileSync(join(program, "tsconfig.node16.json"), JSON.stringify(NODE16_TSCONFIG));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(`compiles with Pulumi's default tsconfig (moduleResolution node) against @pulumi/pulumi ${pulumiVersion}`, () => {
    const run = tsc("tsconfig.json");
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("type-checks with node16 resolution (the package's exports)", () => {
    const run = tsc("tsconfig.node16.json");
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("registers the provider, a Connection (its settings made in the program) and the variable, and invokes getApplication through the provider", () => {
    const node = e2eNodeDir() ? join(e2eNodeDir()!, "node") : process.execPath;
    const output = execFileSync(node, ["-e", RUN_UNDER_MOCKS], { cwd: program, encoding: "utf8" });
    const { uuid, name, settings, seen, sdk } = JSON.parse(output) as {
      uuid: string;
      name: string;
      settings: unknown;
      seen: Seen[];
      sdk: string;
    };
    expect(sdk).toBe(pulumiVersion);
    expect({ uuid, name }).toEqual({ uuid: "app-uuid", name: "APP_MODE" });
    expect(settings).toEqual({
      clientId: "key",
      clientSecret: "secret",
      apiUrl: "https://cloud.acquia.com/api",
      tokenUrl: "https://accounts.acquia.com/api/auth/oauth/token",
    });
    expect(seen.find((s) => s.type === "acquia:index:Connection")).toMatchObject({ name: "account" });

    const provider = seen.find((s) => s.type === "pulumi:providers:acquia");
    expect(provider).toMatchObject({
      name: "acquia",
      inputs: { clientId: "key", apiUrl: "http://127.0.0.1:9/api" },
    });
    const providerRef = expect.stringMatching(/::pulumi:providers:acquia::acquia::acquia-id$/);

    const variable = seen.find((s) => s.type === "acquia:index:EnvironmentVariable");
    expect(variable).toMatchObject({
      name: "mode",
      provider: providerRef,
      inputs: { environmentId: "24-a47ac10b", name: "APP_MODE" },
    });
    // The schema marks the value secret, so the SDK sends it as one even though the program did not.
    expect(variable?.inputs["value"]).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: "blue",
    });

    expect(seen.filter((s) => s.kind === "invoke")).toEqual([
      {
        kind: "invoke",
        token: "acquia:index:getApplication",
        inputs: { name: "Acme Web" },
        provider: providerRef,
      },
    ]);
  });
});
