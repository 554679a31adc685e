import type { InputsOf } from "../kind";
import { applicationVisible, gone, keyedLookup, listed, settle } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;

async function current(ctx: Context, p: Inputs): Promise<Inputs | undefined> {
  return (await ctx.client.databases.find(p.applicationUuid, p.name)) ? p : undefined;
}

/** An application database: Acquia creates it in every environment of the application. */
export const handler = keyedHandler({
  kind,
  family: "database",
  ...keyedLookup(kind, current),
  send: (ctx, p) => ctx.client.databases.create(p.applicationUuid, { name: p.name }),
  known: (p) => p,
  taken: (ctx, p) =>
    listed(
      ctx,
      `databases of ${p.applicationUuid}`,
      () => ctx.client.databases.list(p.applicationUuid),
      (d) => d.name,
      p.name,
    ),
  parentVisible: (ctx, props) => applicationVisible(ctx, props.applicationUuid),
  // Every Acquia-side input replaces; only meta inputs reach here.
  update: async (_ctx, _id, olds, news) => ({ ...olds, ...news }),

  async delete(ctx, _id, props) {
    await settle(
      ctx,
      ctx.client.databases.delete(props.applicationUuid, props.name),
      gone(() => current(ctx, props)),
    );
  },
});
