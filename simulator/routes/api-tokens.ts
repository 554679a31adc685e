import { randomBytes, randomUUID } from "node:crypto";
import { ok } from "../answers";
import { hashToken } from "../auth";
import { stringField } from "../body";
import { ApiError, missingParameter, notFound } from "../errors";
import { collection, link } from "../hal";
import type { ApiTokenRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { startTask } from "../tasks";
import { isoNow } from "../time";

const TOKEN_NOT_FOUND = "The access token does not exist, or you do not have permission to access it.";

function renderToken(ctx: RouteContext, token: ApiTokenRecord, withParent: boolean): Record<string, unknown> {
  const links: Record<string, unknown> = { self: link(ctx, `/account/tokens/${token.uuid}`) };
  if (withParent) links.parent = link(ctx, "/account/tokens");
  const active = token.revocation === null;
  return {
    uuid: token.uuid,
    active,
    label: token.label,
    created_at: token.createdAt,
    flags: { active },
    revocation: token.revocation,
    _links: links,
  };
}

function requireToken(ctx: RouteContext): ApiTokenRecord {
  const token = ctx.core.store.state.apiTokens[ctx.params.tokenUuid ?? ""];
  if (token === undefined) throw notFound(TOKEN_NOT_FOUND);
  return token;
}

/**
 * Account API tokens. Creating one answers 201 with its key and secret, the only time they are shown
 * (the simulator keeps only the secret's digest); revoking keeps it listed, inactive, and refuses its
 * key at the token endpoint from then on. Acquia does not keep labels unique.
 */
export const apiTokenRoutes: Route[] = [
  {
    method: "GET",
    template: "/account/tokens",
    handler: (ctx) =>
      ok(
        collection(
          ctx,
          Object.values(ctx.core.store.state.apiTokens).map((t) => renderToken(ctx, t, false)),
          { self: "/account/tokens", parent: "/account" },
        ),
      ),
  },
  {
    method: "POST",
    template: "/account/tokens",
    handler: (ctx) => {
      const label = stringField(ctx.body, "label");
      if (label === undefined || label.trim() === "") throw missingParameter("label");
      const clientId = randomUUID();
      const clientSecret = randomBytes(32).toString("base64");
      const record: ApiTokenRecord = {
        uuid: randomUUID(),
        label,
        clientId,
        secretSha256: hashToken(clientSecret),
        createdAt: isoNow(),
        revocation: null,
      };
      // The token works as soon as the answer arrives; the task only records the event.
      ctx.core.store.state.apiTokens[record.uuid] = record;
      ctx.core.store.save();
      const notification = startTask(ctx, {
        event: "ApiTokenCreated",
        label: "API token created",
        description: `The API token "${label}" was created.`,
        organizationUuid: null,
        ops: [],
      });
      return ok(
        {
          api_key: clientId,
          api_secret: clientSecret,
          client_id: clientId,
          client_secret: clientSecret,
          _links: {
            self: link(ctx, "/account/tokens"),
            parent: link(ctx, "/account"),
            notification: link(ctx, `/notifications/${notification.uuid}`),
          },
        },
        201,
      );
    },
  },
  {
    method: "GET",
    template: "/account/tokens/{tokenUuid}",
    handler: (ctx) => ok(renderToken(ctx, requireToken(ctx), true)),
  },
  {
    method: "DELETE",
    template: "/account/tokens/{tokenUuid}",
    handler: (ctx) => {
      const token = requireToken(ctx);
      if (token.revocation !== null) {
        throw new ApiError(409, "conflict", "The access token has already been revoked.");
      }
      token.revocation = ctx.query.get("tokenDeleteReason") || "Revoked by its owner.";
      ctx.core.store.save();
      const notification = startTask(ctx, {
        event: "ApiTokenRevoked",
        label: "API token revoked",
        description: `The API token "${token.label}" was revoked.`,
        organizationUuid: null,
        ops: [],
      });
      return ok({
        message: "The access token has been revoked.",
        _links: {
          self: link(ctx, `/account/tokens/${token.uuid}`),
          parent: link(ctx, "/account/tokens"),
          notification: link(ctx, `/notifications/${notification.uuid}`),
        },
      });
    },
  },
];
