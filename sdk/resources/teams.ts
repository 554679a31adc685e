import { z } from "zod";
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
  listForOrganization(organizationUuid: string, signal?: AbortSignal): Promise<Team[]> {
    return this.client.list(path`/organizations/${organizationUuid}/teams`, teamSchema, {
      paged: true,
      signal,
    });
  }

  get(teamUuid: string, signal?: AbortSignal): Promise<Team> {
    return this.client.request("GET", path`/teams/${teamUuid}`, { schema: teamSchema, signal });
  }

  /** Names are unique per organization (Acquia answers 409 on a duplicate). */
  async findByName(organizationUuid: string, name: string, signal?: AbortSignal): Promise<Team | undefined> {
    return (await this.listForOrganization(organizationUuid, signal)).find((t) => t.name === name);
  }

  /** Acquia answers only "Team created.": use findByName for the new team's UUID. */
  create(organizationUuid: string, name: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate("POST", path`/organizations/${organizationUuid}/teams`, { name }, signal);
  }

  rename(teamUuid: string, name: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate("PUT", path`/teams/${teamUuid}`, { name }, signal);
  }

  delete(teamUuid: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate("DELETE", path`/teams/${teamUuid}`, undefined, signal);
  }

  listApplications(teamUuid: string, signal?: AbortSignal): Promise<Application[]> {
    return this.client.list(path`/teams/${teamUuid}/applications`, applicationSchema, {
      paged: true,
      signal,
    });
  }

  addApplication(teamUuid: string, applicationUuid: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/teams/${teamUuid}/applications`,
      { uuid: applicationUuid },
      signal,
    );
  }

  removeApplication(teamUuid: string, applicationUuid: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/teams/${teamUuid}/applications/${applicationUuid}`,
      undefined,
      signal,
    );
  }
}
