import type { InputsOf, OutputsOf } from "../kind";
import { environmentParentVisible, settle, unlessNotFound } from "../../runtime/common";
import { resolveCloudActions } from "../../runtime/cloud-actions";
import { environmentMissing, inputFailures } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import { applicationOfEnvironment } from "../fields";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

/** What an environment runs: its branch or tag, and the artifact when its code came from one. */
interface Code {
  ref: string | null;
  artifactId: string | null;
}

/** The environment's code now; undefined when the environment is gone. */
async function codeOf(ctx: Context, environmentId: string): Promise<Code | undefined> {
  const env = await unlessNotFound(ctx.client.environments.get(environmentId));
  return env && { ref: env.vcs?.path ?? null, artifactId: env.artifact?.id ?? null };
}

/** The Cloud Actions a Git deploy names (Acquia's ids), or nothing to leave the environment's defaults. */
async function actionsOf(ctx: Context, p: Inputs): Promise<{ "cloud-actions"?: string[] }> {
  if (p.cloudActions === undefined) return {};
  return { "cloud-actions": await resolveCloudActions(ctx, p.environmentId, p.cloudActions, "cloudActions") };
}

/**
 * Deploys what the inputs name, unless the environment already runs that branch, tag or artifact, or
 * (for a deploy from another environment, which cannot be compared) unless `force`: the resource was
 * created, its source changed, or its triggers changed.
 */
async function deploy(ctx: Context, p: Inputs, current: Code, force: boolean): Promise<Code> {
  const env = p.environmentId;
  const done = (check: (now: Code) => boolean) => async () => {
    const now = await codeOf(ctx, env);
    return now !== undefined && check(now);
  };
  if (p.ref !== undefined) {
    const ref = p.ref;
    if (current.ref === ref && !force) return current;
    await settle(
      ctx,
      ctx.client.code.switch(env, { branch: ref, ...(await actionsOf(ctx, p)) }),
      done((now) => now.ref === ref),
    );
  } else if (p.artifactId !== undefined) {
    const artifactId = p.artifactId;
    if (current.artifactId === artifactId && !force) return current;
    await settle(
      ctx,
      ctx.client.code.deployArtifact(env, artifactId),
      done((now) => now.artifactId === artifactId),
    );
  } else if (p.sourceEnvironmentId !== undefined) {
    if (!force) return current;
    const source = await codeOf(ctx, p.sourceEnvironmentId);
    if (source === undefined) throw environmentMissing(p.sourceEnvironmentId);
    await settle(
      ctx,
      ctx.client.code.deploy(env, {
        source: p.sourceEnvironmentId,
        ...(p.message !== undefined ? { message: p.message } : {}),
        ...(await actionsOf(ctx, p)),
      }),
      done((now) => now.ref === source.ref),
    );
  }
  return (await codeOf(ctx, env)) ?? current;
}

/** What state records of the code after a deploy or read; only promotions report `deployedRef`. */
function reported(p: Inputs, code: Code): Pick<Outputs, "deployedRef"> {
  return p.sourceEnvironmentId !== undefined && code.ref !== null ? { deployedRef: code.ref } : {};
}

/** Triggers are compared as maps: the order the program writes them in is no change. */
const sameTriggers = (a: Inputs["triggers"], b: Inputs["triggers"]) => {
  const sorted = (t: Inputs["triggers"]) =>
    JSON.stringify(Object.entries(t ?? {}).sort(([x], [y]) => x.localeCompare(y)));
  return sorted(a) === sorted(b);
};

/**
 * The code an environment runs. Deploying is a switch of branch or tag, a deploy of another
 * environment's code, or an artifact deploy; `triggers` deploys again on purpose. Destroying leaves
 * the code where it is: taking code away from a running site is never what removing this resource
 * from a program means.
 */
export const handler = applyHandler({
  kind,

  async create(ctx, p) {
    const current = await codeOf(ctx, p.environmentId);
    if (current === undefined) throw environmentMissing(p.environmentId);
    const after = await deploy(ctx, p, current, p.sourceEnvironmentId !== undefined);
    return {
      id: p.environmentId,
      outs: { ...p, ...(current.ref ? { previousRef: current.ref } : {}), ...reported(p, after) },
    };
  },

  async read(ctx, id, props) {
    const current = await codeOf(ctx, id);
    if (current === undefined) return undefined;
    // Someone else's switch shows as drift of `ref` or `artifactId`; the next `up` deploys the
    // program's code again. A promotion is an event: later changes show only in `deployedRef`.
    // A read from the id alone (`pulumi import`) takes whatever the environment runs.
    if (props.sourceEnvironmentId !== undefined) return { ...props, ...reported(props, current) };
    if (props.artifactId !== undefined || (props.ref === undefined && current.artifactId !== null)) {
      return { ...props, artifactId: current.artifactId ?? "" };
    }
    return { ...props, ref: current.ref ?? "" };
  },

  parentVisible: (ctx, props) => environmentParentVisible(ctx, props.environmentId),

  async preflight(ctx, p, olds) {
    if (
      p.cloudActions !== undefined &&
      JSON.stringify(p.cloudActions) !== JSON.stringify(olds.cloudActions)
    ) {
      const failures = await inputFailures(() => actionsOf(ctx, p));
      if (failures.length > 0) return failures;
    }
    if (p.artifactId !== undefined && p.artifactId !== olds.artifactId) {
      const application = applicationOfEnvironment(p.environmentId);
      const artifact = await unlessNotFound(ctx.client.code.getArtifact(application, p.artifactId));
      if (artifact === undefined) {
        return [
          {
            property: "artifactId",
            reason: `artifact ${p.artifactId} was not found in application ${application}: list its artifacts and use a ready one's id`,
          },
        ];
      }
      if (artifact.state !== undefined && artifact.state !== "ready") {
        return [
          {
            property: "artifactId",
            reason: `artifact ${p.artifactId} is ${artifact.state}, and only ready artifacts can be deployed: build it again or pick another`,
          },
        ];
      }
    }
    if (p.sourceEnvironmentId !== undefined && p.sourceEnvironmentId !== olds.sourceEnvironmentId) {
      if ((await codeOf(ctx, p.sourceEnvironmentId)) === undefined) {
        return [
          { property: "sourceEnvironmentId", reason: environmentMissing(p.sourceEnvironmentId).message },
        ];
      }
    }
    return [];
  },

  async update(ctx, id, olds, news) {
    const current = await codeOf(ctx, id);
    if (current === undefined) throw environmentMissing(id);
    const force =
      !sameTriggers(olds.triggers, news.triggers) || news.sourceEnvironmentId !== olds.sourceEnvironmentId;
    const after = await deploy(ctx, news, current, force);
    const previous = olds.previousRef !== undefined ? { previousRef: olds.previousRef } : {};
    return { ...news, ...previous, ...reported(news, after) };
  },

  delete: async () => undefined,
});
