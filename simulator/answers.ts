import { link, type Link } from "./hal";
import type { NotificationRecord } from "./model";
import type { RouteContext, RouteResult } from "./router";

export function ok(body: unknown, status = 200): RouteResult {
  return { status, body };
}

export interface MessageLinks {
  self: string;
  parent?: string;
  notification?: NotificationRecord;
}

/** The spec's `message-with-links` answer of a mutation; async ones carry the notification link. */
export function accepted(ctx: RouteContext, message: string, links: MessageLinks, status = 202): RouteResult {
  const body: { message: string; _links: Record<string, Link> } = {
    message,
    _links: { self: link(ctx, links.self) },
  };
  if (links.notification !== undefined) {
    body._links.notification = link(ctx, `/notifications/${links.notification.uuid}`);
  }
  if (links.parent !== undefined) body._links.parent = link(ctx, links.parent);
  return { status, body };
}
