import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { ApiResource } from "./api-resource";

export const accountSchema = z.looseObject({
  uuid: z.string(),
  name: maybe(z.string()),
  first_name: maybe(z.string()),
  last_name: maybe(z.string()),
  mail: maybe(z.string()),
  _links: maybe(halLinks),
});
export type Account = z.infer<typeof accountSchema>;

export class AccountApi extends ApiResource {
  /** The account that owns the API key. */
  get(options?: RequestOptions): Promise<Account> {
    return this.client.request("GET", "/account", { ...options, schema: accountSchema });
  }
}
