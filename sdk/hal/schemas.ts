import { z } from "zod";

// The client is a tolerant reader: a schema checks only the fields the code reads, lets unknown fields
// through (Acquia adds fields over time), and reads a field that is null or absent as absent, since
// Acquia sends null for many fields its spec calls non-null.

/** A field the code can do without: null and absent both read as `undefined`. */
export function maybe<T extends z.ZodType>(schema: T) {
  // The outer optional keeps the key optional in the output type.
  return schema
    .nullable()
    .transform((value): z.output<T> | undefined => value ?? undefined)
    .optional();
}

export const halLink = z.looseObject({ href: z.string(), templated: maybe(z.boolean()) });
type HalLink = z.infer<typeof halLink>;
export type HalLinks = Record<string, HalLink | HalLink[]>;

/** `_links`; an entry that is not a link (null, a bare string) is dropped rather than refused. */
export const halLinks = z.record(z.string(), z.unknown()).transform((links): HalLinks => {
  const kept: HalLinks = {};
  for (const [rel, value] of Object.entries(links)) {
    const parsed = z.union([halLink, z.array(halLink)]).safeParse(value);
    if (parsed.success) kept[rel] = parsed.data;
  }
  return kept;
});

/** Ids arrive as numbers in some families and strings in others; callers always see strings. */
export const idString = z.union([z.string(), z.number()]).transform(String);

/** A count that some answers send as a string ("12"). */
const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/**
 * A HAL collection. An empty one may come without `_embedded` or without `items`: both read as no
 * items.
 */
export function halCollection<Item extends z.ZodType>(item: Item) {
  return z.looseObject({
    total: maybe(count),
    pagination: maybe(z.looseObject({ total: maybe(count), limit: maybe(count), offset: maybe(count) })),
    _links: maybe(halLinks),
    _embedded: maybe(z.looseObject({ items: maybe(z.array(item)) })),
  });
}

/** The items of a collection answer. */
export function itemsOf<T>(page: { _embedded?: { items?: T[] | undefined } | undefined }): T[] {
  return page._embedded?.items ?? [];
}

/** The answer to a mutation: `{message, _links: {self, notification?, parent?}}`. */
export const messageWithLinks = z.looseObject({
  message: maybe(z.string()),
  _links: maybe(halLinks),
  /** Older answers carried the notification as a bare property instead of a link. */
  notification: maybe(z.string()),
});
export type MessageWithLinks = z.infer<typeof messageWithLinks>;

export function linkHref(links: HalLinks | undefined, rel: string): string | undefined {
  const link = links?.[rel];
  return Array.isArray(link) ? link[0]?.href : link?.href;
}

/** The last path segment of an href, decoded: the id of the object it points at. */
export function lastSegment(href: string): string | undefined {
  const segment = new URL(href, "http://placeholder").pathname.split("/").filter(Boolean).pop();
  return segment === undefined ? undefined : decodeURIComponent(segment);
}
