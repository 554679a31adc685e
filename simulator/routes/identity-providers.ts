import { guardOrganization, listsObjectsOf, requireOrganization } from "../access";
import { accepted, ok } from "../answers";
import { stringField } from "../body";
import { parseCertificate } from "../certificates";
import { ApiError, notFound, validationFailed } from "../errors";
import { collection, link } from "../hal";
import type { IdentityProviderRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { startTask } from "../tasks";

const IDP_NOT_FOUND =
  "The identity provider you are trying to access does not exist, or you do not have permission to access it.";
const MIN_VALIDITY_MS = 90 * 24 * 3600 * 1000;

function renderIdentityProvider(
  ctx: RouteContext,
  idp: IdentityProviderRecord,
  full: boolean,
): Record<string, unknown> {
  const links: Record<string, unknown> = {
    self: link(ctx, `/identity-providers/${idp.uuid}`),
    parent: link(ctx, "/identity-providers"),
    acs: { href: `https://accounts.acquia.com/api/auth/saml/acs/${idp.uuid}` },
  };
  if (full) links.organization = link(ctx, `/organizations/${idp.organizationUuid}`);
  return {
    uuid: idp.uuid,
    label: idp.label,
    idp_entity_id: idp.idpEntityId,
    sp_entity_id: idp.spEntityId,
    sso_url: idp.ssoUrl,
    certificate: idp.certificate,
    status: idp.status,
    _links: links,
  };
}

function requireIdentityProvider(ctx: RouteContext): IdentityProviderRecord {
  const idp = ctx.core.store.state.identityProviders[ctx.params.identityProviderUuid ?? ""];
  if (idp === undefined) throw notFound(IDP_NOT_FOUND);
  guardOrganization(ctx, idp.organizationUuid, () => notFound(IDP_NOT_FOUND));
  return idp;
}

/** The PUT's fields, checked as the spec's examples say Acquia checks them. */
function updates(ctx: RouteContext): Partial<IdentityProviderRecord> {
  const label = stringField(ctx.body, "label");
  const idpEntityId = stringField(ctx.body, "entity_id");
  const ssoUrl = stringField(ctx.body, "sso_url");
  const certificate = stringField(ctx.body, "certificate");
  if ([label, idpEntityId, ssoUrl, certificate].every((v) => v === undefined)) {
    throw validationFailed({
      general: "No update executed, as no parameters were provided. Please update at least one property.",
    });
  }
  if (ssoUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(ssoUrl)) {
    throw validationFailed({ sso_url: "The SSO URL is not a valid URL." });
  }
  if (certificate !== undefined) {
    const parsed = parseCertificate(certificate);
    const now = Date.now();
    if (parsed === null) throw validationFailed({ credentials: "The certificate is invalid." });
    if (parsed.notBefore.getTime() > now)
      throw validationFailed({ credentials: "The certificate is not yet active." });
    if (parsed.notAfter.getTime() <= now)
      throw validationFailed({ credentials: "The certificate is expired." });
    if (parsed.notAfter.getTime() - now < MIN_VALIDITY_MS) {
      throw validationFailed({
        credentials: "The certificate is expiring. Certificates must be valid for at least 90 days.",
      });
    }
  }
  return {
    ...(label !== undefined ? { label } : {}),
    ...(idpEntityId !== undefined ? { idpEntityId } : {}),
    ...(ssoUrl !== undefined ? { ssoUrl } : {}),
    ...(certificate !== undefined ? { certificate } : {}),
  };
}

/** Enable and disable apply at once; their task only records the event. */
function switchTo(ctx: RouteContext, status: "enabled" | "disabled"): ReturnType<typeof ok> {
  const idp = requireIdentityProvider(ctx);
  const verb = status === "enabled" ? "enabled" : "disabled";
  if (idp.status === status) throw new ApiError(409, "conflict", `The identity provider is already ${verb}.`);
  idp.status = status;
  ctx.core.store.save();
  const notification = startTask(ctx, {
    event: status === "enabled" ? "IdentityProviderEnabled" : "IdentityProviderDisabled",
    label: `Identity provider ${verb}`,
    description: `The identity provider "${idp.label}" was ${verb}.`,
    organizationUuid: idp.organizationUuid,
    ops: [],
  });
  return ok({
    message: `Identity Provider has been ${verb}.`,
    _links: {
      self: link(ctx, `/identity-providers/${idp.uuid}`),
      parent: link(ctx, "/identity-providers"),
      notification: link(ctx, `/notifications/${notification.uuid}`),
    },
  });
}

/**
 * SAML identity providers. There is no create (Cloud UI registers them); an enabled provider refuses
 * edits (409) until disabled, as the spec documents.
 */
export const identityProviderRoutes: Route[] = [
  {
    method: "GET",
    template: "/identity-providers",
    handler: (ctx) =>
      ok(
        collection(
          ctx,
          Object.values(ctx.core.store.state.identityProviders)
            .filter((idp) => listsObjectsOf(ctx, idp.organizationUuid))
            .map((idp) => renderIdentityProvider(ctx, idp, false)),
          { self: "/identity-providers", parent: "/", paged: true, queryable: true },
        ),
      ),
  },
  {
    method: "GET",
    template: "/identity-providers/{identityProviderUuid}",
    handler: (ctx) => ok(renderIdentityProvider(ctx, requireIdentityProvider(ctx), true)),
  },
  {
    method: "GET",
    template: "/organizations/{organizationUuid}/identity-provider",
    handler: (ctx) => {
      const organization = requireOrganization(ctx, ctx.params.organizationUuid ?? "", IDP_NOT_FOUND);
      const idp = Object.values(ctx.core.store.state.identityProviders).find(
        (i) => i.organizationUuid === organization.uuid,
      );
      if (idp === undefined) throw notFound(IDP_NOT_FOUND);
      return ok(renderIdentityProvider(ctx, idp, false));
    },
  },
  {
    method: "PUT",
    template: "/identity-providers/{identityProviderUuid}",
    handler: (ctx) => {
      const idp = requireIdentityProvider(ctx);
      const patch = updates(ctx);
      if (idp.status === "enabled") {
        throw new ApiError(
          409,
          "conflict",
          "Updates cannot be made to identity providers that are enabled and active.",
        );
      }
      const notification = startTask(ctx, {
        event: "IdentityProviderUpdated",
        label: "Identity provider updated",
        description: `The identity provider "${idp.label}" was updated.`,
        organizationUuid: idp.organizationUuid,
        ops: [{ op: "patch", collection: "identityProviders", key: idp.uuid, patch }],
      });
      return accepted(ctx, "Identity Provider has been updated.", {
        self: `/identity-providers/${idp.uuid}`,
        parent: "/identity-providers",
        notification,
      });
    },
  },
  {
    method: "DELETE",
    template: "/identity-providers/{identityProviderUuid}",
    handler: (ctx) => {
      const idp = requireIdentityProvider(ctx);
      const notification = startTask(ctx, {
        event: "IdentityProviderDeleted",
        label: "Identity provider deleted",
        description: `The identity provider "${idp.label}" was deleted.`,
        organizationUuid: idp.organizationUuid,
        ops: [{ op: "delete", collection: "identityProviders", key: idp.uuid }],
      });
      return accepted(ctx, "Identity provider has been deleted.", {
        self: `/identity-providers/${idp.uuid}`,
        parent: "/identity-providers",
        notification,
      });
    },
  },
  {
    method: "POST",
    template: "/identity-providers/{identityProviderUuid}/actions/enable",
    handler: (ctx) => switchTo(ctx, "enabled"),
  },
  {
    method: "POST",
    template: "/identity-providers/{identityProviderUuid}/actions/disable",
    handler: (ctx) => switchTo(ctx, "disabled"),
  },
];
