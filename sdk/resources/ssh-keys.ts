import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const sshKeySchema = z.looseObject({
  uuid: z.string(),
  label: z.string(),
  fingerprint: maybe(z.string()),
  public_key: z.string(),
  created_at: maybe(z.string()),
  _links: maybe(halLinks),
});
export type SshKey = z.infer<typeof sshKeySchema>;

/** SSH keys of the account that owns the API key. */
export class SshKeysApi extends ApiResource {
  list(options?: RequestOptions): Promise<SshKey[]> {
    return this.client.list("/account/ssh-keys", sshKeySchema, { ...options, paged: true });
  }

  get(sshKeyUuid: string, options?: RequestOptions): Promise<SshKey> {
    return this.client.request("GET", path`/account/ssh-keys/${sshKeyUuid}`, {
      ...options,
      schema: sshKeySchema,
    });
  }

  /** Labels are unique per account. */
  async find(label: string, options?: RequestOptions): Promise<SshKey | undefined> {
    return (await this.list(options)).find((k) => k.label === label);
  }

  create(input: { label: string; public_key: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", "/account/ssh-keys", input, options);
  }

  delete(sshKeyUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("DELETE", path`/account/ssh-keys/${sshKeyUuid}`, undefined, options);
  }
}
