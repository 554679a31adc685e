import { ok } from "../answers";
import { collection, link } from "../hal";
import type { Route, RouteContext } from "../router";
import { CONSUMER_NAMES, LOG_CONSUMERS, LOG_SOURCES } from "./log-forwarding";

/**
 * Each source's label and the platforms that produce it: Node.js applications write stdout/stderr,
 * Drupal ones the PHP and Drupal logs, and both sit behind Apache and Varnish.
 */
const SOURCES: Record<string, { label: string; platforms: string[] }> = {
  "apache-access": { label: "Apache access", platforms: ["drupal", "node"] },
  "apache-error": { label: "Apache error", platforms: ["drupal", "node"] },
  "varnish-access": { label: "Varnish access", platforms: ["drupal", "node"] },
  "drupal-request": { label: "Drupal request", platforms: ["drupal"] },
  "drupal-watchdog": { label: "Drupal watchdog", platforms: ["drupal"] },
  "php-error": { label: "PHP error", platforms: ["drupal"] },
  stdout: { label: "Standard output", platforms: ["node"] },
  stderr: { label: "Standard error", platforms: ["node"] },
};

const BASE = "/options/log-forwarding";

/** Only links: the spec says this group returns no data of its own. */
function logForwarding(ctx: RouteContext) {
  return ok({
    _links: {
      self: link(ctx, BASE),
      sources: link(ctx, `${BASE}/sources`),
      consumers: link(ctx, `${BASE}/consumers`),
    },
  });
}

function sources(ctx: RouteContext) {
  const items = LOG_SOURCES.map((name) => ({
    name,
    label: SOURCES[name]?.label ?? name,
    platforms: SOURCES[name]?.platforms ?? ["drupal"],
  }));
  return ok(collection(ctx, items, { self: `${BASE}/sources`, parent: BASE }));
}

function consumers(ctx: RouteContext) {
  const items = LOG_CONSUMERS.map((name) => ({ name, label: CONSUMER_NAMES[name] ?? name }));
  return ok(collection(ctx, items, { self: `${BASE}/consumers`, parent: BASE }));
}

export const optionRoutes: Route[] = [
  { method: "GET", template: "/options/log-forwarding", handler: logForwarding },
  { method: "GET", template: "/options/log-forwarding/sources", handler: sources },
  { method: "GET", template: "/options/log-forwarding/consumers", handler: consumers },
];
