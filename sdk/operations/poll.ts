import { sleep } from "../internal/sleep";

/** What one look at a running task found. */
export type Probe<T> =
  | { done: true; value: T }
  | {
      done: false;
      /** Percent complete, when the task reports it. */
      progress?: number | undefined;
    };

export interface PollOptions {
  /** Give up after this long. */
  timeoutMs: number;
  /** The first look waits this long, and no two looks are closer. */
  minDelayMs: number;
  /** No two looks are further apart. */
  maxDelayMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * How long to wait before the next look at a task that has run `elapsedMs`.
 *
 * Without a usable progress figure: a tenth of the time waited so far (at least `minDelayMs`), so a
 * task is noticed at most ~10 % after it completes, with a number of looks that grows only with the
 * logarithm of its duration. When the task reported progress that moved since the last look, the
 * time left is estimated from it and the next look lands halfway there: a ten-minute task is then
 * watched with a dozen looks instead of fifty. A stalled figure falls back to the first rule.
 */
export function nextPollDelay(
  elapsedMs: number,
  progress: number | undefined,
  progressMoved: boolean,
  options: Pick<PollOptions, "minDelayMs" | "maxDelayMs">,
): number {
  let delay = Math.max(options.minDelayMs, elapsedMs / 10);
  if (progressMoved && progress !== undefined && progress > 0 && progress < 100) {
    const remaining = (elapsedMs * (100 - progress)) / progress;
    delay = Math.max(delay, remaining / 2);
  }
  return Math.round(Math.min(options.maxDelayMs, delay));
}

/**
 * Looks at a task until it is done, on the schedule of `nextPollDelay`. `onTimeout` builds the error
 * thrown when the time is up (with what the last look saw); `onWaiting` hears every look that found
 * the task still running.
 */
export async function pollUntil<T>(
  look: () => Promise<Probe<T>>,
  options: PollOptions & {
    onTimeout: (last: Probe<T> | undefined) => Error;
    onWaiting?: ((probe: Probe<T>, elapsedMs: number) => void) | undefined;
  },
): Promise<T> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let last: Probe<T> | undefined;
  let lastProgress: number | undefined;
  let delay = options.minDelayMs;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw options.onTimeout(last);
    await sleep(Math.min(delay, remaining), options.signal);
    last = await look();
    if (last.done) return last.value;
    const elapsed = Date.now() - started;
    options.onWaiting?.(last, elapsed);
    const moved = last.progress !== undefined && last.progress !== lastProgress;
    lastProgress = last.progress;
    delay = nextPollDelay(elapsed, last.progress, moved, options);
  }
}
