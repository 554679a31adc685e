/** Caps the number of requests in flight; callers beyond the cap wait in FIFO order. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  get inFlight(): number {
    return this.active;
  }
}

const DEFAULT_LIMIT = 8;
const KEY = Symbol.for("pulumi-acquia-cloud.limiter");

/**
 * The one limiter every client in this process shares unless given its own, so that a large
 * `pulumi up` (one provider process, many resources) does not flood the API.
 * `ACQUIA_MAX_CONCURRENT_REQUESTS` overrides the default of 8.
 */
export function processLimiter(): Limiter {
  const store = globalThis as Record<symbol, unknown>;
  const existing = store[KEY];
  if (existing instanceof Limiter) return existing;
  const fromEnv = Number(process.env["ACQUIA_MAX_CONCURRENT_REQUESTS"]);
  const limiter = new Limiter(Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_LIMIT);
  store[KEY] = limiter;
  return limiter;
}
