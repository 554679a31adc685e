// Where the benchmark runs: one temp folder holding the packed package installed beside the two
// programs (as a user installs it), and a fresh PULUMI_HOME and file backend per stack. The Pulumi CLI
// comes from scripts/install-pulumi-cli.sh, as for the end-to-end suites. Nothing stays behind.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { run } from "./process";

/** The repository root (this file runs from dist/scripts/bench). */
export const REPO_ROOT = resolve(__dirname, "..", "..", "..");
const PROGRAMS_SOURCE = join(REPO_ROOT, "scripts", "bench", "programs");
export const PASSPHRASE = "pulumi-acquia-cloud-bench";

export type ProgramName = "acquia" | "null";
export const PROGRAMS: readonly ProgramName[] = ["acquia", "null"];

export interface Workspace {
  root: string;
  /** `pulumi`, and the PATH the CLI runs with (its language host, then this process's node). */
  pulumi: string;
  path: string;
  /** The project folder of a program, inside the installed programs folder. */
  projectDir(program: ProgramName): string;
  /** A fresh PULUMI_HOME and file backend under the root. */
  sandbox(): Sandbox;
  dispose(): void;
}

export interface Sandbox {
  dir: string;
  backendDir: string;
  env: NodeJS.ProcessEnv;
}

/** The CLI's folder: PULUMI_CLI_DIR, else what scripts/install-pulumi-cli.sh finds or builds. */
async function pulumiBinDir(): Promise<string> {
  const given = process.env["PULUMI_CLI_DIR"];
  if (given) return resolve(given);
  const { code, stdout } = await run("bash", [join(REPO_ROOT, "scripts", "install-pulumi-cli.sh")], {
    stderr: "inherit",
  });
  const dir = stdout.trim().split("\n").pop() ?? "";
  if (code !== 0 || !existsSync(join(dir, "pulumi"))) {
    throw new Error("no Pulumi CLI: run `npm run setup:pulumi` and read its output");
  }
  return dir;
}

/** The language host the install script builds into its cache, for a `pulumi` on PATH without one. */
function cachedBinDir(): string {
  const cache = process.env["PULUMI_CLI_CACHE"] || join(homedir(), ".cache", "pulumi-acquia-cloud");
  return join(cache, `pulumi-${process.env["PULUMI_CLI_VERSION"] || "v3.274.1"}`, "bin");
}

const installedVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

/** Packs the built package and installs it with npm beside the programs, with @pulumi/pulumi and TypeScript. */
async function installPrograms(root: string): Promise<string> {
  const packDir = join(root, "pack");
  const programs = join(root, "programs");
  mkdirSync(packDir);
  cpSync(PROGRAMS_SOURCE, programs, { recursive: true });
  const pack = await run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", packDir], {
    cwd: REPO_ROOT,
  });
  const tarball = readdirSync(packDir).find((f) => f.endsWith(".tgz"));
  if (pack.code !== 0 || !tarball) throw new Error(`npm pack failed: ${pack.stderr}`);
  writeFileSync(
    join(programs, "package.json"),
    JSON.stringify({
      name: "acquia-bench-programs",
      private: true,
      dependencies: {
        "pulumi-acquia-cloud": `file:${join(packDir, tarball)}`,
        "@pulumi/pulumi": installedVersion("@pulumi/pulumi"),
        typescript: installedVersion("typescript"),
        "@types/node": installedVersion("@types/node"),
      },
    }),
  );
  const install = await run(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    { cwd: programs },
  );
  if (install.code !== 0) throw new Error(`npm install of the packed package failed: ${install.stderr}`);
  return programs;
}

/** This process's environment without settings that would change what Pulumi or the provider do. */
function ownEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(PULUMI_|ACLI_|ACQUIA_|AH_)/.test(key)),
  );
}

export async function createWorkspace(log: (line: string) => void): Promise<Workspace> {
  const binDir = await pulumiBinDir();
  const root = mkdtempSync(join(tmpdir(), "pulumi-acquia-bench-"));
  let sandboxes = 0;
  try {
    log(`packing the package and installing it beside the programs in ${root}`);
    const programs = await installPrograms(root);
    const path = [binDir, cachedBinDir(), dirname(process.execPath), process.env["PATH"] ?? ""].join(
      delimiter,
    );
    return {
      root,
      pulumi: join(binDir, "pulumi"),
      path,
      projectDir: (program) => join(programs, program),
      sandbox() {
        const dir = join(root, "runs", String(++sandboxes));
        const backendDir = join(dir, "state");
        mkdirSync(join(dir, "home"), { recursive: true });
        mkdirSync(backendDir);
        return {
          dir,
          backendDir,
          env: {
            ...ownEnvironment(),
            PATH: path,
            PULUMI_HOME: join(dir, "home"),
            PULUMI_BACKEND_URL: `file://${backendDir}`,
            PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            // Makes the CLI take --event-log, as the Automation API has it do.
            PULUMI_DEBUG_COMMANDS: "true",
          },
        };
      },
      dispose: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
