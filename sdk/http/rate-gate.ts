import { sleep } from "../internal/sleep";

export interface RateGateOptions {
  now?: () => number;
  /** Hears one line when a pause starts, never one per request. */
  warn?: ((message: string) => void) | undefined;
}

/**
 * Paces every request made with one credential set, so a rate-limit storm is met by one pause and a
 * slower pace rather than by each request hammering on its own.
 *
 * A 429 closes the gate for the server's Retry-After (every request of the process waits, not only
 * the refused one) and halves the pace, measured from the rate that was just refused. Each stretch of
 * a second without a 429 raises the pace by one request per second, so it settles just under
 * the limit (additive increase, multiplicative decrease). Until the first 429 there is no pace.
 */
export class RateGate {
  private readonly now: () => number;
  private readonly warn: ((message: string) => void) | undefined;
  private openAt = 0;
  /** Requests per second; Infinity until Acquia first refuses one. */
  private pace = Infinity;
  private nextSlot = 0;
  private lastRaise = 0;
  private readonly recentStarts: number[] = [];
  private pauses = 0;

  constructor(options: RateGateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.warn = options.warn;
  }

  /** Waits until a request may start: after any pause, and in step with the pace. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      this.raisePace(now);
      const start = Math.max(now, this.openAt, Number.isFinite(this.pace) ? this.nextSlot : now);
      if (start <= now) break;
      await sleep(start - now, signal);
    }
    const now = this.now();
    if (Number.isFinite(this.pace)) this.nextSlot = Math.max(now, this.nextSlot) + 1000 / this.pace;
    this.recentStarts.push(now);
    while (this.recentStarts.length > 0 && (this.recentStarts[0] ?? now) < now - 1000)
      this.recentStarts.shift();
  }

  /** Acquia answered 429: everyone waits `delayMs`, then goes on at half the refused pace. */
  rateLimited(delayMs: number, what: string): void {
    const now = this.now();
    const wasOpen = this.openAt <= now;
    this.openAt = Math.max(this.openAt, now + delayMs);
    this.lastRaise = this.openAt;
    // The requests already in flight come back refused too: one storm slows the pace once.
    if (wasOpen) {
      const refused = Math.max(1, this.recentStarts.length);
      this.pace = Math.max(1, Math.min(this.pace, refused) / 2);
      this.pauses++;
      this.warn?.(
        `Acquia is rate limiting these credentials (429 on ${what}): pausing every request for ` +
          `${Math.ceil(delayMs / 1000)} s, then going on at ${formatPace(this.pace)}`,
      );
    }
  }

  /** How many times a 429 paused the gate (for reports). */
  get pauseCount(): number {
    return this.pauses;
  }

  /** Requests per second now allowed; Infinity when unpaced. */
  get currentPace(): number {
    return this.pace;
  }

  private raisePace(now: number): void {
    if (!Number.isFinite(this.pace) || now < this.openAt) return;
    const seconds = Math.floor((now - this.lastRaise) / 1000);
    if (seconds <= 0) return;
    this.pace += seconds;
    this.lastRaise += seconds * 1000;
  }
}

function formatPace(pace: number): string {
  return `${pace < 10 ? pace.toFixed(1) : Math.round(pace)} requests/s`;
}

const GATES = Symbol.for("pulumi-acquia-cloud.rate-gates");

/** The process-wide gate of one credential set (keyed like the token cache). */
export function sharedRateGate(key: string, options: RateGateOptions = {}): RateGate {
  const store = globalThis as unknown as Record<symbol, Map<string, RateGate> | undefined>;
  const gates = (store[GATES] ??= new Map());
  let gate = gates.get(key);
  if (!gate) {
    gate = new RateGate(options);
    gates.set(key, gate);
  }
  return gate;
}
