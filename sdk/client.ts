import type { z } from "zod";
import { requestClientCredentialsToken, scopeFor, type ClientCredentials } from "./auth/client-credentials";
import { sharedTokenCache, tokenCacheKey, type TokenCache } from "./auth/token-cache";
import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from "./defaults";
import { ResponseValidationError, UnauthorizedError, apiErrorFor } from "./errors";
import { halCollection, itemsOf, linkHref, messageWithLinks } from "./hal/schemas";
import { sharedRateGate, type RateGate } from "./http/rate-gate";
import { redact } from "./http/redact";
import { HttpTransport, type HttpResponse, type TransportOptions } from "./http/transport";
import { path } from "./internal/path";
import { notificationSchema, type Notification } from "./operations/notification";
import { Operation, type NotificationReader } from "./operations/operation";
import { AccountApi } from "./resources/account";
import { ApiTokensApi } from "./resources/api-tokens";
import { ApplicationsApi } from "./resources/applications";
import { CloudActionsApi } from "./resources/cloud-actions";
import { CodeApi } from "./resources/code";
import { CronsApi } from "./resources/crons";
import { DatabaseBackupsApi } from "./resources/database-backups";
import { DatabasesApi } from "./resources/databases";
import { DomainsApi } from "./resources/domains";
import { EnvironmentFlagsApi } from "./resources/environment-flags";
import { EnvironmentsApi } from "./resources/environments";
import { FilesApi } from "./resources/files";
import { IdentityProvidersApi } from "./resources/identity-providers";
import { InvitesApi } from "./resources/invites";
import { LogForwardingApi } from "./resources/log-forwarding";
import { OrganizationAdminsApi } from "./resources/organization-admins";
import { OrganizationsApi } from "./resources/organizations";
import { RolesApi } from "./resources/roles";
import { SshKeysApi } from "./resources/ssh-keys";
import { SslCertificatesApi } from "./resources/ssl-certificates";
import { ShieldAclApi } from "./resources/shield-acl";
import { SubscriptionsApi } from "./resources/subscriptions";
import { TeamMembersApi } from "./resources/team-members";
import { TeamsApi } from "./resources/teams";
import { VariablesApi } from "./resources/variables";

export interface AcquiaCloudClientOptions extends TransportOptions {
  /** API key. */
  clientId: string;
  /** API secret. */
  clientSecret: string;
  /** Organization UUID, for organizations with federated authentication. */
  organizationUuid?: string | undefined;
  apiUrl?: string | undefined;
  tokenUrl?: string | undefined;
  /** Defaults to the process-wide cache, so every client with the same credentials shares one token. */
  tokenCache?: TokenCache | undefined;
  /**
   * Paces requests after a 429. Defaults to the process-wide gate of these credentials, so every
   * client with them pauses together.
   */
  rateGate?: RateGate | undefined;
}

export type QueryValue = string | number | boolean | undefined;

/** What every call takes last. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Per attempt: connecting, waiting for headers, and reading the body, each (default the client's). */
  timeoutMs?: number | undefined;
}

/** One raw API request (see `request`). */
export interface ApiRequest<T> extends RequestOptions {
  query?: Record<string, QueryValue> | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Validates a 2xx answer; without one the parsed JSON is returned unchecked. */
  schema?: z.ZodType<T> | undefined;
  /** Vouch that a POST may be repeated safely (see the retry policy). */
  idempotent?: boolean | undefined;
}

export interface ListOptions extends RequestOptions {
  query?: Record<string, QueryValue> | undefined;
  /** Send limit/offset; only for collections whose operation declares them. */
  paged?: boolean | undefined;
  pageSize?: number | undefined;
}

interface ErrorBody {
  error?: unknown;
  message?: unknown;
}

/**
 * A typed client for the Acquia Cloud Platform API v2. Authentication, token renewal, retries,
 * concurrency limits and error mapping happen here; the family APIs (`client.variables`, …) only
 * describe paths and shapes.
 */
export class AcquiaCloudClient implements NotificationReader {
  readonly apiUrl: string;
  readonly account = new AccountApi(this);
  readonly organizations = new OrganizationsApi(this);
  readonly applications = new ApplicationsApi(this);
  readonly environments = new EnvironmentsApi(this);
  readonly environmentFlags = new EnvironmentFlagsApi(this);
  readonly cloudActions = new CloudActionsApi(this);
  readonly code = new CodeApi(this);
  readonly databases = new DatabasesApi(this);
  readonly databaseBackups = new DatabaseBackupsApi(this);
  readonly files = new FilesApi(this);
  readonly domains = new DomainsApi(this);
  readonly variables = new VariablesApi(this);
  readonly crons = new CronsApi(this);
  readonly sshKeys = new SshKeysApi(this);
  readonly apiTokens = new ApiTokensApi(this);
  readonly subscriptions = new SubscriptionsApi(this);
  readonly shieldAcl = new ShieldAclApi(this);
  readonly identityProviders = new IdentityProvidersApi(this);
  readonly teams = new TeamsApi(this);
  readonly roles = new RolesApi(this);
  readonly teamMembers = new TeamMembersApi(this);
  readonly organizationAdmins = new OrganizationAdminsApi(this);
  readonly invites = new InvitesApi(this);
  readonly logForwarding = new LogForwardingApi(this);
  readonly sslCertificates = new SslCertificatesApi(this);

  private readonly credentials: ClientCredentials;
  private readonly transport: HttpTransport;
  private readonly tokens: TokenCache;
  private readonly tokenKey: string;
  private readonly gate: RateGate;

  constructor(options: AcquiaCloudClientOptions) {
    for (const field of ["clientId", "clientSecret"] as const) {
      if (!options[field])
        throw new TypeError(
          `AcquiaCloudClient: ${field} is required (the API key and secret from Cloud UI > Account Settings > API Tokens)`,
        );
    }
    this.apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, "");
    this.credentials = {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      organizationUuid: options.organizationUuid || undefined,
      tokenUrl: options.tokenUrl ?? DEFAULT_TOKEN_URL,
    };
    this.transport = new HttpTransport(options);
    this.tokens = options.tokenCache ?? sharedTokenCache();
    this.tokenKey = tokenCacheKey({ ...this.credentials, scope: scopeFor(this.credentials) });
    this.gate =
      options.rateGate ??
      sharedRateGate(`${this.apiUrl} ${this.tokenKey}`, { warn: (line) => options.logger?.warn?.(line) });
  }

  /** The API key this client authenticates with (not a secret: Acquia lists keys by it). */
  get clientId(): string {
    return this.credentials.clientId;
  }

  /** Fetches (or reuses) a token: proves the credentials work without touching any object. */
  async authenticate(options: RequestOptions = {}): Promise<void> {
    await this.token(options.signal);
  }

  /** Sends one API request and returns the parsed, validated answer. `path` is relative to the API URL. */
  async request<T = unknown>(method: string, apiPath: string, options: ApiRequest<T> = {}): Promise<T> {
    const displayPath = apiPath.split("?")[0] ?? apiPath;
    const res = await this.authorizedSend(method, apiPath, displayPath, options);
    if (res.status < 200 || res.status >= 300) throw this.errorFrom(method, displayPath, res);
    const json = parseJson(res.body);
    if (!options.schema) return json as T;
    const parsed = options.schema.safeParse(json);
    if (!parsed.success) {
      throw new ResponseValidationError({
        method,
        path: displayPath,
        requestId: res.requestId,
        issues: parsed.error.issues,
      });
    }
    return parsed.data;
  }

  /** Sends a mutation and returns the handle of the task it started. */
  async mutate(
    method: string,
    apiPath: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<Operation> {
    const answer = await this.request(method, apiPath, {
      ...options,
      body,
      schema: messageWithLinks.optional(),
    });
    return new Operation(this, answer, `${method} ${apiPath.split("?")[0]}`);
  }

  /**
   * Every item of a collection. Follows `_links.next` when Acquia gives one, otherwise walks
   * limit/offset (where the operation declares them) until `total` items have been seen.
   */
  async *paginate<T>(apiPath: string, item: z.ZodType<T>, options: ListOptions = {}): AsyncGenerator<T> {
    const schema = halCollection(item);
    const pageSize = options.pageSize ?? 100;
    let next: string | undefined = apiPath;
    let offset = 0;
    let query = options.paged ? { ...options.query, limit: pageSize, offset } : options.query;
    while (next) {
      const page = (await this.request("GET", next, {
        query,
        schema,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      })) as z.infer<typeof schema>;
      const items = itemsOf(page) as T[];
      yield* items;
      const nextHref = linkHref(page._links, "next");
      if (nextHref) {
        next = this.toApiPath(nextHref);
        query = undefined;
        continue;
      }
      offset += items.length;
      // `total` may count only this page; `pagination.total` counts the whole collection.
      const total = page.pagination?.total ?? page.total;
      if (!options.paged || items.length === 0 || total === undefined || offset >= total) break;
      query = { ...options.query, limit: pageSize, offset };
    }
  }

  async list<T>(apiPath: string, item: z.ZodType<T>, options: ListOptions = {}): Promise<T[]> {
    const all: T[] = [];
    for await (const x of this.paginate(apiPath, item, options)) all.push(x);
    return all;
  }

  getNotification(uuid: string, options: RequestOptions = {}): Promise<Notification> {
    return this.request("GET", path`/notifications/${uuid}`, { ...options, schema: notificationSchema });
  }

  /** Turns an absolute href from a HAL link into a path under this client's API URL. */
  toApiPath(href: string): string {
    if (href.startsWith(this.apiUrl)) return href.slice(this.apiUrl.length) || "/";
    const url = new URL(href, this.apiUrl + "/");
    // Links from a different host (Acquia always writes its public URL) keep their path below /api.
    const afterApi = url.pathname.replace(/^.*?\/api(?=\/)/, "");
    return afterApi + url.search;
  }

  private async token(signal?: AbortSignal): Promise<string> {
    return this.tokens.getToken(this.tokenKey, () =>
      requestClientCredentialsToken(this.transport, this.credentials, signal),
    );
  }

  /**
   * Sends with a bearer token. An answer that says the token expired or is unknown drops it, fetches
   * a new one and sends again once: tokens live five minutes and long runs outlast them.
   */
  private async authorizedSend(
    method: string,
    apiPath: string,
    displayPath: string,
    options: ApiRequest<unknown>,
  ): Promise<HttpResponse> {
    const url = this.apiUrl + apiPath + queryString(options.query);
    const hasBody = options.body !== undefined || method === "POST" || method === "PUT";
    // Acquia requires a body with a content type on every POST, even an empty one.
    const body = hasBody ? JSON.stringify(options.body ?? {}) : undefined;
    let res: HttpResponse | undefined;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const token = await this.token(options.signal);
      res = await this.transport.send(
        {
          method,
          url,
          headers: {
            accept: "application/hal+json, version=2",
            authorization: `Bearer ${token}`,
            ...(hasBody ? { "content-type": "application/json" } : {}),
          },
          body,
          idempotent: options.idempotent,
          gate: this.gate,
          signal: options.signal,
          timeoutMs: options.timeoutMs,
        },
        displayPath,
      );
      if (!isTokenRejection(res)) return res;
      this.tokens.invalidate(this.tokenKey, token);
    }
    return res as HttpResponse;
  }

  private errorFrom(method: string, displayPath: string, res: HttpResponse) {
    const body = parseJson(res.body) as ErrorBody | undefined;
    const code = typeof body?.error === "string" ? body.error : undefined;
    let detail: string;
    let fieldErrors: Record<string, string> | undefined;
    if (typeof body?.message === "string") {
      detail = body.message;
    } else if (body?.message && typeof body.message === "object") {
      fieldErrors = Object.fromEntries(Object.entries(body.message).map(([k, v]) => [k, redact(String(v))]));
      detail = Object.entries(fieldErrors)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ");
    } else {
      // Acquia has been seen answering 500 with HTML; show a little of it, never a secret.
      detail = res.body.trim()
        ? res.body.trim().replace(/\s+/g, " ").slice(0, 200)
        : `HTTP ${res.status} with an empty body`;
    }
    const details = {
      status: res.status,
      code,
      detail: redact(detail),
      fieldErrors,
      requestId: res.requestId,
      method,
      path: displayPath,
    };
    if (res.status === 401) {
      return new UnauthorizedError(
        details,
        "The API rejected a freshly issued token: check that the API key is still valid and has access",
      );
    }
    return apiErrorFor(details);
  }
}

function isTokenRejection(res: HttpResponse): boolean {
  if (res.status === 401) return true;
  if (res.status !== 403) return false;
  const body = parseJson(res.body) as ErrorBody | undefined;
  return body?.error === "unauthorized";
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : "";
}
