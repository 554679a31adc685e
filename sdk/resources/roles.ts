import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const permissionSchema = z.looseObject({
  name: z.string(),
  label: maybe(z.string()),
  description: maybe(z.string()),
  group_label: maybe(z.string()),
  flags: maybe(z.looseObject({ deprecated: maybe(z.boolean()) })),
});
export type Permission = z.infer<typeof permissionSchema>;

/** The spec requires no field of a role; a role without a uuid or name cannot be managed, only listed. */
export const roleSchema = z.looseObject({
  uuid: maybe(z.string()),
  name: maybe(z.string()),
  description: maybe(z.string()),
  permissions: maybe(z.array(permissionSchema)),
  organization: maybe(z.looseObject({ uuid: z.string(), name: maybe(z.string()) })),
  flags: maybe(z.looseObject({ default: maybe(z.boolean()) })),
  _links: maybe(halLinks),
});
export type Role = z.infer<typeof roleSchema>;

export interface RoleInput {
  name: string;
  description?: string | undefined;
  /** Permission names (see `listPermissions`). */
  permissions: string[];
}

/** Role operations are synchronous: their answers carry a message and no task. */
export class RolesApi extends ApiResource {
  /** The permission vocabulary: the names a role may grant. */
  listPermissions(options?: RequestOptions): Promise<Permission[]> {
    return this.client.list("/permissions", permissionSchema, options);
  }

  listForOrganization(organizationUuid: string, options?: RequestOptions): Promise<Role[]> {
    return this.client.list(path`/organizations/${organizationUuid}/roles`, roleSchema, {
      ...options,
      paged: true,
    });
  }

  get(roleUuid: string, options?: RequestOptions): Promise<Role> {
    return this.client.request("GET", path`/roles/${roleUuid}`, { ...options, schema: roleSchema });
  }

  /** Names are unique per organization (Acquia answers 409 on a duplicate). */
  async find(organizationUuid: string, name: string, options?: RequestOptions): Promise<Role | undefined> {
    return (await this.listForOrganization(organizationUuid, options)).find((r) => r.name === name);
  }

  /** Acquia answers only "Role created.": use `find` for the new role's UUID. */
  create(organizationUuid: string, input: RoleInput, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/organizations/${organizationUuid}/roles`, input, options);
  }

  /** Renames the role or replaces its description or its whole permission list. */
  update(roleUuid: string, input: Partial<RoleInput>, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("PUT", path`/roles/${roleUuid}`, input, options);
  }

  delete(roleUuid: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("DELETE", path`/roles/${roleUuid}`, undefined, options);
  }
}
