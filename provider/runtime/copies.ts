/** What DatabaseCopy and FilesCopy share: the checks of an environment-to-environment copy, and running one. */
import type { Environment, Operation } from "../../sdk";
import { applicationOfEnvironment } from "../kinds/fields";
import { unlessNotFound } from "./common";
import type { Context } from "./handler";

export interface CopyInputs {
  sourceEnvironmentId: string;
  environmentId: string;
}

interface Failure {
  property: string;
  reason: string;
}

const environment = (ctx: Context, id: string) => unlessNotFound(ctx.client.environments.get(id));

/** An environment's application: named in its answer, and the tail of its id (`24-<uuid>`) either way. */
const applicationOf = (env: Environment) => env.application?.uuid ?? applicationOfEnvironment(env.id);

/**
 * Read-only checks Acquia would otherwise make only when the copy is sent: both environments exist, they
 * belong to one application, and the target is not in production mode (Acquia answers 409 there).
 * Made in preview, so a refused copy fails before anything of the update ran. The environments found
 * are returned for further checks (a database's presence).
 */
export async function copyPreflight(
  ctx: Context,
  p: CopyInputs,
  what: string,
): Promise<{ failures: Failure[]; source?: Environment; target?: Environment }> {
  const [source, target] = await Promise.all([
    environment(ctx, p.sourceEnvironmentId),
    environment(ctx, p.environmentId),
  ]);
  const failures: Failure[] = [];
  const missing = (property: string, id: string) => ({
    property,
    reason: `environment ${id} was not found (or these credentials cannot see it): check ${property} (see getEnvironment)`,
  });
  if (!source) failures.push(missing("sourceEnvironmentId", p.sourceEnvironmentId));
  if (!target) failures.push(missing("environmentId", p.environmentId));
  if (!source || !target) return { failures };
  if (applicationOf(source) !== applicationOf(target))
    failures.push({
      property: "sourceEnvironmentId",
      reason:
        `environment ${source.id} belongs to another application than environmentId ${target.id}: Acquia ` +
        `copies ${what} only between environments of one application; pick a sourceEnvironmentId there`,
    });
  if (target.flags?.production_mode === true)
    failures.push({
      property: "environmentId",
      reason:
        `environment "${target.label}" (${target.id}) is in production mode, and Acquia refuses to copy ${what} ` +
        "into it: turn production mode off in an earlier `pulumi up` (e.g. an EnvironmentFlags resource with " +
        "productionMode: false; preview checks the mode Acquia reports now) or pick another environmentId",
    });
  return { failures, source, target };
}

/** A completed copy as the resource records it. */
export interface Copied {
  copiedAt: string;
  notificationUuid?: string;
}

/**
 * Sends a copy and waits for its task, reporting progress like any other task. A copy changes nothing
 * the API shows, so an answer without a notification (never seen for copies) can only be trusted.
 * A failed task throws with Acquia's message: the create fails and nothing is kept in state.
 */
export async function runCopy(ctx: Context, send: () => Promise<Operation>): Promise<Copied> {
  const operation = await send();
  const notification = await operation.wait({ ...ctx.wait, until: async () => true });
  return {
    copiedAt: notification?.completed_at ?? new Date().toISOString(),
    ...(operation.notificationUuid ? { notificationUuid: operation.notificationUuid } : {}),
  };
}
