import { z } from "zod";
import type { RequestOptions } from "../client";
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
  list(applicationUuid: string, options?: RequestOptions): Promise<DatabaseName[]> {
    return this.client.list(path`/applications/${applicationUuid}/databases`, databaseNameSchema, {
      ...options,
      paged: true,
    });
  }

  async find(
    applicationUuid: string,
    name: string,
    options?: RequestOptions,
  ): Promise<DatabaseName | undefined> {
    return (await this.list(applicationUuid, options)).find((d) => d.name === name);
  }

  listForEnvironment(environmentId: string, options?: RequestOptions): Promise<EnvironmentDatabase[]> {
    return this.client.list(path`/environments/${environmentId}/databases`, environmentDatabaseSchema, {
      ...options,
      paged: true,
    });
  }

  create(applicationUuid: string, input: { name: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/applications/${applicationUuid}/databases`, input, options);
  }

  /** Copies database `name` from environment `source` (same application) into this environment. */
  copy(
    environmentId: string,
    input: { name: string; source: string },
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate("POST", path`/environments/${environmentId}/databases`, input, options);
  }

  delete(applicationUuid: string, name: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/applications/${applicationUuid}/databases/${name}`,
      undefined,
      options,
    );
  }
}
