import { createHash } from "node:crypto";
import { requireEnvironment } from "../access";
import { ok } from "../answers";
import { collection, link, segment } from "../hal";
import type { EnvironmentRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { environmentDomains } from "./render";

interface DnsRecord {
  type: "A" | "AAAA" | "CNAME";
  value: string;
}

/** The environment's Web EIPs: the addresses its outbound traffic leaves from. */
function egressIps(ctx: RouteContext) {
  const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const self = `/environments/${segment(environment.id)}`;
  const items = environment.egressIps.map((eip) => ({
    id: eip.id,
    status: "created",
    ipv4: eip.ipv4,
    ipv6: eip.ipv6,
    flags: { active: eip.active, legacy: false, deprecated: false },
    _links: { self: link(ctx, `${self}/eips/${eip.id}`) },
  }));
  const body = collection(ctx, items, { self: `${self}/eips`, parent: self, paged: true });
  // This schema's `total` is the whole collection and `count` the page (unlike most collections).
  const returned = (body._embedded as { items: unknown[] }).items.length;
  return ok({ ...body, total: items.length, count: returned });
}

/**
 * Acquia's edge addresses for the global (multi-region) configuration: fixed per environment, in the
 * documentation ranges, so they never collide with the regional balancer's.
 */
function globalEdge(environment: EnvironmentRecord): DnsRecord[] {
  const digest = createHash("sha256").update(`acquia-simulator:edge:${environment.id}`).digest();
  const host = 2 + ((digest[0] ?? 0) % 120) * 2;
  return [
    { type: "A", value: `192.0.2.${host}` },
    { type: "A", value: `192.0.2.${host + 1}` },
    { type: "AAAA", value: `2001:db8:1730:aa03::${host.toString(16)}` },
  ];
}

/** What to point a domain at: the apex at addresses, subdomains at the default acquia-sites.com name. */
function dns(ctx: RouteContext) {
  const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const self = `/environments/${segment(environment.id)}`;
  const defaultDomain = environmentDomains(ctx, environment.id).default;
  const subdomains: DnsRecord[] = [{ type: "CNAME", value: defaultDomain }];
  const regional = {
    apex_domain: environment.ips.map((ip): DnsRecord => ({ type: "A", value: ip })),
    subdomains,
  };
  return ok({
    // The deprecated top-level lists repeat the regional ones, as the spec's example shows.
    apex_domain: regional.apex_domain,
    subdomains: regional.subdomains,
    regional_configuration: regional,
    global_configuration: { apex_domain: globalEdge(environment), subdomains },
    _links: { self: link(ctx, `${self}/dns`), parent: link(ctx, self) },
  });
}

export const environmentNetworkRoutes: Route[] = [
  { method: "GET", template: "/environments/{environmentId}/eips", handler: egressIps },
  { method: "GET", template: "/environments/{environmentId}/dns", handler: dns },
];
