import { guardOrganization, listsObjectsOf } from "../access";
import { ok } from "../answers";
import { notFound } from "../errors";
import { collection, link } from "../hal";
import type { SubscriptionRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { organizationStub } from "./render";

export const SUBSCRIPTION_NOT_FOUND =
  "The subscription you are trying to access does not exist, or you do not have permission to access it.";

/** A subscription the key may see, or the spec's 404 (also for one it may not: hideInvisible). */
export function requireSubscription(ctx: RouteContext, uuid: string): SubscriptionRecord {
  const subscription = ctx.core.store.state.subscriptions[uuid];
  if (subscription === undefined) throw notFound(SUBSCRIPTION_NOT_FOUND);
  guardOrganization(ctx, subscription.organizationUuid, () => notFound(SUBSCRIPTION_NOT_FOUND));
  return subscription;
}

// Contract dates and product are the same for every seeded subscription: nothing reads them but people.
export function renderSubscription(
  ctx: RouteContext,
  subscription: SubscriptionRecord,
): Record<string, unknown> {
  const { state } = ctx.core.store;
  const used = Object.values(state.applications).filter(
    (a) => a.subscriptionUuid === subscription.uuid,
  ).length;
  const self = `/subscriptions/${subscription.uuid}`;
  const organization = organizationStub(ctx, subscription.organizationUuid);
  return {
    id: Math.abs([...subscription.uuid].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7)) % 1_000_000,
    uuid: subscription.uuid,
    name: subscription.name,
    start_at: "2024-01-01T00:00:00",
    expire_at: "2030-12-31T00:00:00",
    product: { id: 8999, name: "Enterprise", type: "enterprise" },
    applications_total: 10,
    applications_used: used,
    organization,
    flags: { active: true, expired: false, zuora: false },
    _links: {
      self: link(ctx, self),
      applications: link(ctx, `${self}/applications`),
      entitlements: link(ctx, `${self}/entitlements`),
      ides: link(ctx, `${self}/ides`),
      "shield-acl": link(ctx, `${self}/shield-acl`),
      parent: link(ctx, "/subscriptions"),
    },
    _embedded: {
      organization: {
        ...organization,
        _links: {
          self: link(ctx, `/organizations/${subscription.organizationUuid}`),
          parent: link(ctx, "/organizations"),
        },
      },
    },
  };
}

export const subscriptionRoutes: Route[] = [
  {
    method: "GET",
    template: "/subscriptions",
    handler: (ctx) =>
      ok(
        collection(
          ctx,
          Object.values(ctx.core.store.state.subscriptions)
            .filter((s) => listsObjectsOf(ctx, s.organizationUuid))
            .map((s) => renderSubscription(ctx, s)),
          { self: "/subscriptions", parent: "/", paged: true, queryable: true },
        ),
      ),
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionUuid}",
    handler: (ctx) =>
      ok(renderSubscription(ctx, requireSubscription(ctx, ctx.params.subscriptionUuid ?? ""))),
  },
];
