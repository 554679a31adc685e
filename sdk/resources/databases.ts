import { z } from "zod";
import { idString, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const databaseNameSchema = z.looseObject({ name: z.string() });
export type DatabaseName = z.infer<typeof databaseNameSchema>;

/** An environment's copy of a database. Carries its password: treat the whole object as secret. */
export const environmentDatabaseSchema = z.looseObject({
  id: maybe(idString),
  name: z.string(),
  /** Null for some databases (Acquia's PHP SDK types it `?string`). */
  user_name: maybe(z.string()),
  db_host: maybe(z.string()),
  flags: maybe(z.looseObject({ default: maybe(z.boolean()) })),
});
export type EnvironmentDatabase = z.infer<typeof environmentDatabaseSchema>;

export class DatabasesApi extends ApiResource {
  /** The application's databases (each exists in every environment). */
  list(applicationUuid: string, signal?: AbortSignal): Promise<DatabaseName[]> {
    return this.client.list(path`/applications/${applicationUuid}/databases`, databaseNameSchema, {
      paged: true,
      signal,
    });
  }

  async find(applicationUuid: string, name: string, signal?: AbortSignal): Promise<DatabaseName | undefined> {
    return (await this.list(applicationUuid, signal)).find((d) => d.name === name);
  }

  listForEnvironment(environmentId: string, signal?: AbortSignal): Promise<EnvironmentDatabase[]> {
    return this.client.list(path`/environments/${environmentId}/databases`, environmentDatabaseSchema, {
      paged: true,
      signal,
    });
  }

  create(applicationUuid: string, name: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate("POST", path`/applications/${applicationUuid}/databases`, { name }, signal);
  }

  delete(applicationUuid: string, name: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/applications/${applicationUuid}/databases/${name}`,
      undefined,
      signal,
    );
  }
}
