import { z } from "zod";
import { type Environment } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import {
  applicationUuid,
  applicationVisible,
  createAndReadBack,
  gone,
  metaShape,
  settle,
  unlessNotFound,
} from "./common";

const inputs = z.object({
  applicationUuid,
  label: z
    .string()
    .trim()
    .min(1, "label is required (Acquia requires a unique label per application)")
    .max(255, "label must be at most 255 characters"),
  branch: z
    .string()
    .min(1, "branch is required: the branch or tag (tags/<name>) to deploy, e.g. main")
    .regex(/^[A-Za-z0-9._/-]+$/, "branch may contain only letters, digits and . _ / -"),
  // A set: order and repeats mean nothing to Acquia, so they must not show as a diff.
  databases: z
    .array(z.string().min(1, "databases entries must be database names"))
    .default([])
    .transform((names) => [...new Set(names)].sort()),
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;
export interface EnvironmentOutputs extends Inputs {
  environmentId: string;
  /** Acquia's machine name, used in hostnames and Drush aliases. */
  name: string;
  domains: string[];
}

const sameLabel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function outsOf(p: Inputs, env: Environment): EnvironmentOutputs {
  return {
    ...p,
    // Acquia compares labels case-insensitively; keep the program's spelling when they agree.
    label: sameLabel(env.label, p.label) ? p.label : env.label,
    // The code an environment runs is its VCS path; a switch made elsewhere shows as drift.
    branch: env.vcs?.path ?? p.branch,
    environmentId: env.id,
    name: env.name,
    domains: env.domains ?? [],
  };
}

async function byLabel(ctx: Context, p: Inputs): Promise<Environment | undefined> {
  const all = await ctx.client.environments.list(p.applicationUuid);
  return all.find((e) => sameLabel(e.label, p.label));
}

/**
 * A continuous-delivery environment. Creating one takes minutes (Acquia provisions servers and copies
 * databases), so its task gets the resource's full timeout and reports progress on the way.
 */
export const environmentHandler: ResourceHandler<Inputs, EnvironmentOutputs> = {
  kind: "Environment",
  inputs,
  replaceOn: ["applicationUuid", "databases"],
  // A replacement keeps the label, which Acquia allows once per application: the old one goes first.
  deleteBeforeReplace: true,

  async find(ctx, p) {
    const env = await byLabel(ctx, p);
    if (!env) return undefined;
    if (env.flags?.cde === false) {
      throw new Error(
        `Environment "${p.label}" exists but is not a continuous-delivery environment; Acquia does not let ` +
          "the API create or delete it. Use getEnvironment() to refer to it, and EnvironmentSettings or " +
          "CodeDeployment to manage it.",
      );
    }
    return { id: env.id, outs: outsOf(p, env) };
  },

  async create(ctx, p) {
    const env = await createAndReadBack(
      ctx,
      `Environment ${p.label}`,
      "environment",
      () =>
        ctx.client.environments.createCd(p.applicationUuid, {
          label: p.label,
          branch: p.branch,
          databases: p.databases,
        }),
      () => byLabel(ctx, p),
    );
    return { id: env.id, outs: outsOf(p, env) };
  },

  async read(ctx, id, props) {
    const env = await unlessNotFound(ctx.client.environments.get(id));
    return env && outsOf(props, env);
  },

  parentVisible: (ctx, props) => applicationVisible(ctx, props.applicationUuid),

  async update(ctx, id, olds, news) {
    const get = () => unlessNotFound(ctx.client.environments.get(id));
    if (olds.label !== news.label) {
      await settle(
        ctx,
        ctx.client.environments.changeLabel(id, news.label),
        async () => (await get())?.label === news.label,
      );
    }
    if (olds.branch !== news.branch) {
      await settle(
        ctx,
        ctx.client.code.switch(id, news.branch),
        async () => (await get())?.vcs?.path === news.branch,
      );
    }
    const env = await get();
    return env ? outsOf(news, env) : { ...olds, ...news };
  },

  async delete(ctx, id) {
    await settle(
      ctx,
      ctx.client.environments.delete(id),
      gone(() => unlessNotFound(ctx.client.environments.get(id))),
    );
  },
};
