import { z } from "zod";

export const halLink = z.looseObject({ href: z.string(), templated: z.boolean().optional() });
export const halLinks = z.record(z.string(), z.union([halLink, z.array(halLink)]));
export type HalLinks = z.infer<typeof halLinks>;

/** Ids arrive as numbers in some families and strings in others; callers always see strings. */
export const idString = z.union([z.string(), z.number()]).transform(String);

/**
 * A HAL collection. Unknown fields pass through: Acquia adds fields over time and the client must not
 * break on them.
 */
export function halCollection<Item extends z.ZodType>(item: Item) {
  return z.looseObject({
    total: z.number().optional(),
    pagination: z
      .looseObject({ total: z.number(), limit: z.number(), offset: z.number() })
      .partial()
      .optional(),
    _links: halLinks.optional(),
    _embedded: z.looseObject({ items: z.array(item) }),
  });
}

/** The answer to a mutation: `{message, _links: {self, notification?, parent?}}`. */
export const messageWithLinks = z.looseObject({
  message: z.string().optional(),
  _links: halLinks.optional(),
  /** Older answers carried the notification as a bare property instead of a link. */
  notification: z.string().optional(),
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
