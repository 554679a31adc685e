import { requireEnvironment, type EnvironmentScope } from "../access";
import { accepted, ok } from "../answers";
import { NOT_FOUND, forbidden, notFound, validationFailed } from "../errors";
import { collection, link, segment } from "../hal";
import type { DatabaseBackupRecord, EnvironmentDatabaseRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { onEnvironment, startTask } from "../tasks";
import { isoNow } from "../time";

// An environment database's backups: Acquia's daily ones (seeded) and those asked for on demand. An
// on-demand backup exists once its task completes, stamped with that moment as its completion.

const backupsPath = (environmentId: string, databaseName: string): string =>
  `/environments/${segment(environmentId)}/databases/${segment(databaseName)}/backups`;

function environmentDatabase(
  ctx: RouteContext,
  environmentId: string,
  name: string,
): EnvironmentDatabaseRecord | undefined {
  return ctx.core.store.state.environmentDatabases[`${environmentId}/${name}`];
}

/** Node.js applications have no databases: reads answer 404 `not_available`, changes 403. */
function requireDatabaseHost(ctx: RouteContext, refusal: () => Error): EnvironmentScope {
  const scope = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  if (scope.application.type === "node") throw refusal();
  return scope;
}

const BACKUPS_ON_NODE = "Database backups do not exist on Node.js applications.";

/** The environment and its database named in the path; a database it lacks answers 404. */
function requireDatabase(
  ctx: RouteContext,
  onNode: () => Error,
): EnvironmentScope & { database: EnvironmentDatabaseRecord } {
  const scope = requireDatabaseHost(ctx, onNode);
  const database = environmentDatabase(ctx, scope.environment.id, ctx.params.databaseName ?? "");
  if (database === undefined) throw notFound(NOT_FOUND.database);
  return { ...scope, database };
}

function requireBackup(
  ctx: RouteContext,
  onNode: () => Error,
): EnvironmentScope & { database: EnvironmentDatabaseRecord; backup: DatabaseBackupRecord } {
  const scope = requireDatabase(ctx, onNode);
  const key = `${scope.environment.id}/${scope.database.name}/${ctx.params.backupId ?? ""}`;
  const backup = ctx.core.store.state.databaseBackups[key];
  if (backup === undefined) throw notFound(NOT_FOUND.databaseBackup);
  return { ...scope, backup };
}

function renderBackup(
  ctx: RouteContext,
  scope: EnvironmentScope & { database: EnvironmentDatabaseRecord },
  backup: DatabaseBackupRecord,
  full: boolean,
): Record<string, unknown> {
  const { environment, database } = scope;
  const base = backupsPath(environment.id, database.name);
  const self = `${base}/${backup.id}`;
  const body: Record<string, unknown> = {
    id: backup.id,
    database: { id: database.id, name: database.name },
    type: backup.type,
    started_at: backup.startedAt,
    completed_at: backup.completedAt,
    flags: { deleted: false },
    environment: { id: environment.id, name: environment.name },
    _links: {
      self: link(ctx, self),
      parent: link(ctx, full ? base : `/environments/${segment(environment.id)}/databases`),
      download: link(ctx, `${self}/actions/download`),
    },
  };
  if (full) {
    body._embedded = {
      environment: {
        id: environment.id,
        name: environment.name,
        _links: { self: link(ctx, `/environments/${segment(environment.id)}`) },
      },
      database: {
        id: database.id,
        name: database.name,
        _links: {
          self: link(ctx, `/environments/${segment(environment.id)}/databases/${segment(database.name)}`),
        },
      },
    };
  }
  return body;
}

function listBackups(ctx: RouteContext) {
  const scope = requireDatabase(ctx, () =>
    notFound("Databases do not exist on Node.js applications", "not_available"),
  );
  // Filterable and sortable by `type` (the spec also names `created`, which no item carries).
  const items = Object.values(ctx.core.store.state.databaseBackups)
    .filter((b) => b.environmentId === scope.environment.id && b.databaseName === scope.database.name)
    .sort((a, b) => a.id - b.id)
    .map((b) => renderBackup(ctx, scope, b, false));
  return ok(
    collection(ctx, items, {
      self: backupsPath(scope.environment.id, scope.database.name),
      parent: `/environments/${segment(scope.environment.id)}/databases/${segment(scope.database.name)}`,
      paged: true,
      queryable: true,
    }),
  );
}

function createBackup(ctx: RouteContext) {
  const { environment, application } = requireDatabaseHost(ctx, () => forbidden(BACKUPS_ON_NODE));
  const name = ctx.params.databaseName ?? "";
  const database = environmentDatabase(ctx, environment.id, name);
  if (database === undefined)
    throw validationFailed({ database: "The database does not exist in this environment." });
  const { state } = ctx.core.store;
  const id = state.sequences.databaseBackup++;
  const startedAt = isoNow();
  const notification = startTask(ctx, {
    event: "DatabaseBackupCreated",
    label: "Database backup created",
    description: `A "${database.name}" database backup has been created for "${environment.label}".`,
    ...onEnvironment(environment, application),
    ops: [
      {
        op: "put",
        collection: "databaseBackups",
        key: `${environment.id}/${database.name}/${id}`,
        value: {
          id,
          environmentId: environment.id,
          databaseName: database.name,
          type: "ondemand",
          startedAt,
          completedAt: startedAt,
        },
        stamp: ["completedAt"],
      },
    ],
  });
  const base = backupsPath(environment.id, database.name);
  return accepted(ctx, "Creating the backup.", {
    self: base,
    parent: `/environments/${segment(environment.id)}/databases/${segment(database.name)}`,
    notification,
  });
}

function deleteBackup(ctx: RouteContext) {
  const scope = requireBackup(ctx, () => forbidden(BACKUPS_ON_NODE));
  const { environment, application, database, backup } = scope;
  const notification = startTask(ctx, {
    event: "DatabaseBackupDeleted",
    label: "Database backup deleted",
    description: `A "${database.name}" database backup has been deleted from "${environment.label}".`,
    ...onEnvironment(environment, application),
    ops: [
      {
        op: "delete",
        collection: "databaseBackups",
        key: `${environment.id}/${database.name}/${backup.id}`,
      },
    ],
  });
  const base = backupsPath(environment.id, database.name);
  return accepted(ctx, "Deleting the database backup.", {
    self: `${base}/${backup.id}`,
    parent: base,
    notification,
  });
}

const BACKUPS = "/environments/{environmentId}/databases/{databaseName}/backups";

export const databaseBackupRoutes: Route[] = [
  { method: "GET", template: BACKUPS, handler: listBackups },
  { method: "POST", template: BACKUPS, handler: createBackup },
  {
    method: "GET",
    template: `${BACKUPS}/{backupId}`,
    handler: (ctx) => {
      const scope = requireBackup(ctx, () =>
        notFound("Databases backups do not exist on Node.js applications", "not_available"),
      );
      return ok(renderBackup(ctx, scope, scope.backup, true));
    },
  },
  { method: "DELETE", template: `${BACKUPS}/{backupId}`, handler: deleteBackup },
];
