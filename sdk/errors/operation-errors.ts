import { AcquiaError } from "./acquia-error";

/** An asynchronous task (notification) ended `failed`. */
export class NotificationFailedError extends AcquiaError {
  readonly notificationUuid: string;
  readonly event: string | undefined;
  readonly label: string | undefined;
  readonly detail: string;

  constructor(details: {
    notificationUuid: string;
    event?: string | undefined;
    label?: string | undefined;
    detail: string;
  }) {
    const what = details.label ?? details.event ?? "task";
    super(
      `Acquia task "${what}" failed: ${details.detail} (notification ${details.notificationUuid}). ` +
        "See the task log in the Cloud UI for details, fix the cause and run again.",
    );
    this.notificationUuid = details.notificationUuid;
    this.event = details.event;
    this.label = details.label;
    this.detail = details.detail;
  }
}

/** Waiting for a task took longer than allowed. The task may still finish: its UUID says where to look. */
export class NotificationTimeoutError extends AcquiaError {
  readonly notificationUuid: string;
  readonly timeoutMs: number;
  readonly lastStatus: string | undefined;

  constructor(details: {
    notificationUuid: string;
    timeoutMs: number;
    lastStatus?: string | undefined;
    progress?: number | undefined;
  }) {
    const progress = details.progress === undefined ? "" : ` at ${details.progress}%`;
    super(
      `Timed out after ${Math.round(details.timeoutMs / 1000)} s waiting for Acquia task ${details.notificationUuid} ` +
        `(last status ${details.lastStatus ?? "unknown"}${progress}). It may still complete: check it with ` +
        `GET /notifications/${details.notificationUuid}, or raise the timeout.`,
    );
    this.notificationUuid = details.notificationUuid;
    this.timeoutMs = details.timeoutMs;
    this.lastStatus = details.lastStatus;
  }
}

/**
 * Acquia accepted a change without a notification, and reading the object did not show it done within
 * the time allowed. The change may still land.
 */
export class OperationTimeoutError extends AcquiaError {
  readonly timeoutMs: number;

  constructor(details: { what: string; timeoutMs: number }) {
    super(
      `Timed out after ${Math.round(details.timeoutMs / 1000)} s waiting for ${details.what} to show: Acquia ` +
        "accepted it without a task to follow, and the object does not show the change yet. It may still " +
        "land: read the object again later, or raise the timeout.",
    );
    this.timeoutMs = details.timeoutMs;
  }
}
