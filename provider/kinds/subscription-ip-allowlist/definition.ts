import { isIP } from "node:net";
import { z } from "zod";
import { subscriptionUuid } from "../fields";
import { defineKind } from "../kind";

/** An IPv4 or IPv6 address, or a CIDR block whose prefix length fits its family. */
export function isAddressOrCidr(value: string): boolean {
  const [address = "", prefix, extra] = value.split("/");
  const family = isIP(address);
  if (extra !== undefined || family === 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const entry = z.object({
  description: z
    .string()
    .refine((d) => d.trim() !== "", "description is required: it names the rule (unique in the list)")
    .refine((d) => d.length <= 255, "description must be at most 255 characters")
    .describe("Names the rule in Cloud UI; unique in the list: a rule is matched to its entry by it."),
  addresses: z
    .array(
      z
        .string()
        .trim()
        .refine(isAddressOrCidr, {
          error: (issue) =>
            `${JSON.stringify(issue.input)} is not an IP address or CIDR block (e.g. 203.0.113.7 or 203.0.113.0/24)`,
        }),
    )
    .min(1, "addresses must list at least one IP address or CIDR block")
    .describe("IPv4/IPv6 addresses and CIDR blocks, e.g. `203.0.113.0/24`."),
});

export const kind = defineKind({
  name: "SubscriptionIpAllowlist",
  description:
    "The Acquia Shield IP allowlist (Shield ACL) of a subscription, as one list: every rule not in it is " +
    "removed, so an address added in Cloud UI shows as drift and the next `up` takes it away.",
  inputs: z.object({
    subscriptionUuid: subscriptionUuid.describe(
      "The subscription (it must have Acquia Shield), e.g. from getSubscription.",
    ),
    entries: z
      .array(entry)
      .refine((list) => new Set(list.map((e) => e.description)).size === list.length, {
        message: "entries must have distinct descriptions: Acquia's rules are matched to entries by them",
      })
      .describe("The rules, each a description and its addresses; an empty list removes every rule."),
  }),
  outputs: z.object({
    ruleUuids: z.record(z.string(), z.string()).describe("Acquia's id of each entry's rule, by description."),
  }),
  secrets: [],
  replaceOn: ["subscriptionUuid"],
  deleteBeforeReplace: false,
  naturalKey: ["subscriptionUuid"],
  idFormat: "<subscriptionUuid>",
  notes:
    "One resource for the whole list, because Acquia applies Shield changes one at a time per subscription " +
    "(a change sent while another is applied is refused with 409): a resource per entry would have the " +
    "engine send them in parallel, and an address added in Cloud UI would belong to no resource, so no " +
    "refresh could show it. Here every rule change is sent in turn and awaited, new addresses before old " +
    "ones are removed. A subscription that already has rules which differ from the program is refused " +
    "unless `adopt: true`. Deleting removes the rules the resource holds.",
});
