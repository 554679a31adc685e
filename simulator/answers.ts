import { link, type Link } from "./hal";
import type { NotificationRecord } from "./model";
import { MESSAGE_ONLY_OPERATIONS } from "./realism";
import type { RouteContext, RouteResult } from "./router";

export function ok(body: unknown, status = 200): RouteResult {
  return { status, body };
}

export interface MessageLinks {
  self: string;
  parent?: string;
  notification?: NotificationRecord;
}

/**
 * The spec's `message-with-links` answer of a mutation; async ones carry the notification link, except
 * the operations Acquia answers without one (messageOnly): their task runs all the same.
 */
export function accepted(ctx: RouteContext, message: string, links: MessageLinks, status = 202): RouteResult {
  const body: { message: string; _links: Record<string, Link> } = {
    message,
    _links: { self: link(ctx, links.self) },
  };
  const messageOnly = ctx.core.realism.has("messageOnly") && MESSAGE_ONLY_OPERATIONS.includes(ctx.route);
  if (links.notification !== undefined && !messageOnly) {
    body._links.notification = link(ctx, `/notifications/${links.notification.uuid}`);
  }
  if (links.parent !== undefined) body._links.parent = link(ctx, links.parent);
  return { status, body };
}
