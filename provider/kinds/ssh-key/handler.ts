import type { SshKey } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { found, gone, listed, settle, unlessNotFound } from "../../runtime/common";
import { ProviderError } from "../../runtime/errors";
import { keyedHandler, type Context } from "../../runtime/handler";
import { keyOf, kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

function outsOf(p: Inputs, key: SshKey): Outputs {
  return {
    ...p,
    label: key.label,
    publicKey: keyOf(key.public_key),
    sshKeyUuid: key.uuid,
    ...(key.fingerprint ? { fingerprint: key.fingerprint } : {}),
    ...(key.created_at ? { createdAt: key.created_at } : {}),
  };
}

const byUuid = (ctx: Context, uuid: string) => unlessNotFound(ctx.client.sshKeys.get(uuid));

/** An SSH key of the account that owns the API key. Acquia cannot edit keys: every input replaces. */
export const handler = keyedHandler({
  kind,
  family: "sshKey",

  async find(ctx, p) {
    const key = await ctx.client.sshKeys.find(p.label);
    return key && found(kind, outsOf(p, key));
  },

  send: (ctx, p) => ctx.client.sshKeys.create({ label: p.label, public_key: p.publicKey }),
  taken: (ctx, p) =>
    listed(
      ctx,
      "ssh keys",
      () => ctx.client.sshKeys.list(),
      (k) => k.label,
      p.label,
    ),

  async read(ctx, id, props) {
    const key = await byUuid(ctx, props.sshKeyUuid ?? id);
    return key && outsOf(props, key);
  },

  // The key belongs to the account of the credentials themselves: a 404 means it is gone.
  parentVisible: async () => true,

  async update(_ctx, _id, olds, news) {
    // Reached only when adopting: label and publicKey replace otherwise.
    if (keyOf(olds.publicKey) !== keyOf(news.publicKey)) {
      throw new ProviderError(
        "NOT_MANAGEABLE",
        `SSH key "${news.label}" exists in Acquia with another public key, and Acquia cannot edit keys: ` +
          "delete it there, or give this key another label",
      );
    }
    return { ...olds, ...news };
  },

  async delete(ctx, id, props) {
    const uuid = props.sshKeyUuid ?? id;
    await settle(
      ctx,
      ctx.client.sshKeys.delete(uuid),
      gone(() => byUuid(ctx, uuid)),
    );
  },
});
