import { z } from "zod";
import { type Domain } from "../../../sdk";
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
  hostname: z
    .string()
    .transform((h) => h.trim().toLowerCase())
    .pipe(
      z
        .string()
        .max(253, "hostname must be at most 253 characters")
        .regex(
          /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/,
          "hostname must be a domain name such as www.example.com (a leading *. is allowed)",
        ),
    ),
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;
export interface DomainOutputs extends Inputs {
  active: boolean;
  isDefault: boolean;
}

const idOf = (p: Pick<Inputs, "environmentId" | "hostname">) => `${p.environmentId}/${p.hostname}`;
const outsOf = (p: Inputs, d: Domain): DomainOutputs => ({
  ...p,
  active: d.flags?.active ?? false,
  isDefault: d.flags?.default ?? false,
});

async function current(ctx: Context, p: Inputs): Promise<DomainOutputs | undefined> {
  const domain = await unlessNotFound(ctx.client.domains.get(p.environmentId, p.hostname));
  return domain && outsOf(p, domain);
}

export const domainHandler: ResourceHandler<Inputs, DomainOutputs> = {
  kind: "Domain",
  inputs,
  replaceOn: ["environmentId", "hostname"],
  // A hostname may exist once per application: moving it between environments must delete first.
  deleteBeforeReplace: true,

  ...keyedLookup(idOf, current),

  async create(ctx, p) {
    const outs = await createAndReadBack(
      ctx,
      `Domain ${p.hostname}`,
      "domain",
      () => ctx.client.domains.create(p.environmentId, p.hostname),
      () => current(ctx, p),
    );
    return { id: idOf(p), outs };
  },

  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),

  async update(ctx, _id, olds, news) {
    // Every Acquia-side field replaces; only meta inputs reach here.
    return (await current(ctx, news)) ?? { ...olds, ...news };
  },

  async delete(ctx, _id, props) {
    await settle(
      ctx,
      ctx.client.domains.delete(props.environmentId, props.hostname),
      gone(() => current(ctx, props)),
    );
  },
};
