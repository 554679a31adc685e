import { z } from "zod";
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
  list(options: { filter?: string; signal?: AbortSignal } = {}): Promise<Application[]> {
    return this.client.list("/applications", applicationSchema, {
      paged: true,
      query: { filter: options.filter },
      signal: options.signal,
    });
  }

  get(applicationUuid: string, signal?: AbortSignal): Promise<Application> {
    return this.client.request("GET", path`/applications/${applicationUuid}`, {
      schema: applicationSchema,
      signal,
    });
  }

  /** The applications named exactly `name` (names are not unique on Acquia). */
  async findByName(name: string, signal?: AbortSignal): Promise<Application[]> {
    const candidates = await this.list({ filter: `name=${name}`, signal });
    return candidates.filter((a) => a.name === name);
  }

  listForOrganization(organizationUuid: string, signal?: AbortSignal): Promise<Application[]> {
    return this.client.list(path`/organizations/${organizationUuid}/applications`, applicationSchema, {
      paged: true,
      signal,
    });
  }
}
