import type { Domain } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { environmentVisible, gone, keyedLookup, listed, settle, unlessNotFound } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const outsOf = (p: Inputs, d: Domain): Outputs => ({
  ...p,
  active: d.flags?.active ?? false,
  isDefault: d.flags?.default ?? false,
});

async function current(ctx: Context, p: Inputs): Promise<Outputs | undefined> {
  const domain = await unlessNotFound(ctx.client.domains.get(p.environmentId, p.hostname));
  return domain && outsOf(p, domain);
}

export const handler = keyedHandler({
  kind,
  family: "domain",
  ...keyedLookup(kind, current),
  send: (ctx, p) => ctx.client.domains.create(p.environmentId, { hostname: p.hostname }),
  taken: (ctx, p) =>
    listed(
      ctx,
      `domains of ${p.environmentId}`,
      () => ctx.client.domains.list(p.environmentId),
      (d) => d.hostname,
      p.hostname,
    ),
  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),
  // Every Acquia-side input replaces; only meta inputs reach here.
  update: async (ctx, _id, olds, news) => (await current(ctx, news)) ?? { ...olds, ...news },

  async delete(ctx, _id, props) {
    await settle(
      ctx,
      ctx.client.domains.delete(props.environmentId, props.hostname),
      gone(() => current(ctx, props)),
    );
  },
});
