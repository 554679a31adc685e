import { z } from "zod";
import type { RequestOptions } from "../client";
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
  list(environmentId: string, options?: RequestOptions): Promise<Domain[]> {
    return this.client.list(path`/environments/${environmentId}/domains`, domainSchema, {
      ...options,
      paged: true,
    });
  }

  get(environmentId: string, hostname: string, options?: RequestOptions): Promise<Domain> {
    return this.client.request("GET", path`/environments/${environmentId}/domains/${hostname}`, {
      ...options,
      schema: domainSchema,
    });
  }

  create(environmentId: string, input: { hostname: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/environments/${environmentId}/domains`, input, options);
  }

  delete(environmentId: string, hostname: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/domains/${hostname}`,
      undefined,
      options,
    );
  }
}
