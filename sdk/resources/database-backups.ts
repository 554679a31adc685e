import { z } from "zod";
import type { RequestOptions } from "../client";
import { idString, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

/** A backup of an environment's database: Acquia's daily ones (`daily`) and on-demand ones (`ondemand`). */
export const databaseBackupSchema = z.looseObject({
  id: idString,
  type: maybe(z.string()),
  started_at: maybe(z.string()),
  completed_at: maybe(z.string()),
  flags: maybe(z.looseObject({ deleted: maybe(z.boolean()) })),
});
export type DatabaseBackup = z.infer<typeof databaseBackupSchema>;

export class DatabaseBackupsApi extends ApiResource {
  list(environmentId: string, databaseName: string, options?: RequestOptions): Promise<DatabaseBackup[]> {
    return this.client.list(
      path`/environments/${environmentId}/databases/${databaseName}/backups`,
      databaseBackupSchema,
      { ...options, paged: true },
    );
  }

  get(
    environmentId: string,
    databaseName: string,
    backupId: string,
    options?: RequestOptions,
  ): Promise<DatabaseBackup> {
    return this.client.request(
      "GET",
      path`/environments/${environmentId}/databases/${databaseName}/backups/${backupId}`,
      { ...options, schema: databaseBackupSchema },
    );
  }

  /** Starts an on-demand backup. Acquia's answer does not name the new backup: list to find it. */
  create(environmentId: string, databaseName: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/databases/${databaseName}/backups`,
      undefined,
      options,
    );
  }

  delete(
    environmentId: string,
    databaseName: string,
    backupId: string,
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/databases/${databaseName}/backups/${backupId}`,
      undefined,
      options,
    );
  }
}
