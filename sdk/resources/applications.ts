import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import { ApiResource } from "./api-resource";

const nameAndUuid = z.looseObject({ uuid: z.string(), name: maybe(z.string()) });

export const applicationSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  /** Null on some applications (Acquia's PHP SDK types it `?string`). */
  type: maybe(z.string()),
  status: maybe(z.string()),
  hosting: maybe(z.looseObject({ type: maybe(z.string()), id: maybe(z.string()) })),
  subscription: maybe(nameAndUuid),
  organization: maybe(nameAndUuid),
  _links: maybe(halLinks),
});
export type Application = z.infer<typeof applicationSchema>;

export class ApplicationsApi extends ApiResource {
  /** `filter` uses Acquia's syntax, e.g. `name=Acme Web` or `name=@*acme*`. */
  list(query: { filter?: string } = {}, options?: RequestOptions): Promise<Application[]> {
    return this.client.list("/applications", applicationSchema, {
      ...options,
      paged: true,
      query: { filter: query.filter },
    });
  }

  get(applicationUuid: string, options?: RequestOptions): Promise<Application> {
    return this.client.request("GET", path`/applications/${applicationUuid}`, {
      ...options,
      schema: applicationSchema,
    });
  }

  /** The applications named exactly `name`: names are not unique on Acquia, so this is a list. */
  async listByName(name: string, options?: RequestOptions): Promise<Application[]> {
    const candidates = await this.list({ filter: `name=${name}` }, options);
    return candidates.filter((a) => a.name === name);
  }

  listForOrganization(organizationUuid: string, options?: RequestOptions): Promise<Application[]> {
    return this.client.list(path`/organizations/${organizationUuid}/applications`, applicationSchema, {
      ...options,
      paged: true,
    });
  }
}
