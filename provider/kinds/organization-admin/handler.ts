import type { Invite, OrganizationAdmin } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { gone, keyedLookup, listed, settle, unlessNotFound } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const sameMail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** An administrator, an open admin invitation, or neither (organization gone: undefined). */
type Standing = { admin: OrganizationAdmin } | { invite: Invite } | "none";

async function standing(
  ctx: Context,
  organizationUuid: string,
  email: string,
): Promise<Standing | undefined> {
  const admins = await unlessNotFound(ctx.client.organizationAdmins.list(organizationUuid));
  if (admins === undefined) return undefined;
  const admin = admins.find((a) => sameMail(a.mail, email));
  if (admin) return { admin };
  const invites = await ctx.client.organizationAdmins.listInvites(organizationUuid);
  const invite = invites.find((i) => sameMail(i.email, email));
  return invite ? { invite } : "none";
}

async function current(ctx: Context, p: Inputs): Promise<Outputs | undefined> {
  const at = await standing(ctx, p.organizationUuid, p.email);
  if (at === undefined || at === "none") return undefined;
  const { userUuid: _held, ...inputs } = p as Outputs;
  if ("admin" in at) return { ...inputs, status: "active", userUuid: at.admin.uuid };
  return { ...inputs, status: at.invite.flags?.declined ? "declined" : "pending" };
}

/** An organization's administrator, made by invitation; refresh tells `pending` from `active`. */
export const handler = keyedHandler({
  kind,
  family: "organizationAdmin",
  ...keyedLookup(kind, current),
  send: (ctx, p) => ctx.client.organizationAdmins.invite(p.organizationUuid, { email: p.email }),
  taken: (ctx, p) =>
    listed(
      ctx,
      `admins of ${p.organizationUuid}`,
      async () => [
        ...(await ctx.client.organizationAdmins.list(p.organizationUuid)).map((a) => a.mail),
        ...(await ctx.client.organizationAdmins.listInvites(p.organizationUuid)).map((i) => i.email),
      ],
      (mail) => mail.toLowerCase(),
      p.email,
    ),

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.organizations.get(props.organizationUuid))) !== undefined;
  },

  // Both Acquia-side inputs replace; only meta inputs reach here.
  update: async (_ctx, _id, olds, news) => ({ ...olds, ...news }),

  async delete(ctx, _id, props) {
    const at = await standing(ctx, props.organizationUuid, props.email);
    if (at === undefined || at === "none") return;
    const removal =
      "admin" in at
        ? ctx.client.organizationAdmins.remove(props.organizationUuid, at.admin.uuid)
        : ctx.client.invites.cancel(at.invite.token);
    await settle(
      ctx,
      removal,
      gone(() => current(ctx, props)),
    );
  },
});
