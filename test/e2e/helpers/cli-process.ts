// The Pulumi CLI as a plain child process, for what the Automation API cannot do: kill a run mid-way
// (SIGKILL, SIGINT twice), run two at once, and keep everything the CLI printed, failures included.
//
// The engine starts each plugin (language host, dynamic provider) in a process group of its own, so
// neither the CLI's pid nor its process group reaches them. Every run therefore carries a marker in its
// environment, which the plugins inherit: {@link CliRun.processes} finds them by it, so a test can kill
// a whole run at once (a lost machine) or see what outlives a killed CLI, and end exactly those.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import type { PulumiSandbox } from "./pulumi-cli";

/** The environment variable marking the processes of one run. */
export const RUN_MARKER = "PULUMI_ACQUIA_TEST_RUN";

export interface CliResult {
  /** The CLI's exit code; null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr as they arrived, interleaved. */
  output: string;
  durationMs: number;
}

export interface CliRun {
  /** The CLI's process id. */
  readonly pid: number;
  /** What the CLI printed so far. */
  output(): string;
  /** Sends `signal` to the CLI alone, as `kill -<signal> <pid>` does. */
  signal(signal: NodeJS.Signals): void;
  /** Live processes of this run (the CLI, the plugins it started and their children), by pid. */
  processes(): number[];
  /** Sends `signal` to every live process of this run at once, as losing the machine would. */
  signalAll(signal: NodeJS.Signals): void;
  /** Settles when the CLI has exited. */
  readonly exited: Promise<CliResult>;
}

export interface CliOptions {
  /** Project directory (Pulumi.yaml). */
  cwd: string;
  /** Extra environment, on top of the sandbox's. */
  env?: Record<string, string>;
}

/** Pids of live processes whose environment holds `marker` (Linux: read from /proc). */
function markedProcesses(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "latin1").split("\0");
      // A zombie has no environment left; it is dead already.
      if (environ.includes(marker)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

/** Starts `pulumi <args>` in the sandbox's environment (its PULUMI_HOME, file:// backend, PATH). */
export function startPulumi(sandbox: PulumiSandbox, args: readonly string[], options: CliOptions): CliRun {
  const started = Date.now();
  const runId = randomUUID();
  const marker = `${RUN_MARKER}=${runId}`;
  const child = spawn(sandbox.cli.pulumi, args, {
    cwd: options.cwd,
    env: { ...process.env, ...sandbox.env, ...options.env, [RUN_MARKER]: runId },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => chunks.push(chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => chunks.push(chunk));
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    // "close", not "exit": the pipes are drained by then, so the output is complete. A plugin that
    // outlives a killed CLI keeps no copy of them (the engine gives plugins pipes of its own).
    child.on("close", (code, signal) =>
      resolve({ code, signal, output: chunks.join(""), durationMs: Date.now() - started }),
    );
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${sandbox.cli.pulumi}`);
  const processes = () => markedProcesses(marker);
  return {
    pid,
    output: () => chunks.join(""),
    signal: (signal) => {
      child.kill(signal);
    },
    processes,
    signalAll: (signal) => {
      for (const target of processes()) {
        try {
          process.kill(target, signal);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
        }
      }
    },
    exited,
  };
}

/** Runs `pulumi <args>` to its end. */
export function runPulumi(
  sandbox: PulumiSandbox,
  args: readonly string[],
  options: CliOptions,
): Promise<CliResult> {
  return startPulumi(sandbox, args, options).exited;
}
