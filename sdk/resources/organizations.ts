import { z } from "zod";
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
  list(signal?: AbortSignal): Promise<Organization[]> {
    return this.client.list("/organizations", organizationSchema, { signal });
  }

  get(organizationUuid: string, signal?: AbortSignal): Promise<Organization> {
    return this.client.request("GET", path`/organizations/${organizationUuid}`, {
      schema: organizationSchema,
      signal,
    });
  }
}
