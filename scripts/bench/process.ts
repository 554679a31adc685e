// Child processes, always asynchronous: the simulator answers from this process's event loop.
import { spawn, type ChildProcess } from "node:child_process";

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** "inherit" shows the child's stderr (progress of the CLI install); default: collected. */
  stderr?: "inherit" | "pipe";
  /** Called with the child once it started (its pid, for the memory sampler). */
  started?: (child: ChildProcess) => void;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Children still running, so an interrupted bench can stop exactly the processes it started. */
const running = new Set<ChildProcess>();

export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", options.stderr ?? "pipe"],
    });
    running.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      running.delete(child);
      reject(error);
    });
    child.on("close", (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
    options.started?.(child);
  });
}

/**
 * Sends SIGINT to every child this process started that still runs (the CLI then stops its plugins),
 * and resolves once they have exited, or after `graceMs`.
 */
export function interruptChildren(graceMs = 10_000): Promise<void> {
  const exited = [...running].map((child) => {
    child.kill("SIGINT");
    return new Promise<void>((resolve) => child.once("close", () => resolve()));
  });
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, graceMs);
    void Promise.all(exited).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
