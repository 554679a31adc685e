// Our own resources through the real engine, against the simulator: a Connection and an
// EnvironmentVariable go through up, a no-change preview and destroy. The program directory links
// the built package into node_modules, as an installed package would be, because the serialized shim
// requires "pulumi-acquia-cloud/runtime" from the provider process's working directory.
import { mkdirSync, readFileSync, readdirSync, symlinkSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import type * as ProviderPackage from "../../provider";
import { startSimulator, type Simulator } from "../../simulator";
import { apiClient } from "../helpers/simulated-estate";
import { createSandbox, describeWithPulumi, REPO_ROOT, type PulumiSandbox } from "./helpers/pulumi-cli";
import { simulatorConfig } from "./helpers/project";

type Package = typeof ProviderPackage;

function linkedProgramDir(root: string): string {
  const dir = join(root, "program");
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(REPO_ROOT, join(dir, "node_modules", "pulumi-acquia-cloud"), "dir");
  symlinkSync(join(REPO_ROOT, "node_modules", "@pulumi"), join(dir, "node_modules", "@pulumi"), "dir");
  return dir;
}

describeWithPulumi("our resources through the Pulumi engine against the simulator", (cli) => {
  let sandbox: PulumiSandbox;
  let sim: Simulator;
  let stack: Stack;
  const backendDir = () => fileURLToPath(sandbox.backendUrl);

  const variables = async () => apiClient(sim).variables.list(sim.environments.dev);

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 50 });
    sandbox = await createSandbox(cli);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acquia = require(join(REPO_ROOT, "dist", "provider")) as Package;
    stack = await sandbox.createStack({
      projectName: "acquia-e2e",
      programDir: linkedProgramDir(sandbox.root),
      config: {
        ...simulatorConfig(sim),
      },
      program: async () => {
        const connection = new acquia.Connection("acquia");
        const variable = new acquia.EnvironmentVariable("mode", {
          connection,
          environmentId: sim.environments.dev,
          name: "APP_MODE",
          value: "blue-plaintext-value",
        });
        return { account: connection.accountName, variableName: variable.name };
      },
    });
  });

  afterAll(async () => {
    await sandbox?.cleanup();
    await sim?.stop();
  });

  it("creates the variable in Acquia with one token for the whole run", async () => {
    const result = await stack.up();
    expect(result.summary.result).toBe("succeeded");
    expect(result.outputs["variableName"]?.value).toBe("APP_MODE");
    expect(typeof result.outputs["account"]?.value).toBe("string");
    expect((await variables()).find((v) => v.name === "APP_MODE")?.value).toBe("blue-plaintext-value");
  });

  it("keeps secrets out of state and stores only the small shim", async () => {
    // exportStack shows secrets decrypted; the state file on the backend is what must hold none.
    const stateFiles = readdirSync(backendDir(), { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".json"),
    );
    expect(stateFiles.length).toBeGreaterThan(0);
    for (const file of stateFiles) {
      const raw = readFileSync(join(backendDir(), file), "utf8");
      expect(raw).not.toContain(sim.clientSecret);
      expect(raw).not.toContain("blue-plaintext-value");
    }
    const text = JSON.stringify(await stack.exportStack());
    const providers = [...text.matchAll(/"__provider":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? "");
    expect(providers.length).toBeGreaterThanOrEqual(4);
    for (const p of providers) {
      expect(p.length).toBeLessThan(5000);
      expect(p).toContain("pulumi-acquia-cloud/runtime");
    }
  });

  it("previews no change for an unchanged program", async () => {
    const preview = await stack.preview({ diff: true });
    expect(preview.changeSummary).toEqual({ same: 3 });
  });

  it("destroys what it created", async () => {
    const result = await stack.destroy();
    expect(result.summary.result).toBe("succeeded");
    expect((await variables()).some((v) => v.name === "APP_MODE")).toBe(false);
  });
});
