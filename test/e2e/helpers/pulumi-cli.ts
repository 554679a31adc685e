// Locates the Pulumi CLI for the end-to-end suites and gives each suite an isolated, offline Pulumi
// environment (its own PULUMI_HOME and file:// backend in a temp dir) for inline Automation API programs.
//
// Inline programs run in the Jest process and the CLI connects back to them (`--client`), so they need
// no `pulumi-language-nodejs` host. Pulumi.yaml projects run through the CLI do: the install script
// builds ours (scripts/pulumi-language-nodejs) beside the CLI; see {@link findLanguageHost}.
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import {
  LocalWorkspace,
  PulumiCommand,
  type ConfigMap,
  type ConfigValue,
  type PulumiFn,
  type Stack,
} from "@pulumi/pulumi/automation";

/** Must match scripts/install-pulumi-cli.sh. */
const DEFAULT_CLI_VERSION = "v3.274.1";
const PLUGIN_SCRIPT = "pulumi-resource-pulumi-nodejs";
/** The language host the engine runs `runtime: nodejs` projects with. */
export const LANGUAGE_HOST = "pulumi-language-nodejs";

/** The repository root: the default project `main`, so the provider process can resolve our packages. */
export const REPO_ROOT = resolve(__dirname, "..", "..", "..");

export type PulumiCliSource = "PULUMI_CLI_DIR" | "PATH" | "cache";

export interface PulumiCli {
  /** Directory holding the `pulumi` executable. */
  binDir: string;
  /** Absolute path of the `pulumi` executable. */
  pulumi: string;
  /** Where it was found. */
  source: PulumiCliSource;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The directory scripts/install-pulumi-cli.sh builds into (honours the same env variables). */
export function cachedCliDir(env: NodeJS.ProcessEnv = process.env): string {
  const cacheRoot = env.PULUMI_CLI_CACHE || join(homedir(), ".cache", "pulumi-acquia-cloud");
  const version = env.PULUMI_CLI_VERSION || DEFAULT_CLI_VERSION;
  return join(cacheRoot, `pulumi-${version}`, "bin");
}

/** Every place {@link findPulumiCli} looks, in order (for messages). */
export function cliCandidates(
  env: NodeJS.ProcessEnv = process.env,
): { source: PulumiCliSource; dir: string }[] {
  const candidates: { source: PulumiCliSource; dir: string }[] = [];
  if (env.PULUMI_CLI_DIR) candidates.push({ source: "PULUMI_CLI_DIR", dir: resolve(env.PULUMI_CLI_DIR) });
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir) candidates.push({ source: "PATH", dir: resolve(dir) });
  }
  candidates.push({ source: "cache", dir: cachedCliDir(env) });
  return candidates;
}

/**
 * Finds `pulumi`: `$PULUMI_CLI_DIR`, else the first on PATH, else the cache the install script builds
 * into (`$PULUMI_CLI_CACHE`, default ~/.cache/pulumi-acquia-cloud). `undefined` when there is none.
 */
export function findPulumiCli(env: NodeJS.ProcessEnv = process.env): PulumiCli | undefined {
  for (const { source, dir } of cliCandidates(env)) {
    const pulumi = join(dir, "pulumi");
    if (isExecutableFile(pulumi)) return { binDir: dir, pulumi, source };
  }
  return undefined;
}

/**
 * Finds `pulumi-language-nodejs` where the engine looks for it (beside the CLI, then on PATH), then in
 * the cache scripts/install-pulumi-cli.sh builds it into (for a CLI on PATH that came without one).
 * Returns its directory, or `undefined` when there is none.
 */
export function findLanguageHost(cli: PulumiCli, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [cli.binDir, ...(env.PATH ?? "").split(delimiter).filter(Boolean), cachedCliDir(env)];
  return dirs.map((dir) => resolve(dir)).find((dir) => isExecutableFile(join(dir, LANGUAGE_HOST)));
}

export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(true|1)$/i.test(env.CI ?? "");
}

export function missingCliMessage(suite: string, env: NodeJS.ProcessEnv = process.env): string {
  const looked = [
    `PULUMI_CLI_DIR=${env.PULUMI_CLI_DIR ?? "(unset)"}`,
    "every directory on PATH",
    cachedCliDir(env),
  ];
  const bar = "!".repeat(100);
  return [
    bar,
    `!! Pulumi CLI not found: the end-to-end suite "${suite}" cannot run.`,
    `!! Looked in: ${looked.join("; ")}.`,
    "!! Get it with `npm run setup:pulumi` (builds the CLI from the Go module proxy into the cache above;",
    "!! the first build takes several minutes), or point PULUMI_CLI_DIR at a directory holding `pulumi`",
    `!! and \`${PLUGIN_SCRIPT}\`.`,
    isCI(env)
      ? "!! CI=true: a missing CLI is a FAILURE, not a skip."
      : "!! Skipping this suite (under CI=true it would fail).",
    bar,
  ].join("\n");
}

/**
 * `describe` for suites that need the Pulumi CLI. Without a CLI the suite is skipped with a loud
 * message, except under CI=true where it fails.
 */
export function describeWithPulumi(name: string, fn: (cli: PulumiCli) => void): void {
  const cli = findPulumiCli();
  if (cli) {
    describe(name, () => fn(cli));
    return;
  }
  const message = missingCliMessage(name);
  if (isCI()) {
    describe(name, () => {
      test("the Pulumi CLI is available", () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(message);
  describe(name, () => {
    test.skip("needs the Pulumi CLI (run `npm run setup:pulumi`)", () => undefined);
  });
}

/** A config value given as a plain string, or with `secret: true`. */
export type StackConfig = Record<string, string | ConfigValue>;

export interface StackOptions {
  program: PulumiFn;
  /** Default: a fresh `e2e-<n>` per call. */
  stackName?: string;
  /** Default: `e2e`. */
  projectName?: string;
  /** Stack config, keys as `pulumi config set` takes them (`acquia:clientId`). */
  config?: StackConfig;
  /** Extra environment for the CLI and the plugins it starts (the dynamic provider process). */
  env?: Record<string, string>;
  /**
   * Project `main`: the working directory of the provider process, from which it resolves
   * `@pulumi/pulumi` and our packages. Default: the repository root.
   */
  programDir?: string;
}

export interface PulumiSandbox {
  readonly cli: PulumiCli;
  /** Suite temp dir (removed by cleanup). */
  readonly root: string;
  readonly pulumiHome: string;
  readonly backendUrl: string;
  /** Environment every workspace of this sandbox gets. */
  readonly env: Readonly<Record<string, string>>;
  readonly pulumiCommand: PulumiCommand;
  /** Creates (or selects) an inline-program stack in its own project dir under {@link root}. */
  createStack(options: StackOptions): Promise<Stack>;
  /** Hands a stack made elsewhere (a project on disk) to {@link cleanup}. */
  track(stack: Stack): void;
  /**
   * Removes a stack now, whatever its checkpoint still holds (what it made in Acquia is the caller's
   * business: a suite that resets the simulator between cases has nothing to destroy), and forgets it
   * (even when the removal fails).
   */
  remove(stack: Stack): Promise<void>;
  /** Destroys stacks that still hold resources, removes every stack, deletes {@link root}. */
  cleanup(): Promise<void>;
}

const PASSPHRASE = "pulumi-acquia-cloud-e2e";

/** `PulumiCommand.get({ root })` runs `<root>/bin/pulumi`, so root must be the parent of a `bin` dir. */
function commandRoot(cli: PulumiCli, scratch: string): string {
  if (basename(cli.binDir) === "bin") return dirname(cli.binDir);
  const root = join(scratch, "cli");
  mkdirSync(root);
  symlinkSync(cli.binDir, join(root, "bin"), "dir");
  return root;
}

/**
 * `$E2E_NODE_DIR`, resolved: a directory holding the `node` that programs, the language host and the
 * dynamic provider run on instead of the one running Jest (scripts/compat-node22.sh sets it to Node 22).
 * `undefined` when unset; throws when it holds no executable `node`.
 */
export function e2eNodeDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!env.E2E_NODE_DIR) return undefined;
  const dir = resolve(env.E2E_NODE_DIR);
  if (!isExecutableFile(join(dir, "node"))) throw new Error(`E2E_NODE_DIR=${dir} holds no executable node`);
  return dir;
}

/**
 * The PATH for the CLI: `$E2E_NODE_DIR` first when set, then the CLI's own dir (the engine looks for the
 * bundled `pulumi-resource-pulumi-nodejs` beside the executable, then on PATH) and the language host's,
 * then (without `$E2E_NODE_DIR`) the `node` running this test (the language host and the plugin script
 * run the first `node` on PATH), then @pulumi/pulumi's copy of the plugin script as a fallback.
 */
function sandboxPath(cli: PulumiCli): string {
  const host = findLanguageHost(cli);
  const nodeDir = e2eNodeDir();
  const dirs = [
    ...(nodeDir ? [nodeDir] : []),
    cli.binDir,
    ...(host && host !== cli.binDir ? [host] : []),
    ...(nodeDir ? [] : [dirname(process.execPath)]),
  ];
  if (!isExecutableFile(join(cli.binDir, PLUGIN_SCRIPT))) {
    dirs.push(dirname(require.resolve("@pulumi/pulumi/package.json")));
  }
  return [...dirs, process.env.PATH ?? ""].filter(Boolean).join(delimiter);
}

/**
 * `PulumiCommand.get` runs `pulumi version` with this process's environment, which would write a log
 * into ~/.pulumi/logs; point PULUMI_HOME at the sandbox for that one call (Jest gives each test file
 * its own copy of process.env).
 */
async function getPulumiCommand(root: string, pulumiHome: string): Promise<PulumiCommand> {
  const saved = process.env.PULUMI_HOME;
  process.env.PULUMI_HOME = pulumiHome;
  try {
    return await PulumiCommand.get({ root });
  } finally {
    if (saved === undefined) delete process.env.PULUMI_HOME;
    else process.env.PULUMI_HOME = saved;
  }
}

export function toConfigMap(config: StackConfig): ConfigMap {
  const map: ConfigMap = {};
  for (const [key, value] of Object.entries(config)) map[key] = typeof value === "string" ? { value } : value;
  return map;
}

export async function createSandbox(cli: PulumiCli): Promise<PulumiSandbox> {
  const root = mkdtempSync(join(tmpdir(), "pulumi-acquia-e2e-"));
  try {
    const pulumiHome = join(root, "home");
    const stateDir = join(root, "state");
    mkdirSync(pulumiHome);
    mkdirSync(stateDir);
    const backendUrl = `file://${stateDir}`;
    const env: Record<string, string> = {
      PATH: sandboxPath(cli),
      PULUMI_HOME: pulumiHome,
      PULUMI_BACKEND_URL: backendUrl,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const pulumiCommand = await getPulumiCommand(commandRoot(cli, root), pulumiHome);
    const stacks: Stack[] = [];
    let counter = 0;

    const createStack = async (options: StackOptions): Promise<Stack> => {
      counter += 1;
      const stackName = options.stackName ?? `e2e-${counter}`;
      const projectName = options.projectName ?? "e2e";
      const workDir = join(root, `project-${counter}`);
      mkdirSync(workDir);
      const stack = await LocalWorkspace.createOrSelectStack(
        { stackName, projectName, program: options.program },
        {
          workDir,
          pulumiHome,
          pulumiCommand,
          envVars: { ...env, ...options.env },
          projectSettings: {
            name: projectName,
            runtime: "nodejs",
            main: options.programDir ?? REPO_ROOT,
            backend: { url: backendUrl },
          },
        },
      );
      stacks.push(stack);
      if (options.config) await stack.setAllConfig(toConfigMap(options.config));
      return stack;
    };

    const cleanup = async (): Promise<void> => {
      const errors: unknown[] = [];
      for (const stack of stacks.splice(0).reverse()) {
        try {
          const state = await stack.exportStack();
          const resources: { type: string }[] = state.deployment?.resources ?? [];
          if (resources.some((r) => r.type !== "pulumi:pulumi:Stack")) await stack.destroy();
        } catch (error) {
          errors.push(error);
        }
        try {
          await stack.workspace.removeStack(stack.name, { force: true });
        } catch (error) {
          errors.push(error);
        }
      }
      rmSync(root, { recursive: true, force: true });
      if (errors.length > 0) throw new AggregateError(errors, "Pulumi e2e sandbox cleanup failed");
    };

    const track = (stack: Stack): void => {
      stacks.push(stack);
    };

    const remove = async (stack: Stack): Promise<void> => {
      // Forgotten even when Pulumi cannot remove it (a checkpoint it cannot load): cleanup would fail
      // the same way, and deletes the whole backend directory anyway.
      const index = stacks.indexOf(stack);
      if (index >= 0) stacks.splice(index, 1);
      await stack.workspace.removeStack(stack.name, { force: true });
    };

    return { cli, root, pulumiHome, backendUrl, env, pulumiCommand, createStack, track, remove, cleanup };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
