import { randomUUID } from "node:crypto";
import { environmentStub, requireEnvironment, type EnvironmentScope } from "../access";
import { accepted, ok } from "../answers";
import { stringField } from "../body";
import {
  ApiError,
  NOT_FOUND,
  conflict,
  forbidden,
  missingParameter,
  notFound,
  validationFailed,
} from "../errors";
import { collection, link, segment } from "../hal";
import type { CronRecord, EnvironmentRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { onEnvironment, startTask } from "../tasks";

const LABEL_IN_USE = "The label for the cron is already used by another cron. Please choose another label.";
const INVALID_FREQUENCY = "The cron frequency does not appear to be valid.";

const FIELDS: Array<{ min: number; max: number; names?: string[] }> = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  {
    min: 1,
    max: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
  },
  { min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

function validCronField(field: string, spec: { min: number; max: number; names?: string[] }): boolean {
  const value = (token: string): number => {
    const index = spec.names?.indexOf(token.toLowerCase()) ?? -1;
    if (index >= 0) return index + (spec.min === 1 ? 1 : 0);
    return /^\d+$/.test(token) ? Number(token) : NaN;
  };
  const inRange = (n: number): boolean => Number.isInteger(n) && n >= spec.min && n <= spec.max;
  return field.split(",").every((item) => {
    const [range, step, ...rest] = item.split("/");
    if (range === undefined || rest.length > 0) return false;
    if (step !== undefined && !/^[1-9]\d*$/.test(step)) return false;
    if (range === "*") return true;
    const [from, to, ...extra] = range.split("-");
    if (from === undefined || extra.length > 0) return false;
    if (to === undefined) return inRange(value(from));
    return inRange(value(from)) && inRange(value(to)) && value(from) <= value(to);
  });
}

/** Splits a five-field cron expression into Acquia's stored fields, or undefined if it is not valid. */
export function parseFrequency(frequency: string): string[] | undefined {
  const fields = frequency.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  return fields.every((f, i) => {
    const spec = FIELDS[i];
    return spec !== undefined && validCronField(f, spec);
  })
    ? fields
    : undefined;
}

function renderCron(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  cron: CronRecord,
  full: boolean,
): Record<string, unknown> {
  const collectionPath = `/environments/${segment(environment.id)}/crons`;
  const links: Record<string, unknown> = { self: link(ctx, `${collectionPath}/${cron.id}`) };
  if (full) links.parent = link(ctx, collectionPath);
  return {
    id: cron.id,
    // cronServerArray: platform crons run on no particular server, and Acquia's PHP serialises that
    // as an empty array (the spec allows array or server stub).
    server: cron.system && ctx.core.realism.has("cronServerArray") ? [] : { id: "18", name: "web-18" },
    command: cron.command,
    minute: cron.minute,
    hour: cron.hour,
    day_month: cron.dayMonth,
    month: cron.month,
    day_week: cron.dayWeek,
    label: cron.label,
    flags: { enabled: cron.enabled, system: cron.system, on_any_web: true },
    environment: environmentStub(environment),
    _links: links,
  };
}

function findCron(ctx: RouteContext, environment: EnvironmentRecord, notFoundMessage: string): CronRecord {
  const cron = ctx.core.store.state.crons[ctx.params.cronId ?? ""];
  if (cron === undefined || cron.environmentId !== environment.id) throw notFound(notFoundMessage);
  return cron;
}

function labelTaken(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  label: string,
  except?: string,
): boolean {
  return Object.values(ctx.core.store.state.crons).some(
    (c) => c.environmentId === environment.id && c.id !== except && c.label === label,
  );
}

function scheduleFields(
  frequency: string,
): Pick<CronRecord, "minute" | "hour" | "dayMonth" | "month" | "dayWeek"> {
  const [minute = "*", hour = "*", dayMonth = "*", month = "*", dayWeek = "*"] =
    parseFrequency(frequency) ?? [];
  return { minute, hour, dayMonth, month, dayWeek };
}

function createCron(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const command = stringField(ctx.body, "command");
  const frequency = stringField(ctx.body, "frequency");
  const label = stringField(ctx.body, "label");
  if (command === undefined || command.trim() === "") throw missingParameter("command");
  if (frequency === undefined || frequency.trim() === "") throw missingParameter("frequency");
  if (label === undefined || label.trim() === "") throw missingParameter("label");
  if (parseFrequency(frequency) === undefined) throw validationFailed({ frequency: INVALID_FREQUENCY });
  if (labelTaken(ctx, environment, label)) throw validationFailed({ name: LABEL_IN_USE });
  const cron: CronRecord = {
    id: randomUUID(),
    environmentId: environment.id,
    label,
    command,
    ...scheduleFields(frequency),
    enabled: true,
    system: false,
  };
  const notification = startTask(ctx, {
    event: "CronCreated",
    label: "Cron created",
    description: `The cron "${label}" was created on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "put", collection: "crons", key: cron.id, value: cron }],
  });
  const collectionPath = `/environments/${segment(environment.id)}/crons`;
  // Unlike most creates, the answer's self link names the new cron (spec example "Adding cron").
  return accepted(ctx, "Creating a new cron.", {
    self: `${collectionPath}/${cron.id}`,
    parent: collectionPath,
    notification,
  });
}

function modifiableCron(ctx: RouteContext, scope: EnvironmentScope, notFoundMessage: string): CronRecord {
  const cron = findCron(ctx, scope.environment, notFoundMessage);
  if (cron.system) throw forbidden("You do not have permission to modify this cron.");
  return cron;
}

function updateCron(ctx: RouteContext) {
  const scope = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const { environment, application } = scope;
  const cron = modifiableCron(
    ctx,
    scope,
    "The cron does not belong to this environment, and cannot be updated.",
  );
  const patch: Partial<CronRecord> = {};
  const command = stringField(ctx.body, "command");
  const frequency = stringField(ctx.body, "frequency");
  const label = stringField(ctx.body, "label");
  if (command !== undefined) {
    if (command.trim() === "") throw missingParameter("command");
    patch.command = command;
  }
  if (frequency !== undefined) {
    // The spec files the update's validation errors under 409.
    if (parseFrequency(frequency) === undefined)
      throw validationFailed({ frequency: INVALID_FREQUENCY }, 409);
    Object.assign(patch, scheduleFields(frequency));
  }
  if (label !== undefined) {
    if (label.trim() === "") throw missingParameter("label");
    if (labelTaken(ctx, environment, label, cron.id))
      throw new ApiError(409, "conflict", { name: LABEL_IN_USE });
    patch.label = label;
  }
  const notification = startTask(ctx, {
    event: "CronUpdated",
    label: "Cron updated",
    description: `The cron "${cron.label}" was updated on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "patch", collection: "crons", key: cron.id, patch }],
  });
  const collectionPath = `/environments/${segment(environment.id)}/crons`;
  return accepted(ctx, "Updating cron.", {
    self: `${collectionPath}/${cron.id}`,
    parent: collectionPath,
    notification,
  });
}

function deleteCron(ctx: RouteContext) {
  const scope = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const { environment, application } = scope;
  const cron = modifiableCron(
    ctx,
    scope,
    "The cron does not belong to this environment, and cannot be removed.",
  );
  const notification = startTask(ctx, {
    event: "CronDeleted",
    label: "Cron deleted",
    description: `The cron "${cron.label}" was deleted from the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "delete", collection: "crons", key: cron.id }],
  });
  const collectionPath = `/environments/${segment(environment.id)}/crons`;
  return accepted(ctx, "Deleting cron.", {
    self: `${collectionPath}/${cron.id}`,
    parent: collectionPath,
    notification,
  });
}

function toggleCron(enable: boolean) {
  return (ctx: RouteContext) => {
    const scope = requireEnvironment(ctx, ctx.params.environmentId ?? "");
    const { environment, application } = scope;
    const cron = modifiableCron(ctx, scope, NOT_FOUND.cron);
    const verb = enable ? "enabled" : "disabled";
    if (cron.enabled === enable) throw conflict(`The cron is already ${verb}. No action taken.`);
    const notification = startTask(ctx, {
      event: enable ? "CronEnabled" : "CronDisabled",
      label: enable ? "Cron enabled" : "Cron disabled",
      description: `The cron "${cron.label}" was ${verb} on the "${environment.label}" environment.`,
      ...onEnvironment(environment, application),
      ops: [{ op: "patch", collection: "crons", key: cron.id, patch: { enabled: enable } }],
    });
    const cronPath = `/environments/${segment(environment.id)}/crons/${cron.id}`;
    return accepted(ctx, `The cron is being ${verb}.`, {
      self: `${cronPath}/actions/${enable ? "enable" : "disable"}`,
      parent: `${cronPath}/actions`,
      notification,
    });
  };
}

export const cronRoutes: Route[] = [
  {
    method: "GET",
    template: "/environments/{environmentId}/crons",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const items = Object.values(ctx.core.store.state.crons)
        .filter((c) => c.environmentId === environment.id)
        .map((c) => renderCron(ctx, environment, c, false));
      return ok(
        collection(ctx, items, {
          self: `/environments/${segment(environment.id)}/crons`,
          parent: `/environments/${segment(environment.id)}`,
        }),
      );
    },
  },
  { method: "POST", template: "/environments/{environmentId}/crons", handler: createCron },
  {
    method: "GET",
    template: "/environments/{environmentId}/crons/{cronId}",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      return ok(renderCron(ctx, environment, findCron(ctx, environment, NOT_FOUND.cron), true));
    },
  },
  { method: "PUT", template: "/environments/{environmentId}/crons/{cronId}", handler: updateCron },
  { method: "DELETE", template: "/environments/{environmentId}/crons/{cronId}", handler: deleteCron },
  {
    method: "POST",
    template: "/environments/{environmentId}/crons/{cronId}/actions/enable",
    handler: toggleCron(true),
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/crons/{cronId}/actions/disable",
    handler: toggleCron(false),
  },
];
