import type { InputsOf } from "../kind";
import { environmentParentVisible, settle, unlessNotFound } from "../../runtime/common";
import { environmentMissing } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;

/** The branch or tag the environment runs now; undefined when the environment is gone. */
async function deployedRef(ctx: Context, id: string): Promise<string | null | undefined> {
  const env = await unlessNotFound(ctx.client.environments.get(id));
  return env && (env.vcs?.path ?? null);
}

async function deploy(ctx: Context, p: Inputs, current: string | null): Promise<void> {
  if (current === p.ref) return;
  await settle(
    ctx,
    ctx.client.code.switch(p.environmentId, { branch: p.ref }),
    async () => (await deployedRef(ctx, p.environmentId)) === p.ref,
  );
}

/**
 * Which branch or tag an environment runs. Deploying is a switch of the environment's code; changing
 * `ref` deploys again. Destroying leaves the code where it is: taking code away from a running site is
 * never what removing this resource from a program means.
 */
export const handler = applyHandler({
  kind,

  async create(ctx, p) {
    const current = await deployedRef(ctx, p.environmentId);
    if (current === undefined) throw environmentMissing(p.environmentId);
    await deploy(ctx, p, current);
    return { id: p.environmentId, outs: { ...p, ...(current ? { previousRef: current } : {}) } };
  },

  async read(ctx, id, props) {
    const current = await deployedRef(ctx, id);
    // Someone else's switch shows as drift of `ref`; the next `up` deploys the program's ref again.
    return current === undefined ? undefined : { ...props, ref: current ?? "" };
  },

  parentVisible: (ctx, props) => environmentParentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const current = await deployedRef(ctx, id);
    if (current === undefined) throw environmentMissing(id);
    await deploy(ctx, news, current);
    return { ...olds, ...news };
  },

  delete: async () => undefined,
});
