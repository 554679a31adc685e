import { z } from "zod";
import type { RequestOptions } from "../client";
import { maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";
import { inviteSchema, userSchema, type Invite } from "./invites";

export const teamMemberSchema = userSchema.extend({
  roles: maybe(z.array(z.looseObject({ uuid: z.string(), name: maybe(z.string()) }))),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/**
 * A team's people. Nobody is added directly: an invite by email with roles becomes a member once the
 * person accepts it. All synchronous.
 */
export class TeamMembersApi extends ApiResource {
  listInvites(teamUuid: string, options?: RequestOptions): Promise<Invite[]> {
    return this.client.list(path`/teams/${teamUuid}/invites`, inviteSchema, { ...options, paged: true });
  }

  /** Acquia answers only "Invited team member.": the invite shows in `listInvites`. */
  invite(
    teamUuid: string,
    input: { email: string; roles: string[] },
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate("POST", path`/teams/${teamUuid}/invites`, input, options);
  }

  list(teamUuid: string, options?: RequestOptions): Promise<TeamMember[]> {
    return this.client.list(path`/teams/${teamUuid}/members`, teamMemberSchema, { ...options, paged: true });
  }

  /** Replaces the member's roles on the team. */
  setRoles(
    teamUuid: string,
    userUuid: string,
    roles: string[],
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate("PUT", path`/teams/${teamUuid}/members/${userUuid}`, { roles }, options);
  }

  remove(teamUuid: string, userUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("DELETE", path`/teams/${teamUuid}/members/${userUuid}`, undefined, options);
  }
}
