import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { registerSecret } from "../http/redact";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const logForwardingDestinationSchema = z.looseObject({
  uuid: z.string(),
  label: z.string(),
  address: maybe(z.string()),
  consumer: z.string(),
  /** Key and token come back as SHA-256 digests (compare, never display); the certificate in clear. */
  credentials: z.unknown().optional(),
  sources: maybe(z.array(z.string())).transform((sources) => sources ?? []),
  status: maybe(z.string()),
  flags: maybe(z.looseObject({ enabled: maybe(z.boolean()) })),
  _links: maybe(halLinks),
});
export type LogForwardingDestination = z.infer<typeof logForwardingDestinationSchema>;

/** A log a destination may forward (`sources`), and the platforms that produce it. */
export const logForwardingSourceSchema = z.looseObject({
  name: z.string(),
  label: maybe(z.string()),
  platforms: maybe(z.array(z.string())).transform((platforms) => platforms ?? []),
});
export type LogForwardingSourceOption = z.infer<typeof logForwardingSourceSchema>;

/** A service a destination may forward to (`consumer`). */
export const logForwardingConsumerSchema = z.looseObject({ name: z.string(), label: maybe(z.string()) });
export type LogForwardingConsumerOption = z.infer<typeof logForwardingConsumerSchema>;

export interface LogForwardingCredentials {
  certificate?: string;
  key?: string;
  token?: string;
}

export interface LogForwardingInput {
  label: string;
  consumer: string;
  sources: string[];
  credentials: LogForwardingCredentials;
  address?: string;
}

function registerCredentials(credentials: LogForwardingCredentials | undefined): void {
  registerSecret(credentials?.key);
  registerSecret(credentials?.token);
}

export class LogForwardingApi extends ApiResource {
  list(environmentId: string, options?: RequestOptions): Promise<LogForwardingDestination[]> {
    return this.client.list(
      path`/environments/${environmentId}/log-forwarding-destinations`,
      logForwardingDestinationSchema,
      { ...options, paged: true },
    );
  }

  /** The log sources a destination accepts (`GET /options/log-forwarding/sources`). */
  listSources(options?: RequestOptions): Promise<LogForwardingSourceOption[]> {
    return this.client.list("/options/log-forwarding/sources", logForwardingSourceSchema, options);
  }

  /** The consumers a destination accepts (`GET /options/log-forwarding/consumers`). */
  listConsumers(options?: RequestOptions): Promise<LogForwardingConsumerOption[]> {
    return this.client.list("/options/log-forwarding/consumers", logForwardingConsumerSchema, options);
  }

  get(environmentId: string, uuid: string, options?: RequestOptions): Promise<LogForwardingDestination> {
    return this.client.request(
      "GET",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}`,
      {
        ...options,
        schema: logForwardingDestinationSchema,
      },
    );
  }

  /** Acquia does not enforce unique labels; this is the first destination with the label. */
  async find(
    environmentId: string,
    label: string,
    options?: RequestOptions,
  ): Promise<LogForwardingDestination | undefined> {
    return (await this.list(environmentId, options)).find((d) => d.label === label);
  }

  /** The answer names the new destination (`operation.createdId`). */
  create(environmentId: string, input: LogForwardingInput, options?: RequestOptions): Promise<Operation> {
    registerCredentials(input.credentials);
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/log-forwarding-destinations`,
      input,
      options,
    );
  }

  update(
    environmentId: string,
    uuid: string,
    input: Partial<LogForwardingInput> & { consumer: string },
    options?: RequestOptions,
  ): Promise<Operation> {
    registerCredentials(input.credentials);
    return this.client.mutate(
      "PUT",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}`,
      input,
      options,
    );
  }

  delete(environmentId: string, uuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}`,
      undefined,
      options,
    );
  }

  enable(environmentId: string, uuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}/actions/enable`,
      undefined,
      options,
    );
  }

  disable(environmentId: string, uuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}/actions/disable`,
      undefined,
      options,
    );
  }
}
