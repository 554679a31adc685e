import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const shieldAclRuleSchema = z.looseObject({
  uuid: z.string(),
  description: maybe(z.string()),
  addresses: maybe(z.array(z.string())),
  action: maybe(z.string()),
  service: maybe(z.string()),
  status: maybe(z.string()),
  _links: maybe(halLinks),
});
export type ShieldAclRule = z.infer<typeof shieldAclRuleSchema>;

export interface ShieldAclRuleInput {
  description?: string;
  addresses?: string[];
}

/**
 * Shield ACL: a subscription's IP rules. Every change is a task, and Acquia refuses a change (409)
 * while another change of the same subscription is being applied: wait for each before the next.
 */
export class ShieldAclApi extends ApiResource {
  list(subscriptionUuid: string, options?: RequestOptions): Promise<ShieldAclRule[]> {
    return this.client.list(path`/subscriptions/${subscriptionUuid}/shield-acl`, shieldAclRuleSchema, {
      ...options,
      paged: true,
    });
  }

  get(subscriptionUuid: string, ruleUuid: string, options?: RequestOptions): Promise<ShieldAclRule> {
    return this.client.request("GET", path`/subscriptions/${subscriptionUuid}/shield-acl/${ruleUuid}`, {
      ...options,
      schema: shieldAclRuleSchema,
    });
  }

  /** The answer's self link names the new rule (`createdId`). */
  create(subscriptionUuid: string, input: ShieldAclRuleInput, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/subscriptions/${subscriptionUuid}/shield-acl`, input, options);
  }

  /** Acquia answers 409 when nothing would change. */
  update(
    subscriptionUuid: string,
    ruleUuid: string,
    input: ShieldAclRuleInput,
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate(
      "PUT",
      path`/subscriptions/${subscriptionUuid}/shield-acl/${ruleUuid}`,
      input,
      options,
    );
  }

  delete(subscriptionUuid: string, ruleUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/subscriptions/${subscriptionUuid}/shield-acl/${ruleUuid}`,
      undefined,
      options,
    );
  }

  /** Removes every rule of the subscription. */
  reset(subscriptionUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/subscriptions/${subscriptionUuid}/shield-acl/actions/reset`,
      undefined,
      options,
    );
  }
}
