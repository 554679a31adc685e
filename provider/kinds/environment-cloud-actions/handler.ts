import { isNotFound, type CloudAction } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { cloudActionIds } from "../../runtime/cloud-actions";
import { environmentParentVisible, environmentVisible, settle } from "../../runtime/common";
import { InvalidInputError, environmentMissing, inputFailures } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import { kind, matchCloudAction } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

/**
 * The environment's actions, or undefined when the environment is gone. Acquia answers 404 too while
 * Cloud Actions are switched off for the environment: that is said as such, naming what to do.
 */
async function actionsOf(ctx: Context, id: string): Promise<CloudAction[] | undefined> {
  try {
    return await ctx.client.cloudActions.list(id);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    if (!(await environmentVisible(ctx, id))) return undefined;
    throw new InvalidInputError(
      "actions",
      `actions: Cloud Actions are not available on environment ${id} (${error.detail}). Turn them on for the ` +
        "environment in the Cloud UI (or with client.cloudActions.enable), or remove this resource.",
      { cause: error },
    );
  }
}

const enabledIds = (actions: readonly CloudAction[]) =>
  actions.filter((a) => a.flags?.enabled === true).map((a) => a.id);

/**
 * What Acquia holds, in the program's words: each name the program gives whose action is enabled,
 * then the label of every other enabled action (enabled elsewhere: drift).
 */
function outsOf(p: Inputs, actions: readonly CloudAction[]): Outputs {
  const enabled = enabledIds(actions);
  const named = p.actions.filter((name) => {
    const action = matchCloudAction(actions, name);
    return action !== undefined && enabled.includes(action.id);
  });
  const covered = new Set(named.map((name) => matchCloudAction(actions, name)?.id));
  const others = actions.filter((a) => enabled.includes(a.id) && !covered.has(a.id)).map((a) => a.label);
  return {
    ...p,
    actions: [...new Set([...named, ...others])].sort(),
    actionIds: [...enabled].sort(),
  } as Outputs;
}

/** Enables exactly `wanted` (ids) and disables the rest, in one PUT, when anything differs. */
async function apply(ctx: Context, id: string, wanted: readonly string[], actions: readonly CloudAction[]) {
  const differs = actions.some((a) => (a.flags?.enabled === true) !== wanted.includes(a.id));
  if (!differs) return;
  const switches = Object.fromEntries(actions.map((a) => [a.id, wanted.includes(a.id)]));
  await settle(ctx, ctx.client.cloudActions.update(id, switches), async () => {
    const now = await actionsOf(ctx, id);
    return now !== undefined && [...enabledIds(now)].sort().join() === [...wanted].sort().join();
  });
}

/** Resolves the program's names and makes them the enabled set; returns what Acquia then holds. */
async function converge(ctx: Context, p: Inputs): Promise<Outputs> {
  const id = p.environmentId;
  const actions = await actionsOf(ctx, id);
  if (!actions) throw environmentMissing(id);
  await apply(ctx, id, cloudActionIds(actions, p.actions, "actions", id), actions);
  return outsOf(p, (await actionsOf(ctx, id)) ?? actions);
}

/**
 * An environment's default Cloud Actions. Deleting the resource leaves them as they are unless
 * `resetOnDelete` is set: a destroyed stack should not silently change what the next deployment runs.
 */
export const handler = applyHandler({
  kind,

  // Unknown names fail the preview, with the labels the environment offers.
  async preflight(ctx, p) {
    return inputFailures(async () => {
      const actions = await actionsOf(ctx, p.environmentId);
      if (!actions) throw new InvalidInputError("environmentId", environmentMissing(p.environmentId).message);
      cloudActionIds(actions, p.actions, "actions", p.environmentId);
    });
  },

  async create(ctx, p) {
    return { id: p.environmentId, outs: await converge(ctx, p) };
  },

  async read(ctx, id, props) {
    const actions = await actionsOf(ctx, id);
    return actions && outsOf({ ...props, actions: props.actions ?? [] }, actions);
  },

  parentVisible: (ctx, props) => environmentParentVisible(ctx, props.environmentId),

  update: (ctx, _id, _olds, news) => converge(ctx, news),

  async delete(ctx, id, props) {
    if (!props.resetOnDelete) return;
    const reset = ctx.client.cloudActions.reset(id);
    await settle(ctx, reset, async () => {
      const now = await actionsOf(ctx, id);
      return (
        now === undefined || now.every((a) => (a.flags?.enabled === true) === (a.flags?.default === true))
      );
    });
  },
});
