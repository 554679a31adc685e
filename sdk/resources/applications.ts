import { z } from "zod";
import { halLinks } from "../hal/schemas";
import { path } from "../internal/path";
import { ApiResource } from "./api-resource";

const nameAndUuid = z.looseObject({ uuid: z.string(), name: z.string().optional() });

export const applicationSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  type: z.string().optional(),
  status: z.string().optional(),
  hosting: z.looseObject({ type: z.string().optional(), id: z.string().optional() }).nullable().optional(),
  subscription: nameAndUuid.nullable().optional(),
  organization: nameAndUuid.nullable().optional(),
  _links: halLinks.optional(),
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
