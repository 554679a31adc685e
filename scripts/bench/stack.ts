// One stack of a bench program, in its own PULUMI_HOME and file backend, driven by the real CLI. Each
// operation is timed from the CLI's start and watched while it runs: the engine's event log, the
// processes it starts (memory, start times), and the program's start-up marks.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { EventLogTail } from "./probes/event-log";
import { ProcessSampler, type ProcessReport } from "./probes/processes";
import { run } from "./process";
import type { ProgramName, Sandbox, Workspace } from "./workspace";

/** Program milestones (../programs/marks.ts), in ms after the CLI started. */
export interface StartupMarks {
  programEntered?: number;
  imported?: number;
  firstResource?: number;
}

export interface OperationRun {
  /** When the CLI was started, in ms since the epoch. */
  startedAt: number;
  wallMs: number;
  marks: StartupMarks;
  /** When the engine stepped the first resource of the program, in ms after the CLI started. */
  firstResourceEventMs: number | undefined;
  changes: Record<string, number>;
  /** Peak memory and start times of the CLI, program and provider processes. */
  processes: ProcessReport;
}

export class BenchStack {
  private operations = 0;

  private constructor(
    private readonly workspace: Workspace,
    private readonly sandbox: Sandbox,
    readonly program: ProgramName,
    readonly name: string,
  ) {}

  /** A new stack of `program` with plain and secret config (keys as `pulumi config set` takes them). */
  static async create(
    workspace: Workspace,
    program: ProgramName,
    config: Record<string, string>,
    secrets: Record<string, string>,
  ): Promise<BenchStack> {
    const sandbox = workspace.sandbox();
    const stack = new BenchStack(workspace, sandbox, program, `bench-${sandbox.dir.split("/").pop() ?? "0"}`);
    await stack.cli(["stack", "init"]);
    const pairs = [
      ...Object.entries(config).flatMap(([k, v]) => ["--plaintext", `${k}=${v}`]),
      ...Object.entries(secrets).flatMap(([k, v]) => ["--secret", `${k}=${v}`]),
    ];
    await stack.cli(["config", "set-all", ...pairs]);
    return stack;
  }

  private get cwd(): string {
    return this.workspace.projectDir(this.program);
  }

  /** Runs `pulumi <args>` on this stack; throws with the CLI's output when it fails. */
  async cli(args: string[], env: NodeJS.ProcessEnv = {}, started?: (pid: number) => void): Promise<void> {
    const result = await run(this.workspace.pulumi, [...args, "--stack", this.name, "--non-interactive"], {
      cwd: this.cwd,
      env: { ...this.sandbox.env, ...env },
      started: (child) => child.pid !== undefined && started?.(child.pid),
    });
    if (result.code !== 0) {
      const output = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-40).join("\n");
      throw new Error(`pulumi ${args.join(" ")} failed (exit ${result.code}) on ${this.program}:\n${output}`);
    }
  }

  /** Runs one measured operation, e.g. `["up", "--yes", "--skip-preview"]`. */
  async operation(args: string[]): Promise<OperationRun> {
    const n = ++this.operations;
    const eventLog = join(this.sandbox.dir, `events-${n}.jsonl`);
    const marksFile = join(this.sandbox.dir, `marks-${n}.txt`);
    const events = new EventLogTail(eventLog);
    let sampler: ProcessSampler | undefined;
    const timers: NodeJS.Timeout[] = [];
    const startedAt = Date.now();
    try {
      await this.cli([...args, "--event-log", eventLog], { BENCH_MARKS: marksFile }, (pid) => {
        sampler = new ProcessSampler(pid);
        timers.push(
          setInterval(() => sampler?.sample(), 100),
          setInterval(() => events.poll(), 20),
        );
      });
    } finally {
      timers.forEach(clearInterval);
    }
    const wallMs = Date.now() - startedAt;
    if (!sampler) throw new Error(`pulumi ${args[0]} did not start`);
    events.poll();
    const firstEvent = events.firstResourceAt();
    return {
      startedAt,
      wallMs,
      marks: readMarks(marksFile, startedAt),
      firstResourceEventMs: firstEvent === undefined ? undefined : firstEvent - startedAt,
      changes: events.changes(),
      processes: sampler.result(),
    };
  }

  /** The checkpoint file the file backend keeps for this stack. */
  checkpointText(): string {
    const project = `bench-${this.program}`;
    return readFileSync(
      join(this.sandbox.backendDir, ".pulumi", "stacks", project, `${this.name}.json`),
      "utf8",
    );
  }

  /** Removes the stack's config file from the shared project folder and its sandbox (home, backend). */
  dispose(): void {
    rmSync(join(this.cwd, `Pulumi.${this.name}.yaml`), { force: true });
    rmSync(this.sandbox.dir, { recursive: true, force: true });
  }
}

function readMarks(file: string, startedAt: number): StartupMarks {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return {}; // the operation did not run the program
  }
  const marks: Record<string, number> = {};
  for (const line of text.trim().split("\n")) {
    const [name, at] = line.split(" ");
    if (name && at && marks[name] === undefined) marks[name] = Number(at) - startedAt;
  }
  return marks;
}
