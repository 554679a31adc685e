/**
 * The command's own errors, each with a stable `code` (tests and scripts tell them apart without
 * reading the words) and a message that names the flag or variable to fix. Errors from Acquia itself
 * are the SDK's typed errors.
 */
export type DiscoverErrorCode =
  /** A flag is missing, unknown or malformed. */
  | "USAGE"
  /** No API key and secret in the flags or the environment. */
  | "MISSING_CREDENTIALS"
  /** Acquia refused the key and secret (or the organization scope). */
  | "CREDENTIALS_REFUSED"
  /** The key cannot see the application named. */
  | "APPLICATION_NOT_VISIBLE"
  /** The key cannot see the organization `--organization` names. */
  | "ORGANIZATION_NOT_VISIBLE"
  /** Several applications the key sees have the name given. */
  | "APPLICATION_AMBIGUOUS"
  /** `--environments` names an environment the application does not have. */
  | "ENVIRONMENT_NOT_FOUND"
  /** `--out` holds files and `--force` was not given. */
  | "OUT_DIR_NOT_EMPTY"
  /** Writing the project failed (nothing was left behind). */
  | "WRITE_FAILED";

export class DiscoverError extends Error {
  constructor(
    readonly code: DiscoverErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DiscoverError";
  }
}
