import { requireEnvironment, type EnvironmentScope } from "../access";
import { accepted } from "../answers";
import { missingParameter, notFound, validationFailed } from "../errors";
import { collection, link, segment } from "../hal";
import type { CloudActionRecord, EnvironmentRecord } from "../model";
import type { Route, RouteContext, RouteResult } from "../router";
import { onEnvironment, startTask } from "../tasks";

// An environment's Cloud Actions: Acquia's fixed set of deployment steps, each enabled (run by default
// on deployments) or not. Changes run as tasks and show when they complete; every answer is 200 with
// the notification as a link and, as the spec's examples show, as a bare `notification` property too.

const UNAVAILABLE = "Cloud Actions are not available for this environment.";

const selfOf = (environment: EnvironmentRecord) => `/environments/${segment(environment.id)}/cloud-actions`;

/** The environment, refused as the spec's "Cloud Actions unavailable" 404 while the feature is off. */
function available(ctx: RouteContext): EnvironmentScope {
  const found = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  if (found.environment.cloudActionsDisabled === true) throw notFound(UNAVAILABLE);
  return found;
}

function renderAction(ctx: RouteContext, environment: EnvironmentRecord, action: CloudActionRecord) {
  const parent = selfOf(environment);
  return {
    id: action.id,
    label: action.label,
    description: action.description,
    type: action.type,
    flags: { enabled: action.enabled, default: action.isDefault },
    _links: { self: link(ctx, `${parent}/${action.id}`), parent: link(ctx, parent) },
  };
}

function list(ctx: RouteContext): RouteResult {
  const { environment } = available(ctx);
  const items = environment.cloudActions.map((action) => renderAction(ctx, environment, action));
  return {
    status: 200,
    body: collection(ctx, items, {
      self: selfOf(environment),
      parent: `/environments/${segment(environment.id)}`,
      queryable: true,
    }),
  };
}

/** Form bodies carry `cloud-actions[<id>]=true`; JSON carries booleans. */
function switchValue(value: unknown): boolean | undefined {
  if (value === true || value === "true" || value === "1" || value === 1) return true;
  if (value === false || value === "false" || value === "0" || value === 0) return false;
  return undefined;
}

/**
 * The spec declares no 400 for this PUT; an id the environment does not have, or a value that is not a
 * boolean, is refused here as Acquia refuses bad fields elsewhere (validation_failed naming the field).
 */
function switches(ctx: RouteContext, environment: EnvironmentRecord): Map<string, boolean> {
  const raw = ctx.body["cloud-actions"];
  if (raw === undefined || raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw missingParameter("cloud-actions");
  }
  const result = new Map<string, boolean>();
  for (const [id, value] of Object.entries(raw)) {
    if (!environment.cloudActions.some((a) => a.id === id)) {
      throw validationFailed({
        "cloud-actions": `The Cloud Action ${id} does not exist on this environment.`,
      });
    }
    const on = switchValue(value);
    if (on === undefined) {
      throw validationFailed({ "cloud-actions": `The value for Cloud Action ${id} must be true or false.` });
    }
    result.set(id, on);
  }
  return result;
}

function answer(
  ctx: RouteContext,
  { environment, application }: EnvironmentScope,
  what: { event: string; label: string; message: string; self: string; parent: string },
  patch: Partial<EnvironmentRecord>,
): RouteResult {
  const notification = startTask(ctx, {
    event: what.event,
    label: what.label,
    description: `${what.message.replace(/\.$/, "")} on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "patch", collection: "environments", key: environment.id, patch }],
  });
  const result = accepted(ctx, what.message, { self: what.self, parent: what.parent, notification }, 200);
  return { ...result, body: { ...(result.body as object), notification: notification.uuid } };
}

function update(ctx: RouteContext): RouteResult {
  const found = available(ctx);
  const { environment } = found;
  const wanted = switches(ctx, environment);
  const cloudActions = environment.cloudActions.map((a) => ({
    ...a,
    enabled: wanted.get(a.id) ?? a.enabled,
  }));
  const self = selfOf(environment);
  return answer(
    ctx,
    found,
    {
      event: "CloudActionsUpdated",
      label: "Cloud Actions updated",
      message: "Cloud Actions have been updated.",
      self,
      parent: `/environments/${segment(environment.id)}`,
    },
    { cloudActions },
  );
}

function reset(ctx: RouteContext): RouteResult {
  const found = available(ctx);
  const { environment } = found;
  const cloudActions = environment.cloudActions.map((a) => ({ ...a, enabled: a.isDefault }));
  const self = selfOf(environment);
  return answer(
    ctx,
    found,
    {
      event: "CloudActionsReset",
      label: "Cloud Actions reset",
      message: "Cloud Actions have been reset to the default.",
      self: `${self}/actions/reset`,
      parent: `${self}/actions`,
    },
    { cloudActions },
  );
}

/** Switches the feature as a whole; the actions keep their own settings for when it is back on. */
function setFeature(on: boolean) {
  return (ctx: RouteContext): RouteResult => {
    const found = requireEnvironment(ctx, ctx.params.environmentId ?? "");
    const self = selfOf(found.environment);
    return answer(
      ctx,
      found,
      {
        event: on ? "CloudActionsEnabled" : "CloudActionsDisabled",
        label: on ? "Cloud Actions enabled" : "Cloud Actions disabled",
        message: `Cloud Actions have been ${on ? "enabled" : "disabled"}.`,
        // As the spec's examples link them: enable names itself, disable the collection.
        self: on ? `${self}/actions/enable` : self,
        parent: on ? `${self}/actions` : `/environments/${segment(found.environment.id)}`,
      },
      { cloudActionsDisabled: !on },
    );
  };
}

export const cloudActionRoutes: Route[] = [
  { method: "GET", template: "/environments/{environmentId}/cloud-actions", handler: list },
  { method: "PUT", template: "/environments/{environmentId}/cloud-actions", handler: update },
  { method: "POST", template: "/environments/{environmentId}/cloud-actions/actions/reset", handler: reset },
  {
    method: "POST",
    template: "/environments/{environmentId}/cloud-actions/actions/enable",
    handler: setFeature(true),
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/cloud-actions/actions/disable",
    handler: setFeature(false),
  },
];
