import { environmentStub, requireApplication, requireEnvironment } from "../access";
import { accepted, ok } from "../answers";
import { stringField } from "../body";
import { NOT_FOUND, missingParameter, notFound, validationFailed } from "../errors";
import { collection, link, segment } from "../hal";
import type { EnvironmentDatabaseRecord, EnvironmentRecord, StoreOp } from "../model";
import type { Route, RouteContext } from "../router";
import { databasePassword } from "../seed";
import { startTask } from "../tasks";

const DB_HOST = "dbmaster-acme.internal.acquia-sites.com";

function renderDatabase(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  database: EnvironmentDatabaseRecord,
  full: boolean,
): Record<string, unknown> {
  const self = `/environments/${segment(environment.id)}/databases/${segment(database.name)}`;
  const links: Record<string, unknown> = { self: link(ctx, self) };
  if (full) {
    links.backups = link(ctx, `${self}/backups`);
    links.parent = link(ctx, `/environments/${segment(environment.id)}/databases`);
  }
  return {
    id: database.id,
    name: database.name,
    // nullFields: Acquia sends a null user name (typhonius/acquia-php-sdk-v2 PR #384, CLI-1046), though
    // the spec types it as a plain string.
    user_name: ctx.core.realism.has("nullFields") ? null : database.userName,
    password: database.password,
    url: `mysql://${database.userName}:${database.password}@${DB_HOST}/${database.name}`,
    db_host: DB_HOST,
    ssh_host: `${environment.name}.ssh.prod.acquia-sites.com`,
    flags: { default: database.isDefault },
    environment: environmentStub(environment),
    _links: links,
  };
}

function createDatabase(ctx: RouteContext) {
  const application = requireApplication(ctx, ctx.params.applicationUuid ?? "");
  const name = stringField(ctx.body, "name");
  if (name === undefined || name === "") throw missingParameter("name");
  if (name.length > 63) {
    throw validationFailed({ general: "The database name cannot exceed 63 characters in length." });
  }
  if (name.toLowerCase() === "default")
    throw validationFailed({ name: 'The database name cannot be "default".' });
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw validationFailed({
      name: "The database name can only contain alphanumeric characters and underscores.",
    });
  }
  const { state } = ctx.core.store;
  if (state.applicationDatabases[`${application.uuid}/${name}`] !== undefined) {
    throw validationFailed({ name: "A database with that name already exists. Please choose another name." });
  }
  const ops: StoreOp[] = [
    {
      op: "put",
      collection: "applicationDatabases",
      key: `${application.uuid}/${name}`,
      value: { applicationUuid: application.uuid, name, isDefault: false },
    },
  ];
  // An application database exists on every environment of the application.
  for (const environment of Object.values(state.environments)) {
    if (environment.applicationUuid !== application.uuid) continue;
    ops.push({
      op: "put",
      collection: "environmentDatabases",
      key: `${environment.id}/${name}`,
      value: {
        id: state.sequences.environmentDatabase++,
        environmentId: environment.id,
        name,
        userName: `${application.sitename}${environment.name}`.slice(0, 16),
        password: databasePassword(`${environment.id}/${name}`),
        isDefault: false,
      },
    });
  }
  const notification = startTask(ctx, {
    event: "DatabaseAdded",
    label: "Database added",
    description: `The database "${name}" was added to ${application.name}.`,
    organizationUuid: application.organizationUuid,
    context: { application: { uuids: [application.uuid] } },
    ops,
  });
  return accepted(ctx, "The database is being created.", {
    self: `/applications/${application.uuid}/databases`,
    parent: `/applications/${application.uuid}`,
    notification,
  });
}

function deleteDatabase(ctx: RouteContext) {
  const application = requireApplication(ctx, ctx.params.applicationUuid ?? "");
  const name = ctx.params.name ?? "";
  const database = ctx.core.store.state.applicationDatabases[`${application.uuid}/${name}`];
  if (database === undefined) throw notFound(NOT_FOUND.database);
  if (database.isDefault) {
    throw validationFailed({ name: "The database is a default database, and cannot be removed." });
  }
  const ops: StoreOp[] = [
    { op: "delete", collection: "applicationDatabases", key: `${application.uuid}/${name}` },
  ];
  for (const environment of Object.values(ctx.core.store.state.environments)) {
    if (environment.applicationUuid === application.uuid) {
      ops.push({ op: "delete", collection: "environmentDatabases", key: `${environment.id}/${name}` });
    }
  }
  const notification = startTask(ctx, {
    event: "DatabaseDeleted",
    label: "Database deleted",
    description: `The database "${name}" was deleted from ${application.name}.`,
    organizationUuid: application.organizationUuid,
    context: { application: { uuids: [application.uuid] } },
    ops,
  });
  return accepted(ctx, "The database is being deleted.", {
    self: `/applications/${application.uuid}/databases/${segment(name)}`,
    parent: `/applications/${application.uuid}/databases`,
    notification,
  });
}

function environmentDatabases(ctx: RouteContext, environmentId: string): EnvironmentDatabaseRecord[] {
  return Object.values(ctx.core.store.state.environmentDatabases).filter(
    (d) => d.environmentId === environmentId,
  );
}

export const databaseRoutes: Route[] = [
  {
    method: "GET",
    template: "/applications/{applicationUuid}/databases",
    handler: (ctx) => {
      const application = requireApplication(ctx, ctx.params.applicationUuid ?? "");
      const items = Object.values(ctx.core.store.state.applicationDatabases)
        .filter((d) => d.applicationUuid === application.uuid)
        .map((d) => ({ name: d.name }));
      return ok(
        collection(ctx, items, {
          self: `/applications/${application.uuid}/databases`,
          parent: `/applications/${application.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  { method: "POST", template: "/applications/{applicationUuid}/databases", handler: createDatabase },
  { method: "DELETE", template: "/applications/{applicationUuid}/databases/{name}", handler: deleteDatabase },
  {
    method: "GET",
    template: "/environments/{environmentId}/databases",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const items = environmentDatabases(ctx, environment.id).map((d) =>
        renderDatabase(ctx, environment, d, false),
      );
      return ok(
        collection(ctx, items, {
          self: `/environments/${segment(environment.id)}/databases`,
          parent: `/environments/${segment(environment.id)}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "GET",
    template: "/environments/{environmentId}/databases/{databaseName}",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const wanted = ctx.params.databaseName ?? "";
      // The parameter is a name, but the spec's own example links use the numeric id: accept both.
      const database = environmentDatabases(ctx, environment.id).find(
        (d) => d.name === wanted || String(d.id) === wanted,
      );
      if (database === undefined) throw notFound(NOT_FOUND.database);
      return ok(renderDatabase(ctx, environment, database, true));
    },
  },
];
