import type { TaskProgress } from "../../sdk";
import { log } from "./log";

export interface ProgressOptions {
  /** Stay quiet while a task is this young: most finish in seconds. */
  quietMs?: number;
  /** At most one line per this interval. */
  everyMs?: number;
  write?: (line: string) => void;
  now?: () => number;
}

/**
 * Reports a long-running Acquia task. A dynamic provider has no channel to the engine's progress
 * display, but the engine shows what a provider writes to stderr among the update's diagnostics, so a
 * CD environment that takes ten minutes is not silent.
 */
export function progressReporter(what: string, options: ProgressOptions = {}): (p: TaskProgress) => void {
  const { quietMs = 5_000, everyMs = 30_000, write = log, now = Date.now } = options;
  const started = now();
  let last = -Infinity;
  return (p) => {
    const t = now();
    if (t - started < quietMs || t - last < everyMs) return;
    last = t;
    const seconds = Math.round((t - started) / 1000);
    const percent = p.progress === undefined ? "" : `, ${p.progress}%`;
    const where = p.notificationUuid ? ` (notification ${p.notificationUuid})` : "";
    write(`${what}: ${p.label ?? "task"} ${p.status}${percent} after ${seconds} s${where}`);
  };
}
