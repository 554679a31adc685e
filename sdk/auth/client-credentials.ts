import { z } from "zod";
import {
  AcquiaApiError,
  AuthenticationError,
  FederatedAuthenticationRequiredError,
  apiErrorFor,
} from "../errors";
import type { HttpTransport } from "../http/transport";
import { redact, registerSecret } from "../http/redact";
import type { IssuedToken } from "./token-cache";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Set for organizations with federated authentication: the token then carries `organization:<uuid>`. */
  organizationUuid?: string | undefined;
  tokenUrl: string;
}

export function scopeFor(credentials: ClientCredentials): string | undefined {
  return credentials.organizationUuid ? `organization:${credentials.organizationUuid}` : undefined;
}

const DEFAULT_EXPIRES_IN = 300;

const tokenAnswer = z.looseObject({
  access_token: z.string().min(1),
  // Some gateways send numbers as strings; anything else falls back to Acquia's documented 300 s.
  expires_in: z.coerce.number().positive().finite().optional().catch(undefined),
  token_type: z.string().optional(),
});

/** OAuth 2.0 (`error`, `error_description`) and Okta (`errorCode`, `errorSummary`) error answers. */
const tokenError = z.looseObject({
  error: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
  errorCode: z.string().optional(),
  errorSummary: z.string().optional(),
});

/** The OAuth 2.0 client-credentials exchange against Acquia's token endpoint. */
export async function requestClientCredentialsToken(
  transport: HttpTransport,
  credentials: ClientCredentials,
  signal?: AbortSignal,
): Promise<IssuedToken> {
  registerSecret(credentials.clientSecret);
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  const scope = scopeFor(credentials);
  if (scope) form.set("scope", scope);

  const tokenPath = new URL(credentials.tokenUrl).pathname;
  // Asking again for a token is harmless, so network errors and 5xx answers are retried like a GET.
  const res = await transport.send(
    {
      method: "POST",
      url: credentials.tokenUrl,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: form.toString(),
      idempotent: true,
      signal,
    },
    tokenPath,
  );

  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = undefined;
  }

  if (res.status >= 200 && res.status < 300) {
    const parsed = tokenAnswer.safeParse(json);
    if (!parsed.success) {
      throw new AcquiaApiError({
        status: res.status,
        code: undefined,
        detail: "the token endpoint answered without an access_token",
        fieldErrors: undefined,
        requestId: res.requestId,
        method: "POST",
        path: tokenPath,
      });
    }
    registerSecret(parsed.data.access_token);
    return {
      accessToken: parsed.data.access_token,
      expiresInSeconds: parsed.data.expires_in ?? DEFAULT_EXPIRES_IN,
    };
  }

  const body = tokenError.safeParse(json);
  const code = body.success ? (body.data.error ?? body.data.errorCode) : undefined;
  const detail = redact(
    (body.success
      ? (body.data.error_description ?? body.data.errorSummary ?? body.data.message)
      : undefined) ??
      (res.body.slice(0, 200) || `HTTP ${res.status}`),
  );
  const details = {
    status: res.status,
    code,
    detail,
    fieldErrors: undefined,
    requestId: res.requestId,
    method: "POST",
    path: tokenPath,
  };
  if (code === "additional_authentication_required") throw new FederatedAuthenticationRequiredError(details);
  if (res.status >= 500) throw apiErrorFor(details);
  throw new AuthenticationError({ status: res.status, code, detail, tokenUrl: credentials.tokenUrl });
}
