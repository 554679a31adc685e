import { NotificationFailedError, NotificationTimeoutError, OperationTimeoutError } from "../errors";
import type { Notification } from "./notification";
import type { NotificationReader } from "./operation";
import { pollUntil, type PollOptions } from "./poll";

/** Where a running change stands, as reported to `onProgress`. */
export interface TaskProgress {
  status: string;
  /** Percent complete, when Acquia reports it. */
  progress?: number | undefined;
  /** What the task is, e.g. "Environment variable added". */
  label?: string | undefined;
  /** The task's notification; absent while watching an object after an answer without one. */
  notificationUuid?: string | undefined;
  elapsedMs: number;
}

export interface WaitOptions {
  /** Give up after this long; the task may still finish. Default 30 minutes. */
  timeoutMs?: number | undefined;
  /** The first look waits this long, and no two looks are closer. Default 1 s. */
  pollIntervalMs?: number | undefined;
  /** No two looks are further apart. Default 60 s. */
  maxPollIntervalMs?: number | undefined;
  /** Called after every look that found the change still running. */
  onProgress?: ((progress: TaskProgress) => void) | undefined;
  /**
   * For answers without a notification (Acquia sends some): whether the change is visible yet, e.g.
   * "the object is gone" after a delete. Polled on the same schedule and timeout as a task.
   */
  until?: (() => Promise<boolean>) | undefined;
  signal?: AbortSignal | undefined;
}

export interface NotificationHandle {
  reader: NotificationReader;
  notificationUuid: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;

export function pollOptions(options: WaitOptions): PollOptions {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    minDelayMs: options.pollIntervalMs ?? 1_000,
    maxDelayMs: options.maxPollIntervalMs ?? 60_000,
    signal: options.signal,
  };
}

/**
 * Polls `GET /notifications/{uuid}` until the task completes (resolves with the notification) or
 * fails (throws NotificationFailedError). Past the timeout it throws NotificationTimeoutError, which
 * carries the UUID so the task can be looked up later.
 */
export async function waitForNotification(
  handle: NotificationHandle,
  options: WaitOptions = {},
): Promise<Notification> {
  const uuid = handle.notificationUuid;
  if (!uuid) throw new TypeError("This operation has no notification to wait for");
  const poll = pollOptions(options);
  let last: Notification | undefined;
  return pollUntil(
    async () => {
      last = await handle.reader.getNotification(uuid, { signal: options.signal });
      if (last.status === "completed") return { done: true, value: last };
      if (last.status === "failed" || last.status === "error") {
        throw new NotificationFailedError({
          notificationUuid: uuid,
          event: last.event,
          label: last.label,
          detail: last.description || "no description given",
        });
      }
      return { done: false, progress: last.progress };
    },
    {
      ...poll,
      onWaiting: (_probe, elapsedMs) =>
        last &&
        options.onProgress?.({
          status: last.status,
          progress: last.progress,
          label: last.label ?? last.event,
          notificationUuid: uuid,
          elapsedMs,
        }),
      onTimeout: () =>
        new NotificationTimeoutError({
          notificationUuid: uuid,
          timeoutMs: poll.timeoutMs,
          lastStatus: last?.status,
          progress: last?.progress,
        }),
    },
  );
}

/**
 * Waits for a change Acquia accepted without a notification to link to: polls `until` (which reads
 * the object) on the same schedule and timeout as a task.
 */
export async function waitUntilVisible(
  until: () => Promise<boolean>,
  what: string,
  options: WaitOptions = {},
): Promise<void> {
  const poll = pollOptions(options);
  await pollUntil(async () => ((await until()) ? { done: true, value: undefined } : { done: false }), {
    ...poll,
    onWaiting: (_probe, elapsedMs) =>
      options.onProgress?.({ status: "waiting for the change to show", label: what, elapsedMs }),
    onTimeout: () => new OperationTimeoutError({ what, timeoutMs: poll.timeoutMs }),
  });
}
