import { requireEnvironment } from "../access";
import { accepted, ok } from "../answers";
import { stringField } from "../body";
import { NOT_FOUND, missingParameter, notFound, validationFailed } from "../errors";
import { collection, link, segment } from "../hal";
import type { EnvironmentRecord, StoreOp, VariableRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { onEnvironment, startTask } from "../tasks";

// The spec's `name` pattern: letters, digits and underscores, not starting with a digit, AH_ or ACQUIA_.
const NAME = /^(?!(ACQUIA_|AH_))[A-Za-z_][A-Za-z0-9_]*$/;
const INVALID_NAME =
  "The environment variable name is invalid. It must contain only letters, numbers, and underscores; it cannot start with a number, AH_, or ACQUIA_; and it must be under 256 characters long.";
const DUPLICATE_NAME = "The environment already has an environment variable with that name.";
// The create body allows 255 characters, the update body 5000 (spec request schemas and examples).
const MAX_CREATE_VALUE = 255;
const MAX_UPDATE_VALUE = 5000;

function validName(name: string | undefined): string {
  if (name === undefined || name === "") throw missingParameter("name");
  if (name.length > 255 || !NAME.test(name)) throw validationFailed({ name: INVALID_NAME });
  return name;
}

function renderVariable(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  variable: VariableRecord,
  full: boolean,
): Record<string, unknown> {
  const collectionPath = `/environments/${segment(environment.id)}/variables`;
  const links: Record<string, unknown> = { self: link(ctx, `${collectionPath}/${segment(variable.name)}`) };
  if (full) links.parent = link(ctx, collectionPath);
  return { name: variable.name, value: variable.value, _links: links };
}

function variableKey(environmentId: string, name: string): string {
  return `${environmentId}/${name}`;
}

function requireVariable(ctx: RouteContext, environment: EnvironmentRecord): VariableRecord {
  const variable =
    ctx.core.store.state.variables[variableKey(environment.id, ctx.params.environmentVariableName ?? "")];
  if (variable === undefined) throw notFound(NOT_FOUND.variable);
  return variable;
}

function createVariable(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const name = validName(stringField(ctx.body, "name"));
  const value = stringField(ctx.body, "value") ?? "";
  if (value.length > MAX_CREATE_VALUE) {
    throw validationFailed(
      { value: "The environment variable value is invalid: it must be less than 256 characters long." },
      400,
      "not_available",
    );
  }
  if (ctx.core.store.state.variables[variableKey(environment.id, name)] !== undefined) {
    throw validationFailed({ name: DUPLICATE_NAME }, 400, "not_available");
  }
  const record: VariableRecord = { environmentId: environment.id, name, value };
  const notification = startTask(ctx, {
    event: "EnvironmentVariableAdded",
    label: "Environment variable added",
    description: `The environment variable ${name} was added to the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "put", collection: "variables", key: variableKey(environment.id, name), value: record }],
  });
  return accepted(ctx, "The environment variable is being added.", {
    self: `/environments/${segment(environment.id)}/variables`,
    parent: `/environments/${segment(environment.id)}`,
    notification,
  });
}

function updateVariable(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const current = requireVariable(ctx, environment);
  const name = validName(stringField(ctx.body, "name"));
  const value = stringField(ctx.body, "value");
  if (value === undefined) throw missingParameter("value");
  if (value.length > MAX_UPDATE_VALUE) {
    throw validationFailed({
      value: "The environment variable value is invalid: it must be less than 5000 characters long.",
    });
  }
  const ops: StoreOp[] = [];
  if (name !== current.name) {
    if (ctx.core.store.state.variables[variableKey(environment.id, name)] !== undefined) {
      throw validationFailed({ name: DUPLICATE_NAME });
    }
    ops.push({ op: "delete", collection: "variables", key: variableKey(environment.id, current.name) });
  }
  ops.push({
    op: "put",
    collection: "variables",
    key: variableKey(environment.id, name),
    value: { environmentId: environment.id, name, value },
  });
  const notification = startTask(ctx, {
    event: "EnvironmentVariableUpdated",
    label: "Environment variable updated",
    description: `The environment variable ${current.name} was updated on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops,
  });
  const collectionPath = `/environments/${segment(environment.id)}/variables`;
  return accepted(ctx, "The environment variable is being updated.", {
    self: `${collectionPath}/${segment(current.name)}`,
    parent: collectionPath,
    notification,
  });
}

function deleteVariable(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const variable = requireVariable(ctx, environment);
  const notification = startTask(ctx, {
    event: "EnvironmentVariableDeleted",
    label: "Environment variable removed",
    description: `The environment variable ${variable.name} was removed from the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "delete", collection: "variables", key: variableKey(environment.id, variable.name) }],
  });
  const collectionPath = `/environments/${segment(environment.id)}/variables`;
  return accepted(ctx, "The environment variable is being removed.", {
    self: `${collectionPath}/${segment(variable.name)}`,
    parent: collectionPath,
    notification,
  });
}

export const variableRoutes: Route[] = [
  {
    method: "GET",
    template: "/environments/{environmentId}/variables",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const items = Object.values(ctx.core.store.state.variables)
        .filter((v) => v.environmentId === environment.id)
        .map((v) => renderVariable(ctx, environment, v, false));
      return ok(
        collection(ctx, items, {
          self: `/environments/${segment(environment.id)}/variables`,
          parent: `/environments/${segment(environment.id)}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  { method: "POST", template: "/environments/{environmentId}/variables", handler: createVariable },
  {
    method: "GET",
    template: "/environments/{environmentId}/variables/{environmentVariableName}",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      return ok(renderVariable(ctx, environment, requireVariable(ctx, environment), true));
    },
  },
  {
    method: "PUT",
    template: "/environments/{environmentId}/variables/{environmentVariableName}",
    handler: updateVariable,
  },
  {
    method: "DELETE",
    template: "/environments/{environmentId}/variables/{environmentVariableName}",
    handler: deleteVariable,
  },
];
