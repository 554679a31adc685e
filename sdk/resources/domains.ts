import { z } from "zod";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const domainSchema = z.looseObject({
  hostname: z.string(),
  flags: maybe(
    z.looseObject({ default: maybe(z.boolean()), active: maybe(z.boolean()), wildcard: maybe(z.boolean()) }),
  ),
  environment: maybe(z.looseObject({ id: maybe(z.string()), name: maybe(z.string()) })),
  _links: maybe(halLinks),
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
