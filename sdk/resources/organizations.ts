import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import { ApiResource } from "./api-resource";

export const organizationSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  flags: maybe(z.looseObject({ federated_authentication: maybe(z.boolean()) })),
  _links: maybe(halLinks),
});
export type Organization = z.infer<typeof organizationSchema>;

export class OrganizationsApi extends ApiResource {
  list(options?: RequestOptions): Promise<Organization[]> {
    return this.client.list("/organizations", organizationSchema, options);
  }

  get(organizationUuid: string, options?: RequestOptions): Promise<Organization> {
    return this.client.request("GET", path`/organizations/${organizationUuid}`, {
      ...options,
      schema: organizationSchema,
    });
  }
}
