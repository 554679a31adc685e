import { AcquiaError } from "./acquia-error";

const CREDENTIAL_HINT =
  "Check the API key and secret (Connection inputs clientId/clientSecret, stack config acquia:clientId and " +
  "acquia:clientSecret, or ACLI_KEY/ACLI_SECRET); create a new pair under Cloud UI > Account Settings > " +
  "API Tokens if it was revoked or rotated";

/** The token endpoint refused the credentials (OAuth `error` or Okta `errorCode` answers). */
export class AuthenticationError extends AcquiaError {
  readonly status: number;
  readonly code: string | undefined;
  readonly tokenUrl: string;

  constructor(details: { status: number; code: string | undefined; detail: string; tokenUrl: string }) {
    const reason = details.code ? `${details.code}: ${details.detail}` : details.detail;
    const hint =
      details.code === "invalid_scope"
        ? "The organization UUID in the scope is unknown or not reachable with this key: check acquia:organizationUuid / AH_ORGANIZATION_UUID"
        : CREDENTIAL_HINT;
    super(
      `Acquia rejected the API key/secret at ${details.tokenUrl} (${details.status} ${reason}). ${hint}.`,
    );
    this.status = details.status;
    this.code = details.code;
    this.tokenUrl = details.tokenUrl;
  }
}
