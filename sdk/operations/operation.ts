import { lastSegment, linkHref, type HalLinks, type MessageWithLinks } from "../hal/schemas";
import type { Notification } from "./notification";
import { waitForNotification, type WaitOptions } from "./wait-for-notification";

/** What an Operation needs from the client: reading one notification. */
export interface NotificationReader {
  getNotification(uuid: string, signal?: AbortSignal): Promise<Notification>;
}

/**
 * The handle a mutation returns. Acquia runs most mutations as tasks: `notificationUuid` names the
 * task to wait for. Some answers carry no notification; then `wait()` resolves at once and the caller
 * confirms the change by reading the object.
 */
export class Operation {
  readonly message: string | undefined;
  readonly links: HalLinks | undefined;
  readonly notificationUuid: string | undefined;

  constructor(
    readonly reader: NotificationReader,
    answer: MessageWithLinks | undefined,
  ) {
    this.message = answer?.message;
    this.links = answer?._links;
    const href = linkHref(answer?._links, "notification") ?? answer?.notification;
    this.notificationUuid = href ? lastSegment(href) : undefined;
  }

  /** `_links.self`, which for some creates (crons, log forwarding) points at the new object. */
  get selfHref(): string | undefined {
    return linkHref(this.links, "self");
  }

  wait(options: WaitOptions = {}): Promise<Notification | undefined> {
    return this.notificationUuid ? waitForNotification(this, options) : Promise.resolve(undefined);
  }
}
