import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { accepted, ok } from "../answers";
import { listField, stringField } from "../body";
import { ApiError, notFound, validationFailed } from "../errors";
import { collection, link } from "../hal";
import type { ShieldAclRuleRecord, SubscriptionRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { startTask } from "../tasks";
import { requireSubscription } from "./subscriptions";

const RULE_NOT_FOUND =
  "The Shield ACL rule you are trying to access does not exist, or you do not have permission to access it.";
const SHIELD_EVENTS = [
  "ShieldAclRuleCreated",
  "ShieldAclRuleUpdated",
  "ShieldAclRuleDeleted",
  "ShieldAclReset",
];

/** An IPv4 address, or an IPv4 or IPv6 CIDR block with a prefix length that fits it. */
export function isAddressOrCidr(value: string): boolean {
  const [address = "", prefix, extra] = value.split("/");
  if (extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function renderRule(ctx: RouteContext, rule: ShieldAclRuleRecord): Record<string, unknown> {
  const subscription = ctx.core.store.state.subscriptions[rule.subscriptionUuid];
  const base = `/subscriptions/${rule.subscriptionUuid}/shield-acl`;
  return {
    uuid: rule.uuid,
    subscription: { uuid: rule.subscriptionUuid, name: subscription?.name ?? "" },
    description: rule.description,
    service: rule.service,
    addresses: rule.addresses,
    action: rule.action,
    status: "active",
    _links: { self: link(ctx, `${base}/${rule.uuid}`), parent: link(ctx, base) },
  };
}

function rulesOf(ctx: RouteContext, subscriptionUuid: string): ShieldAclRuleRecord[] {
  return Object.values(ctx.core.store.state.shieldAclRules).filter(
    (r) => r.subscriptionUuid === subscriptionUuid,
  );
}

function requireRule(ctx: RouteContext, subscription: SubscriptionRecord): ShieldAclRuleRecord {
  const rule = ctx.core.store.state.shieldAclRules[ctx.params.shieldAclUuid ?? ""];
  if (rule === undefined || rule.subscriptionUuid !== subscription.uuid) throw notFound(RULE_NOT_FOUND);
  return rule;
}

/** Acquia applies a subscription's rules one change at a time: another change waits for it (409). */
function refuseWhileUpdating(ctx: RouteContext, subscription: SubscriptionRecord, verb: string): void {
  const busy = Object.values(ctx.core.store.state.notifications).some(
    (n) =>
      n.status === "in-progress" &&
      SHIELD_EVENTS.includes(n.event) &&
      (n.context.subscription as { uuid?: string } | undefined)?.uuid === subscription.uuid,
  );
  if (busy) {
    throw new ApiError(409, "conflict", {
      general: `Shield ACL rules cannot be ${verb} while ACL rule updates are in progress.`,
    });
  }
}

function requireShield(subscription: SubscriptionRecord, verb: string): void {
  if (!subscription.shield) {
    const where = verb === "added" ? "to" : verb === "reset" ? "on" : "from";
    throw validationFailed({
      general: `Shield rules can only be ${verb} ${where} subscriptions that have Acquia Shield.`,
    });
  }
}

/** The body's fields, checked as Acquia checks them; absent fields stay undefined (a PUT may omit them). */
function ruleFields(ctx: RouteContext): { description?: string; addresses?: string[] } {
  const description = stringField(ctx.body, "description");
  const addresses = listField(ctx.body, "addresses");
  if (description !== undefined && (description.trim() === "" || description.length > 255)) {
    throw validationFailed({ description: "The description must be between 1 and 255 characters." });
  }
  const bad = addresses?.find((a) => !isAddressOrCidr(a));
  if (bad !== undefined) {
    throw validationFailed({ addresses: `"${bad}" is not a valid IP address or CIDR.` });
  }
  return {
    ...(description !== undefined ? { description } : {}),
    ...(addresses !== undefined ? { addresses } : {}),
  };
}

const task = (subscription: SubscriptionRecord) => ({
  organizationUuid: subscription.organizationUuid,
  context: { subscription: { uuid: subscription.uuid } },
});

/**
 * Shield ACL: a subscription's IP rules. Every change is a task, and Acquia refuses a change while
 * another one of the same subscription is still being applied (409), as the spec documents.
 */
export const shieldAclRoutes: Route[] = [
  {
    method: "GET",
    template: "/subscriptions/{subscriptionUuid}/shield-acl",
    handler: (ctx) => {
      const subscription = requireSubscription(ctx, ctx.params.subscriptionUuid ?? "");
      return ok(
        collection(
          ctx,
          rulesOf(ctx, subscription.uuid).map((r) => renderRule(ctx, r)),
          {
            self: `/subscriptions/${subscription.uuid}/shield-acl`,
            parent: `/subscriptions/${subscription.uuid}`,
            paged: true,
          },
        ),
      );
    },
  },
  {
    method: "POST",
    template: "/subscriptions/{subscriptionUuid}/shield-acl",
    handler: (ctx) => {
      const subscription = requireSubscription(ctx, ctx.params.subscriptionUuid ?? "");
      requireShield(subscription, "added");
      const fields = ruleFields(ctx);
      if (fields.addresses === undefined || fields.addresses.length === 0) {
        throw validationFailed({ addresses: "At least one IP address or CIDR is required." });
      }
      refuseWhileUpdating(ctx, subscription, "created");
      const rule: ShieldAclRuleRecord = {
        uuid: randomUUID(),
        subscriptionUuid: subscription.uuid,
        description: fields.description ?? "",
        addresses: fields.addresses,
        service: "ssh",
        action: "allow",
      };
      const notification = startTask(ctx, {
        event: "ShieldAclRuleCreated",
        label: "Shield ACL rule created",
        description: `The Shield ACL rule "${rule.description}" was created.`,
        ...task(subscription),
        ops: [{ op: "put", collection: "shieldAclRules", key: rule.uuid, value: rule }],
      });
      const base = `/subscriptions/${subscription.uuid}/shield-acl`;
      return accepted(ctx, "Shield ACL rule for subscription has been created.", {
        self: `${base}/${rule.uuid}`,
        parent: base,
        notification,
      });
    },
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}",
    handler: (ctx) => {
      const subscription = requireSubscription(ctx, ctx.params.subscriptionUuid ?? "");
      return ok(renderRule(ctx, requireRule(ctx, subscription)));
    },
  },
  {
    method: "PUT",
    template: "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}",
    handler: (ctx) => {
      const subscription = requireSubscription(ctx, ctx.params.subscriptionUuid ?? "");
      const rule = requireRule(ctx, subscription);
      const fields = ruleFields(ctx);
      const next = { ...rule, ...fields };
      if (
        next.description === rule.description &&
        JSON.stringify(next.addresses) === JSON.stringify(rule.addresses)
      ) {
        throw new ApiError(409, "conflict", "The Shield ACL rule already contains the same values.");
      }
      refuseWhileUpdating(ctx, subscription, "updated");
      const notification = startTask(ctx, {
        event: "ShieldAclRuleUpdated",
        label: "Shield ACL rule updated",
        description: `The Shield ACL rule "${next.description}" was updated.`,
        ...task(subscription),
        ops: [{ op: "put", collection: "shieldAclRules", key: rule.uuid, value: next }],
      });
      const base = `/subscriptions/${subscription.uuid}/shield-acl`;
      return accepted(ctx, "Updated ACL rule for subscription.", {
        self: `${base}/${rule.uuid}`,
        parent: base,
        notification,
      });
    },
  },
  {
    method: "DELETE",
    template: "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}",
    handler: (ctx) => {
      const subscription = requireSubscription(ctx, ctx.params.subscriptionUuid ?? "");
      requireShield(subscription, "deleted");
      const rule = requireRule(ctx, subscription);
      refuseWhileUpdating(ctx, subscription, "deleted");
      const notification = startTask(ctx, {
        event: "ShieldAclRuleDeleted",
        label: "Shield ACL rule deleted",
        description: `The Shield ACL rule "${rule.description}" was deleted.`,
        ...task(subscription),
        ops: [{ op: "delete", collection: "shieldAclRules", key: rule.uuid }],
      });
      const base = `/subscriptions/${subscription.uuid}/shield-acl`;
      return accepted(
        ctx,
        `Deleted ACL rule (UUID: ${rule.uuid}) for subscription (UUID: ${subscription.uuid}).`,
        { self: `${base}/${rule.uuid}`, parent: base, notification },
      );
    },
  },
  {
    method: "POST",
    template: "/subscriptions/{subscriptionUuid}/shield-acl/actions/reset",
    handler: (ctx) => {
      const subscription = requireSubscription(ctx, ctx.params.subscriptionUuid ?? "");
      requireShield(subscription, "reset");
      refuseWhileUpdating(ctx, subscription, "reset");
      const notification = startTask(ctx, {
        event: "ShieldAclReset",
        label: "Shield ACL rules reset",
        description: `The Shield ACL rules of subscription ${subscription.name} were reset.`,
        ...task(subscription),
        ops: [
          {
            op: "deleteWhere",
            collection: "shieldAclRules",
            field: "subscriptionUuid",
            equals: subscription.uuid,
          },
        ],
      });
      return accepted(ctx, `Shield ACL rules reset for subscription with UUID ${subscription.uuid}.`, {
        self: `/subscriptions/${subscription.uuid}/shield-acl`,
        parent: `/subscriptions/${subscription.uuid}`,
        notification,
      });
    },
  },
];
