import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, idString, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

const setting = maybe(z.number());
const phpSettings = z.looseObject({
  version: maybe(z.string()),
  memory_limit: setting,
  opcache: setting,
  apcu: setting,
  interned_strings_buffer: setting,
  client_max_body_size: setting,
  max_execution_time: setting,
  max_post_size: setting,
  max_input_vars: setting,
  upload_max_filesize: setting,
  memcached_limit: setting,
});

export const environmentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  application: maybe(z.looseObject({ uuid: z.string(), name: maybe(z.string()) })),
  domains: maybe(z.array(z.string())),
  status: maybe(z.string()),
  type: maybe(z.string()),
  /** `path` is the deployed branch or `tags/<name>`. */
  vcs: maybe(z.looseObject({ type: maybe(z.string()), path: maybe(z.string()), url: maybe(z.string()) })),
  flags: maybe(
    z.looseObject({
      cde: maybe(z.boolean()),
      production: maybe(z.boolean()),
      /** While on, Acquia refuses to copy databases or files into the environment. */
      production_mode: maybe(z.boolean()),
    }),
  ),
  configuration: maybe(z.looseObject({ operating_system: maybe(z.string()), php: maybe(phpSettings) })),
  /** The build artifact a Node.js environment runs (null for Git-deployed code). */
  artifact: maybe(z.looseObject({ id: idString, name: maybe(z.string()) })),
  _links: maybe(halLinks),
});
export type Environment = z.infer<typeof environmentSchema>;

/** The runtime settings `PUT /environments/{id}` accepts (PHP limits in MB, seconds or counts). */
export interface EnvironmentSettings {
  version?: string;
  memory_limit?: number;
  opcache?: number;
  apcu?: number;
  interned_strings_buffer?: number;
  client_max_body_size?: number;
  upload_max_filesize?: number;
  max_execution_time?: number;
  max_post_size?: number;
  max_input_vars?: number;
  memcached_limit?: number;
  operating_system?: string;
}

export const availableRuntimesSchema = z.looseObject({
  runtime: maybe(z.string()),
  versions: maybe(z.array(z.string())).transform((v) => v ?? []),
});
export type AvailableRuntimes = z.infer<typeof availableRuntimesSchema>;

export const operatingSystemsSchema = z.looseObject({
  versions: maybe(
    z.array(
      z.looseObject({ name: maybe(z.string()), label: maybe(z.string()), available: maybe(z.boolean()) }),
    ),
  ).transform((v) => v ?? []),
});
export type OperatingSystems = z.infer<typeof operatingSystemsSchema>;

export interface CreateCdEnvironment {
  label: string;
  branch: string;
  databases: string[];
}

export class EnvironmentsApi extends ApiResource {
  list(applicationUuid: string, options?: RequestOptions): Promise<Environment[]> {
    return this.client.list(path`/applications/${applicationUuid}/environments`, environmentSchema, {
      ...options,
      paged: true,
    });
  }

  get(environmentId: string, options?: RequestOptions): Promise<Environment> {
    return this.client.request("GET", path`/environments/${environmentId}`, {
      ...options,
      schema: environmentSchema,
    });
  }

  /** An environment by machine name (`dev`) or label (`Dev`), machine name first. */
  async find(
    applicationUuid: string,
    nameOrLabel: string,
    options?: RequestOptions,
  ): Promise<Environment | undefined> {
    const all = await this.list(applicationUuid, options);
    return all.find((e) => e.name === nameOrLabel) ?? all.find((e) => e.label === nameOrLabel);
  }

  /** The PHP versions the environment may switch to. */
  availableRuntimes(environmentId: string, options?: RequestOptions): Promise<AvailableRuntimes> {
    return this.client.request("GET", path`/environments/${environmentId}/available-runtimes`, {
      ...options,
      schema: availableRuntimesSchema,
    });
  }

  /** The operating systems the environment may run. */
  operatingSystems(environmentId: string, options?: RequestOptions): Promise<OperatingSystems> {
    return this.client.request("GET", path`/environments/${environmentId}/operating-systems`, {
      ...options,
      schema: operatingSystemsSchema,
    });
  }

  /** Changes runtime settings. Acquia answers 400 when nothing would change, so send only differences. */
  updateSettings(
    environmentId: string,
    settings: EnvironmentSettings,
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate("PUT", path`/environments/${environmentId}`, settings, options);
  }

  /** Starts creating a continuous-delivery environment; find it by label once the task completes. */
  create(applicationUuid: string, input: CreateCdEnvironment, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/applications/${applicationUuid}/environments`, input, options);
  }

  /**
   * Renames an environment. Acquia marks this action deprecated yet offers no other way; it answers
   * with a message only, so read the environment back to see the new label.
   */
  changeLabel(environmentId: string, input: { label: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/actions/change-label`,
      input,
      options,
    );
  }

  /** Deletes a continuous-delivery environment (others cannot be deleted). */
  delete(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("DELETE", path`/environments/${environmentId}`, undefined, options);
  }
}
