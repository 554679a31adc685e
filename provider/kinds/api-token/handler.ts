import { isConflict, type ApiToken as ApiTokenRecord } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { readBack, settle, unlessNotFound, gone } from "../../runtime/common";
import { ProviderError } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import { log } from "../../runtime/log";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

function outsOf(p: Inputs & Partial<Outputs>, token: ApiTokenRecord): Outputs {
  return {
    ...p,
    label: token.label,
    tokenUuid: token.uuid,
    ...(token.created_at ? { createdAt: token.created_at } : {}),
  };
}

/** The token, or undefined once it is gone or revoked (a revoked token stays listed, inactive). */
async function current(ctx: Context, uuid: string): Promise<ApiTokenRecord | undefined> {
  const token = await unlessNotFound(ctx.client.apiTokens.get(uuid));
  return token && token.active !== false ? token : undefined;
}

/**
 * The label is taken, and the token holding it cannot be taken over silently: its secret was shown
 * once, to whoever made it, so a stack that takes it over could never hand out its key and secret.
 */
function labelTaken(label: string, uuid: string): ProviderError {
  return new ProviderError(
    "ALREADY_EXISTS",
    `ApiToken "${label}" already exists in Acquia (${uuid}), and its secret was shown only to whoever created ` +
      "it (an interrupted run of this stack included). Set `adopt: true` to manage it without its key and " +
      "secret (apiKey and apiSecret stay empty; deleting the resource still revokes it), revoke it in Cloud " +
      "UI › API Tokens, or choose another label.",
  );
}

/**
 * An API token of the account. Not a keyed kind for the lifecycle: its create must keep the secret
 * from the create's answer, which no lookup can give again, so it never takes an existing token over
 * unless told to (`adopt`), and then says that the secret stays unknown.
 */
export const handler = applyHandler({
  kind,

  async preflight(ctx, p, olds) {
    if (p.adopt || p.label === olds.label) return [];
    const existing = await ctx.client.apiTokens.find(p.label);
    return existing ? [{ property: "label", reason: labelTaken(p.label, existing.uuid).message }] : [];
  },

  async create(ctx, p) {
    const existing = await ctx.client.apiTokens.find(p.label);
    if (existing) {
      if (!p.adopt) throw labelTaken(p.label, existing.uuid);
      log(
        `ApiToken "${p.label}": adopted the existing token ${existing.uuid}. Acquia showed its secret only when ` +
          "it was created, so apiKey and apiSecret stay empty; make a new ApiToken to get a key and secret.",
      );
      return { id: existing.uuid, outs: outsOf(p, existing) };
    }
    const created = await ctx.client.apiTokens.create({ label: p.label });
    const secrets = { apiKey: created.clientId, apiSecret: created.clientSecret };
    // The token works once the answer arrives; its task only records the event. Waiting for it could
    // only fail the create after the one copy of the secret arrived, and lose it: it is not awaited.
    const token = await readBack(`ApiToken "${p.label}"`, () => ctx.client.apiTokens.find(p.label));
    return { id: token.uuid, outs: { ...outsOf(p, token), ...secrets } };
  },

  async read(ctx, id, props) {
    const token = await current(ctx, props.tokenUuid ?? id);
    return token && outsOf(props, token);
  },

  // Tokens belong to the account of the credentials themselves: a 404 means it is gone.
  parentVisible: async () => true,

  // Only `label` reaches Acquia, and it replaces.
  update: async (_ctx, _id, olds, news) => ({ ...olds, ...news }),

  async delete(ctx, id, props) {
    const uuid = props.tokenUuid ?? id;
    const revoke = ctx.client.apiTokens.delete(uuid, { reason: "Deleted by Pulumi (pulumi-acquia-cloud)." });
    // A stack revoking the token it authenticates with (a destroy after a rotation to it) cannot look
    // afterwards: its own requests are refused from then on. Acquia's answer is the confirmation.
    if (props.apiKey !== undefined && props.apiKey === ctx.client.clientId) {
      await revoke;
      return;
    }
    try {
      await settle(
        ctx,
        revoke,
        gone(() => current(ctx, uuid)),
      );
    } catch (error) {
      // Already revoked: what delete wants.
      if (!isConflict(error)) throw error;
    }
  },
});
