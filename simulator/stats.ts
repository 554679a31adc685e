import type { NotificationRecord, NotificationStatus } from "./model";

/** One asynchronous task started since the simulator started or was reset. */
export interface TaskStats {
  /** The notification's uuid. */
  uuid: string;
  event: string;
  status: NotificationStatus;
  /** How long the task runs from acceptance to its end (a fault rule may set it); null when stalled. */
  durationMs: number | null;
  /** GETs of the notification that were answered with it. */
  polls: number;
  /** From the task's end to the first GET that saw it ended; null until such a GET. */
  lagMs: number | null;
}

/** `GET /__simulator/stats`. */
export interface StatsSnapshot {
  tokenRequests: number;
  /** API requests (not token or control requests), whatever their answer. */
  requests: number;
  /** API requests by the spec's method and path template, for implemented routes. */
  byRoute: Record<string, number>;
  /** When the first API request arrived (ms since the epoch), or null. */
  firstRequestAt: number | null;
  /** 429 answers sent, by the rate limit or a fault rule, on the API or the token endpoint. */
  status429: number;
  /** The most API requests in flight at once (arrival to answer; token requests are not counted). */
  peakInFlight: number;
  tasks: TaskStats[];
}

interface TaskEntry extends TaskStats {
  endedAtMs: number | null;
}

/** The simulator's counters since it started or was last reset; never persisted. */
export class Stats {
  private tokenRequests = 0;
  private requests = 0;
  private byRoute: Record<string, number> = {};
  private firstRequestAt: number | null = null;
  private status429 = 0;
  private inFlight = 0;
  private peakInFlight = 0;
  private tasks = new Map<string, TaskEntry>();

  /** Back to zero. Requests still in flight stay counted as in flight, so the count never goes negative. */
  reset(): void {
    this.tokenRequests = 0;
    this.requests = 0;
    this.byRoute = {};
    this.firstRequestAt = null;
    this.status429 = 0;
    this.peakInFlight = this.inFlight;
    this.tasks = new Map();
  }

  tokenRequest(): void {
    this.tokenRequests++;
  }

  /** An API request arrived; `route` is its method and template when a route matched. */
  apiRequest(route: string | null, now = Date.now()): void {
    this.requests++;
    this.firstRequestAt ??= now;
    if (route !== null) this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
  }

  apiRequestStarted(): void {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
  }

  apiRequestFinished(): void {
    this.inFlight--;
  }

  answered(status: number): void {
    if (status === 429) this.status429++;
  }

  taskStarted(record: NotificationRecord): void {
    this.tasks.set(record.uuid, {
      uuid: record.uuid,
      event: record.event,
      status: record.status,
      durationMs: record.stalled ? null : record.dueAtMs - record.createdAtMs,
      polls: 0,
      lagMs: null,
      endedAtMs: null,
    });
  }

  taskEnded(record: NotificationRecord, atMs: number): void {
    const entry = this.tasks.get(record.uuid);
    if (entry === undefined) return;
    entry.status = record.status;
    entry.endedAtMs = atMs;
  }

  notificationRead(record: NotificationRecord, now = Date.now()): void {
    const entry = this.tasks.get(record.uuid);
    if (entry === undefined) return;
    entry.polls++;
    if (entry.lagMs === null && entry.endedAtMs !== null) entry.lagMs = Math.max(0, now - entry.endedAtMs);
  }

  snapshot(): StatsSnapshot {
    return {
      tokenRequests: this.tokenRequests,
      requests: this.requests,
      byRoute: { ...this.byRoute },
      firstRequestAt: this.firstRequestAt,
      status429: this.status429,
      peakInFlight: this.peakInFlight,
      tasks: [...this.tasks.values()].map(({ endedAtMs: _endedAtMs, ...task }) => ({ ...task })),
    };
  }
}
