import type { RequestOptions } from "../client";
import { lastSegment, linkHref, type HalLinks, type MessageWithLinks } from "../hal/schemas";
import type { Notification } from "./notification";
import { waitForNotification, waitUntilVisible, type WaitOptions } from "./wait-for-notification";

/** What an Operation needs from the client: reading one notification. */
export interface NotificationReader {
  getNotification(uuid: string, options?: RequestOptions): Promise<Notification>;
}

/**
 * The handle a mutation returns. Acquia runs most mutations as tasks: `notificationUuid` names the
 * task to wait for. Some answers carry only a message although the change is still under way; for
 * those, `wait({ until })` watches the object instead.
 */
export class Operation {
  readonly message: string | undefined;
  readonly links: HalLinks | undefined;
  readonly notificationUuid: string | undefined;

  constructor(
    readonly reader: NotificationReader,
    answer: MessageWithLinks | undefined,
    /** What was asked, e.g. `DELETE /environments/…/crons/12`: names the change in timeouts. */
    readonly request = "the change",
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

  /**
   * The new object's id, when the answer to a create names it: its self link points one segment below
   * the collection that was posted to (crons and log forwarding answer so; most creates do not).
   */
  get createdId(): string | undefined {
    const self = this.selfHref;
    const [method, requested] = this.request.split(" ");
    if (method !== "POST" || !self || !requested) return undefined;
    const selfPath = new URL(self, "http://placeholder").pathname.replace(/\/+$/, "");
    const parent = selfPath.slice(0, selfPath.lastIndexOf("/"));
    return parent.endsWith(requested.replace(/\/+$/, "")) ? lastSegment(self) : undefined;
  }

  /**
   * Resolves once the change is done: the task completed, or (for an answer without a notification)
   * `until` said so. Without a notification and without `until`, resolves at once.
   */
  async wait(options: WaitOptions = {}): Promise<Notification | undefined> {
    if (this.notificationUuid) return waitForNotification(this, options);
    if (options.until) await waitUntilVisible(options.until, this.request, options);
    return undefined;
  }
}
