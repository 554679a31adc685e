import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import { ApiResource } from "./api-resource";

export const subscriptionSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  organization: maybe(z.looseObject({ uuid: z.string(), name: maybe(z.string()) })),
  expire_at: maybe(z.string()),
  product: maybe(z.looseObject({ name: maybe(z.string()), type: maybe(z.string()) })),
  applications_total: maybe(z.number()),
  applications_used: maybe(z.number()),
  _links: maybe(halLinks),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** Subscriptions the key can see; Acquia creates and ends them, the API only reads and renames. */
export class SubscriptionsApi extends ApiResource {
  list(options?: RequestOptions): Promise<Subscription[]> {
    return this.client.list("/subscriptions", subscriptionSchema, { ...options, paged: true });
  }

  get(subscriptionUuid: string, options?: RequestOptions): Promise<Subscription> {
    return this.client.request("GET", path`/subscriptions/${subscriptionUuid}`, {
      ...options,
      schema: subscriptionSchema,
    });
  }
}
