import { AcquiaError } from "./acquia-error";

/**
 * No usable answer arrived. `outcomeUnknown` is true when the request may have reached Acquia
 * (the connection broke after it was sent), so a mutation may or may not have been applied.
 */
export class AcquiaConnectionError extends AcquiaError {
  readonly method: string;
  readonly path: string;
  readonly outcomeUnknown: boolean;
  readonly code: string | undefined;

  constructor(
    details: {
      method: string;
      path: string;
      outcomeUnknown: boolean;
      code?: string | undefined;
      reason: string;
    },
    options?: { cause?: unknown },
  ) {
    super(
      `Could not reach the Acquia API for ${details.method} ${details.path}: ${details.reason}. ` +
        (details.outcomeUnknown
          ? "The request may have been applied; look the object up before trying again."
          : "Check the API URL and network access, then retry."),
      options,
    );
    this.method = details.method;
    this.path = details.path;
    this.outcomeUnknown = details.outcomeUnknown;
    this.code = details.code;
  }
}

/** The request exceeded its time limit (connect, headers or body). */
export class AcquiaTimeoutError extends AcquiaConnectionError {}

/**
 * A 2xx answer did not match the schema the client expects. The call itself succeeded; Acquia's
 * answer changed shape, so the client refuses to guess.
 */
export class ResponseValidationError extends AcquiaError {
  readonly method: string;
  readonly path: string;
  readonly issues: readonly { path: readonly PropertyKey[]; message: string }[];
  readonly requestId: string | undefined;

  constructor(details: {
    method: string;
    path: string;
    requestId: string | undefined;
    issues: readonly { path: readonly PropertyKey[]; message: string }[];
  }) {
    const list = details.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    super(
      `Unexpected response from Acquia for ${details.method} ${details.path}: ${list}` +
        (details.requestId ? ` (request id ${details.requestId})` : "") +
        ". Please report this with the request id; the API may have changed.",
    );
    this.method = details.method;
    this.path = details.path;
    this.issues = details.issues;
    this.requestId = details.requestId;
  }
}
