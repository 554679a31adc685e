import { z } from "zod";
import { halLinks } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const domainSchema = z.looseObject({
  hostname: z.string(),
  flags: z
    .looseObject({
      default: z.boolean().optional(),
      active: z.boolean().optional(),
      wildcard: z.boolean().optional(),
    })
    .optional(),
  environment: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  _links: halLinks.optional(),
});
export type Domain = z.infer<typeof domainSchema>;

export class DomainsApi extends ApiResource {
  list(environmentId: string, signal?: AbortSignal): Promise<Domain[]> {
    return this.client.list(path`/environments/${environmentId}/domains`, domainSchema, {
      paged: true,
      signal,
    });
  }

  get(environmentId: string, hostname: string, signal?: AbortSignal): Promise<Domain> {
    return this.client.request("GET", path`/environments/${environmentId}/domains/${hostname}`, {
      schema: domainSchema,
      signal,
    });
  }

  create(environmentId: string, hostname: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate("POST", path`/environments/${environmentId}/domains`, { hostname }, signal);
  }

  delete(environmentId: string, hostname: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/domains/${hostname}`,
      undefined,
      signal,
    );
  }
}
