// The processes the CLI starts, watched every 100 ms through /proc: the tree under the CLI
// (/proc/<pid>/task/*/children), when each started (its stat's start time, 10 ms resolution) and the
// kernel's high-water mark of its resident set (VmHWM). Node processes are told apart by their command
// line: the program runs @pulumi/pulumi/cmd/run, the dynamic provider @pulumi/pulumi/cmd/dynamic-provider.
import { readFileSync, readdirSync } from "node:fs";

export type ProcessRole = "cli" | "program" | "provider";

export interface ProcessReport {
  /** Largest VmHWM of any process of that role, in bytes; null when none was seen. */
  peakBytes: Record<ProcessRole, number | null>;
  /** When the first process of that role started, in ms since the epoch; null when none was seen. */
  startedAt: Record<ProcessRole, number | null>;
  /** Dynamic provider processes seen. */
  providerProcesses: number;
}

/** USER_HZ, the unit of /proc/<pid>/stat's start time: 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // the process has exited
  }
}

/** When the machine booted, in ms since the epoch (/proc/stat's btime). */
const bootedAt = Number(/^btime (\d+)$/m.exec(read("/proc/stat") ?? "")?.[1] ?? 0) * 1000;

function startedAt(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  // Fields after the command (which may hold spaces) start at the state, field 3; start time is 22.
  const ticks = stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  return ticks === undefined ? undefined : bootedAt + (Number(ticks) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((tid) =>
    (read(`/proc/${pid}/task/${tid}/children`) ?? "").split(" ").filter(Boolean).map(Number),
  );
}

/** The node process running the program or the provider (not `node -e` resolving a path for them). */
function roleOf(cmdline: string): ProcessRole | undefined {
  const [command = "", ...args] = cmdline.split("\0");
  if (!/(^|\/)node$/.test(command) || args.includes("-e")) return undefined;
  if (args.some((a) => /cmd\/dynamic-provider(\/index\.js)?$/.test(a))) return "provider";
  if (args.some((a) => /cmd\/run(\/index\.js)?$/.test(a))) return "program";
  return undefined;
}

interface Watched {
  role: ProcessRole;
  startedAt: number | undefined;
  peakBytes: number;
}

export class ProcessSampler {
  /** Processes with a role; one without is looked at again next time (it may not have exec'd yet). */
  private readonly watched = new Map<number, Watched>();

  constructor(private readonly cliPid: number) {
    this.watched.set(cliPid, { role: "cli", startedAt: startedAt(cliPid), peakBytes: 0 });
  }

  sample(): void {
    const queue = [this.cliPid];
    for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
      queue.push(...childrenOf(pid));
      let watched = this.watched.get(pid);
      if (!watched) {
        const role = roleOf(read(`/proc/${pid}/cmdline`) ?? "");
        if (role === undefined) continue;
        watched = { role, startedAt: startedAt(pid), peakBytes: 0 };
        this.watched.set(pid, watched);
      }
      const hwm = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? "")?.[1];
      if (hwm !== undefined) watched.peakBytes = Math.max(watched.peakBytes, Number(hwm) * 1024);
    }
  }

  result(): ProcessReport {
    const report: ProcessReport = {
      peakBytes: { cli: null, program: null, provider: null },
      startedAt: { cli: null, program: null, provider: null },
      providerProcesses: 0,
    };
    for (const { role, startedAt, peakBytes } of this.watched.values()) {
      if (role === "provider") report.providerProcesses++;
      if (peakBytes > 0) report.peakBytes[role] = Math.max(report.peakBytes[role] ?? 0, peakBytes);
      if (startedAt !== undefined)
        report.startedAt[role] = Math.min(report.startedAt[role] ?? Infinity, startedAt);
    }
    return report;
  }
}
