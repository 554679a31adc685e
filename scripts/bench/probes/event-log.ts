// The engine's event log (`--event-log FILE`), read while the CLI runs. Its events carry timestamps in
// whole seconds, so each line is stamped with the time this process read it (polled every 20 ms).
import { closeSync, existsSync, openSync, readSync } from "node:fs";

export interface EngineEvent {
  resourcePreEvent?: { metadata?: { type?: string; op?: string } };
  summaryEvent?: { resourceChanges?: Record<string, number> };
}

export interface TimedEvent {
  /** When this process read it, in ms since the epoch. */
  at: number;
  event: EngineEvent;
}

export class EventLogTail {
  readonly events: TimedEvent[] = [];
  private offset = 0;
  private partial = "";

  constructor(private readonly file: string) {}

  /** Reads what the CLI appended since the last call. */
  poll(now = Date.now()): void {
    if (!existsSync(this.file)) return;
    const fd = openSync(this.file, "r");
    try {
      const buffer = Buffer.alloc(64 * 1024);
      let read: number;
      while ((read = readSync(fd, buffer, 0, buffer.length, this.offset)) > 0) {
        this.offset += read;
        this.partial += buffer.toString("utf8", 0, read);
      }
    } finally {
      closeSync(fd);
    }
    const lines = this.partial.split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines)
      if (line.trim()) this.events.push({ at: now, event: JSON.parse(line) as EngineEvent });
  }

  /** When the engine stepped the first resource of the program (not the stack or a provider). */
  firstResourceAt(): number | undefined {
    return this.events.find((e) => {
      const type = e.event.resourcePreEvent?.metadata?.type;
      return type !== undefined && !type.startsWith("pulumi:");
    })?.at;
  }

  /** The summary's resource changes (`{create: 11}`), or an empty object when there is none. */
  changes(): Record<string, number> {
    const summary = this.events.find((e) => e.event.summaryEvent)?.event.summaryEvent;
    return summary?.resourceChanges ?? {};
  }
}
