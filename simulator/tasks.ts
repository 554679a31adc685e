import { randomUUID } from "node:crypto";
import type { TaskFault } from "./faults";
import type { NotificationRecord, StoreOp } from "./model";
import type { RouteContext } from "./router";
import type { Store } from "./store";
import { isoNow } from "./time";

export interface TaskSpec {
  event: string;
  label: string;
  description: string;
  organizationUuid: string | null;
  context?: Record<string, unknown>;
  ops: StoreOp[];
}

/** Told when a task starts and when it ends (the simulator's stats). */
export interface TaskListener {
  started(record: NotificationRecord): void;
  ended(record: NotificationRecord, atMs: number): void;
}

/**
 * Acquia's asynchronous operations: a request is accepted with a notification, and its change becomes
 * visible only when that notification completes, `taskDurationMs` later.
 */
export class TaskRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly durationMs: number,
    private readonly listener: TaskListener,
  ) {}

  start(spec: TaskSpec, fault: TaskFault | null): NotificationRecord {
    const now = Date.now();
    const outcome = fault?.take() ?? null;
    const account = this.store.state.account.uuid;
    const record: NotificationRecord = {
      uuid: randomUUID(),
      event: spec.event,
      label: spec.label,
      description: spec.description,
      createdAt: isoNow(now),
      createdAtMs: now,
      dueAtMs: now + (outcome?.durationMs ?? this.durationMs),
      completedAt: null,
      status: "in-progress",
      failureMessage: outcome?.failureMessage ?? null,
      stalled: outcome?.stalled ?? false,
      organizationUuid: spec.organizationUuid,
      context: {
        author: { uuid: account, actual_uuid: account },
        user: { uuids: [account] },
        ...spec.context,
      },
      ops: spec.ops,
    };
    this.store.state.notifications[record.uuid] = record;
    this.store.save();
    this.listener.started(record);
    this.schedule(record);
    return record;
  }

  /** Re-arms tasks loaded from a state file; those already due complete at once. */
  resume(): void {
    for (const record of Object.values(this.store.state.notifications)) {
      if (record.status === "in-progress") this.schedule(record);
    }
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Forgets pending timers after a reset replaced the state they pointed into. */
  reset(): void {
    this.stop();
  }

  progress(record: NotificationRecord, now = Date.now()): number {
    if (record.status !== "in-progress") return 100;
    const span = Math.max(1, record.dueAtMs - record.createdAtMs);
    return Math.max(0, Math.min(99, Math.floor(((now - record.createdAtMs) / span) * 100)));
  }

  private schedule(record: NotificationRecord): void {
    if (record.stalled) return;
    const timer = setTimeout(() => this.complete(record.uuid), Math.max(0, record.dueAtMs - Date.now()));
    // A forgotten simulator must not keep a test process alive.
    timer.unref();
    this.timers.set(record.uuid, timer);
  }

  private complete(uuid: string): void {
    this.timers.delete(uuid);
    const record = this.store.state.notifications[uuid];
    if (record === undefined || record.status !== "in-progress") return;
    if (record.failureMessage !== null) {
      record.status = "failed";
      record.description = record.failureMessage;
    } else {
      this.store.apply(record.ops);
      record.status = "completed";
    }
    const now = Date.now();
    record.completedAt = isoNow(now);
    this.store.save();
    this.listener.ended(record, now);
  }
}

/** Where a task on an environment is filed: its application's organization and the environment. */
export function onEnvironment(
  environment: { id: string },
  application: { organizationUuid: string },
): Pick<TaskSpec, "organizationUuid" | "context"> {
  return {
    organizationUuid: application.organizationUuid,
    context: { environment: { ids: [environment.id] } },
  };
}

/** Starts the task a route accepted, applying the request's matched task fault, if any. */
export function startTask(ctx: RouteContext, spec: TaskSpec): NotificationRecord {
  return ctx.core.tasks.start(spec, ctx.taskFault);
}
