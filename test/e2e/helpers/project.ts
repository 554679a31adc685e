// Real projects for the end-to-end suites: the package packed into a tarball and installed with npm the
// way a user installs it, and Pulumi.yaml projects run by the CLI through its language host.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import type { Simulator } from "../../../simulator";
import { REPO_ROOT, toConfigMap, type PulumiSandbox, type StackConfig } from "./pulumi-cli";

export interface InstallOptions {
  /**
   * `@pulumi/pulumi` version for the programs; default `$E2E_PULUMI_VERSION` (scripts/compat-node22.sh
   * sets the newest), else the one this repository develops against.
   */
  pulumiVersion?: string;
}

/** The `@pulumi/pulumi` version {@link installPackage} installs for programs by default. */
export function programsPulumiVersion(env: NodeJS.ProcessEnv = process.env): string {
  return env.E2E_PULUMI_VERSION || installed("@pulumi/pulumi");
}

const installed = (name: string): string =>
  (
    JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Packs the built package (dist/ as `npm publish` would ship it) and installs it with npm into
 * `<root>/programs`, beside @pulumi/pulumi and TypeScript. Every project created under that folder
 * resolves them from there. npm's cache makes this quick after the repository's own install.
 */
export function installPackage(root: string, options: InstallOptions = {}): string {
  const packDir = join(root, "pack");
  const programs = join(root, "programs");
  mkdirSync(packDir, { recursive: true });
  mkdirSync(programs, { recursive: true });
  run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", packDir], REPO_ROOT);
  const tarball = readdirSync(packDir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${packDir}`);
  writeFileSync(
    join(programs, "package.json"),
    JSON.stringify({
      name: "acquia-e2e-programs",
      private: true,
      dependencies: {
        "pulumi-acquia-cloud": `file:${join(packDir, tarball)}`,
        "@pulumi/pulumi": options.pulumiVersion ?? programsPulumiVersion(),
        typescript: installed("typescript"),
        "@types/node": installed("@types/node"),
      },
    }),
  );
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], programs);
  return programs;
}

/** Copies a project (Pulumi.yaml, program, tsconfig) into the installed programs folder. */
export function copyProject(source: string, programs: string, name: string): string {
  const dir = join(programs, name);
  cpSync(source, dir, {
    recursive: true,
    filter: (path) => !/node_modules|package-lock\.json/.test(path),
  });
  return dir;
}

/**
 * The stack config that points a project at the simulator: its API and token URLs, the demo key (or
 * `secret` in its place) and a fast poll, since the simulator's tasks take milliseconds.
 */
export function simulatorConfig(
  sim: Simulator,
  options: { secret?: string; pollIntervalMs?: number } = {},
): StackConfig {
  return {
    "acquia:clientId": sim.clientId,
    "acquia:clientSecret": { value: options.secret ?? sim.clientSecret, secret: true },
    "acquia:apiUrl": sim.apiUrl,
    "acquia:tokenUrl": sim.tokenUrl,
    "acquia:pollIntervalMs": String(options.pollIntervalMs ?? 50),
  };
}

/** A stack of a project on disk, run by the real CLI (and so by its Node.js language host). */
export async function projectStack(
  sandbox: PulumiSandbox,
  workDir: string,
  stackName: string,
  config: StackConfig = {},
  env: Record<string, string> = {},
): Promise<Stack> {
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, workDir },
    {
      pulumiHome: sandbox.pulumiHome,
      pulumiCommand: sandbox.pulumiCommand,
      envVars: { ...sandbox.env, ...env },
    },
  );
  sandbox.track(stack);
  // One `pulumi config set-all` rather than a CLI run per key.
  if (Object.keys(config).length > 0) await stack.setAllConfig(toConfigMap(config));
  return stack;
}

export const EXAMPLES_DIR = join(REPO_ROOT, "examples");
export const PROGRAMS_DIR = join(REPO_ROOT, "test", "e2e", "programs");
