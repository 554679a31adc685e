import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { registerSecret } from "../http/redact";
import { path } from "../internal/path";
import { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const apiTokenSchema = z.looseObject({
  uuid: z.string(),
  label: z.string(),
  /** A revoked token stays listed with `active: false` and the reason in `revocation`. */
  active: maybe(z.boolean()),
  revocation: maybe(z.string()),
  created_at: maybe(z.string()),
  _links: maybe(halLinks),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/**
 * The answer to a create: the only time Acquia shows the key and secret. `client_id`/`client_secret`
 * are current; `api_key`/`api_secret` are their deprecated names, read when the current ones are absent.
 */
export const apiTokenCreationSchema = z
  .looseObject({
    client_id: maybe(z.string()),
    client_secret: maybe(z.string()),
    api_key: maybe(z.string()),
    api_secret: maybe(z.string()),
    message: maybe(z.string()),
    _links: maybe(halLinks),
  })
  .transform((a, ctx) => {
    const clientId = a.client_id ?? a.api_key;
    const clientSecret = a.client_secret ?? a.api_secret;
    if (!clientId || !clientSecret) {
      ctx.addIssue({ code: "custom", message: "the answer holds no client_id and client_secret" });
      return z.NEVER;
    }
    return { clientId, clientSecret, links: a._links };
  });

/** A created token: its operation, and the credentials Acquia shows this once. */
export interface CreatedApiToken {
  operation: Operation;
  clientId: string;
  clientSecret: string;
}

/** API tokens of the account that owns the API key. */
export class ApiTokensApi extends ApiResource {
  list(options?: RequestOptions): Promise<ApiToken[]> {
    return this.client.list("/account/tokens", apiTokenSchema, options);
  }

  get(tokenUuid: string, options?: RequestOptions): Promise<ApiToken> {
    return this.client.request("GET", path`/account/tokens/${tokenUuid}`, {
      ...options,
      schema: apiTokenSchema,
    });
  }

  /** The active token with this label. Acquia does not keep labels unique: the newest one wins. */
  async find(label: string, options?: RequestOptions): Promise<ApiToken | undefined> {
    const active = (await this.list(options)).filter((t) => t.label === label && t.active !== false);
    return active.sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? ""))[0];
  }

  /**
   * Creates a token. The answer is the only place its secret ever appears: the caller must keep it
   * (it is registered for redaction, so no error or log line of this process shows it).
   */
  async create(input: { label: string }, options?: RequestOptions): Promise<CreatedApiToken> {
    const answer = await this.client.request("POST", "/account/tokens", {
      ...options,
      body: input,
      schema: apiTokenCreationSchema,
    });
    registerSecret(answer.clientSecret);
    return {
      operation: new Operation(this.client, { _links: answer.links }, "POST /account/tokens"),
      clientId: answer.clientId,
      clientSecret: answer.clientSecret,
    };
  }

  /** Revokes the token: it stays listed, inactive, and its key is refused from then on. */
  delete(tokenUuid: string, options?: RequestOptions & { reason?: string }): Promise<Operation> {
    const query = options?.reason ? `?${new URLSearchParams({ tokenDeleteReason: options.reason })}` : "";
    return this.client.mutate("DELETE", path`/account/tokens/${tokenUuid}` + query, undefined, options);
  }
}
