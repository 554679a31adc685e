import { z } from "zod";
import { halLinks, lastSegment, maybe } from "../hal/schemas";
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
  list(environmentId: string, signal?: AbortSignal): Promise<LogForwardingDestination[]> {
    return this.client.list(
      path`/environments/${environmentId}/log-forwarding-destinations`,
      logForwardingDestinationSchema,
      { paged: true, signal },
    );
  }

  get(environmentId: string, uuid: string, signal?: AbortSignal): Promise<LogForwardingDestination> {
    return this.client.request(
      "GET",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}`,
      {
        schema: logForwardingDestinationSchema,
        signal,
      },
    );
  }

  async findByLabel(
    environmentId: string,
    label: string,
    signal?: AbortSignal,
  ): Promise<LogForwardingDestination | undefined> {
    return (await this.list(environmentId, signal)).find((d) => d.label === label);
  }

  /** The answer's `_links.self` names the new destination. */
  async create(
    environmentId: string,
    input: LogForwardingInput,
    signal?: AbortSignal,
  ): Promise<{ operation: Operation; uuid: string | undefined }> {
    registerCredentials(input.credentials);
    const operation = await this.client.mutate(
      "POST",
      path`/environments/${environmentId}/log-forwarding-destinations`,
      input,
      signal,
    );
    const id = operation.selfHref ? lastSegment(operation.selfHref) : undefined;
    return { operation, uuid: id && id !== "log-forwarding-destinations" ? id : undefined };
  }

  update(
    environmentId: string,
    uuid: string,
    input: Partial<LogForwardingInput> & { consumer: string },
    signal?: AbortSignal,
  ): Promise<Operation> {
    registerCredentials(input.credentials);
    return this.client.mutate(
      "PUT",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}`,
      input,
      signal,
    );
  }

  delete(environmentId: string, uuid: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}`,
      undefined,
      signal,
    );
  }

  enable(environmentId: string, uuid: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}/actions/enable`,
      undefined,
      signal,
    );
  }

  disable(environmentId: string, uuid: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/log-forwarding-destinations/${uuid}/actions/disable`,
      undefined,
      signal,
    );
  }
}
