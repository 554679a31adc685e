import { requireEnvironment, type EnvironmentScope } from "../access";
import { accepted, ok } from "../answers";
import { conflict, forbidden, notFound, validationFailed } from "../errors";
import { link, segment } from "../hal";
import type { EnvironmentRecord } from "../model";
import type { Route, RouteContext, RouteResult } from "../router";
import { onEnvironment, startTask } from "../tasks";

// Production mode, Platform CDN and mod_proxy: switches of an environment, each with its own endpoints.
// Every change runs as a task and shows only when it completes; the answers differ as the spec's do:
// production mode answers a bare message, mod_proxy a message with only a self link, CDN a message
// with a notification link (and 200, not 202).

type Flag = "productionMode" | "cdn" | "modProxy";

const scope = (ctx: RouteContext): EnvironmentScope =>
  requireEnvironment(ctx, ctx.params.environmentId ?? "");
const selfOf = (environment: EnvironmentRecord) => `/environments/${segment(environment.id)}`;

function change(ctx: RouteContext, { environment, application }: EnvironmentScope, flag: Flag, on: boolean) {
  const names: Record<Flag, string> = {
    productionMode: "Production mode",
    cdn: "Platform CDN",
    modProxy: "Mod proxy",
  };
  const verb = on ? "enabled" : "disabled";
  return startTask(ctx, {
    event: `${flag[0]?.toUpperCase()}${flag.slice(1)}${on ? "Enabled" : "Disabled"}`,
    label: `${names[flag]} ${verb}`,
    description: `${names[flag]} was ${verb} on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "patch", collection: "environments", key: environment.id, patch: { [flag]: on } }],
  });
}

/**
 * Production mode guards only production environments (400 otherwise), and not on Node.js
 * applications (403, worded differently for enable and disable, as in the spec).
 */
function productionMode(on: boolean) {
  return (ctx: RouteContext): RouteResult => {
    const found = scope(ctx);
    const { environment, application } = found;
    if (application.type === "node") {
      throw forbidden(
        on
          ? "Production mode cannot be enabled on Node.js applications."
          : "Production mode is not available on Node.js applications.",
      );
    }
    if (!environment.production) {
      throw validationFailed({
        productionmode: `Only production environments can be ${on ? "protected" : "unprotected"}.`,
      });
    }
    if (environment.productionMode === on) {
      throw conflict(
        on
          ? "This environment is already in production mode."
          : "This environment is not currently in production mode.",
      );
    }
    change(ctx, found, "productionMode", on);
    return ok(
      { message: `Production mode has been ${on ? "enabled" : "disabled"} for this environment.` },
      202,
    );
  };
}

// The simulator's reading of "not supported" / "not available": continuous delivery environments
// have neither Platform CDN nor mod_proxy.
const CDN_UNSUPPORTED = "This environment does not support Platform CDN.";
const MOD_PROXY_UNAVAILABLE = "Mod proxy configuration is not available for this environment.";

function getCdn(ctx: RouteContext): RouteResult {
  const { environment } = scope(ctx);
  if (!environment.cdn || environment.cde) {
    throw notFound(
      "The CDN you are trying to access does not exist, or you do not have permission to access it.",
    );
  }
  const self = selfOf(environment);
  return ok({ status: "active", _links: { self: link(ctx, `${self}/cdn`), parent: link(ctx, self) } });
}

function setCdn(on: boolean) {
  return (ctx: RouteContext): RouteResult => {
    const found = scope(ctx);
    const { environment } = found;
    if (environment.cde) throw conflict(CDN_UNSUPPORTED);
    if (environment.cdn === on) {
      throw conflict(`Platform CDN is ${on ? "already" : "not"} enabled for this environment.`);
    }
    const notification = change(ctx, found, "cdn", on);
    const self = selfOf(environment);
    const message = on ? "Provisioning Platform CDN." : "Deprovisioning Platform CDN.";
    return accepted(ctx, message, { self: `${self}/cdn`, parent: self, notification }, 200);
  };
}

function getModProxy(ctx: RouteContext): RouteResult {
  const { environment } = scope(ctx);
  if (environment.cde) throw conflict(MOD_PROXY_UNAVAILABLE);
  const self = selfOf(environment);
  return ok({
    status: environment.modProxy ? "active" : "inactive",
    _links: { self: link(ctx, `${self}/mod-proxy`), parent: link(ctx, self) },
  });
}

/** The spec's answer names no notification: the task runs all the same (watch GET …/mod-proxy). */
function setModProxy(on: boolean) {
  return (ctx: RouteContext): RouteResult => {
    const found = scope(ctx);
    const { environment } = found;
    if (environment.cde) throw conflict(MOD_PROXY_UNAVAILABLE);
    change(ctx, found, "modProxy", on);
    const action = on ? "enable" : "disable";
    return accepted(ctx, `Mod proxy is being ${on ? "enabled" : "disabled"}.`, {
      self: `${selfOf(environment)}/mod-proxy/actions/${action}`,
    });
  };
}

export const environmentFlagRoutes: Route[] = [
  {
    method: "POST",
    template: "/environments/{environmentId}/production-mode/actions/enable",
    handler: productionMode(true),
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/production-mode/actions/disable",
    handler: productionMode(false),
  },
  { method: "GET", template: "/environments/{environmentId}/cdn", handler: getCdn },
  { method: "POST", template: "/environments/{environmentId}/cdn", handler: setCdn(true) },
  { method: "DELETE", template: "/environments/{environmentId}/cdn", handler: setCdn(false) },
  { method: "GET", template: "/environments/{environmentId}/mod-proxy", handler: getModProxy },
  {
    method: "POST",
    template: "/environments/{environmentId}/mod-proxy/actions/enable",
    handler: setModProxy(true),
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/mod-proxy/actions/disable",
    handler: setModProxy(false),
  },
];
