import type { Environment } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { applicationVisible, found, gone, listed, settle, unlessNotFound } from "../../runtime/common";
import { ProviderError } from "../../runtime/errors";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const sameLabel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function outsOf(p: Inputs, env: Environment): Outputs {
  return {
    ...p,
    applicationUuid: env.application?.uuid ?? p.applicationUuid,
    // Acquia compares labels case-insensitively; keep the program's spelling when they agree.
    label: p.label !== undefined && sameLabel(env.label, p.label) ? p.label : env.label,
    // The code an environment runs is its VCS path; a switch made elsewhere shows as drift.
    branch: env.vcs?.path ?? p.branch,
    environmentId: env.id,
    name: env.name,
    domains: env.domains ?? [],
  };
}

const byId = (ctx: Context, id: string) => unlessNotFound(ctx.client.environments.get(id));

/**
 * A continuous-delivery environment. Creating one takes minutes (Acquia provisions servers and copies
 * databases), so its task gets the resource's full timeout and reports progress on the way.
 */
export const handler = keyedHandler({
  kind,
  family: "environment",

  async find(ctx, p) {
    const env = (await ctx.client.environments.list(p.applicationUuid)).find((e) =>
      sameLabel(e.label, p.label),
    );
    if (!env) return undefined;
    if (env.flags?.cde === false) {
      throw new ProviderError(
        "NOT_MANAGEABLE",
        `Environment "${p.label}" exists but is not a continuous-delivery environment; Acquia does not let ` +
          "the API create or delete it. Use getEnvironment() to refer to it, and EnvironmentSettings or " +
          "CodeDeployment to manage it.",
      );
    }
    return found(kind, outsOf(p, env));
  },

  taken: (ctx, p) =>
    listed(
      ctx,
      `environments of ${p.applicationUuid}`,
      () => ctx.client.environments.list(p.applicationUuid),
      (e) => e.label.toLowerCase(),
      p.label.toLowerCase(),
    ),
  send: (ctx, p) =>
    ctx.client.environments.create(p.applicationUuid, {
      label: p.label,
      branch: p.branch,
      databases: p.databases,
    }),

  async read(ctx, id, props) {
    const env = await byId(ctx, props.environmentId ?? id);
    if (!env) return undefined;
    // Known from the inputs; read only for an import, whose state holds nothing yet.
    const databases =
      props.databases ?? (await ctx.client.databases.listForEnvironment(env.id)).map((d) => d.name).sort();
    return outsOf({ ...props, databases }, env);
  },

  parentVisible: (ctx, props) => applicationVisible(ctx, props.applicationUuid),

  async update(ctx, id, olds, news) {
    if (olds.label !== news.label) {
      await settle(
        ctx,
        ctx.client.environments.changeLabel(id, { label: news.label }),
        async () => (await byId(ctx, id))?.label === news.label,
      );
    }
    if (olds.branch !== news.branch) {
      await settle(
        ctx,
        ctx.client.code.switch(id, { branch: news.branch }),
        async () => (await byId(ctx, id))?.vcs?.path === news.branch,
      );
    }
    const env = await byId(ctx, id);
    return env ? outsOf(news, env) : { ...olds, ...news };
  },

  async delete(ctx, id) {
    await settle(
      ctx,
      ctx.client.environments.delete(id),
      gone(() => byId(ctx, id)),
    );
  },
});
