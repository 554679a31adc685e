import { z } from "zod";
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
  get(signal?: AbortSignal): Promise<Account> {
    return this.client.request("GET", "/account", { schema: accountSchema, signal });
  }
}
