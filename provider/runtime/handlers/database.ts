import { z } from "zod";

import type { Context, ResourceHandler } from "../handler";
import {
  applicationUuid,
  applicationVisible,
  createAndReadBack,
  keyedLookup,
  gone,
  metaShape,
  settle,
} from "./common";

const inputs = z.object({
  applicationUuid,
  name: z
    .string()
    .min(1, "name is required")
    .max(63, "name must be at most 63 characters")
    .regex(/^[A-Za-z0-9_]+$/, "name may contain only letters, digits and underscores")
    .refine((n) => n !== "default", 'name may not be "default"'),
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;

const idOf = (p: Inputs) => `${p.applicationUuid}/${p.name}`;

async function current(ctx: Context, p: Inputs): Promise<Inputs | undefined> {
  return (await ctx.client.databases.find(p.applicationUuid, p.name)) ? p : undefined;
}

/** An application database: Acquia creates it in every environment of the application. */
export const databaseHandler: ResourceHandler<Inputs, Inputs> = {
  kind: "Database",
  inputs,
  replaceOn: ["applicationUuid", "name"],
  deleteBeforeReplace: false,

  ...keyedLookup(idOf, current),

  async create(ctx, p) {
    const outs = await createAndReadBack(
      ctx,
      `Database ${p.name}`,
      "database",
      () => ctx.client.databases.create(p.applicationUuid, p.name),
      () => current(ctx, p),
    );
    return { id: idOf(p), outs };
  },

  parentVisible: (ctx, props) => applicationVisible(ctx, props.applicationUuid),

  async update(_ctx, _id, olds, news) {
    return { ...olds, ...news };
  },

  async delete(ctx, _id, props) {
    await settle(
      ctx,
      ctx.client.databases.delete(props.applicationUuid, props.name),
      gone(() => current(ctx, props)),
    );
  },
};
