import { environmentParentVisible, found, unlessNotFound } from "../../runtime/common";
import { copyPreflight, runCopy } from "../../runtime/copies";
import { applyHandler } from "../../runtime/handler";
import { kind } from "./definition";

/**
 * Copies files between environments when created; a change of `triggers` (or of any other input)
 * replaces the resource, which copies again. Destroying it does nothing: a copy cannot be undone.
 */
export const handler = applyHandler({
  kind,

  preflight: async (ctx, p) => (await copyPreflight(ctx, p, "files")).failures,

  async create(ctx, p) {
    const copied = await runCopy(ctx, () =>
      ctx.client.files.copy(p.environmentId, { source: p.sourceEnvironmentId }),
    );
    return found(kind, { ...p, ...copied });
  },

  // The copy leaves nothing to read back: what can go is the target environment.
  async read(ctx, _id, props) {
    return (await unlessNotFound(ctx.client.environments.get(props.environmentId))) ? props : undefined;
  },

  parentVisible: (ctx, props) => environmentParentVisible(ctx, props.environmentId),

  // Every Acquia-side input replaces; only meta inputs reach here.
  update: async (_ctx, _id, olds, news) => ({ ...olds, ...news }),

  delete: async () => undefined,
});
