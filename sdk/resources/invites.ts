import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

const stub = z.looseObject({ uuid: z.string(), name: maybe(z.string()) });

/** A team or organization-admin invitation. Its token names it in the /invites operations. */
export const inviteSchema = z.looseObject({
  uuid: z.string(),
  email: z.string(),
  token: z.string(),
  created_at: maybe(z.string()),
  flags: maybe(z.looseObject({ declined: maybe(z.boolean()) })),
  organization: maybe(stub),
  team: maybe(stub),
  roles: maybe(z.array(stub)),
  _links: maybe(halLinks),
});
export type Invite = z.infer<typeof inviteSchema>;

/** A person as team and admin lists show them. */
export const userSchema = z.looseObject({
  uuid: z.string(),
  mail: z.string(),
  username: maybe(z.string()),
  first_name: maybe(z.string()),
  last_name: maybe(z.string()),
});

/** Operations on one invitation, by its token. */
export class InvitesApi extends ApiResource {
  get(token: string, options?: RequestOptions): Promise<Invite> {
    return this.client.request("GET", path`/invites/${token}`, { ...options, schema: inviteSchema });
  }

  cancel(token: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("DELETE", path`/invites/${token}`, undefined, options);
  }

  /** Accepts on behalf of the invitee: Acquia takes it only from the invited person's own account. */
  accept(token: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/invites/${token}/actions/accept`, {}, options);
  }

  /** Declines on behalf of the invitee (Acquia takes it only from the invited person's own account). */
  decline(token: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/invites/${token}/actions/decline`, {}, options);
  }

  resend(token: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/invites/${token}/actions/resend`, {}, options);
  }
}
