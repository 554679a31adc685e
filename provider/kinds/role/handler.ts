import type { Role } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { found, gone, listed, settle, unlessNotFound } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const permissionsOf = (role: Role): string[] =>
  [...new Set((role.permissions ?? []).map((p) => p.name))].sort();

function outsOf(p: Inputs, role: Role & { uuid: string }): Outputs {
  return {
    ...p,
    organizationUuid: role.organization?.uuid ?? p.organizationUuid,
    name: role.name ?? p.name,
    ...(role.description ? { description: role.description } : { description: undefined }),
    permissions: permissionsOf(role),
    roleUuid: role.uuid,
  };
}

async function byUuid(ctx: Context, p: Inputs, roleUuid: string): Promise<Outputs | undefined> {
  const role = await unlessNotFound(ctx.client.roles.get(roleUuid));
  return role && outsOf(p, { ...role, uuid: role.uuid ?? roleUuid });
}

/** Whether the role as read shows every value of the inputs. */
function shows(outs: Outputs | undefined, p: Inputs): boolean {
  return (
    outs !== undefined &&
    outs.name === p.name &&
    (p.description === undefined || outs.description === p.description) &&
    outs.permissions.join("\n") === p.permissions.join("\n")
  );
}

/**
 * An organization's custom role. Found by name only until it has a uuid: Acquia's create answers a
 * message without one, and the name can change.
 */
export const handler = keyedHandler({
  kind,
  family: "role",

  // A description the program leaves out is not managed: whatever Acquia holds is no change.
  equivalent: (key, _held, given) => key === "description" && given === undefined,

  async preflight(ctx, p) {
    const known = (name: string) =>
      listed(
        ctx,
        "permissions",
        () => ctx.client.roles.listPermissions(),
        (x) => x.name,
        name,
      );
    const unknown: string[] = [];
    for (const name of p.permissions) if (!(await known(name))) unknown.push(name);
    if (unknown.length === 0) return [];
    return [
      {
        property: "permissions",
        reason:
          `permissions: Acquia has no permission named ${unknown.map((n) => `"${n}"`).join(", ")}. ` +
          'Use the exact names getPermissions returns (e.g. "deploy to non-prod").',
      },
    ];
  },

  async find(ctx, p) {
    const role = await ctx.client.roles.find(p.organizationUuid, p.name);
    return role?.uuid === undefined ? undefined : found(kind, outsOf(p, { ...role, uuid: role.uuid }));
  },

  send: (ctx, p) =>
    ctx.client.roles.create(p.organizationUuid, {
      name: p.name,
      permissions: p.permissions,
      ...(p.description === undefined ? {} : { description: p.description }),
    }),
  taken: (ctx, p) =>
    listed(
      ctx,
      `roles of ${p.organizationUuid}`,
      () => ctx.client.roles.listForOrganization(p.organizationUuid),
      (r) => r.name,
      p.name,
    ),
  read: (ctx, id, props) => byUuid(ctx, props, props.roleUuid ?? id.split("/").pop() ?? id),

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.organizations.get(props.organizationUuid))) !== undefined;
  },

  async update(ctx, id, olds, news) {
    const roleUuid = olds.roleUuid ?? id.split("/").pop() ?? id;
    // PUT replaces what it is given: the whole permission list, the name, the description.
    await settle(
      ctx,
      ctx.client.roles.update(roleUuid, {
        name: news.name,
        permissions: news.permissions,
        ...(news.description === undefined ? {} : { description: news.description }),
      }),
      async () => shows(await byUuid(ctx, news, roleUuid), news),
    );
    const now = await byUuid(ctx, news, roleUuid);
    return { ...olds, ...news, ...(now ?? {}), roleUuid };
  },

  async delete(ctx, id, props) {
    const roleUuid = props.roleUuid ?? id.split("/").pop() ?? id;
    await settle(
      ctx,
      ctx.client.roles.delete(roleUuid),
      gone(() => byUuid(ctx, props, roleUuid)),
    );
  },
});
