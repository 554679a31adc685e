// Lookups of the estate itself: the account, organizations, applications and environments.
import { z } from "zod";
import { defineFunction, nameAndUuid, uuidOrName } from "./function";

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
  args: uuidOrName("application"),
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
