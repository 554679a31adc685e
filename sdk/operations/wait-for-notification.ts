import { NotificationFailedError, NotificationTimeoutError } from "../errors";
import { sleep } from "../internal/sleep";
import type { Notification } from "./notification";
import type { NotificationReader } from "./operation";

export interface WaitOptions {
  /** Give up after this long; the task may still finish. Default 30 minutes. */
  timeoutMs?: number | undefined;
  /** First delay between polls; grows by half each time up to `maxPollIntervalMs`. Default 1 s. */
  pollIntervalMs?: number | undefined;
  maxPollIntervalMs?: number | undefined;
  /** Called after every poll that found the task still running. */
  onProgress?: ((notification: Notification) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface NotificationHandle {
  reader: NotificationReader;
  notificationUuid: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;

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
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxInterval = options.maxPollIntervalMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let interval = options.pollIntervalMs ?? 1_000;
  let last: Notification | undefined;

  for (;;) {
    last = await handle.reader.getNotification(uuid, options.signal);
    if (last.status === "completed") return last;
    if (last.status === "failed" || last.status === "error") {
      throw new NotificationFailedError({
        notificationUuid: uuid,
        event: last.event,
        label: last.label,
        detail: last.description || "no description given",
      });
    }
    options.onProgress?.(last);
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new NotificationTimeoutError({
        notificationUuid: uuid,
        timeoutMs,
        lastStatus: last.status,
        progress: last.progress,
      });
    }
    await sleep(Math.min(interval, remaining), options.signal);
    interval = Math.min(maxInterval, Math.ceil(interval * 1.5));
  }
}
