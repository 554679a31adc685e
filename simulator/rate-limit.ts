export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export const MAX_REQUESTS_PER_SECOND = 100_000;

/** Why a requests-per-second limit is unusable, or null; `null` itself means no limit. */
export function rateLimitProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_REQUESTS_PER_SECOND) {
    return `requestsPerSecond must be an integer between 1 and ${MAX_REQUESTS_PER_SECOND}, or null for no limit.`;
  }
  return null;
}

/**
 * An API gateway's request limit as a sliding window: at most `limit` requests are admitted within
 * any 1000 ms. Refused requests do not count, so a client that waits Retry-After gets through.
 */
export class RateLimiter {
  private admittedAt: number[] = [];

  constructor(private limitPerSecond: number | null) {}

  get limit(): number | null {
    return this.limitPerSecond;
  }

  set limit(value: number | null) {
    this.limitPerSecond = value;
    this.admittedAt = [];
  }

  admit(now = Date.now()): Admission {
    if (this.limitPerSecond === null) return { admitted: true };
    while ((this.admittedAt[0] ?? Infinity) <= now - 1000) this.admittedAt.shift();
    if (this.admittedAt.length < this.limitPerSecond) {
      this.admittedAt.push(now);
      return { admitted: true };
    }
    // Whole seconds, as Retry-After is usually sent: until the oldest admission leaves the window.
    const waitMs = (this.admittedAt[0] ?? now) + 1000 - now;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
