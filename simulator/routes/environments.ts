import { requireEnvironment } from "../access";
import { accepted, ok } from "../answers";
import { stringField } from "../body";
import { ApiError, forbidden, missingParameter, validationFailed } from "../errors";
import { link, segment } from "../hal";
import type { CollectionName, PhpConfiguration, StoreOp } from "../model";
import type { Route, RouteContext } from "../router";
import { defaultPhpConfiguration } from "../seed";
import { onEnvironment, startTask } from "../tasks";
import { renderEnvironment } from "./render";

type IntegerSetting = Exclude<keyof PhpConfiguration, "version">;

// Ranges from the spec's `environment-configuration` schema (PUT /environments/{environmentId}).
const INTEGER_SETTINGS: Record<IntegerSetting, { minimum: number; maximum: number }> = {
  memory_limit: { minimum: 128, maximum: 1024 },
  opcache: { minimum: 96, maximum: 512 },
  apcu: { minimum: 32, maximum: 512 },
  interned_strings_buffer: { minimum: 8, maximum: 32 },
  client_max_body_size: { minimum: 0, maximum: 1024 },
  upload_max_filesize: { minimum: 0, maximum: 1024 },
  max_execution_time: { minimum: 1, maximum: 300 },
  max_post_size: { minimum: 64, maximum: 1024 },
  max_input_vars: { minimum: 500, maximum: 20000 },
  memcached_limit: { minimum: 0, maximum: 12288 },
};

export const PHP_VERSIONS = ["7.4", "8.0", "8.1", "8.2", "8.3", "8.4"];
/** What a Node.js application's environments run instead of PHP. */
const NODE_VERSIONS = ["20", "22"];
export const OPERATING_SYSTEMS = ["focal", "jammy", "noble"];

/** Objects that live under an environment and go away with it. */
const ENVIRONMENT_CHILDREN: CollectionName[] = [
  "environmentDatabases",
  "variables",
  "domains",
  "crons",
  "logForwardingDestinations",
  "certificates",
];

function integerSetting(ctx: RouteContext, name: IntegerSetting): number | undefined {
  const raw = ctx.body[name];
  if (raw === undefined) return undefined;
  const { minimum, maximum } = INTEGER_SETTINGS[name];
  // A null (or an empty form field) puts the setting back to the spec's default.
  if (raw === null || raw === "") return defaultPhpConfiguration()[name];
  const value =
    typeof raw === "number" ? raw : typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw validationFailed({
      [name]: `The ${name} setting must be an integer between ${minimum} and ${maximum}.`,
    });
  }
  return value;
}

function updateConfiguration(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const phpPatch: Partial<PhpConfiguration> = {};
  const version = stringField(ctx.body, "version");
  if (version !== undefined && version !== environment.php.version) {
    if (!PHP_VERSIONS.includes(version)) {
      throw validationFailed({
        version: `The PHP version ${version} is not available. Available versions: ${PHP_VERSIONS.join(", ")}.`,
      });
    }
    phpPatch.version = version;
  }
  for (const name of Object.keys(INTEGER_SETTINGS) as IntegerSetting[]) {
    const value = integerSetting(ctx, name);
    if (value !== undefined && value !== environment.php[name]) phpPatch[name] = value;
  }
  const operatingSystem = stringField(ctx.body, "operating_system");
  const osChanged = operatingSystem !== undefined && operatingSystem !== environment.operatingSystem;
  if (osChanged && !OPERATING_SYSTEMS.includes(operatingSystem)) {
    throw validationFailed({
      operating_system: `The operating system ${operatingSystem} is not available. Available: ${OPERATING_SYSTEMS.join(", ")}.`,
    });
  }
  if (Object.keys(phpPatch).length === 0 && !osChanged) {
    // Spec example "No changes requested": 400 with error "forbidden" and a message object.
    throw new ApiError(400, "forbidden", { system: "No environment configuration changes are specified." });
  }
  const patch: { php: Partial<PhpConfiguration>; operatingSystem?: string } = { php: phpPatch };
  if (osChanged) patch.operatingSystem = operatingSystem;
  const notification = startTask(ctx, {
    event: "EnvironmentConfigurationUpdated",
    label: "Environment configuration updated",
    description: `The configuration of the "${environment.label}" environment was updated.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "patch", collection: "environments", key: environment.id, patch }],
  });
  return accepted(ctx, "The environment configuration is being updated.", {
    self: `/environments/${segment(environment.id)}`,
    parent: `/applications/${application.uuid}/environments`,
    notification,
  });
}

function deleteEnvironment(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  // Only continuous delivery environments can be deleted through the API.
  if (!environment.cde) throw forbidden("You do not have permission to delete this environment.");
  const ops: StoreOp[] = [{ op: "delete", collection: "environments", key: environment.id }];
  for (const collection of ENVIRONMENT_CHILDREN) {
    ops.push({ op: "deleteWhere", collection, field: "environmentId", equals: environment.id });
  }
  const notification = startTask(ctx, {
    event: "EnvironmentDeleted",
    label: "Environment deleted",
    description: `The "${environment.label}" environment was deleted from ${application.name}.`,
    ...onEnvironment(environment, application),
    ops,
  });
  return accepted(ctx, "The environment is being deleted.", {
    self: `/environments/${segment(environment.id)}`,
    notification,
  });
}

/** Deprecated in the spec, but the only way to rename an environment: 202 with a message, no task. */
function changeLabel(ctx: RouteContext) {
  const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const label = stringField(ctx.body, "label");
  if (label === undefined || label.trim() === "") throw missingParameter("label");
  const { state } = ctx.core.store;
  const taken = Object.values(state.environments).some(
    (e) =>
      e.id !== environment.id &&
      e.applicationUuid === environment.applicationUuid &&
      e.label.toLowerCase() === label.toLowerCase(),
  );
  if (taken)
    throw validationFailed({ label: "Another environment within this application already has this label." });
  state.environments[environment.id] = { ...environment, label };
  ctx.core.store.save();
  return ok({ message: "Changing environment label." }, 202);
}

/**
 * The PHP versions an environment may switch to (what PUT accepts), as the spec's example shapes them;
 * a Node.js application's environments answer with Node.js versions (the spec's `runtime` enum).
 */
function availableRuntimes(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const self = `/environments/${segment(environment.id)}`;
  const node = application.type === "node";
  return ok({
    runtime: node ? "node" : "php",
    versions: node ? NODE_VERSIONS : PHP_VERSIONS,
    _links: { self: link(ctx, `${self}/available-runtimes`), parent: link(ctx, self) },
  });
}

const OS_DETAILS: Record<string, { version: string; label: string }> = {
  focal: { version: "20.04", label: "Ubuntu 20.04 (Focal Fossa)" },
  jammy: { version: "22.04", label: "Ubuntu 22.04 (Jammy Jellyfish)" },
  noble: { version: "24.04", label: "Ubuntu 24.04 (Noble Numbat)" },
};

function operatingSystems(ctx: RouteContext) {
  const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const self = `/environments/${segment(environment.id)}`;
  return ok({
    versions: OPERATING_SYSTEMS.map((name) => ({ name, ...OS_DETAILS[name], available: true })),
    _links: { self: link(ctx, `${self}/operating-systems`), parent: link(ctx, self) },
  });
}

export const environmentRoutes: Route[] = [
  { method: "GET", template: "/environments/{environmentId}/available-runtimes", handler: availableRuntimes },
  { method: "GET", template: "/environments/{environmentId}/operating-systems", handler: operatingSystems },
  {
    method: "GET",
    template: "/environments/{environmentId}",
    handler: (ctx) =>
      ok(renderEnvironment(ctx, requireEnvironment(ctx, ctx.params.environmentId ?? "").environment, true)),
  },
  { method: "PUT", template: "/environments/{environmentId}", handler: updateConfiguration },
  { method: "DELETE", template: "/environments/{environmentId}", handler: deleteEnvironment },
  { method: "POST", template: "/environments/{environmentId}/actions/change-label", handler: changeLabel },
];
