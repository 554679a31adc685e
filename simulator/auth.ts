import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { ApiError } from "./errors";
import type { TokenRecord } from "./model";
import type { Store } from "./store";

export interface TokenEndpointResult {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Acquia's accounts service is Okta: its token errors use Okta's shape, not OAuth's `error` field. */
function oktaError(status: number, errorCode: string, errorSummary: string): TokenEndpointResult {
  return {
    status,
    body: {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: `oae${randomBytes(11).toString("base64url")}`,
      errorCauses: [],
    },
  };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** An issued token as `GET /__simulator/tokens` lists it: never the token itself. */
export interface IssuedToken {
  sha256: string;
  clientId: string;
  scope: string | null;
  issuedAtMs: number;
  expiresAtMs: number;
}

export interface ClientCredentialsRequest {
  form: Record<string, unknown>;
  authorization: string | undefined;
}

export class Auth {
  constructor(
    private readonly store: Store,
    private readonly ttlSeconds: number,
  ) {}

  /** POST /accounts/api/auth/oauth/token (client credentials grant). */
  issueToken(request: ClientCredentialsRequest): TokenEndpointResult {
    const field = (name: string): string | undefined => {
      const value = request.form[name];
      return typeof value === "string" ? value : undefined;
    };
    const grantType = field("grant_type");
    if (grantType === undefined) {
      return oktaError(400, "invalid_request", "The request is missing a required parameter: grant_type.");
    }
    if (grantType !== "client_credentials") {
      return oktaError(
        400,
        "unsupported_grant_type",
        "The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].",
      );
    }

    let clientId = field("client_id");
    let clientSecret = field("client_secret");
    const basic = /^Basic\s+(.+)$/i.exec(request.authorization ?? "");
    if (basic?.[1] !== undefined) {
      const decoded = Buffer.from(basic[1], "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) {
        clientId = decodeURIComponent(decoded.slice(0, colon));
        clientSecret = decodeURIComponent(decoded.slice(colon + 1));
      }
    }
    if (clientId === undefined || clientSecret === undefined || !this.validClient(clientId, clientSecret)) {
      return oktaError(
        401,
        "invalid_client",
        "Client authentication failed. Either the client or the client credentials are invalid.",
      );
    }

    const scope = field("scope")?.trim() || null;
    const organizationUuids: string[] = [];
    for (const item of scope === null ? [] : scope.split(/\s+/)) {
      const match = /^organization:(.+)$/.exec(item);
      if (match?.[1] === undefined || this.store.state.organizations[match[1]] === undefined) {
        return oktaError(
          400,
          "invalid_scope",
          "One or more scopes are not configured for the authorization server resource.",
        );
      }
      organizationUuids.push(match[1]);
    }

    const token = randomBytes(32).toString("base64url");
    const now = Date.now();
    this.store.tokens.push({
      hash: hashToken(token),
      clientId,
      scope,
      organizationUuids,
      issuedAtMs: now,
      expiresAtMs: now + this.ttlSeconds * 1000,
      revokedExpired: false,
    });
    // Expired tokens are only kept long enough to answer "expired" instead of "invalid".
    this.store.tokens = this.store.tokens.filter((t) => t.expiresAtMs > now - 24 * 3600 * 1000);
    this.store.save();
    const body: Record<string, unknown> = {
      access_token: token,
      token_type: "Bearer",
      expires_in: this.ttlSeconds,
    };
    if (scope !== null) body.scope = scope;
    return { status: 200, body, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } };
  }

  /** The demo key, or an account API token that has not been revoked. */
  private validClient(clientId: string, clientSecret: string): boolean {
    const { credentials } = this.store;
    if (clientId === credentials.clientId) return sameSecret(clientSecret, credentials.clientSecret);
    const token = Object.values(this.store.state.apiTokens).find((t) => t.clientId === clientId);
    return (
      token !== undefined &&
      token.revocation === null &&
      sameSecret(hashToken(clientSecret), token.secretSha256)
    );
  }

  /** Whether the key was an account API token that has since been revoked. */
  private revokedClient(clientId: string): boolean {
    return Object.values(this.store.state.apiTokens).some(
      (t) => t.clientId === clientId && t.revocation !== null,
    );
  }

  /** Resolves an API request's bearer token, or throws the answer Acquia gives. */
  authenticate(authorization: string | undefined): TokenRecord {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    if (match?.[1] === undefined) {
      throw new ApiError(401, "unauthorized", "An access token is required to access this resource.");
    }
    const hash = hashToken(match[1]);
    const record = this.store.tokens.find((t) => t.hash === hash);
    // Revoking an API token also ends the access tokens issued to it (the spec: it can no longer
    // "authorize access to the API in the future").
    if (record === undefined || this.revokedClient(record.clientId)) {
      throw new ApiError(401, "unauthorized", "The access token is invalid.");
    }
    if (record.revokedExpired || record.expiresAtMs <= Date.now()) {
      throw new ApiError(403, "unauthorized", "The access token has expired.");
    }
    return record;
  }

  /** Federated organizations only answer tokens requested with their `organization:<uuid>` scope. */
  static grantsOrganization(token: TokenRecord, organizationUuid: string): boolean {
    return token.organizationUuids.includes(organizationUuid);
  }

  /** Every token issued and not yet forgotten, as its SHA-256 digest. */
  issued(): IssuedToken[] {
    return this.store.tokens.map((t) => ({
      sha256: t.hash,
      clientId: t.clientId,
      scope: t.scope,
      issuedAtMs: t.issuedAtMs,
      expiresAtMs: t.expiresAtMs,
    }));
  }

  expireAll(): number {
    for (const token of this.store.tokens) token.revokedExpired = true;
    this.store.save();
    return this.store.tokens.length;
  }

  rotateSecret(): string {
    this.store.credentials = {
      clientId: this.store.credentials.clientId,
      clientSecret: randomBytes(32).toString("base64"),
    };
    this.store.save();
    return this.store.credentials.clientSecret;
  }
}
