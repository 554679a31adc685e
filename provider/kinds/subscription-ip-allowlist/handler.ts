import { isDeepStrictEqual } from "node:util";
import type { ShieldAclRule } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { settle, unlessNotFound } from "../../runtime/common";
import { ProviderError } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import { log } from "../../runtime/log";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;
type Entry = Inputs["entries"][number];

const entryOf = (rule: ShieldAclRule): Entry => ({
  description: rule.description ?? "",
  addresses: rule.addresses ?? [],
});

async function rulesOf(ctx: Context, subscriptionUuid: string): Promise<ShieldAclRule[] | undefined> {
  return unlessNotFound(ctx.client.shieldAcl.list(subscriptionUuid));
}

function subscriptionMissing(uuid: string): ProviderError {
  return new ProviderError(
    "NOT_MANAGEABLE",
    `subscription ${uuid} was not found, or these credentials cannot see it: check subscriptionUuid (see getSubscription)`,
  );
}

/**
 * The list as Acquia holds it, in the order of `order` (the program's) first, then any other rule: the
 * same list in the same order reads back unchanged, and a rule added outside Pulumi shows at the end.
 */
function outsOf(p: Inputs, rules: ShieldAclRule[], order: readonly Entry[]): Outputs {
  const rank = (r: ShieldAclRule) => {
    const i = order.findIndex((e) => e.description === r.description);
    return i === -1 ? order.length : i;
  };
  const sorted = [...rules].sort((a, b) => rank(a) - rank(b));
  return {
    ...p,
    entries: sorted.map(entryOf),
    ruleUuids: Object.fromEntries(sorted.map((r) => [r.description ?? "", r.uuid])),
  };
}

const same = (rules: ShieldAclRule[], entries: readonly Entry[]) =>
  rules.length === entries.length &&
  entries.every((e) => rules.some((r) => isDeepStrictEqual(entryOf(r), e)));

function taken(p: Inputs, rules: ShieldAclRule[]): ProviderError {
  const held = rules.map((r) => `"${r.description ?? ""}"`).join(", ");
  return new ProviderError(
    "ALREADY_EXISTS",
    `subscription ${p.subscriptionUuid} already has Shield ACL rules (${held}) that differ from the program's ` +
      "entries. Set `adopt: true` to manage the whole list with this stack (rules not in the program are then " +
      "removed), or add them to entries.",
  );
}

/**
 * Brings the subscription's rules to `entries`, one change at a time (Acquia refuses a change while
 * another is being applied): new and changed rules first, so an address moving between rules is never
 * locked out, then the rules no entry names.
 */
async function converge(ctx: Context, p: Inputs, rules: ShieldAclRule[]): Promise<Outputs> {
  const sub = p.subscriptionUuid;
  const byDescription = new Map<string, ShieldAclRule>();
  for (const rule of rules)
    if (!byDescription.has(rule.description ?? "")) byDescription.set(rule.description ?? "", rule);
  const shows = (check: (now: ShieldAclRule[]) => boolean) => async () =>
    check((await rulesOf(ctx, sub)) ?? []);
  for (const e of p.entries) {
    const held = byDescription.get(e.description);
    if (!held) {
      await settle(
        ctx,
        ctx.client.shieldAcl.create(sub, e),
        shows((now) => now.some((r) => isDeepStrictEqual(entryOf(r), e))),
      );
    } else if (!isDeepStrictEqual(entryOf(held), e)) {
      await settle(
        ctx,
        ctx.client.shieldAcl.update(sub, held.uuid, { addresses: e.addresses }),
        shows((now) => now.some((r) => r.uuid === held.uuid && isDeepStrictEqual(entryOf(r), e))),
      );
    }
  }
  const wanted = new Set(p.entries.map((e) => e.description));
  for (const rule of rules.filter(
    (r) => !wanted.has(r.description ?? "") || byDescription.get(r.description ?? "") !== r,
  )) {
    await settle(
      ctx,
      ctx.client.shieldAcl.delete(sub, rule.uuid),
      shows((now) => !now.some((r) => r.uuid === rule.uuid)),
    );
  }
  return outsOf(p, (await rulesOf(ctx, sub)) ?? [], p.entries);
}

/** A subscription's Shield IP allowlist, managed as one list (see the definition's notes for why). */
export const handler = applyHandler({
  kind,

  async preflight(ctx, p, olds) {
    const rules = await rulesOf(ctx, p.subscriptionUuid);
    if (!rules)
      return [{ property: "subscriptionUuid", reason: subscriptionMissing(p.subscriptionUuid).message }];
    const creating = olds.subscriptionUuid !== p.subscriptionUuid;
    if (creating && !p.adopt && rules.length > 0 && !same(rules, p.entries))
      return [{ property: "entries", reason: taken(p, rules).message }];
    return [];
  },

  async create(ctx, p) {
    const rules = await rulesOf(ctx, p.subscriptionUuid);
    if (!rules) throw subscriptionMissing(p.subscriptionUuid);
    if (rules.length > 0 && !p.adopt) {
      if (!same(rules, p.entries)) throw taken(p, rules);
      log(
        `SubscriptionIpAllowlist ${p.subscriptionUuid}: took over the existing rules, which match the program ` +
          "exactly (left by an interrupted run?)",
      );
    }
    return { id: p.subscriptionUuid, outs: await converge(ctx, p, rules) };
  },

  async read(ctx, _id, props) {
    const rules = await rulesOf(ctx, props.subscriptionUuid);
    return rules && outsOf(props, rules, props.entries ?? []);
  },

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.subscriptions.get(props.subscriptionUuid))) !== undefined;
  },

  async update(ctx, _id, _olds, news) {
    const rules = await rulesOf(ctx, news.subscriptionUuid);
    if (!rules) throw subscriptionMissing(news.subscriptionUuid);
    return converge(ctx, news, rules);
  },

  async delete(ctx, _id, props) {
    const rules = (await rulesOf(ctx, props.subscriptionUuid)) ?? [];
    const held = new Set((props.entries ?? []).map((e) => e.description));
    for (const rule of rules.filter((r) => held.has(r.description ?? ""))) {
      await settle(
        ctx,
        ctx.client.shieldAcl.delete(props.subscriptionUuid, rule.uuid),
        async () => !((await rulesOf(ctx, props.subscriptionUuid)) ?? []).some((r) => r.uuid === rule.uuid),
      );
    }
  },
});
