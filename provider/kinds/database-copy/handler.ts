import type { InputsOf } from "../kind";
import { environmentParentVisible, found, unlessNotFound } from "../../runtime/common";
import { copyPreflight, runCopy } from "../../runtime/copies";
import { applyHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;

async function databaseNames(ctx: Context, environmentId: string): Promise<string[]> {
  return (await ctx.client.databases.listForEnvironment(environmentId)).map((d) => d.name);
}

/**
 * Copies a database between environments when created; a change of `triggers` (or of any other input)
 * replaces the resource, which copies again. Destroying it does nothing: a copy cannot be undone.
 */
export const handler = applyHandler({
  kind,

  async preflight(ctx, p) {
    const { failures, source } = await copyPreflight(ctx, p, "a database");
    if (source && failures.length === 0) {
      const names = await databaseNames(ctx, source.id);
      if (!names.includes(p.databaseName))
        failures.push({
          property: "databaseName",
          reason: `environment ${source.id} has no database "${p.databaseName}": choose one of ${names.join(", ") || "(none)"}`,
        });
    }
    return failures;
  },

  async create(ctx, p: Inputs) {
    const copied = await runCopy(ctx, () =>
      ctx.client.databases.copy(p.environmentId, { name: p.databaseName, source: p.sourceEnvironmentId }),
    );
    return found(kind, { ...p, ...copied });
  },

  // The copy leaves nothing to read back: what can go is the target environment or its database.
  async read(ctx, _id, props) {
    const env = await unlessNotFound(ctx.client.environments.get(props.environmentId));
    if (!env) return undefined;
    return (await databaseNames(ctx, env.id)).includes(props.databaseName) ? props : undefined;
  },

  parentVisible: (ctx, props) => environmentParentVisible(ctx, props.environmentId),

  // Every Acquia-side input replaces; only meta inputs reach here.
  update: async (_ctx, _id, olds, news) => ({ ...olds, ...news }),

  delete: async () => undefined,
});
