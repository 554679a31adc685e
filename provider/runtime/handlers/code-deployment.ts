import { z } from "zod";
import type { Context, ResourceHandler } from "../handler";
import {
  environmentId,
  environmentMissing,
  environmentParentVisible,
  metaShape,
  settle,
  unlessNotFound,
} from "./common";

const inputs = z.object({
  environmentId,
  ref: z
    .string()
    .trim()
    .min(1, "ref is required: a branch such as main, or a tag written tags/<name>")
    .regex(
      /^[A-Za-z0-9._/-]+$/,
      "ref may contain only letters, digits and . _ / - (tags are written tags/<name>)",
    ),
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;
export interface CodeDeploymentOutputs extends Inputs {
  /** What the environment ran before the first deployment of this resource. */
  previousRef?: string;
}

/** The branch or tag the environment runs now. */
async function deployedRef(ctx: Context, id: string): Promise<string | null | undefined> {
  const env = await unlessNotFound(ctx.client.environments.get(id));
  return env && (env.vcs?.path ?? null);
}

async function deploy(ctx: Context, p: Inputs, current: string | null): Promise<void> {
  if (current === p.ref) return;
  await settle(ctx, ctx.client.code.switch(p.environmentId, p.ref), async () => {
    return (await deployedRef(ctx, p.environmentId)) === p.ref;
  });
}

/**
 * Which branch or tag an environment runs. Deploying is a switch of the environment's code; changing
 * `ref` deploys again. Destroying leaves the code where it is: taking code away from a running site is
 * never what removing this resource from a program means.
 */
export const codeDeploymentHandler: ResourceHandler<Inputs, CodeDeploymentOutputs> = {
  kind: "CodeDeployment",
  inputs,
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  adoptable: false,

  // An environment always runs some code: there is nothing to conflict with or adopt.
  find: async () => undefined,

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
};
