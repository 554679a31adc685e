import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";
import { inviteSchema, userSchema, type Invite } from "./invites";

export const organizationAdminSchema = userSchema.extend({
  flags: maybe(z.looseObject({ owner: maybe(z.boolean()) })),
  _links: maybe(halLinks),
});
export type OrganizationAdmin = z.infer<typeof organizationAdminSchema>;

/** An organization's administrators and the invitations to become one. All synchronous. */
export class OrganizationAdminsApi extends ApiResource {
  list(organizationUuid: string, options?: RequestOptions): Promise<OrganizationAdmin[]> {
    return this.client.list(path`/organizations/${organizationUuid}/admins`, organizationAdminSchema, {
      ...options,
      paged: true,
    });
  }

  get(organizationUuid: string, userUuid: string, options?: RequestOptions): Promise<OrganizationAdmin> {
    return this.client.request("GET", path`/organizations/${organizationUuid}/admins/${userUuid}`, {
      ...options,
      schema: organizationAdminSchema,
    });
  }

  remove(organizationUuid: string, userUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/organizations/${organizationUuid}/admins/${userUuid}`,
      undefined,
      options,
    );
  }

  listInvites(organizationUuid: string, options?: RequestOptions): Promise<Invite[]> {
    return this.client.list(path`/organizations/${organizationUuid}/admin-invites`, inviteSchema, {
      ...options,
      paged: true,
    });
  }

  /** Acquia answers only "Invited organization administrator.": the invite shows in `listInvites`. */
  invite(organizationUuid: string, input: { email: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/organizations/${organizationUuid}/admin-invites`, input, options);
  }
}
