import { z } from "zod";

import type { Context, ResourceHandler } from "../handler";
import {
  createAndReadBack,
  environmentId,
  environmentVisible,
  gone,
  keyedLookup,
  metaShape,
  settle,
  unlessNotFound,
} from "./common";

const inputs = z.object({
  environmentId,
  name: z
    .string()
    .max(255, "name must be under 256 characters")
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]*$/,
      "name may contain only letters, digits and underscores, and may not start with a digit",
    )
    .refine((n) => !/^(ACQUIA_|AH_)/.test(n), "name may not start with ACQUIA_ or AH_ (reserved by Acquia)"),
  value: z.string().max(255, "value must be under 256 characters"),
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;

const idOf = (p: Pick<Inputs, "environmentId" | "name">) => `${p.environmentId}/${p.name}`;

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

export const environmentVariableHandler: ResourceHandler<Inputs, Inputs> = {
  kind: "EnvironmentVariable",
  inputs,
  replaceOn: ["environmentId", "name"],
  deleteBeforeReplace: false,

  ...keyedLookup(idOf, current),

  async create(ctx, p) {
    const outs = await createAndReadBack(
      ctx,
      `Variable ${p.name}`,
      "variable",
      () => ctx.client.variables.create(p.environmentId, { name: p.name, value: p.value }),
      () => current(ctx, p),
    );
    // Adopted through an unknown outcome with another value: converge.
    if (outs.value !== p.value) await setValue(ctx, p);
    return { id: idOf(p), outs: p };
  },

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
};
