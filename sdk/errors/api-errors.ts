import { AcquiaError } from "./acquia-error";

export interface ApiErrorDetails {
  status: number;
  /** Acquia's machine-readable `error` field, e.g. `not_found`, `validation_failed`. */
  code: string | undefined;
  /** Acquia's `message` when it is a string; for validation errors, the field messages joined. */
  detail: string;
  /** Per-field messages when Acquia answers with `message: { field: text }`. */
  fieldErrors: Readonly<Record<string, string>> | undefined;
  requestId: string | undefined;
  method: string;
  path: string;
}

/** Acquia answered with a non-success status. `code` and `fieldErrors` come from its error body. */
export class AcquiaApiError extends AcquiaError implements ApiErrorDetails {
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: string;
  readonly fieldErrors: Readonly<Record<string, string>> | undefined;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;

  constructor(details: ApiErrorDetails, hint?: string) {
    const id = details.requestId ? ` (request id ${details.requestId})` : "";
    const code = details.code ? ` ${details.code}` : "";
    super(
      `Acquia API ${details.method} ${details.path} failed with ${details.status}${code}: ${details.detail}${id}` +
        (hint ? `. ${hint}` : ""),
    );
    this.status = details.status;
    this.code = details.code;
    this.detail = details.detail;
    this.fieldErrors = details.fieldErrors;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
  }
}

export class BadRequestError extends AcquiaApiError {}
/** 400 `validation_failed` (and 409s Acquia uses for invalid input); `fieldErrors` names the fields. */
export class ValidationError extends AcquiaApiError {}
export class UnauthorizedError extends AcquiaApiError {}
export class ForbiddenError extends AcquiaApiError {}
/** 404: the object does not exist, or the credentials may not see it: Acquia does not say which. */
export class NotFoundError extends AcquiaApiError {}
export class ConflictError extends AcquiaApiError {}
export class RateLimitError extends AcquiaApiError {}
export class ServerError extends AcquiaApiError {}

/** The token lacks the `organization:<uuid>` scope that a federated-authentication organization requires. */
export class FederatedAuthenticationRequiredError extends ForbiddenError {
  constructor(details: ApiErrorDetails) {
    super(
      details,
      "The organization uses federated authentication: set the organization UUID (Connection " +
        "input organizationUuid, stack config acquia:organizationUuid or AH_ORGANIZATION_UUID) so the token " +
        "is requested with the organization:<uuid> scope",
    );
  }
}

/** Maps an error answer to its class by status *and* Acquia's error code. */
export function apiErrorFor(details: ApiErrorDetails): AcquiaApiError {
  const { status, code } = details;
  if (code === "additional_authentication_required") return new FederatedAuthenticationRequiredError(details);
  if (code === "validation_failed" || code === "validation_error") return new ValidationError(details);
  switch (status) {
    case 400:
      return new BadRequestError(details);
    case 401:
      return new UnauthorizedError(details);
    case 403:
      return new ForbiddenError(details);
    case 404:
      // Acquia also answers 404 `not_available` for features an application lacks: that is no "gone".
      return code === "not_available" ? new AcquiaApiError(details) : new NotFoundError(details);
    case 409:
      return new ConflictError(details);
    case 429:
      return new RateLimitError(details);
    default:
      return status >= 500 ? new ServerError(details) : new AcquiaApiError(details);
  }
}
