/**
 * The lookups, said once: their arguments, the documented fields they return, and how they ask
 * Acquia. The program runs them as plain async functions (dynamic mode); the provider plugin serves
 * them as invokes (`acquia:index:getApplication`, …) and describes them in its schema.
 */
import { z } from "zod";
import type { AcquiaCloudClient } from "../sdk";

const nameAndUuid = z.object({ uuid: z.string(), name: z.string().optional() });

export interface FunctionDefinition<
  A extends z.ZodRawShape = z.ZodRawShape,
  R extends z.ZodRawShape = z.ZodRawShape,
> {
  /** `getApplication`: token `acquia:index:getApplication`. */
  name: string;
  description: string;
  args: z.ZodObject<A>;
  /** The documented fields of the answer (what the schema declares and the plugin returns). */
  result: z.ZodObject<R>;
  run(client: AcquiaCloudClient, args: z.output<z.ZodObject<A>>): Promise<z.output<z.ZodObject<R>>>;
}

function defineFunction<A extends z.ZodRawShape, R extends z.ZodRawShape>(
  definition: FunctionDefinition<A, R>,
): FunctionDefinition<A, R> {
  return definition;
}

export const getAccount = defineFunction({
  name: "getAccount",
  description: "The account that owns the API key.",
  args: z.object({}),
  result: z.object({
    uuid: z.string().describe("The account's UUID."),
    name: z.string().optional().describe("Its user name."),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    mail: z.string().optional().describe("Its e-mail address."),
  }),
  run: (client) => client.account.get(),
});

export const getOrganization = defineFunction({
  name: "getOrganization",
  description: "An organization by UUID.",
  args: z.object({ uuid: z.string().describe("The organization's UUID.") }),
  result: z.object({
    uuid: z.string(),
    name: z.string(),
    flags: z.object({ federated_authentication: z.boolean().optional() }).optional(),
  }),
  run: (client, args) => client.organizations.get(args.uuid),
});

export const getApplication = defineFunction({
  name: "getApplication",
  description:
    "An application by UUID, or by exact name (which must then be unique among visible applications).",
  args: z
    .object({
      uuid: z.string().optional().describe("The application's UUID."),
      name: z.string().optional().describe("The application's exact name."),
    })
    .refine((a) => (a.uuid === undefined) !== (a.name === undefined), {
      message: "pass either uuid or name",
      path: ["name"],
    }),
  result: z.object({
    uuid: z.string(),
    name: z.string(),
    type: z.string().optional().describe("e.g. drupal; absent for some applications."),
    status: z.string().optional(),
    subscription: nameAndUuid.optional(),
    organization: nameAndUuid.optional(),
  }),
  async run(client, args) {
    if (args.uuid) return client.applications.get(args.uuid);
    const matches = await client.applications.listByName(args.name ?? "");
    if (matches.length === 1 && matches[0]) return matches[0];
    throw new Error(
      matches.length === 0
        ? `No application named "${args.name}" is visible to these credentials; check the name or pass its uuid`
        : `${matches.length} applications are named "${args.name}" (${matches.map((a) => a.uuid).join(", ")}); pass the uuid instead`,
    );
  },
});

export const getEnvironment = defineFunction({
  name: "getEnvironment",
  description: "An environment of an application by machine name (`dev`) or label.",
  args: z.object({
    applicationUuid: z.string().describe("The application, e.g. from getApplication."),
    name: z.string().describe("The environment's machine name (dev) or label (Dev)."),
  }),
  result: z.object({
    id: z.string().describe("The environment id (24-<application uuid>)."),
    name: z.string(),
    label: z.string(),
    domains: z.array(z.string()).optional(),
    application: nameAndUuid.optional(),
    flags: z.object({ cde: z.boolean().optional(), production: z.boolean().optional() }).optional(),
  }),
  async run(client, args) {
    const environment = await client.environments.find(args.applicationUuid, args.name);
    if (!environment)
      throw new Error(`Application ${args.applicationUuid} has no environment named "${args.name}"`);
    return environment;
  },
});

export const getPermissions = defineFunction({
  name: "getPermissions",
  description: "The permission names a Role may grant, with what each allows.",
  args: z.object({}),
  result: z.object({
    names: z.array(z.string()).describe("Every permission name, for a Role's permissions."),
    permissions: z
      .array(
        z.object({
          name: z.string(),
          label: z.string().optional().describe("What the permission allows, in words."),
          group: z.string().optional().describe("The Cloud UI's group for it (Workflow, Logs …)."),
          deprecated: z.boolean().describe("Still accepted, but going away."),
        }),
      )
      .describe("Every permission, in Acquia's order."),
  }),
  async run(client) {
    const permissions = (await client.roles.listPermissions()).map((p) => ({
      name: p.name,
      ...(p.label ? { label: p.label } : {}),
      ...(p.group_label ? { group: p.group_label } : {}),
      deprecated: p.flags?.deprecated ?? false,
    }));
    return { names: permissions.map((p) => p.name), permissions };
  },
});

export const getRoles = defineFunction({
  name: "getRoles",
  description: "An organization's roles (Acquia's defaults and custom ones), e.g. for a TeamMember's roles.",
  args: z.object({ organizationUuid: z.string().describe("The organization, e.g. from getOrganization.") }),
  result: z.object({
    roles: z.array(
      z.object({
        uuid: z.string().describe("The role's UUID, for a TeamMember's roles."),
        name: z.string(),
        permissions: z.array(z.string()).describe("Its permission names, sorted."),
        isDefault: z.boolean().describe("One of Acquia's built-in roles."),
      }),
    ),
    byName: z.record(z.string(), z.string()).describe("Each role's UUID by its name."),
  }),
  async run(client, args) {
    const roles = (await client.roles.listForOrganization(args.organizationUuid)).flatMap((r) =>
      r.uuid && r.name
        ? [
            {
              uuid: r.uuid,
              name: r.name,
              permissions: [...new Set((r.permissions ?? []).map((p) => p.name))].sort(),
              isDefault: r.flags?.default ?? false,
            },
          ]
        : [],
    );
    return { roles, byName: Object.fromEntries(roles.map((r) => [r.name, r.uuid])) };
  },
});

export const getTeam = defineFunction({
  name: "getTeam",
  description: "A team by UUID, or by exact name within an organization.",
  args: z
    .object({
      uuid: z.string().optional().describe("The team's UUID."),
      organizationUuid: z.string().optional().describe("With name: the organization to look in."),
      name: z.string().optional().describe("The team's exact name (with organizationUuid)."),
    })
    .refine((a) => (a.uuid === undefined) !== (a.name === undefined && a.organizationUuid === undefined), {
      message: "pass either uuid, or organizationUuid and name",
      path: ["name"],
    })
    .refine((a) => a.uuid !== undefined || (a.name !== undefined && a.organizationUuid !== undefined), {
      message: "a team is found by name only within an organization: pass organizationUuid and name",
      path: ["organizationUuid"],
    }),
  result: z.object({
    uuid: z.string(),
    name: z.string(),
    organization: nameAndUuid.optional(),
  }),
  async run(client, args) {
    if (args.uuid) return client.teams.get(args.uuid);
    const team = await client.teams.find(args.organizationUuid ?? "", args.name ?? "");
    if (!team) throw new Error(`Organization ${args.organizationUuid} has no team named "${args.name}"`);
    return team;
  },
});

export const getSubscription = defineFunction({
  name: "getSubscription",
  description:
    "A subscription by UUID, or by exact name (which must then be unique among visible subscriptions), e.g. " +
    "for a SubscriptionIpAllowlist.",
  args: z
    .object({
      uuid: z.string().optional().describe("The subscription's UUID."),
      name: z.string().optional().describe("The subscription's exact name."),
    })
    .refine((a) => (a.uuid === undefined) !== (a.name === undefined), {
      message: "pass either uuid or name",
      path: ["name"],
    }),
  result: z.object({
    uuid: z.string(),
    name: z.string(),
    organization: nameAndUuid.optional(),
    product: z
      .object({ name: z.string().optional(), type: z.string().optional() })
      .optional()
      .describe("e.g. Enterprise."),
    applications_total: z.number().optional().describe("How many applications it allows."),
    applications_used: z.number().optional().describe("How many it has."),
    expire_at: z.string().optional().describe("When the contract ends."),
  }),
  async run(client, args) {
    if (args.uuid) return client.subscriptions.get(args.uuid);
    const matches = (await client.subscriptions.list()).filter((s) => s.name === args.name);
    if (matches.length === 1 && matches[0]) return matches[0];
    throw new Error(
      matches.length === 0
        ? `No subscription named "${args.name}" is visible to these credentials; check the name or pass its uuid`
        : `${matches.length} subscriptions are named "${args.name}" (${matches.map((s) => s.uuid).join(", ")}); pass the uuid instead`,
    );
  },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored type-erased, like the kinds
export type AnyFunction = FunctionDefinition<any, any>;

export const FUNCTIONS: readonly AnyFunction[] = [
  getAccount,
  getOrganization,
  getApplication,
  getEnvironment,
  getPermissions,
  getRoles,
  getTeam,
  getSubscription,
];
