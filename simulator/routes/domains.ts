import { environmentStub, requireEnvironment } from "../access";
import { accepted, ok } from "../answers";
import { stringField } from "../body";
import { ApiError, NOT_FOUND, forbidden, missingParameter, notFound, validationFailed } from "../errors";
import { collection, link, segment } from "../hal";
import type { DomainRecord, EnvironmentRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { onEnvironment, startTask } from "../tasks";
import { activeDomain } from "./render";

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** RFC 1123 host names with at least two labels; a leading `*.` makes a wildcard domain. */
export function isValidHostname(hostname: string): boolean {
  if (hostname.length < 3 || hostname.length > 253) return false;
  const labels = hostname.toLowerCase().split(".");
  if (labels[0] === "*") labels.shift();
  return (
    labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1] ?? "")
  );
}

function renderDomain(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  domain: DomainRecord,
  full: boolean,
): Record<string, unknown> {
  const self = `/environments/${segment(environment.id)}/domains/${segment(domain.hostname)}`;
  const links: Record<string, unknown> = { self: link(ctx, self), status: link(ctx, `${self}/status`) };
  if (full) links.parent = link(ctx, `/environments/${segment(environment.id)}/domains`);
  return {
    hostname: domain.hostname,
    cdn: null,
    flags: {
      default: domain.isDefault,
      active: activeDomain(ctx, environment.id) === domain.hostname,
      wildcard: domain.hostname.startsWith("*."),
    },
    environment: environmentStub(environment),
    _links: links,
  };
}

function findDomain(ctx: RouteContext, environmentId: string, hostname: string): DomainRecord | undefined {
  return Object.values(ctx.core.store.state.domains).find(
    (d) => d.environmentId === environmentId && d.hostname.toLowerCase() === hostname.toLowerCase(),
  );
}

function addDomain(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const hostname = stringField(ctx.body, "hostname");
  if (hostname === undefined || hostname === "") throw missingParameter("hostname");
  if (!isValidHostname(hostname)) {
    throw validationFailed({ hostname: `The domain ${hostname} does not appear to be a valid domain name.` });
  }
  const { state } = ctx.core.store;
  const siblings = new Set(
    Object.values(state.environments)
      .filter((e) => e.applicationUuid === application.uuid)
      .map((e) => e.id),
  );
  if (
    Object.values(state.domains).some(
      (d) => siblings.has(d.environmentId) && d.hostname.toLowerCase() === hostname.toLowerCase(),
    )
  ) {
    // The spec documents this 409 with error "forbidden".
    throw new ApiError(
      409,
      "forbidden",
      "The domain name cannot be used, as it already exists within this application's environments.",
    );
  }
  const value: DomainRecord = {
    environmentId: environment.id,
    hostname: hostname.toLowerCase(),
    isDefault: false,
  };
  const notification = startTask(ctx, {
    event: "DomainAdded",
    label: "Domain added",
    description: `The domain ${value.hostname} was added to the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "put", collection: "domains", key: `${environment.id}/${value.hostname}`, value }],
  });
  return accepted(ctx, `Adding domain ${value.hostname}`, {
    self: `/environments/${segment(environment.id)}/domains`,
    parent: `/environments/${segment(environment.id)}`,
    notification,
  });
}

function removeDomain(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const domain = findDomain(ctx, environment.id, ctx.params.domain ?? "");
  if (domain === undefined) {
    throw notFound(
      "The domain you are trying to delete does not exist, or you do not have permission to modify it.",
    );
  }
  if (domain.isDefault) throw forbidden("The default domain of an environment cannot be removed.");
  const notification = startTask(ctx, {
    event: "DomainRemoved",
    label: "Domain removed",
    description: `The domain ${domain.hostname} was removed from the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "delete", collection: "domains", key: `${environment.id}/${domain.hostname}` }],
  });
  return accepted(ctx, `Removing the domain ${domain.hostname}`, {
    self: `/environments/${segment(environment.id)}/domains/${segment(domain.hostname)}`,
    parent: `/environments/${segment(environment.id)}/domains`,
    notification,
  });
}

export const domainRoutes: Route[] = [
  {
    method: "GET",
    template: "/environments/{environmentId}/domains",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const items = Object.values(ctx.core.store.state.domains)
        .filter((d) => d.environmentId === environment.id)
        .map((d) => renderDomain(ctx, environment, d, false));
      return ok(
        collection(ctx, items, {
          self: `/environments/${segment(environment.id)}/domains`,
          parent: `/environments/${segment(environment.id)}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  { method: "POST", template: "/environments/{environmentId}/domains", handler: addDomain },
  {
    method: "GET",
    template: "/environments/{environmentId}/domains/{domain}",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const domain = findDomain(ctx, environment.id, ctx.params.domain ?? "");
      if (domain === undefined) throw notFound(NOT_FOUND.domain);
      return ok(renderDomain(ctx, environment, domain, true));
    },
  },
  { method: "DELETE", template: "/environments/{environmentId}/domains/{domain}", handler: removeDomain },
];
