import type { InputsOf } from "../kind";
import { environmentVisible, gone, keyedLookup, listed, settle, unlessNotFound } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;

async function current(ctx: Context, p: Inputs): Promise<Inputs | undefined> {
  const variable = await unlessNotFound(ctx.client.variables.get(p.environmentId, p.name));
  return variable ? { ...p, value: variable.value ?? "" } : undefined;
}

function setValue(ctx: Context, p: Inputs): Promise<void> {
  return settle(
    ctx,
    ctx.client.variables.update(p.environmentId, { name: p.name, value: p.value }),
    async () => (await current(ctx, p))?.value === p.value,
  );
}

export const handler = keyedHandler({
  kind,
  family: "variable",
  ...keyedLookup(kind, current),
  send: (ctx, p) => ctx.client.variables.create(p.environmentId, { name: p.name, value: p.value }),
  known: (p) => p,
  taken: (ctx, p) =>
    listed(
      ctx,
      `variables of ${p.environmentId}`,
      () => ctx.client.variables.list(p.environmentId),
      (v) => v.name,
      p.name,
    ),
  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),

  async update(ctx, _id, _olds, news) {
    await setValue(ctx, news);
    return news;
  },

  async delete(ctx, _id, props) {
    await settle(
      ctx,
      ctx.client.variables.delete(props.environmentId, props.name),
      gone(() => current(ctx, props)),
    );
  },
});
