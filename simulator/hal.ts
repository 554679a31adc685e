import { matchesFilter, parseFilter, parseNonNegativeInteger, sortItems } from "./query";
import type { RouteContext } from "./router";

export interface Link {
  href: string;
  templated?: boolean;
}

/** Encodes one path segment; `*` (wildcard domains) and `:` stay readable as Acquia prints them. */
export function segment(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ":");
}

export function link(ctx: RouteContext, path: string): Link {
  return { href: `${ctx.core.apiUrl}${path}` };
}

export interface CollectionOptions {
  self: string;
  parent?: string;
  /** The spec declares `limit`/`offset` for this collection: page it and report `pagination`. */
  paged?: boolean;
  /** The spec declares `sort`/`filter` for this collection: honour them and link their templates. */
  queryable?: boolean;
}

export function collection(
  ctx: RouteContext,
  items: ReadonlyArray<Record<string, unknown>>,
  options: CollectionOptions,
): Record<string, unknown> {
  let selected = [...items];
  if (options.queryable) {
    const filter = ctx.query.get("filter");
    if (filter !== null && filter !== "") {
      const parsed = parseFilter(filter);
      selected = selected.filter((item) => matchesFilter(item, parsed));
    }
    const sort = ctx.query.get("sort");
    if (sort !== null && sort !== "") selected = sortItems(selected, sort);
  }

  const base = `${ctx.core.apiUrl}${options.self}`;
  const links: Record<string, Link> = { self: { href: `${base}${ctx.search}` } };
  if (options.queryable) {
    links.sort = { href: `${base}{?sort}`, templated: true };
    links.filter = { href: `${base}{?filter}`, templated: true };
  }
  if (options.paged) {
    links.limit = { href: `${base}{?limit}`, templated: true };
    links.offset = { href: `${base}{?offset}`, templated: true };
  }
  if (options.parent !== undefined) links.parent = link(ctx, options.parent);

  const body: Record<string, unknown> = {};
  if (options.paged) {
    const total = selected.length;
    const offset = parseNonNegativeInteger("offset", ctx.query.get("offset")) ?? 0;
    const limit = parseNonNegativeInteger("limit", ctx.query.get("limit"));
    selected = selected.slice(offset, limit === undefined ? undefined : offset + limit);
    // `total` counts the items returned; `pagination.total` counts the whole filtered collection
    // (spec: Acquia_Cloud_API_Documentation_pagination and each collection's `total` description).
    body.total = selected.length;
    body.pagination = { total, limit: limit ?? total, offset };
  } else {
    body.total = selected.length;
  }
  body._links = links;
  body._embedded = { items: selected };
  return body;
}
