import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { applicationSchema, type Application } from "./applications";
import { ApiResource } from "./api-resource";

export const teamSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  organization: maybe(z.looseObject({ uuid: z.string(), name: maybe(z.string()) })),
  _links: maybe(halLinks),
});
export type Team = z.infer<typeof teamSchema>;

/** Team operations are synchronous: their answers carry a message and no task. */
export class TeamsApi extends ApiResource {
  listForOrganization(organizationUuid: string, options?: RequestOptions): Promise<Team[]> {
    return this.client.list(path`/organizations/${organizationUuid}/teams`, teamSchema, {
      ...options,
      paged: true,
    });
  }

  get(teamUuid: string, options?: RequestOptions): Promise<Team> {
    return this.client.request("GET", path`/teams/${teamUuid}`, { ...options, schema: teamSchema });
  }

  /** Names are unique per organization (Acquia answers 409 on a duplicate). */
  async find(organizationUuid: string, name: string, options?: RequestOptions): Promise<Team | undefined> {
    return (await this.listForOrganization(organizationUuid, options)).find((t) => t.name === name);
  }

  /** Acquia answers only "Team created.": use `find` for the new team's UUID. */
  create(organizationUuid: string, input: { name: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/organizations/${organizationUuid}/teams`, input, options);
  }

  /** Renames the team. */
  update(teamUuid: string, input: { name: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("PUT", path`/teams/${teamUuid}`, input, options);
  }

  delete(teamUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("DELETE", path`/teams/${teamUuid}`, undefined, options);
  }

  listApplications(teamUuid: string, options?: RequestOptions): Promise<Application[]> {
    return this.client.list(path`/teams/${teamUuid}/applications`, applicationSchema, {
      ...options,
      paged: true,
    });
  }

  addApplication(teamUuid: string, input: { uuid: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/teams/${teamUuid}/applications`, input, options);
  }

  removeApplication(teamUuid: string, applicationUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/teams/${teamUuid}/applications/${applicationUuid}`,
      undefined,
      options,
    );
  }
}
