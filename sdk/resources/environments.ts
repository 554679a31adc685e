import { z } from "zod";
import { halLinks } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

const phpSettings = z.looseObject({
  version: z.string().nullable().optional(),
  memory_limit: z.number().nullable().optional(),
  opcache: z.number().nullable().optional(),
  apcu: z.number().nullable().optional(),
  interned_strings_buffer: z.number().nullable().optional(),
  client_max_body_size: z.number().nullable().optional(),
  max_execution_time: z.number().nullable().optional(),
  max_post_size: z.number().nullable().optional(),
  max_input_vars: z.number().nullable().optional(),
  upload_max_filesize: z.number().nullable().optional(),
  memcached_limit: z.number().nullable().optional(),
});

export const environmentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  application: z.looseObject({ uuid: z.string(), name: z.string().optional() }),
  domains: z.array(z.string()).optional(),
  status: z.string().optional(),
  type: z.string().optional(),
  vcs: z
    .looseObject({
      type: z.string().optional(),
      path: z.string().nullable().optional(),
      url: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  flags: z.looseObject({ cde: z.boolean().optional(), production: z.boolean().optional() }).optional(),
  configuration: z
    .looseObject({
      operating_system: z.string().nullable().optional(),
      php: phpSettings.nullable().optional(),
    })
    .nullable()
    .optional(),
  _links: halLinks.optional(),
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

export interface CreateCdEnvironment {
  label: string;
  branch: string;
  databases: string[];
}

export class EnvironmentsApi extends ApiResource {
  list(applicationUuid: string, signal?: AbortSignal): Promise<Environment[]> {
    return this.client.list(path`/applications/${applicationUuid}/environments`, environmentSchema, {
      paged: true,
      signal,
    });
  }

  get(environmentId: string, signal?: AbortSignal): Promise<Environment> {
    return this.client.request("GET", path`/environments/${environmentId}`, {
      schema: environmentSchema,
      signal,
    });
  }

  /** An environment by machine name (`dev`) or label (`Dev`), machine name first. */
  async find(
    applicationUuid: string,
    nameOrLabel: string,
    signal?: AbortSignal,
  ): Promise<Environment | undefined> {
    const all = await this.list(applicationUuid, signal);
    return all.find((e) => e.name === nameOrLabel) ?? all.find((e) => e.label === nameOrLabel);
  }

  /** Changes runtime settings. Acquia answers 400 when nothing would change, so send only differences. */
  updateSettings(
    environmentId: string,
    settings: EnvironmentSettings,
    signal?: AbortSignal,
  ): Promise<Operation> {
    return this.client.mutate("PUT", path`/environments/${environmentId}`, settings, signal);
  }

  /** Starts creating a continuous-delivery environment; find it by label once the task completes. */
  createCd(applicationUuid: string, body: CreateCdEnvironment, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate("POST", path`/applications/${applicationUuid}/environments`, body, signal);
  }

  /**
   * Renames an environment. Acquia marks this action deprecated yet offers no other way; it answers
   * with a message only, so read the environment back to see the new label.
   */
  changeLabel(environmentId: string, label: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/actions/change-label`,
      { label },
      signal,
    );
  }

  /** Deletes a continuous-delivery environment (others cannot be deleted). */
  delete(environmentId: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate("DELETE", path`/environments/${environmentId}`, undefined, signal);
  }
}
