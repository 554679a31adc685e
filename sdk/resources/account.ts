import { z } from "zod";
import { halLinks } from "../hal/schemas";
import { ApiResource } from "./api-resource";

export const accountSchema = z.looseObject({
  uuid: z.string(),
  name: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  mail: z.string().optional(),
  _links: halLinks.optional(),
});
export type Account = z.infer<typeof accountSchema>;

export class AccountApi extends ApiResource {
  /** The account that owns the API key. */
  get(signal?: AbortSignal): Promise<Account> {
    return this.client.request("GET", "/account", { schema: accountSchema, signal });
  }
}
