import { guardOrganization } from "../access";
import { ok } from "../answers";
import { ApiError, conflict, notFound } from "../errors";
import type { InviteRecord } from "../model";
import { personForInvite, renderInvite } from "../people";
import type { Route, RouteContext } from "../router";
import { isoNow } from "../time";

const INVITE_MISSING = {
  view: "The invite you are trying to view does not exist, or you do not have permission to view it.",
  accept: "The invite you are trying to accept does not exist, or you do not have permission to accept it.",
  decline:
    "The invite you are trying to decline does not exist, or you do not have permission to decline it.",
};

/** The invite a token names; others' organizations answer as the spec's 403 does for these calls. */
function requireInvite(ctx: RouteContext, message: string): InviteRecord {
  const invite = ctx.core.store.state.invites[ctx.params.token ?? ""];
  if (invite === undefined) throw notFound(message);
  guardOrganization(ctx, invite.organizationUuid, () => notFound(message));
  return invite;
}

export const inviteRoutes: Route[] = [
  {
    method: "GET",
    template: "/invites/{token}",
    handler: (ctx) => ok(renderInvite(ctx, requireInvite(ctx, INVITE_MISSING.view))),
  },
  {
    method: "DELETE",
    template: "/invites/{token}",
    handler: (ctx) => {
      const invite = requireInvite(ctx, INVITE_MISSING.view);
      if (invite.acceptedAt !== null) {
        throw new ApiError(403, "unauthorized", "You do not have permission to access this resource.");
      }
      delete ctx.core.store.state.invites[invite.token];
      ctx.core.store.save();
      return ok({ message: "Cancelled invite." });
    },
  },
  {
    // Acquia takes this from the invitee, signed in by the link in the email. The simulator takes it
    // from any key: tests stand in for the person who clicks the link.
    method: "POST",
    template: "/invites/{token}/actions/accept",
    handler: (ctx) => {
      const invite = requireInvite(ctx, INVITE_MISSING.accept);
      if (invite.acceptedAt !== null) throw conflict("This invite has already been accepted.");
      const { state } = ctx.core.store;
      const person = personForInvite(state, invite.email);
      if (invite.teamUuid === null) {
        state.organizationAdmins[`${invite.organizationUuid}/${person.uuid}`] = {
          organizationUuid: invite.organizationUuid,
          userUuid: person.uuid,
        };
      } else {
        const key = `${invite.teamUuid}/${person.uuid}`;
        const held = state.teamMembers[key]?.roleUuids ?? [];
        state.teamMembers[key] = {
          teamUuid: invite.teamUuid,
          userUuid: person.uuid,
          roleUuids: [...new Set([...held, ...invite.roleUuids])],
        };
      }
      state.invites[invite.token] = { ...invite, acceptedAt: isoNow() };
      ctx.core.store.save();
      return ok({ message: "The invite has been accepted." });
    },
  },
  {
    // Like accept, taken from any key here. A declined invitation stays listed, flagged, until it is
    // cancelled or sent again.
    method: "POST",
    template: "/invites/{token}/actions/decline",
    handler: (ctx) => {
      const invite = requireInvite(ctx, INVITE_MISSING.decline);
      if (invite.acceptedAt !== null) throw notFound(INVITE_MISSING.decline);
      if (invite.declined) throw conflict("This invite has already been declined.");
      ctx.core.store.state.invites[invite.token] = { ...invite, declined: true };
      ctx.core.store.save();
      return ok({ message: "The invite has been declined." });
    },
  },
];
