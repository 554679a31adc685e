// `npm run demo`: the quickstart example (the top-level Pulumi.yaml) against the simulator, with the
// real Pulumi CLI on a local backend: up, what changed in the simulator, a second up that changes
// nothing, then destroy. `--keep` leaves the stack and the simulator running until Ctrl-C. Each run
// starts afresh in .demo/ (backend, PULUMI_HOME); the stack config goes beside Pulumi.yaml.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { startSimulator, type Simulator } from "../simulator";

const ROOT = resolve(__dirname, "..", "..");
const DEMO_DIR = join(ROOT, ".demo");
const STACK = "demo";
const keep = process.argv.includes("--keep");

function step(title: string): void {
  console.log(`\n\x1b[1m== ${title}\x1b[0m`);
}

/**
 * Directories for PATH: the CLI's (from PATH, else the project's cache, built on first use: several
 * minutes, once) and the language host's. A `pulumi` on PATH without a Node.js language host gets
 * ours, which the install script builds into its cache (this default must match the script's).
 */
function pulumiPath(): string[] {
  const result = spawnSync("bash", [join(ROOT, "scripts", "install-pulumi-cli.sh")], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  const dir = result.stdout.trim().split("\n").pop() ?? "";
  if (result.status !== 0 || !existsSync(join(dir, "pulumi"))) {
    throw new Error("Could not get the Pulumi CLI: run `npm run setup:pulumi` and read its output");
  }
  const cache = process.env["PULUMI_CLI_CACHE"] || join(homedir(), ".cache", "pulumi-acquia-cloud");
  return [dir, join(cache, `pulumi-${process.env["PULUMI_CLI_VERSION"] || "v3.274.1"}`, "bin")];
}

/**
 * The top-level project's program imports "pulumi-acquia-cloud", and the state's provider shim
 * requires "pulumi-acquia-cloud/runtime" from the project directory: link this checkout into its own
 * node_modules, as `npm link` would, so both resolve to the build in dist/.
 */
function linkSelf(): void {
  const link = join(ROOT, "node_modules", "pulumi-acquia-cloud");
  if (
    existsSync(link) &&
    lstatSync(link).isSymbolicLink() &&
    resolve(ROOT, "node_modules", readlinkSync(link)) === ROOT
  )
    return;
  if (existsSync(link)) throw new Error(`${link} exists and is not a link to this checkout: remove it`);
  symlinkSync("..", link, "dir");
}

interface Counts {
  [collection: string]: number;
}

async function stateCounts(sim: Simulator): Promise<Counts> {
  const state: Record<string, unknown> = { ...(await sim.control.state()) };
  return Object.fromEntries(
    Object.entries(state)
      .filter(([, v]) => v !== null && typeof v === "object" && !Array.isArray(v))
      .map(([k, v]) => [k, Object.keys(v as object).length]),
  );
}

async function mutatingCalls(sim: Simulator): Promise<number> {
  const stats = await sim.control.stats();
  return Object.entries(stats.byRoute)
    .filter(([route]) => !route.startsWith("GET "))
    .reduce((sum, [, n]) => sum + n, 0);
}

function describeChange(before: Counts, after: Counts): string {
  const lines = Object.keys({ ...before, ...after })
    .filter((k) => k !== "notifications" && k !== "tokens" && (before[k] ?? 0) !== (after[k] ?? 0))
    .map((k) => {
      const delta = (after[k] ?? 0) - (before[k] ?? 0);
      return `  ${k}: ${before[k] ?? 0} -> ${after[k] ?? 0} (${delta > 0 ? "+" : ""}${delta})`;
    });
  return lines.length > 0 ? lines.join("\n") : "  (no objects added or removed)";
}

async function main(): Promise<void> {
  step("Pulumi CLI");
  const path = pulumiPath();
  const binDir = path[0] ?? "";
  console.log(`using ${join(binDir, "pulumi")}`);
  linkSelf();

  step("Simulator");
  // Every run starts from the seed: the simulator lives in this process, so the backend of an earlier
  // (kept or interrupted) run describes objects that no longer exist.
  rmSync(DEMO_DIR, { recursive: true, force: true });
  rmSync(join(ROOT, `Pulumi.${STACK}.yaml`), { force: true });
  mkdirSync(join(DEMO_DIR, "state"), { recursive: true });
  const sim = await startSimulator({ taskDurationMs: 1500 });
  console.log(`Acquia Cloud API simulator at ${sim.apiUrl}`);

  const env = {
    ...process.env,
    PATH: [...path, process.env["PATH"] ?? ""].join(delimiter),
    PULUMI_HOME: join(DEMO_DIR, "home"),
    PULUMI_BACKEND_URL: `file://${join(DEMO_DIR, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "demo-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  // Asynchronous on purpose: the simulator answers from this process's event loop.
  const pulumi = (...args: string[]) =>
    new Promise<void>((done, fail) => {
      const shown = args.map((a, i) => (args[i - 2] === "--secret" ? "[secret]" : a));
      console.log(`\x1b[2m$ pulumi ${shown.join(" ")}\x1b[0m`);
      spawn(join(binDir, "pulumi"), [...args, "--non-interactive"], { cwd: ROOT, env, stdio: "inherit" }).on(
        "exit",
        (code) => (code === 0 ? done() : fail(new Error(`pulumi ${args[0]} failed (exit ${code})`))),
      );
    });
  const config = (key: string, value: string, secret = false) =>
    pulumi("config", "set", secret ? "--secret" : "--plaintext", key, value);

  try {
    step("Stack and configuration");
    await pulumi("stack", "select", "--create", STACK);
    await config("acquia:clientId", sim.clientId);
    await config("acquia:clientSecret", sim.clientSecret, true);
    await config("acquia:apiUrl", sim.apiUrl);
    await config("acquia:tokenUrl", sim.tokenUrl);
    await config("acquia:pollIntervalMs", "250");

    step("pulumi up");
    const before = await stateCounts(sim);
    await pulumi("up", "--yes");
    await pulumi("stack", "output", "--json");
    step("What changed in the simulator");
    console.log(describeChange(before, await stateCounts(sim)));

    step("A second pulumi up changes nothing");
    const calls = await mutatingCalls(sim);
    await pulumi("up", "--yes");
    console.log(`  mutating API calls during the second up: ${(await mutatingCalls(sim)) - calls}`);

    if (keep) {
      step("Kept");
      console.log(
        [
          "The stack is up and the simulator keeps running until Ctrl-C. In another shell:",
          `  export PATH=${path.join(delimiter)}:$PATH PULUMI_HOME=${env.PULUMI_HOME} PULUMI_BACKEND_URL=${env.PULUMI_BACKEND_URL} PULUMI_CONFIG_PASSPHRASE=${env.PULUMI_CONFIG_PASSPHRASE}`,
          `  pulumi stack --stack ${STACK}`,
          `  curl -s ${sim.url}/__simulator/state | head`,
          "Ctrl-C stops the simulator, and with it everything the stack created; the next `npm run demo` starts afresh.",
        ].join("\n"),
      );
      await new Promise<void>((done) => process.once("SIGINT", () => done()));
      return;
    }

    step("pulumi destroy");
    const up = await stateCounts(sim);
    await pulumi("destroy", "--yes");
    console.log(describeChange(up, await stateCounts(sim)));
  } finally {
    await sim.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
