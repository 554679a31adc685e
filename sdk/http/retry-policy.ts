/**
 * When to try a request again, and how long to wait first. Pure: the caller supplies the clock and
 * the random source, so every rule is unit-testable.
 */

export interface RetryOptions {
  /**
   * How long one request may keep retrying, from its first attempt: a retry whose wait would end
   * later is not made. Rate-limit storms and short outages last minutes, not attempts.
   */
  budgetMs: number;
  /** Attempts in total, the first included; unlimited by default (the budget decides). */
  maxAttempts?: number | undefined;
  /** Delay before the first retry; doubles with each further one. */
  baseDelayMs: number;
  /** Ceiling of the computed back-off. */
  maxDelayMs: number;
  /** Ceiling applied to a server's Retry-After, so a hostile or broken header cannot stall a run. */
  maxRetryAfterMs: number;
}

export const defaultRetryOptions: Readonly<RetryOptions> = {
  budgetMs: 5 * 60_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 60_000,
};

export type AttemptOutcome =
  | { kind: "response"; status: number; retryAfter?: string | null | undefined }
  /**
   * No answer. `requestSent` is false when the connection was never established (refused, DNS,
   * connect timeout): the server cannot have acted on it.
   */
  | {
      kind: "network";
      requestSent: boolean;
      /** A host name that does not resolve: no retry will change that. */
      permanent?: boolean | undefined;
    };

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/** Where a request stands: the attempt that just ended, and the time since its first began. */
export interface RetryState {
  attempt: number;
  elapsedMs: number;
}

/** 429 means the request was turned away before any work; 502-504 come from the gateway. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * GET, PUT and DELETE are idempotent, so any transient failure may be retried. A POST starts work
 * (an Acquia task) and is retried only when the server cannot have acted: a 429, or a connection that
 * was never established. `idempotent` lets a caller vouch for a POST that is safe (the token request).
 */
export function decideRetry(
  request: { method: string; idempotent?: boolean | undefined },
  outcome: AttemptOutcome,
  state: RetryState,
  options: RetryOptions = defaultRetryOptions,
  now: () => number = Date.now,
  random: () => number = Math.random,
): RetryDecision {
  const decision = whetherToRetry(request, outcome, state.attempt, options, now, random);
  if (!decision.retry) return decision;
  if (state.attempt >= (options.maxAttempts ?? Infinity)) return { retry: false };
  return state.elapsedMs + decision.delayMs <= options.budgetMs ? decision : { retry: false };
}

function whetherToRetry(
  request: { method: string; idempotent?: boolean | undefined },
  outcome: AttemptOutcome,
  attempt: number,
  options: RetryOptions,
  now: () => number,
  random: () => number,
): RetryDecision {
  const method = request.method.toUpperCase();
  const idempotent =
    request.idempotent ?? (method === "GET" || method === "PUT" || method === "DELETE" || method === "HEAD");

  if (outcome.kind === "network") {
    if (outcome.permanent || (!idempotent && outcome.requestSent)) return { retry: false };
  } else {
    if (!RETRYABLE_STATUSES.has(outcome.status)) return { retry: false };
    if (!idempotent && outcome.status !== 429) return { retry: false };
    const serverDelay = parseRetryAfter(outcome.retryAfter, now);
    // Retry-After is authoritative when present: no jitter, only the safety ceiling.
    if (serverDelay !== undefined)
      return { retry: true, delayMs: Math.min(serverDelay, options.maxRetryAfterMs) };
  }
  return { retry: true, delayMs: backoffDelay(attempt, options, random) };
}

/** Exponential back-off with "equal jitter": half fixed, half random, so retries never bunch up at zero. */
export function backoffDelay(
  attempt: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Retry-After as delta-seconds or an HTTP-date; undefined when absent or unparseable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: () => number = Date.now,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP-date always names a weekday and month; this keeps "-1" from parsing as a year.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now());
}
