import { requireEnvironment, type EnvironmentScope } from "../access";
import { accepted } from "../answers";
import { stringField } from "../body";
import { conflict, forbidden, missingParameter, validationFailed } from "../errors";
import { segment } from "../hal";
import type { Route, RouteContext } from "../router";
import { startTask } from "../tasks";

// Copying a database or the files of one environment into another of the same application. The copy
// changes nothing the API shows (data and files are not modelled): its task is all there is, which is
// what stats and notifications count.

/** The target and the `source` environment, with the spec's refusals in the order Acquia checks them. */
function copyScope(
  ctx: RouteContext,
  what: { onNode: string; toItself: string; toProduction: string; otherApplication: () => Error },
): { target: EnvironmentScope; source: EnvironmentScope["environment"] } {
  const target = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  if (target.application.type === "node") throw forbidden(what.onNode);
  const sourceId = stringField(ctx.body, "source");
  if (sourceId === undefined || sourceId === "") throw missingParameter("source");
  const source = ctx.core.store.state.environments[sourceId];
  if (source === undefined || source.applicationUuid !== target.environment.applicationUuid)
    throw what.otherApplication();
  if (source.id === target.environment.id) throw conflict(what.toItself);
  if (target.environment.productionMode) throw conflict(what.toProduction);
  return { target, source };
}

function copyDatabase(ctx: RouteContext) {
  const name = stringField(ctx.body, "name");
  if (name === undefined || name === "") throw missingParameter("name");
  const { target, source } = copyScope(ctx, {
    onNode: "Databases cannot be copied on Node.js applications.",
    toItself: "A database cannot be copied from an environment to itself.",
    toProduction: "A database cannot be copied to an environment that is currently in production mode.",
    otherApplication: () => conflict("The environments do not belong to the same application."),
  });
  const { environment, application } = target;
  const databases = ctx.core.store.state.environmentDatabases;
  if (databases[`${source.id}/${name}`] === undefined || databases[`${environment.id}/${name}`] === undefined)
    throw validationFailed({ database: "The database does not exist in this environment." });
  const notification = startTask(ctx, {
    event: "DatabaseCopied",
    label: "Database copied",
    description: `The "${name}" database was copied from "${source.label}" to "${environment.label}".`,
    organizationUuid: application.organizationUuid,
    context: { environment: { ids: [source.id, environment.id] } },
    ops: [],
  });
  const self = `/environments/${segment(environment.id)}`;
  return accepted(ctx, "The database is being copied", {
    self: `${self}/databases`,
    parent: self,
    notification,
  });
}

function copyFiles(ctx: RouteContext) {
  const { target, source } = copyScope(ctx, {
    onNode: "Files cannot be copied on Node.js applications.",
    toItself: "Files cannot be copied from an environment to itself.",
    toProduction: "Files cannot be copied to an environment that is currently in production mode.",
    otherApplication: () =>
      validationFailed({ name: "Files can only be copied from an environment within the same application." }),
  });
  const { environment, application } = target;
  const notification = startTask(ctx, {
    event: "FilesCopied",
    label: "Files copied",
    description: `Files were copied from "${source.label}" to "${environment.label}".`,
    organizationUuid: application.organizationUuid,
    context: { environment: { ids: [source.id, environment.id] } },
    ops: [],
  });
  const files = `/environments/${segment(environment.id)}/files`;
  // The spec's example names the files collection as its own parent.
  return accepted(ctx, "Copying files.", { self: files, parent: files, notification });
}

export const copyRoutes: Route[] = [
  { method: "POST", template: "/environments/{environmentId}/databases", handler: copyDatabase },
  { method: "POST", template: "/environments/{environmentId}/files", handler: copyFiles },
];
