import { readFileSync } from "node:fs";
import { isIPv4 } from "node:net";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { SEED, type RealismRule, type Simulator } from "../../simulator";
import { apiRoutes } from "../../simulator/routes";
import { locateAcquiaSpec } from "../helpers/acquia-spec";
import {
  Api,
  SPEC_EXAMPLE_PUBLIC_KEY,
  items,
  notificationHref,
  selfSignedCertificate,
  start,
  type ApiResponse,
} from "./helpers";

// Contract test: for every implemented operation, the simulator's real answers (success and the
// documented error statuses it produces) must validate against the response schema the official
// spec declares for that operation and status: once with realism on (the default), where only the
// documented deviations (DEVIATIONS) may fail the spec, and once with realism off, where nothing may.

const specPath = locateAcquiaSpec("Simulator contract test") ?? "";
const specPresent = specPath !== "";
const describeContract = specPresent ? describe : describe.skip;

type JsonValue = unknown;
interface OpenApiOperation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: JsonValue }> }>;
  requestBody?: unknown;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, JsonValue>>;
}

const SPEC_ID = "acquia-spec.json";

/** Points local `#/components/...` references at the spec registered under SPEC_ID. */
function rewriteRefs(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, JsonValue> = {};
  for (const [key, child] of Object.entries(value)) {
    result[key] =
      key === "$ref" && typeof child === "string" && child.startsWith("#/")
        ? `${SPEC_ID}${child}`
        : rewriteRefs(child);
  }
  return result;
}

/**
 * Where Acquia really sends what the spec's schema forbids, and a realism rule makes the simulator do
 * the same. Listed in simulator/README.md ("Spec quirks"). With realism on, an answer that fails the
 * spec must fail only at these properties of these operations, with a null, and must pass once the
 * property is made nullable; every deviation listed here must actually be seen.
 */
interface Deviation {
  rule: RealismRule;
  /** The schema whose property forbids null. */
  schema: string;
  property: string;
  operations: string[];
}

const DEVIATIONS: Deviation[] = [
  {
    rule: "nullFields",
    schema: "Acquia_Cloud_API_Documentation_application",
    property: "type",
    operations: ["GET /applications/{applicationUuid}"],
  },
  {
    rule: "nullFields",
    schema: "Acquia_Cloud_API_Documentation_application-no-embedded",
    property: "type",
    operations: [
      "GET /applications",
      "GET /organizations/{organizationUuid}/applications",
      "GET /teams/{teamUuid}/applications",
    ],
  },
  {
    rule: "nullFields",
    schema: "Acquia_Cloud_API_Documentation_database",
    property: "user_name",
    operations: [
      "GET /environments/{environmentId}/databases",
      "GET /environments/{environmentId}/databases/{databaseName}",
    ],
  },
];

/** The spec with each deviation's property made nullable (and null added to its enum, if any). */
function withDeviations(spec: OpenApiDocument, deviations: readonly Deviation[]): OpenApiDocument {
  const patched = structuredClone(spec);
  for (const { schema, property } of deviations) {
    const target = (
      patched.components.schemas?.[schema] as { properties?: Record<string, Record<string, unknown>> }
    )?.properties?.[property];
    if (target === undefined) throw new Error(`The spec has no ${schema}.${property}: update DEVIATIONS`);
    target.nullable = true;
    if (Array.isArray(target.enum)) target.enum = [...(target.enum as unknown[]), null];
  }
  return patched;
}

function valueAt(body: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], body);
}

class SpecValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly spec: OpenApiDocument) {
    addFormats(this.ajv);
    // Acquia's own format names, declared but not standard JSON Schema formats.
    this.ajv.addFormat("id", true);
    // Shield ACL addresses: an IPv4 address, or an IPv4 range in CIDR notation.
    this.ajv.addFormat("cidr | ipv4", (value: string) => {
      const [address = "", bits, ...rest] = value.split("/");
      return (
        isIPv4(address) && rest.length === 0 && (bits === undefined || /^(\d|[12]\d|3[0-2])$/.test(bits))
      );
    });
    this.ajv.addSchema({ $id: SPEC_ID, components: rewriteRefs(spec.components) });
  }

  operation(method: string, template: string): OpenApiOperation | undefined {
    return this.spec.paths[template]?.[method.toLowerCase()];
  }

  validator(method: string, template: string, status: number, schemaOverride?: string): ValidateFunction {
    const key = `${method} ${template} ${status} ${schemaOverride ?? ""}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let schema: JsonValue;
    if (schemaOverride !== undefined) {
      schema = { $ref: `${SPEC_ID}#/components/schemas/${schemaOverride}` };
    } else {
      let response = this.operation(method, template)?.responses[String(status)];
      if (response?.$ref !== undefined) {
        const name = response.$ref.split("/").pop() ?? "";
        response = this.spec.components.responses?.[name] as typeof response;
      }
      const content = response?.content?.["application/hal+json"] ?? response?.content?.["application/json"];
      if (content?.schema === undefined) throw new Error(`The spec declares no ${status} schema for ${key}`);
      schema = rewriteRefs(content.schema);
    }
    const compiled = this.ajv.compile(schema as object);
    this.cache.set(key, compiled);
    return compiled;
  }
}

interface Case {
  method: string;
  template: string;
  status: number;
  call: () => Promise<ApiResponse>;
  /** A components.schemas name to validate against instead, where the spec contradicts itself. */
  schemaOverride?: string;
  why?: string;
  /** Runs only with this realism rule on: the answer exists only because of it. */
  onlyWith?: RealismRule;
}

interface Context {
  sim: Simulator;
  api: Api;
  dev: string;
  prod: string;
  app: string;
  org: string;
  ids: Record<string, string>;
}
const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";
const UNKNOWN_ENV = `999-${UNKNOWN_UUID}`;

function selfId(response: ApiResponse): string {
  const href = (response.body._links as { self: { href: string } }).self.href;
  return href.split("/").pop() ?? "";
}

function cases(ctx: Context): Case[] {
  const { ids } = ctx;
  const api = (): Api => ctx.api;
  const settled = async (response: ApiResponse): Promise<ApiResponse> => {
    await ctx.api.settle(response);
    return response;
  };
  /** For the answers of 200 that still start a task (Platform CDN, Cloud Actions). */
  const completed = async (response: ApiResponse): Promise<ApiResponse> => {
    await ctx.api.waitForNotification(notificationHref(response));
    return response;
  };
  const env = (id = ctx.dev): string => `/environments/${id}`;
  const c = (
    method: string,
    template: string,
    status: number,
    call: () => Promise<ApiResponse>,
    extra: Partial<Case> = {},
  ): Case => ({ method, template, status, call, ...extra });
  const cert = selfSignedCertificate(["contract.example.com"]);
  const logCert = selfSignedCertificate(["logs.example.com"]);

  return [
    // Account and SSH keys
    c("GET", "/account", 200, () => api().get("/account")),
    c("POST", "/account/ssh-keys", 202, async () => {
      const response = await api().post("/account/ssh-keys", {
        label: "contract",
        public_key: SPEC_EXAMPLE_PUBLIC_KEY,
      });
      await settled(response);
      ids.sshKey = String(
        items(await api().get("/account/ssh-keys")).find((k) => k.label === "contract")?.uuid,
      );
      return response;
    }),
    c("POST", "/account/ssh-keys", 400, () =>
      api().post("/account/ssh-keys", { label: "x", public_key: "nope" }),
    ),
    c("POST", "/account/ssh-keys", 409, () =>
      api().post("/account/ssh-keys", { label: "contract", public_key: SPEC_EXAMPLE_PUBLIC_KEY }),
    ),
    c("GET", "/account/ssh-keys", 200, () => api().get("/account/ssh-keys?limit=5")),
    c("GET", "/account/ssh-keys/{sshKeyUuid}", 200, () => api().get(`/account/ssh-keys/${ids.sshKey}`)),
    c("GET", "/account/ssh-keys/{sshKeyUuid}", 404, () => api().get(`/account/ssh-keys/${UNKNOWN_UUID}`)),
    c("DELETE", "/account/ssh-keys/{sshKeyUuid}", 202, () =>
      api().delete(`/account/ssh-keys/${ids.sshKey}`).then(settled),
    ),
    c("DELETE", "/account/ssh-keys/{sshKeyUuid}", 404, () =>
      api().delete(`/account/ssh-keys/${UNKNOWN_UUID}`),
    ),

    // Account API tokens
    c("POST", "/account/tokens", 201, async () => {
      const response = await api().post("/account/tokens", { label: "contract" });
      ids.apiToken = String(
        items(await api().get("/account/tokens")).find((t) => t.label === "contract")?.uuid,
      );
      return response;
    }),
    c("GET", "/account/tokens", 200, () => api().get("/account/tokens")),
    c("GET", "/account/tokens/{tokenUuid}", 200, () => api().get(`/account/tokens/${ids.apiToken}`)),
    c("GET", "/account/tokens/{tokenUuid}", 404, () => api().get(`/account/tokens/${UNKNOWN_UUID}`)),
    c("DELETE", "/account/tokens/{tokenUuid}", 200, () =>
      api().delete(`/account/tokens/${ids.apiToken}?tokenDeleteReason=contract`),
    ),
    c("DELETE", "/account/tokens/{tokenUuid}", 409, () => api().delete(`/account/tokens/${ids.apiToken}`)),
    c("DELETE", "/account/tokens/{tokenUuid}", 404, () => api().delete(`/account/tokens/${UNKNOWN_UUID}`)),

    // Subscriptions and their Shield ACL
    c("GET", "/subscriptions", 200, () => api().get("/subscriptions")),
    c("GET", "/subscriptions/{subscriptionUuid}", 200, () =>
      api().get(`/subscriptions/${SEED.subscriptionUuid}`),
    ),
    c("GET", "/subscriptions/{subscriptionUuid}", 404, () => api().get(`/subscriptions/${UNKNOWN_UUID}`)),
    c("POST", "/subscriptions/{subscriptionUuid}/shield-acl", 202, async () => {
      const response = await api().post(`/subscriptions/${SEED.subscriptionUuid}/shield-acl`, {
        description: "Office",
        addresses: ["203.0.113.0/24", "198.51.100.7"],
      });
      ids.shieldRule = selfId(response);
      return settled(response);
    }),
    c("POST", "/subscriptions/{subscriptionUuid}/shield-acl", 400, () =>
      api().post(`/subscriptions/${SEED.subscriptionUuid}/shield-acl`, {
        description: "x",
        addresses: ["10.0.0.0/33"],
      }),
    ),
    c("POST", "/subscriptions/{subscriptionUuid}/shield-acl", 404, () =>
      api().post(`/subscriptions/${UNKNOWN_UUID}/shield-acl`, { description: "x", addresses: ["10.0.0.1"] }),
    ),
    c("GET", "/subscriptions/{subscriptionUuid}/shield-acl", 200, () =>
      api().get(`/subscriptions/${SEED.subscriptionUuid}/shield-acl`),
    ),
    c("GET", "/subscriptions/{subscriptionUuid}/shield-acl", 404, () =>
      api().get(`/subscriptions/${UNKNOWN_UUID}/shield-acl`),
    ),
    c("GET", "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}", 200, () =>
      api().get(`/subscriptions/${SEED.subscriptionUuid}/shield-acl/${ids.shieldRule}`),
    ),
    c("GET", "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}", 404, () =>
      api().get(`/subscriptions/${SEED.subscriptionUuid}/shield-acl/${UNKNOWN_UUID}`),
    ),
    c("PUT", "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}", 202, () =>
      api()
        .put(`/subscriptions/${SEED.subscriptionUuid}/shield-acl/${ids.shieldRule}`, {
          addresses: ["203.0.113.0/25"],
        })
        .then(settled),
    ),
    c("PUT", "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}", 409, () =>
      api().put(`/subscriptions/${SEED.subscriptionUuid}/shield-acl/${ids.shieldRule}`, {
        addresses: ["203.0.113.0/25"],
      }),
    ),
    c("PUT", "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}", 404, () =>
      api().put(`/subscriptions/${UNKNOWN_UUID}/shield-acl/${ids.shieldRule}`, { addresses: ["10.0.0.1"] }),
    ),
    c("DELETE", "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}", 202, () =>
      api().delete(`/subscriptions/${SEED.subscriptionUuid}/shield-acl/${ids.shieldRule}`).then(settled),
    ),
    c("DELETE", "/subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}", 404, () =>
      api().delete(`/subscriptions/${UNKNOWN_UUID}/shield-acl/${ids.shieldRule}`),
    ),
    c("POST", "/subscriptions/{subscriptionUuid}/shield-acl/actions/reset", 202, () =>
      api().post(`/subscriptions/${SEED.subscriptionUuid}/shield-acl/actions/reset`).then(settled),
    ),
    c("POST", "/subscriptions/{subscriptionUuid}/shield-acl/actions/reset", 404, () =>
      api().post(`/subscriptions/${UNKNOWN_UUID}/shield-acl/actions/reset`),
    ),

    // Identity providers
    c("GET", "/identity-providers", 200, () => api().get("/identity-providers")),
    c("GET", "/identity-providers/{identityProviderUuid}", 200, () =>
      api().get(`/identity-providers/${SEED.identityProviderUuid}`),
    ),
    c("GET", "/identity-providers/{identityProviderUuid}", 404, () =>
      api().get(`/identity-providers/${UNKNOWN_UUID}`),
    ),
    c("GET", "/organizations/{organizationUuid}/identity-provider", 200, () =>
      api().get(`/organizations/${ctx.org}/identity-provider`),
    ),
    c("GET", "/organizations/{organizationUuid}/identity-provider", 404, () =>
      api().get(`/organizations/${UNKNOWN_UUID}/identity-provider`),
    ),
    c("PUT", "/identity-providers/{identityProviderUuid}", 202, () =>
      api()
        .put(`/identity-providers/${SEED.identityProviderUuid}`, {
          label: "Contract SSO",
          sso_url: "https://sso.example.com/saml",
        })
        .then(settled),
    ),
    c("PUT", "/identity-providers/{identityProviderUuid}", 400, () =>
      api().put(`/identity-providers/${SEED.identityProviderUuid}`, {}),
    ),
    c("PUT", "/identity-providers/{identityProviderUuid}", 404, () =>
      api().put(`/identity-providers/${UNKNOWN_UUID}`, { label: "x" }),
    ),
    c("POST", "/identity-providers/{identityProviderUuid}/actions/enable", 200, () =>
      api().post(`/identity-providers/${SEED.identityProviderUuid}/actions/enable`),
    ),
    c("POST", "/identity-providers/{identityProviderUuid}/actions/enable", 409, () =>
      api().post(`/identity-providers/${SEED.identityProviderUuid}/actions/enable`),
    ),
    c("POST", "/identity-providers/{identityProviderUuid}/actions/enable", 404, () =>
      api().post(`/identity-providers/${UNKNOWN_UUID}/actions/enable`),
    ),
    c("PUT", "/identity-providers/{identityProviderUuid}", 409, () =>
      api().put(`/identity-providers/${SEED.identityProviderUuid}`, { label: "Refused while enabled" }),
    ),
    c("POST", "/identity-providers/{identityProviderUuid}/actions/disable", 200, () =>
      api().post(`/identity-providers/${SEED.identityProviderUuid}/actions/disable`),
    ),
    c("POST", "/identity-providers/{identityProviderUuid}/actions/disable", 409, () =>
      api().post(`/identity-providers/${SEED.identityProviderUuid}/actions/disable`),
    ),
    c("POST", "/identity-providers/{identityProviderUuid}/actions/disable", 404, () =>
      api().post(`/identity-providers/${UNKNOWN_UUID}/actions/disable`),
    ),
    c("DELETE", "/identity-providers/{identityProviderUuid}", 202, () =>
      api().delete(`/identity-providers/${SEED.identityProviderUuid}`).then(settled),
    ),
    c("DELETE", "/identity-providers/{identityProviderUuid}", 404, () =>
      api().delete(`/identity-providers/${SEED.identityProviderUuid}`),
    ),

    // Organizations and teams
    c("GET", "/organizations", 200, () => api().get("/organizations")),
    c("GET", "/organizations/{organizationUuid}", 200, () => api().get(`/organizations/${ctx.org}`)),
    c("GET", "/organizations/{organizationUuid}", 404, () => api().get(`/organizations/${UNKNOWN_UUID}`)),
    c("GET", "/organizations/{organizationUuid}/applications", 200, () =>
      api().get(`/organizations/${ctx.org}/applications`),
    ),
    c("GET", "/organizations/{organizationUuid}/applications", 404, () =>
      api().get(`/organizations/${UNKNOWN_UUID}/applications`),
    ),
    c("POST", "/organizations/{organizationUuid}/teams", 200, async () => {
      const response = await api().post(`/organizations/${ctx.org}/teams`, { name: "Contract team" });
      const teams = items(await api().get(`/organizations/${ctx.org}/teams`));
      ids.team = String(teams.find((t) => t.name === "Contract team")?.uuid);
      return response;
    }),
    c("POST", "/organizations/{organizationUuid}/teams", 404, () =>
      api().post(`/organizations/${UNKNOWN_UUID}/teams`, { name: "x" }),
    ),
    c("POST", "/organizations/{organizationUuid}/teams", 409, () =>
      api().post(`/organizations/${ctx.org}/teams`, { name: "Contract team" }),
    ),
    c("GET", "/organizations/{organizationUuid}/teams", 200, () =>
      api().get(`/organizations/${ctx.org}/teams`),
    ),
    c("GET", "/organizations/{organizationUuid}/teams", 404, () =>
      api().get(`/organizations/${UNKNOWN_UUID}/teams`),
    ),
    c("GET", "/teams/{teamUuid}", 200, () => api().get(`/teams/${ids.team}`)),
    c("GET", "/teams/{teamUuid}", 404, () => api().get(`/teams/${UNKNOWN_UUID}`)),
    c("PUT", "/teams/{teamUuid}", 200, () => api().put(`/teams/${ids.team}`, { name: "Contract team 2" })),
    c("PUT", "/teams/{teamUuid}", 404, () => api().put(`/teams/${UNKNOWN_UUID}`, { name: "x" })),
    c("POST", "/teams/{teamUuid}/applications", 200, () =>
      api().post(`/teams/${ids.team}/applications`, { uuid: ctx.app }),
    ),
    c("POST", "/teams/{teamUuid}/applications", 403, () =>
      api().post(`/teams/${ids.team}/applications`, { uuid: UNKNOWN_UUID }),
    ),
    c("POST", "/teams/{teamUuid}/applications", 404, () =>
      api().post(`/teams/${UNKNOWN_UUID}/applications`, { uuid: ctx.app }),
    ),
    c("POST", "/teams/{teamUuid}/applications", 409, () =>
      api().post(`/teams/${ids.team}/applications`, { uuid: ctx.app }),
    ),
    c("GET", "/teams/{teamUuid}/applications", 200, async () => {
      await api().post(`/teams/${ids.team}/applications`, { uuid: SEED.legacyApplicationUuid });
      return api().get(`/teams/${ids.team}/applications`);
    }),
    c("GET", "/teams/{teamUuid}/applications", 404, () => api().get(`/teams/${UNKNOWN_UUID}/applications`)),
    c("DELETE", "/teams/{teamUuid}/applications/{applicationUuid}", 200, () =>
      api().delete(`/teams/${ids.team}/applications/${ctx.app}`),
    ),
    c("DELETE", "/teams/{teamUuid}/applications/{applicationUuid}", 403, () =>
      api().delete(`/teams/${ids.team}/applications/${UNKNOWN_UUID}`),
    ),
    c("DELETE", "/teams/{teamUuid}/applications/{applicationUuid}", 404, () =>
      api().delete(`/teams/${ids.team}/applications/${ctx.app}`),
    ),
    c("DELETE", "/teams/{teamUuid}", 200, () => api().delete(`/teams/${ids.team}`)),
    c("DELETE", "/teams/{teamUuid}", 404, () => api().delete(`/teams/${UNKNOWN_UUID}`)),

    // Roles, permissions, team members, organization admins and invites (on the seeded team)
    c("GET", "/permissions", 200, () => api().get("/permissions")),
    c("POST", "/organizations/{organizationUuid}/roles", 200, async () => {
      const response = await api().post(`/organizations/${ctx.org}/roles`, {
        name: "Contract role",
        permissions: ["access cloud api"],
      });
      const roles = items(await api().get(`/organizations/${ctx.org}/roles`));
      ids.role = String(roles.find((r) => r.name === "Contract role")?.uuid);
      return response;
    }),
    c("POST", "/organizations/{organizationUuid}/roles", 400, () =>
      api().post(`/organizations/${ctx.org}/roles`, { name: "Bad role", permissions: ["fly"] }),
    ),
    c("POST", "/organizations/{organizationUuid}/roles", 404, () =>
      api().post(`/organizations/${UNKNOWN_UUID}/roles`, { name: "x", permissions: [] }),
    ),
    c("POST", "/organizations/{organizationUuid}/roles", 409, () =>
      api().post(`/organizations/${ctx.org}/roles`, { name: "Contract role", permissions: [] }),
    ),
    c("GET", "/organizations/{organizationUuid}/roles", 200, () =>
      api().get(`/organizations/${ctx.org}/roles`),
    ),
    c("GET", "/organizations/{organizationUuid}/roles", 404, () =>
      api().get(`/organizations/${UNKNOWN_UUID}/roles`),
    ),
    c("GET", "/roles/{roleUuid}", 200, () => api().get(`/roles/${ids.role}`)),
    c("GET", "/roles/{roleUuid}", 404, () => api().get(`/roles/${UNKNOWN_UUID}`)),
    c("PUT", "/roles/{roleUuid}", 200, () =>
      api().put(`/roles/${ids.role}`, { name: "Contract role 2", permissions: ["deploy to prod"] }),
    ),
    c("PUT", "/roles/{roleUuid}", 404, () => api().put(`/roles/${UNKNOWN_UUID}`, { name: "x" })),
    c("POST", "/teams/{teamUuid}/invites", 200, () =>
      api().post(`/teams/${SEED.teamUuid}/invites`, { email: "contract@example.com", roles: [ids.role] }),
    ),
    c("POST", "/teams/{teamUuid}/invites", 400, () =>
      api().post(`/teams/${SEED.teamUuid}/invites`, { email: "not-an-address", roles: [ids.role] }),
    ),
    c("POST", "/teams/{teamUuid}/invites", 404, () =>
      api().post(`/teams/${UNKNOWN_UUID}/invites`, { email: "x@example.com", roles: [ids.role] }),
    ),
    c("POST", "/teams/{teamUuid}/invites", 409, () =>
      api().post(`/teams/${SEED.teamUuid}/invites`, { email: "contract@example.com", roles: [ids.role] }),
    ),
    c("GET", "/teams/{teamUuid}/invites", 200, async () => {
      const response = await api().get(`/teams/${SEED.teamUuid}/invites`);
      ids.invite = String(items(response).find((i) => i.email === "contract@example.com")?.token);
      return response;
    }),
    c("GET", "/teams/{teamUuid}/invites", 404, () => api().get(`/teams/${UNKNOWN_UUID}/invites`)),
    c("GET", "/invites/{token}", 200, () => api().get(`/invites/${ids.invite}`)),
    c("GET", "/invites/{token}", 404, () => api().get("/invites/0000")),
    c("POST", "/invites/{token}/actions/accept", 200, () =>
      api().post(`/invites/${ids.invite}/actions/accept`),
    ),
    c("POST", "/invites/{token}/actions/accept", 404, () => api().post("/invites/0000/actions/accept")),
    c("POST", "/invites/{token}/actions/accept", 409, () =>
      api().post(`/invites/${ids.invite}/actions/accept`),
    ),
    c("GET", "/teams/{teamUuid}/members", 200, async () => {
      const response = await api().get(`/teams/${SEED.teamUuid}/members`);
      ids.member = String(items(response).find((m) => m.mail === "contract@example.com")?.uuid);
      return response;
    }),
    c("GET", "/teams/{teamUuid}/members", 404, () => api().get(`/teams/${UNKNOWN_UUID}/members`)),
    c("PUT", "/teams/{teamUuid}/members/{userUuid}", 200, () =>
      api().put(`/teams/${SEED.teamUuid}/members/${ids.member}`, { roles: [SEED.roles.developer] }),
    ),
    c("PUT", "/teams/{teamUuid}/members/{userUuid}", 404, () =>
      api().put(`/teams/${SEED.teamUuid}/members/${UNKNOWN_UUID}`, { roles: [SEED.roles.developer] }),
    ),
    c("DELETE", "/teams/{teamUuid}/members/{userUuid}", 200, () =>
      api().delete(`/teams/${SEED.teamUuid}/members/${ids.member}`),
    ),
    c("DELETE", "/teams/{teamUuid}/members/{userUuid}", 404, () =>
      api().delete(`/teams/${SEED.teamUuid}/members/${ids.member}`),
    ),
    c("POST", "/invites/{token}/actions/decline", 200, async () => {
      await api().post(`/teams/${SEED.teamUuid}/invites`, { email: "later@example.com", roles: [ids.role] });
      const invites = items(await api().get(`/teams/${SEED.teamUuid}/invites`));
      ids.cancelled = String(invites.find((i) => i.email === "later@example.com")?.token);
      return api().post(`/invites/${ids.cancelled}/actions/decline`);
    }),
    c("POST", "/invites/{token}/actions/decline", 404, () => api().post("/invites/0000/actions/decline")),
    c("POST", "/invites/{token}/actions/decline", 409, () =>
      api().post(`/invites/${ids.cancelled}/actions/decline`),
    ),
    c("DELETE", "/invites/{token}", 200, () => api().delete(`/invites/${ids.cancelled}`)),
    c("DELETE", "/invites/{token}", 404, () => api().delete(`/invites/${ids.cancelled}`)),
    c("POST", "/organizations/{organizationUuid}/admin-invites", 200, () =>
      api().post(`/organizations/${ctx.org}/admin-invites`, { email: "admin@example.com" }),
    ),
    c("POST", "/organizations/{organizationUuid}/admin-invites", 404, () =>
      api().post(`/organizations/${UNKNOWN_UUID}/admin-invites`, { email: "admin@example.com" }),
    ),
    c("POST", "/organizations/{organizationUuid}/admin-invites", 409, () =>
      api().post(`/organizations/${ctx.org}/admin-invites`, { email: "admin@example.com" }),
    ),
    c("GET", "/organizations/{organizationUuid}/admin-invites", 200, async () => {
      const response = await api().get(`/organizations/${ctx.org}/admin-invites`);
      const token = String(items(response).find((i) => i.email === "admin@example.com")?.token);
      await api().post(`/invites/${token}/actions/accept`);
      return response;
    }),
    c("GET", "/organizations/{organizationUuid}/admin-invites", 404, () =>
      api().get(`/organizations/${UNKNOWN_UUID}/admin-invites`),
    ),
    c("GET", "/organizations/{organizationUuid}/admins", 200, async () => {
      const response = await api().get(`/organizations/${ctx.org}/admins`);
      ids.admin = String(items(response).find((a) => a.mail === "admin@example.com")?.uuid);
      return response;
    }),
    c("GET", "/organizations/{organizationUuid}/admins", 404, () =>
      api().get(`/organizations/${UNKNOWN_UUID}/admins`),
    ),
    c("GET", "/organizations/{organizationUuid}/admins/{userUuid}", 200, () =>
      api().get(`/organizations/${ctx.org}/admins/${ids.admin}`),
    ),
    c("GET", "/organizations/{organizationUuid}/admins/{userUuid}", 404, () =>
      api().get(`/organizations/${UNKNOWN_UUID}/admins/${ids.admin}`),
    ),
    c("DELETE", "/organizations/{organizationUuid}/admins/{userUuid}", 200, () =>
      api().delete(`/organizations/${ctx.org}/admins/${ids.admin}`),
    ),
    c("DELETE", "/organizations/{organizationUuid}/admins/{userUuid}", 404, () =>
      api().delete(`/organizations/${ctx.org}/admins/${ids.admin}`),
    ),
    c("DELETE", "/roles/{roleUuid}", 200, () => api().delete(`/roles/${ids.role}`)),
    c("DELETE", "/roles/{roleUuid}", 404, () => api().delete(`/roles/${ids.role}`)),

    // Applications, environments, code
    c("GET", "/applications", 200, () => api().get("/applications?limit=10")),
    c("GET", "/applications/{applicationUuid}", 200, () => api().get(`/applications/${ctx.app}`)),
    // Acme Legacy: an application whose type Acquia sends as null (nullFields).
    c("GET", "/applications/{applicationUuid}", 200, () =>
      api().get(`/applications/${SEED.legacyApplicationUuid}`),
    ),
    c("GET", "/applications/{applicationUuid}", 404, () => api().get(`/applications/${UNKNOWN_UUID}`)),
    c("POST", "/applications/{applicationUuid}/environments", 202, async () => {
      const response = await api().post(`/applications/${ctx.app}/environments`, {
        label: "Contract CDE",
        branch: "main",
        databases: ["acmeweb"],
      });
      await settled(response);
      const found = items(
        await api().get(`/applications/${ctx.app}/environments?filter=label%3DContract%20CDE`),
      );
      ids.cde = String(found[0]?.id);
      return response;
    }),
    c("POST", "/applications/{applicationUuid}/environments", 400, () =>
      api().post(`/applications/${ctx.app}/environments`, {
        label: "Contract CDE",
        branch: "main",
        databases: [],
      }),
    ),
    c("POST", "/applications/{applicationUuid}/environments", 404, () =>
      api().post(`/applications/${UNKNOWN_UUID}/environments`, { label: "x", branch: "main", databases: [] }),
    ),
    c("GET", "/applications/{applicationUuid}/environments", 200, () =>
      api().get(`/applications/${ctx.app}/environments`),
    ),
    c("GET", "/applications/{applicationUuid}/environments", 404, () =>
      api().get(`/applications/${UNKNOWN_UUID}/environments`),
    ),
    c("GET", "/environments/{environmentId}", 200, () => api().get(env())),
    c("GET", "/environments/{environmentId}/available-runtimes", 200, () =>
      api().get(`${env()}/available-runtimes`),
    ),
    c("GET", "/environments/{environmentId}/available-runtimes", 404, () =>
      api().get(`${env(UNKNOWN_ENV)}/available-runtimes`),
    ),
    c("GET", "/environments/{environmentId}/eips", 200, () => api().get(`${env(ctx.prod)}/eips`)),
    c("GET", "/environments/{environmentId}/eips", 200, () => api().get(`${env()}/eips`), {
      why: "an environment without dedicated egress IPs: an empty collection",
    }),
    c("GET", "/environments/{environmentId}/eips", 404, () => api().get(`${env(UNKNOWN_ENV)}/eips`)),
    c("GET", "/environments/{environmentId}/dns", 200, () => api().get(`${env(ctx.prod)}/dns`)),
    c("GET", "/environments/{environmentId}/dns", 404, () => api().get(`${env(UNKNOWN_ENV)}/dns`)),
    c("GET", "/options/log-forwarding", 200, () => api().get("/options/log-forwarding")),
    c("GET", "/options/log-forwarding/sources", 200, () => api().get("/options/log-forwarding/sources")),
    c("GET", "/options/log-forwarding/consumers", 200, () => api().get("/options/log-forwarding/consumers")),
    c("GET", "/environments/{environmentId}/operating-systems", 200, () =>
      api().get(`${env()}/operating-systems`),
    ),
    c("GET", "/environments/{environmentId}", 404, () => api().get(env(UNKNOWN_ENV))),
    c("PUT", "/environments/{environmentId}", 202, () =>
      api().put(env(), { memory_limit: 512 }).then(settled),
    ),
    c("PUT", "/environments/{environmentId}", 400, () => api().put(env(), { memory_limit: 512 })),
    c("PUT", "/environments/{environmentId}", 404, () => api().put(env(UNKNOWN_ENV), { memory_limit: 256 })),
    // Environment switches: production mode (prod starts in it), Platform CDN, mod_proxy.
    c("POST", "/environments/{environmentId}/production-mode/actions/enable", 409, () =>
      api().post(`${env(ctx.prod)}/production-mode/actions/enable`, {}),
    ),
    c("POST", "/environments/{environmentId}/production-mode/actions/disable", 202, () =>
      api()
        .post(`${env(ctx.prod)}/production-mode/actions/disable`, {})
        .then(settled),
    ),
    c("POST", "/environments/{environmentId}/production-mode/actions/disable", 409, () =>
      api().post(`${env(ctx.prod)}/production-mode/actions/disable`, {}),
    ),
    c("POST", "/environments/{environmentId}/production-mode/actions/disable", 400, () =>
      api().post(`${env()}/production-mode/actions/disable`, {}),
    ),
    c("POST", "/environments/{environmentId}/production-mode/actions/enable", 202, () =>
      api()
        .post(`${env(ctx.prod)}/production-mode/actions/enable`, {})
        .then(settled),
    ),
    c("POST", "/environments/{environmentId}/production-mode/actions/enable", 400, () =>
      api().post(`${env()}/production-mode/actions/enable`, {}),
    ),
    c("POST", "/environments/{environmentId}/production-mode/actions/enable", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/production-mode/actions/enable`, {}),
    ),
    c("POST", "/environments/{environmentId}/production-mode/actions/disable", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/production-mode/actions/disable`, {}),
    ),
    c("GET", "/environments/{environmentId}/cdn", 404, () => api().get(`${env()}/cdn`)),
    c("DELETE", "/environments/{environmentId}/cdn", 409, () => api().delete(`${env()}/cdn`)),
    c("POST", "/environments/{environmentId}/cdn", 200, () => api().post(`${env()}/cdn`, {}).then(completed)),
    c("POST", "/environments/{environmentId}/cdn", 409, () => api().post(`${env()}/cdn`, {})),
    c("POST", "/environments/{environmentId}/cdn", 404, () => api().post(`${env(UNKNOWN_ENV)}/cdn`, {})),
    c("GET", "/environments/{environmentId}/cdn", 200, () => api().get(`${env()}/cdn`)),
    c("DELETE", "/environments/{environmentId}/cdn", 200, () => api().delete(`${env()}/cdn`).then(completed)),
    c("DELETE", "/environments/{environmentId}/cdn", 404, () => api().delete(`${env(UNKNOWN_ENV)}/cdn`)),
    c("GET", "/environments/{environmentId}/mod-proxy", 200, () => api().get(`${env()}/mod-proxy`)),
    c("GET", "/environments/{environmentId}/mod-proxy", 404, () =>
      api().get(`${env(UNKNOWN_ENV)}/mod-proxy`),
    ),
    // The simulator's continuous delivery environments have neither Platform CDN nor mod_proxy.
    c("POST", "/environments/{environmentId}/cdn", 409, () => api().post(`${env(ids.cde)}/cdn`, {})),
    c("GET", "/environments/{environmentId}/mod-proxy", 409, () => api().get(`${env(ids.cde)}/mod-proxy`)),
    c("POST", "/environments/{environmentId}/mod-proxy/actions/enable", 409, () =>
      api().post(`${env(ids.cde)}/mod-proxy/actions/enable`, {}),
    ),
    c("POST", "/environments/{environmentId}/mod-proxy/actions/enable", 202, () =>
      api().post(`${env()}/mod-proxy/actions/enable`, {}).then(settled),
    ),
    c("POST", "/environments/{environmentId}/mod-proxy/actions/enable", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/mod-proxy/actions/enable`, {}),
    ),
    c("POST", "/environments/{environmentId}/mod-proxy/actions/disable", 202, () =>
      api().post(`${env()}/mod-proxy/actions/disable`, {}).then(settled),
    ),
    c("POST", "/environments/{environmentId}/mod-proxy/actions/disable", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/mod-proxy/actions/disable`, {}),
    ),

    // Cloud Actions
    c("GET", "/environments/{environmentId}/cloud-actions", 200, () => api().get(`${env()}/cloud-actions`)),
    c("GET", "/environments/{environmentId}/cloud-actions", 404, () =>
      api().get(`${env(UNKNOWN_ENV)}/cloud-actions`),
    ),
    c("PUT", "/environments/{environmentId}/cloud-actions", 200, () =>
      api()
        .put(`${env()}/cloud-actions`, { "cloud-actions": { "fb4aa87a-8be2-42c6-bdf0-ef9d09a3de70": true } })
        .then(completed),
    ),
    c("PUT", "/environments/{environmentId}/cloud-actions", 404, () =>
      api().put(`${env(UNKNOWN_ENV)}/cloud-actions`, { "cloud-actions": {} }),
    ),
    c("POST", "/environments/{environmentId}/cloud-actions/actions/reset", 200, () =>
      api().post(`${env()}/cloud-actions/actions/reset`, {}).then(completed),
    ),
    c("POST", "/environments/{environmentId}/cloud-actions/actions/reset", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/cloud-actions/actions/reset`, {}),
    ),
    c("POST", "/environments/{environmentId}/cloud-actions/actions/disable", 200, () =>
      api().post(`${env()}/cloud-actions/actions/disable`, {}).then(completed),
    ),
    c("GET", "/environments/{environmentId}/cloud-actions", 404, () => api().get(`${env()}/cloud-actions`)),
    c("POST", "/environments/{environmentId}/cloud-actions/actions/disable", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/cloud-actions/actions/disable`, {}),
    ),
    c("POST", "/environments/{environmentId}/cloud-actions/actions/enable", 200, () =>
      api().post(`${env()}/cloud-actions/actions/enable`, {}).then(completed),
    ),
    c("POST", "/environments/{environmentId}/cloud-actions/actions/enable", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/cloud-actions/actions/enable`, {}),
    ),
    c("GET", "/applications/{applicationUuid}/code", 200, () => api().get(`/applications/${ctx.app}/code`)),
    c("GET", "/applications/{applicationUuid}/code", 404, () =>
      api().get(`/applications/${UNKNOWN_UUID}/code`),
    ),
    c("POST", "/environments/{environmentId}/code/actions/switch", 202, () =>
      api().post(`${env()}/code/actions/switch`, { branch: "main" }).then(settled),
    ),
    c("POST", "/environments/{environmentId}/code/actions/switch", 400, () =>
      api().post(`${env()}/code/actions/switch`, { branch: "missing" }),
    ),
    c("POST", "/environments/{environmentId}/code/actions/switch", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/code/actions/switch`, { branch: "main" }),
    ),
    // Renaming to its own label: a valid request that changes nothing the later cases rely on.
    c("POST", "/environments/{environmentId}/actions/change-label", 202, () =>
      api().post(`${env()}/actions/change-label`, { label: "Dev" }),
    ),
    c("POST", "/environments/{environmentId}/actions/change-label", 400, () =>
      api().post(`${env()}/actions/change-label`, { label: "Stage" }),
    ),
    c("POST", "/environments/{environmentId}/actions/change-label", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/actions/change-label`, { label: "Dev" }),
    ),
    c("POST", "/environments/{environmentId}/code", 202, () =>
      api()
        .post(`${env(ctx.prod)}/code`, { source: ctx.dev })
        .then(settled),
    ),
    c("POST", "/environments/{environmentId}/code", 400, () =>
      api().post(`${env(ctx.prod)}/code`, { source: UNKNOWN_ENV }),
    ),
    c("POST", "/environments/{environmentId}/code", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/code`, { source: ctx.dev }),
    ),
    c("POST", "/environments/{environmentId}/code", 409, () =>
      api().post(`${env(ctx.prod)}/code`, { source: ctx.prod }),
    ),
    c("POST", "/environments/{environmentId}/code", 202, () =>
      api()
        .post(`${env(ctx.prod)}/code`, {
          source: ctx.dev,
          message: "Release",
          "cloud-actions": ["f668295f-cbba-472d-8b75-c76ab89e553a"],
        })
        .then(settled),
    ),
    c("POST", "/environments/{environmentId}/code", 400, () =>
      api().post(`${env(ctx.prod)}/code`, { source: ctx.dev, "cloud-actions": [UNKNOWN_UUID] }),
    ),
    c("POST", "/environments/{environmentId}/code", 403, () =>
      api().post(`${env(SEED.nodeEnvironments.prod)}/code`, { source: SEED.nodeEnvironments.dev }),
    ),

    // Build artifacts (Node.js applications)
    c("GET", "/applications/{applicationUuid}/artifacts", 200, () =>
      api().get(`/applications/${SEED.nodeApplicationUuid}/artifacts`),
    ),
    c("GET", "/applications/{applicationUuid}/artifacts", 404, () =>
      api().get(`/applications/${ctx.app}/artifacts`),
    ),
    c("GET", "/applications/{applicationUuid}/artifacts/{artifactId}", 200, () =>
      api().get(`/applications/${SEED.nodeApplicationUuid}/artifacts/${SEED.artifacts.ready}`),
    ),
    c("GET", "/applications/{applicationUuid}/artifacts/{artifactId}", 404, () =>
      api().get(`/applications/${SEED.nodeApplicationUuid}/artifacts/999`),
    ),
    c("POST", "/environments/{environmentId}/artifacts/actions/switch", 202, () =>
      api()
        .post(`${env(SEED.nodeEnvironments.prod)}/artifacts/actions/switch`, {
          artifact_id: SEED.artifacts.ready,
        })
        .then(settled),
    ),
    c("POST", "/environments/{environmentId}/artifacts/actions/switch", 400, () =>
      api().post(`${env(SEED.nodeEnvironments.prod)}/artifacts/actions/switch`, {
        artifact_id: SEED.artifacts.failed,
      }),
    ),
    c("POST", "/environments/{environmentId}/artifacts/actions/switch", 403, () =>
      api().post(`${env(ctx.prod)}/artifacts/actions/switch`, { artifact_id: SEED.artifacts.ready }),
    ),
    c("POST", "/environments/{environmentId}/artifacts/actions/switch", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/artifacts/actions/switch`, { artifact_id: SEED.artifacts.ready }),
    ),
    c("POST", "/environments/{environmentId}/artifacts/actions/switch", 409, () =>
      api().post(`${env(SEED.nodeEnvironments.prod)}/artifacts/actions/switch`, { artifact_id: "999" }),
    ),

    // Databases
    c("GET", "/applications/{applicationUuid}/databases", 200, () =>
      api().get(`/applications/${ctx.app}/databases`),
    ),
    c("GET", "/applications/{applicationUuid}/databases", 404, () =>
      api().get(`/applications/${UNKNOWN_UUID}/databases`),
    ),
    c("POST", "/applications/{applicationUuid}/databases", 202, () =>
      api().post(`/applications/${ctx.app}/databases`, { name: "contract_db" }).then(settled),
    ),
    c("POST", "/applications/{applicationUuid}/databases", 400, () =>
      api().post(`/applications/${ctx.app}/databases`, { name: "bad-name" }),
    ),
    c("POST", "/applications/{applicationUuid}/databases", 404, () =>
      api().post(`/applications/${UNKNOWN_UUID}/databases`, { name: "x" }),
    ),
    c("GET", "/environments/{environmentId}/databases", 200, () => api().get(`${env()}/databases`)),
    c("GET", "/environments/{environmentId}/databases", 404, () =>
      api().get(`${env(UNKNOWN_ENV)}/databases`),
    ),
    c("GET", "/environments/{environmentId}/databases/{databaseName}", 200, () =>
      api().get(`${env()}/databases/contract_db`),
    ),
    c("GET", "/environments/{environmentId}/databases/{databaseName}", 404, () =>
      api().get(`${env()}/databases/missing`),
    ),
    c("DELETE", "/applications/{applicationUuid}/databases/{name}", 202, () =>
      api().delete(`/applications/${ctx.app}/databases/contract_db`).then(settled),
    ),
    c("DELETE", "/applications/{applicationUuid}/databases/{name}", 400, () =>
      api().delete(`/applications/${ctx.app}/databases/acmeweb`),
    ),
    c("DELETE", "/applications/{applicationUuid}/databases/{name}", 404, () =>
      api().delete(`/applications/${ctx.app}/databases/missing`),
    ),

    // Database backups, database and files copies
    c("GET", "/environments/{environmentId}/databases/{databaseName}/backups", 200, () =>
      api().get(`${env()}/databases/acmeweb/backups?limit=10`),
    ),
    c("GET", "/environments/{environmentId}/databases/{databaseName}/backups", 404, () =>
      api().get(`${env(UNKNOWN_ENV)}/databases/acmeweb/backups`),
    ),
    c("GET", "/environments/{environmentId}/databases/{databaseName}/backups", 404, () =>
      api().get(`${env(SEED.nodeEnvironments.dev)}/databases/acmeweb/backups`),
    ),
    c("POST", "/environments/{environmentId}/databases/{databaseName}/backups", 202, async () => {
      const response = await settled(await api().post(`${env()}/databases/acmeweb/backups`, {}));
      const backups = items(await api().get(`${env()}/databases/acmeweb/backups?filter=type%3Dondemand`));
      ids.backup = String(backups[0]?.id);
      return response;
    }),
    c("POST", "/environments/{environmentId}/databases/{databaseName}/backups", 400, () =>
      api().post(`${env()}/databases/missing/backups`, {}),
    ),
    c("POST", "/environments/{environmentId}/databases/{databaseName}/backups", 403, () =>
      api().post(`${env(SEED.nodeEnvironments.dev)}/databases/acmeweb/backups`, {}),
    ),
    c("POST", "/environments/{environmentId}/databases/{databaseName}/backups", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/databases/acmeweb/backups`, {}),
    ),
    c("GET", "/environments/{environmentId}/databases/{databaseName}/backups/{backupId}", 200, () =>
      api().get(`${env()}/databases/acmeweb/backups/${ids.backup}`),
    ),
    c("GET", "/environments/{environmentId}/databases/{databaseName}/backups/{backupId}", 404, () =>
      api().get(`${env()}/databases/acmeweb/backups/999999`),
    ),
    c("DELETE", "/environments/{environmentId}/databases/{databaseName}/backups/{backupId}", 202, () =>
      api().delete(`${env()}/databases/acmeweb/backups/${ids.backup}`).then(settled),
    ),
    c("DELETE", "/environments/{environmentId}/databases/{databaseName}/backups/{backupId}", 403, () =>
      api().delete(`${env(SEED.nodeEnvironments.dev)}/databases/acmeweb/backups/1`),
    ),
    c("DELETE", "/environments/{environmentId}/databases/{databaseName}/backups/{backupId}", 404, () =>
      api().delete(`${env()}/databases/acmeweb/backups/${ids.backup}`),
    ),
    c("POST", "/environments/{environmentId}/databases", 202, () =>
      api()
        .post(`${env(SEED.environments.test)}/databases`, { name: "acmeweb", source: ctx.dev })
        .then(settled),
    ),
    c("POST", "/environments/{environmentId}/databases", 400, () =>
      api().post(`${env(SEED.environments.test)}/databases`, { name: "missing", source: ctx.dev }),
    ),
    c("POST", "/environments/{environmentId}/databases", 403, () =>
      api().post(`${env(SEED.nodeEnvironments.dev)}/databases`, { name: "acmeweb", source: ctx.dev }),
    ),
    c("POST", "/environments/{environmentId}/databases", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/databases`, { name: "acmeweb", source: ctx.dev }),
    ),
    c("POST", "/environments/{environmentId}/databases", 409, () =>
      api().post(`${env(ctx.prod)}/databases`, { name: "acmeweb", source: ctx.dev }),
    ),
    c("POST", "/environments/{environmentId}/files", 202, () =>
      api()
        .post(`${env(SEED.environments.test)}/files`, { source: ctx.dev })
        .then(settled),
    ),
    c("POST", "/environments/{environmentId}/files", 400, () =>
      api().post(`${env(SEED.environments.test)}/files`, { source: UNKNOWN_ENV }),
    ),
    c("POST", "/environments/{environmentId}/files", 403, () =>
      api().post(`${env(SEED.nodeEnvironments.dev)}/files`, { source: ctx.dev }),
    ),
    c("POST", "/environments/{environmentId}/files", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/files`, { source: ctx.dev }),
    ),
    c("POST", "/environments/{environmentId}/files", 409, () =>
      api().post(`${env(ctx.dev)}/files`, { source: ctx.dev }),
    ),

    // Domains
    c("POST", "/environments/{environmentId}/domains", 202, () =>
      api().post(`${env()}/domains`, { hostname: "contract.example.com" }).then(settled),
    ),
    c("POST", "/environments/{environmentId}/domains", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/domains`, { hostname: "x.example.com" }),
    ),
    c("POST", "/environments/{environmentId}/domains", 409, () =>
      api().post(`${env()}/domains`, { hostname: "contract.example.com" }),
    ),
    c("GET", "/environments/{environmentId}/domains", 200, () => api().get(`${env()}/domains`)),
    c("GET", "/environments/{environmentId}/domains", 404, () => api().get(`${env(UNKNOWN_ENV)}/domains`)),
    c("GET", "/environments/{environmentId}/domains/{domain}", 200, () =>
      api().get(`${env()}/domains/contract.example.com`),
    ),
    c("GET", "/environments/{environmentId}/domains/{domain}", 404, () =>
      api().get(`${env()}/domains/none.example.com`),
    ),
    c("DELETE", "/environments/{environmentId}/domains/{domain}", 202, () =>
      api().delete(`${env()}/domains/contract.example.com`).then(settled),
    ),
    c("DELETE", "/environments/{environmentId}/domains/{domain}", 404, () =>
      api().delete(`${env()}/domains/contract.example.com`),
    ),

    // Environment variables
    c("POST", "/environments/{environmentId}/variables", 202, () =>
      api().post(`${env()}/variables`, { name: "CONTRACT", value: "1" }).then(settled),
    ),
    c("POST", "/environments/{environmentId}/variables", 400, () =>
      api().post(`${env()}/variables`, { name: "CONTRACT", value: "1" }),
    ),
    c("POST", "/environments/{environmentId}/variables", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/variables`, { name: "X", value: "1" }),
    ),
    c("GET", "/environments/{environmentId}/variables", 200, () => api().get(`${env()}/variables`)),
    c("GET", "/environments/{environmentId}/variables", 404, () =>
      api().get(`${env(UNKNOWN_ENV)}/variables`),
    ),
    c("GET", "/environments/{environmentId}/variables/{environmentVariableName}", 200, () =>
      api().get(`${env()}/variables/CONTRACT`),
    ),
    c("GET", "/environments/{environmentId}/variables/{environmentVariableName}", 404, () =>
      api().get(`${env()}/variables/MISSING`),
    ),
    c("PUT", "/environments/{environmentId}/variables/{environmentVariableName}", 202, () =>
      api().put(`${env()}/variables/CONTRACT`, { name: "CONTRACT", value: "2" }).then(settled),
    ),
    c("PUT", "/environments/{environmentId}/variables/{environmentVariableName}", 400, () =>
      api().put(`${env()}/variables/CONTRACT`, { name: "CONTRACT", value: "x".repeat(5001) }),
    ),
    c("PUT", "/environments/{environmentId}/variables/{environmentVariableName}", 404, () =>
      api().put(`${env()}/variables/MISSING`, { name: "MISSING", value: "1" }),
    ),
    c("DELETE", "/environments/{environmentId}/variables/{environmentVariableName}", 202, () =>
      api().delete(`${env()}/variables/CONTRACT`).then(settled),
    ),
    c("DELETE", "/environments/{environmentId}/variables/{environmentVariableName}", 404, () =>
      api().delete(`${env()}/variables/CONTRACT`),
    ),

    // Crons
    c("POST", "/environments/{environmentId}/crons", 202, async () => {
      const response = await api().post(`${env()}/crons`, {
        command: "drush cron",
        frequency: "0 * * * *",
        label: "Hourly",
      });
      ids.cron = selfId(response);
      return settled(response);
    }),
    c("POST", "/environments/{environmentId}/crons", 400, () =>
      api().post(`${env()}/crons`, { command: "x", frequency: "nope", label: "Bad" }),
    ),
    c("POST", "/environments/{environmentId}/crons", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/crons`, { command: "x", frequency: "* * * * *", label: "x" }),
    ),
    c("GET", "/environments/{environmentId}/crons", 200, () => api().get(`${env()}/crons`)),
    c("GET", "/environments/{environmentId}/crons", 404, () => api().get(`${env(UNKNOWN_ENV)}/crons`)),
    c("GET", "/environments/{environmentId}/crons/{cronId}", 200, () =>
      api().get(`${env()}/crons/${ids.cron}`),
    ),
    c("GET", "/environments/{environmentId}/crons/{cronId}", 404, () =>
      api().get(`${env()}/crons/${UNKNOWN_UUID}`),
    ),
    c("PUT", "/environments/{environmentId}/crons/{cronId}", 202, () =>
      api().put(`${env()}/crons/${ids.cron}`, { frequency: "30 * * * *" }).then(settled),
    ),
    c("PUT", "/environments/{environmentId}/crons/{cronId}", 404, () =>
      api().put(`${env()}/crons/${UNKNOWN_UUID}`, { label: "x" }),
    ),
    c("PUT", "/environments/{environmentId}/crons/{cronId}", 409, () =>
      api().put(`${env()}/crons/${ids.cron}`, { frequency: "99 * * * *" }),
    ),
    c("POST", "/environments/{environmentId}/crons/{cronId}/actions/disable", 202, () =>
      api().post(`${env()}/crons/${ids.cron}/actions/disable`).then(settled),
    ),
    c("POST", "/environments/{environmentId}/crons/{cronId}/actions/disable", 404, () =>
      api().post(`${env()}/crons/${UNKNOWN_UUID}/actions/disable`),
    ),
    c("POST", "/environments/{environmentId}/crons/{cronId}/actions/disable", 409, () =>
      api().post(`${env()}/crons/${ids.cron}/actions/disable`),
    ),
    c("POST", "/environments/{environmentId}/crons/{cronId}/actions/enable", 202, () =>
      api().post(`${env()}/crons/${ids.cron}/actions/enable`).then(settled),
    ),
    c("POST", "/environments/{environmentId}/crons/{cronId}/actions/enable", 404, () =>
      api().post(`${env()}/crons/${UNKNOWN_UUID}/actions/enable`),
    ),
    c("POST", "/environments/{environmentId}/crons/{cronId}/actions/enable", 409, () =>
      api().post(`${env()}/crons/${ids.cron}/actions/enable`),
    ),
    c("DELETE", "/environments/{environmentId}/crons/{cronId}", 202, () =>
      api().delete(`${env()}/crons/${ids.cron}`).then(settled),
    ),
    c("DELETE", "/environments/{environmentId}/crons/{cronId}", 404, () =>
      api().delete(`${env()}/crons/${ids.cron}`),
    ),

    // Log forwarding destinations
    c("POST", "/environments/{environmentId}/log-forwarding-destinations", 202, async () => {
      const response = await api().post(`${env()}/log-forwarding-destinations`, {
        label: "Syslog",
        sources: ["apache-access"],
        consumer: "syslog",
        credentials: { certificate: logCert.certificate, key: logCert.privateKey },
        address: "logs.example.com:514",
      });
      ids.destination = selfId(response);
      return settled(response);
    }),
    c("POST", "/environments/{environmentId}/log-forwarding-destinations", 400, () =>
      api().post(`${env()}/log-forwarding-destinations`, {
        label: "Bad",
        sources: ["apache-access"],
        consumer: "splunk",
        credentials: { certificate: "nope" },
        address: "logs.example.com:514",
      }),
    ),
    c("POST", "/environments/{environmentId}/log-forwarding-destinations", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/log-forwarding-destinations`, { label: "x" }),
    ),
    c("GET", "/environments/{environmentId}/log-forwarding-destinations", 200, () =>
      api().get(`${env()}/log-forwarding-destinations`),
    ),
    c("GET", "/environments/{environmentId}/log-forwarding-destinations", 404, () =>
      api().get(`${env(UNKNOWN_ENV)}/log-forwarding-destinations`),
    ),
    c(
      "GET",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
      200,
      () => api().get(`${env()}/log-forwarding-destinations/${ids.destination}`),
    ),
    c(
      "GET",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
      404,
      () => api().get(`${env()}/log-forwarding-destinations/${UNKNOWN_UUID}`),
    ),
    c(
      "PUT",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
      202,
      () =>
        api()
          .put(`${env()}/log-forwarding-destinations/${ids.destination}`, {
            consumer: "syslog",
            label: "Syslog 2",
          })
          .then(settled),
    ),
    c(
      "PUT",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
      400,
      () => api().put(`${env()}/log-forwarding-destinations/${ids.destination}`, { consumer: "graylog" }),
    ),
    c(
      "PUT",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
      404,
      () => api().put(`${env()}/log-forwarding-destinations/${UNKNOWN_UUID}`, { consumer: "syslog" }),
    ),
    c(
      "POST",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}/actions/disable",
      202,
      () =>
        api().post(`${env()}/log-forwarding-destinations/${ids.destination}/actions/disable`).then(settled),
    ),
    c(
      "POST",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}/actions/disable",
      409,
      () => api().post(`${env()}/log-forwarding-destinations/${ids.destination}/actions/disable`),
    ),
    c(
      "POST",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}/actions/enable",
      202,
      () =>
        api().post(`${env()}/log-forwarding-destinations/${ids.destination}/actions/enable`).then(settled),
    ),
    c(
      "POST",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}/actions/enable",
      404,
      () => api().post(`${env()}/log-forwarding-destinations/${UNKNOWN_UUID}/actions/enable`),
    ),
    c(
      "POST",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}/actions/enable",
      409,
      () => api().post(`${env()}/log-forwarding-destinations/${ids.destination}/actions/enable`),
    ),
    c(
      "DELETE",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
      202,
      () => api().delete(`${env()}/log-forwarding-destinations/${ids.destination}`).then(settled),
    ),
    c(
      "DELETE",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
      404,
      () => api().delete(`${env()}/log-forwarding-destinations/${ids.destination}`),
    ),

    // SSL certificates
    c("POST", "/environments/{environmentId}/ssl/certificates", 202, async () => {
      const response = await api().post(`${env()}/ssl/certificates`, {
        label: "Contract",
        certificate: cert.certificate,
        private_key: cert.privateKey,
        ca_certificates: logCert.certificate,
      });
      await settled(response);
      ids.certificate = String(items(await api().get(`${env()}/ssl/certificates`))[0]?.id);
      return response;
    }),
    c(
      "POST",
      "/environments/{environmentId}/ssl/certificates",
      400,
      () =>
        api().post(`${env()}/ssl/certificates`, {
          label: "Bad",
          certificate: "nope",
          private_key: cert.privateKey,
        }),
      {
        schemaOverride: "Acquia_Cloud_API_Documentation_validation-error",
        why: "the spec's 400 for this operation declares the plain error schema, yet its install-validation examples (filed under activate's 400) use validation-error",
      },
    ),
    c("POST", "/environments/{environmentId}/ssl/certificates", 404, () =>
      api().post(`${env(UNKNOWN_ENV)}/ssl/certificates`, { label: "x", certificate: "x", private_key: "x" }),
    ),
    c("GET", "/environments/{environmentId}/ssl/certificates", 200, () =>
      api().get(`${env()}/ssl/certificates`),
    ),
    c("GET", "/environments/{environmentId}/ssl/certificates", 404, () =>
      api().get(`${env(UNKNOWN_ENV)}/ssl/certificates`),
    ),
    c("GET", "/environments/{environmentId}/ssl/certificates/{certificateId}", 200, () =>
      api().get(`${env()}/ssl/certificates/${ids.certificate}`),
    ),
    c("GET", "/environments/{environmentId}/ssl/certificates/{certificateId}", 404, () =>
      api().get(`${env()}/ssl/certificates/9999`),
    ),
    c("POST", "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/activate", 202, () =>
      api().post(`${env()}/ssl/certificates/${ids.certificate}/actions/activate`).then(settled),
    ),
    c("POST", "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/activate", 404, () =>
      api().post(`${env()}/ssl/certificates/9999/actions/activate`),
    ),
    c("POST", "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/activate", 409, () =>
      api().post(`${env()}/ssl/certificates/${ids.certificate}/actions/activate`),
    ),
    c("DELETE", "/environments/{environmentId}/ssl/certificates/{certificateId}", 409, () =>
      api().delete(`${env()}/ssl/certificates/${ids.certificate}`),
    ),
    c("POST", "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/deactivate", 202, () =>
      api().post(`${env()}/ssl/certificates/${ids.certificate}/actions/deactivate`).then(settled),
    ),
    c("POST", "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/deactivate", 404, () =>
      api().post(`${env()}/ssl/certificates/9999/actions/deactivate`),
    ),
    c("POST", "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/deactivate", 409, () =>
      api().post(`${env()}/ssl/certificates/${ids.certificate}/actions/deactivate`),
    ),
    c("DELETE", "/environments/{environmentId}/ssl/certificates/{certificateId}", 202, () =>
      api().delete(`${env()}/ssl/certificates/${ids.certificate}`).then(settled),
    ),
    c("DELETE", "/environments/{environmentId}/ssl/certificates/{certificateId}", 404, () =>
      api().delete(`${env()}/ssl/certificates/${ids.certificate}`),
    ),

    // CD environment removal and notifications
    c("DELETE", "/environments/{environmentId}", 202, async () => {
      const response = await api().delete(env(ids.cde));
      ids.notification = notificationHref(response).split("/").pop() ?? "";
      return settled(response);
    }),
    c("DELETE", "/environments/{environmentId}", 403, () => api().delete(env(ctx.prod))),
    c("DELETE", "/environments/{environmentId}", 404, () => api().delete(env(ids.cde))),
    c("GET", "/notifications/{notificationUuid}", 200, () => api().get(`/notifications/${ids.notification}`)),
    c("GET", "/notifications/{notificationUuid}", 404, () => api().get(`/notifications/${UNKNOWN_UUID}`)),

    // An organization the key's account is not a member of: its objects answer as missing ones.
    ...(
      [
        ["GET", "/organizations/{organizationUuid}", `/organizations/${SEED.foreignOrganizationUuid}`],
        [
          "GET",
          "/organizations/{organizationUuid}/applications",
          `/organizations/${SEED.foreignOrganizationUuid}/applications`,
        ],
        [
          "GET",
          "/organizations/{organizationUuid}/teams",
          `/organizations/${SEED.foreignOrganizationUuid}/teams`,
        ],
        ["GET", "/applications/{applicationUuid}", `/applications/${SEED.foreignApplicationUuid}`],
        [
          "GET",
          "/applications/{applicationUuid}/databases",
          `/applications/${SEED.foreignApplicationUuid}/databases`,
        ],
        ["GET", "/environments/{environmentId}", env(SEED.foreignEnvironments.prod)],
        ["GET", "/environments/{environmentId}/variables", `${env(SEED.foreignEnvironments.prod)}/variables`],
        ["GET", "/environments/{environmentId}/domains", `${env(SEED.foreignEnvironments.prod)}/domains`],
        ["GET", "/teams/{teamUuid}", `/teams/${SEED.foreignTeamUuid}`],
      ] as const
    ).map(([method, template, path]) =>
      c(method, template, 404, () => api().get(path), { onlyWith: "hideInvisible" }),
    ),
    c(
      "POST",
      "/environments/{environmentId}/variables",
      404,
      () => api().post(`${env(SEED.foreignEnvironments.prod)}/variables`, { name: "X", value: "1" }),
      { onlyWith: "hideInvisible" },
    ),

    // POST and PUT without a body (requireBody).
    c(
      "POST",
      "/environments/{environmentId}/variables",
      400,
      () => api().request("POST", `${env()}/variables`),
      {
        onlyWith: "requireBody",
      },
    ),
    c("PUT", "/environments/{environmentId}", 400, () => api().request("PUT", env()), {
      onlyWith: "requireBody",
    }),
    c(
      "POST",
      "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}/actions/enable",
      400,
      () => api().request("POST", `${env()}/log-forwarding-destinations/${UNKNOWN_UUID}/actions/enable`),
      { onlyWith: "requireBody" },
    ),
    c(
      "POST",
      "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/activate",
      400,
      () => api().request("POST", `${env()}/ssl/certificates/9999/actions/activate`),
      { onlyWith: "requireBody" },
    ),
    c(
      "POST",
      "/environments/{environmentId}/ssl/certificates",
      400,
      () => api().request("POST", `${env()}/ssl/certificates`),
      {
        onlyWith: "requireBody",
        schemaOverride: "Acquia_Cloud_API_Documentation_validation-error",
        why: "as for the install's other validation errors above",
      },
    ),
  ];
}

/**
 * POST and PUT operations for which the spec declares no 400 answer, although Acquia answers 400 to
 * any of them sent without a body or content type (requireBody). Listed in simulator/README.md.
 */
const REQUIRE_BODY_UNDECLARED_400 = [
  "POST /identity-providers/{identityProviderUuid}/actions/enable",
  "POST /identity-providers/{identityProviderUuid}/actions/disable",
  "PUT /subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}",
  "POST /account/tokens",
  "PUT /environments/{environmentId}/crons/{cronId}",
  "POST /environments/{environmentId}/crons/{cronId}/actions/enable",
  "POST /environments/{environmentId}/crons/{cronId}/actions/disable",
  "POST /environments/{environmentId}/domains",
  "POST /organizations/{organizationUuid}/teams",
  "PUT /teams/{teamUuid}",
  "POST /teams/{teamUuid}/applications",
  "PUT /roles/{roleUuid}",
  "PUT /teams/{teamUuid}/members/{userUuid}",
  "POST /organizations/{organizationUuid}/admin-invites",
  "POST /invites/{token}/actions/accept",
  "POST /invites/{token}/actions/decline",
  "POST /environments/{environmentId}/cdn",
  "POST /environments/{environmentId}/mod-proxy/actions/enable",
  "POST /environments/{environmentId}/mod-proxy/actions/disable",
  "PUT /environments/{environmentId}/cloud-actions",
  "POST /environments/{environmentId}/cloud-actions/actions/enable",
  "POST /environments/{environmentId}/cloud-actions/actions/disable",
  "POST /environments/{environmentId}/cloud-actions/actions/reset",
];

const spec = specPresent ? (JSON.parse(readFileSync(specPath, "utf8")) as OpenApiDocument) : undefined;

function contract(realism: boolean): void {
  const title = realism
    ? "with realism (the default), responses validate against the spec but for its documented deviations"
    : "with realism off, responses validate against the spec";
  describeContract(title, () => {
    const ctx = { ids: {} } as Context;
    const validator = spec === undefined ? undefined : new SpecValidator(spec);
    const lenient =
      spec === undefined || !realism ? undefined : new SpecValidator(withDeviations(spec, DEVIATIONS));
    const list =
      spec === undefined ? [] : cases(ctx).filter((item) => realism || item.onlyWith === undefined);
    const seen = new Set<string>();

    beforeAll(async () => {
      ctx.sim = await start({ taskDurationMs: 5, realism });
      ctx.api = await Api.connect(ctx.sim);
      ctx.dev = ctx.sim.environments.dev;
      ctx.prod = ctx.sim.environments.prod;
      ctx.app = ctx.sim.applicationUuid;
      ctx.org = ctx.sim.organizationUuid;
    });
    afterAll(() => ctx.sim.stop());

    it("covers every implemented route with a success case, and every route exists in the spec", () => {
      const covered = new Set(list.filter((c) => c.status < 300).map((c) => `${c.method} ${c.template}`));
      const routes = apiRoutes.map((r) => `${r.method} ${r.template}`);
      expect(routes.filter((r) => !covered.has(r))).toEqual([]);
      for (const route of apiRoutes) {
        expect({
          route: `${route.method} ${route.template}`,
          inSpec: validator?.operation(route.method, route.template) !== undefined,
        }).toEqual({
          route: `${route.method} ${route.template}`,
          inSpec: true,
        });
      }
    });

    for (const [index, item] of list.entries()) {
      it(`${String(index).padStart(3, "0")} ${item.method} ${item.template} → ${item.status}`, async () => {
        const response = await item.call();
        expect({ status: response.status, body: response.body }).toMatchObject({ status: item.status });
        expect(response.headers.get("content-type")).toBe("application/hal+json");
        expect(
          validator?.operation(item.method, item.template)?.responses[String(item.status)],
        ).toBeDefined();
        const validate = validator?.validator(item.method, item.template, item.status, item.schemaOverride);
        if (validate === undefined || validate(response.body)) return;
        const route = `${item.method} ${item.template}`;
        // Only a documented deviation may fail the spec: a null where it forbids one, in the named
        // operations, and only with realism on. Anything else fails the test with the spec's errors.
        const unexplained = (validate.errors ?? []).filter((error) => {
          const property = error.instancePath.split("/").pop();
          const deviation = DEVIATIONS.find((d) => d.property === property && d.operations.includes(route));
          const explained =
            lenient !== undefined &&
            deviation !== undefined &&
            (error.keyword === "type" || error.keyword === "enum") &&
            valueAt(response.body, error.instancePath) === null;
          if (explained) seen.add(`${deviation.schema} ${route}`);
          return !explained;
        });
        expect({ errors: unexplained, body: response.body }).toMatchObject({ errors: [] });
        const again = lenient?.validator(item.method, item.template, item.status, item.schemaOverride);
        expect({ valid: again?.(response.body), errors: again?.errors ?? null }).toEqual({
          valid: true,
          errors: null,
        });
      });
    }

    if (realism) {
      it("saw every documented deviation in every operation it names", () => {
        const documented = DEVIATIONS.flatMap((d) => d.operations.map((route) => `${d.schema} ${route}`));
        expect(documented.filter((entry) => !seen.has(entry))).toEqual([]);
      });
    }
  });
}

contract(true);
contract(false);

describeContract("requireBody's 400 where the spec declares none", () => {
  it("names exactly the POST and PUT operations without a declared 400", () => {
    const validator = spec === undefined ? undefined : new SpecValidator(spec);
    const undeclared = apiRoutes
      .filter((r) => r.method === "POST" || r.method === "PUT")
      .filter((r) => validator?.operation(r.method, r.template)?.responses["400"] === undefined)
      .map((r) => `${r.method} ${r.template}`);
    expect(undeclared.sort()).toEqual([...REQUIRE_BODY_UNDECLARED_400].sort());
  });
});
