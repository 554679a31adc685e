import type { InputsOf, OutputsOf } from "../kind";
import { gone, keyedLookup, listed, settle, unlessNotFound } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { invitationStatus, standingOf } from "../../runtime/invitations";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const standing = (ctx: Context, organizationUuid: string, email: string) =>
  standingOf(
    email,
    () => ctx.client.organizationAdmins.list(organizationUuid),
    () => ctx.client.organizationAdmins.listInvites(organizationUuid),
  );

async function current(ctx: Context, p: Inputs): Promise<Outputs | undefined> {
  const at = await standing(ctx, p.organizationUuid, p.email);
  if (at === undefined || at === "none") return undefined;
  const { userUuid: _held, ...inputs } = p as Outputs;
  if ("member" in at) return { ...inputs, status: "active", userUuid: at.member.uuid };
  return { ...inputs, status: invitationStatus(at.invite) };
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
      "member" in at
        ? ctx.client.organizationAdmins.remove(props.organizationUuid, at.member.uuid)
        : ctx.client.invites.cancel(at.invite.token);
    await settle(
      ctx,
      removal,
      gone(() => current(ctx, props)),
    );
  },
});
