// Lookups for access as code: the permission names, an organization's roles, teams, subscriptions.
import { z } from "zod";
import { defineFunction, nameAndUuid, uuidOrName } from "./function";

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
  args: uuidOrName("subscription"),
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
