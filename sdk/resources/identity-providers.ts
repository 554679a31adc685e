import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const identityProviderSchema = z.looseObject({
  uuid: z.string(),
  label: maybe(z.string()),
  idp_entity_id: maybe(z.string()),
  sp_entity_id: maybe(z.string()),
  sso_url: maybe(z.string()),
  certificate: maybe(z.string()),
  /** `enabled`, `disabled`, or `incomplete` (not yet configured). */
  status: maybe(z.string()),
  _links: maybe(halLinks),
});
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

export interface IdentityProviderInput {
  label?: string;
  entity_id?: string;
  sso_url?: string;
  certificate?: string;
}

/**
 * SAML identity providers of organizations. Acquia has no create: they are registered in Cloud UI.
 * An enabled provider cannot be edited (409): disable it first.
 */
export class IdentityProvidersApi extends ApiResource {
  list(options?: RequestOptions): Promise<IdentityProvider[]> {
    return this.client.list("/identity-providers", identityProviderSchema, { ...options, paged: true });
  }

  get(identityProviderUuid: string, options?: RequestOptions): Promise<IdentityProvider> {
    return this.client.request("GET", path`/identity-providers/${identityProviderUuid}`, {
      ...options,
      schema: identityProviderSchema,
    });
  }

  /** The organization's identity provider; 404 when it has none. */
  forOrganization(organizationUuid: string, options?: RequestOptions): Promise<IdentityProvider> {
    return this.client.request("GET", path`/organizations/${organizationUuid}/identity-provider`, {
      ...options,
      schema: identityProviderSchema,
    });
  }

  update(
    identityProviderUuid: string,
    input: IdentityProviderInput,
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate("PUT", path`/identity-providers/${identityProviderUuid}`, input, options);
  }

  enable(identityProviderUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/identity-providers/${identityProviderUuid}/actions/enable`,
      undefined,
      options,
    );
  }

  disable(identityProviderUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/identity-providers/${identityProviderUuid}/actions/disable`,
      undefined,
      options,
    );
  }

  delete(identityProviderUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/identity-providers/${identityProviderUuid}`,
      undefined,
      options,
    );
  }
}
