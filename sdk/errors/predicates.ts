import { AcquiaApiError, ConflictError, NotFoundError } from "./api-errors";

/** True for a 404: the object is gone, or the credentials cannot see it (the caller decides which). */
export function isNotFound(error: unknown): error is NotFoundError {
  return error instanceof NotFoundError;
}

function text(error: AcquiaApiError): string {
  return [error.detail, ...Object.values(error.fieldErrors ?? {})].join(" ").toLowerCase();
}

/**
 * How each family answers a create whose natural key is taken, as the spec documents it. It is not
 * uniform: a duplicate variable is 400 `not_available`, a duplicate CD environment label or cron label
 * 400 `validation_failed`, a duplicate domain 409 (with code `forbidden`), SSH key or team 409 `conflict`.
 * A certificate's label is unique per environment, and the spec contradicts itself about the answer:
 * its example is a 400 (filed under the activate endpoint), while the install declares its validation
 * errors as 409 (and so does the CSR create, with the same message); both count.
 * A role name is 409 `conflict` ("already being used"); a repeated team or admin invitation 409 ("has
 * already been sent"), and so is inviting a member of the team or an admin again.
 * Log-forwarding destinations have no key Acquia enforces.
 */
const duplicateAnswers = {
  variable: (e: AcquiaApiError) =>
    e.status === 400 && e.code === "not_available" && /already has/.test(text(e)),
  environment: (e: AcquiaApiError) => e.status === 400 && /already has this label/.test(text(e)),
  cron: (e: AcquiaApiError) => e.status === 400 && /already used by another cron/.test(text(e)),
  database: (e: AcquiaApiError) => e.status === 400 && /already exists/.test(text(e)),
  domain: (e: AcquiaApiError) => e.status === 409 && /already exists/.test(text(e)),
  sshKey: (e: AcquiaApiError) => e.status === 409 && /already exists/.test(text(e)),
  team: (e: AcquiaApiError) => e.status === 409 && /already exists/.test(text(e)),
  teamApplication: (e: AcquiaApiError) => e.status === 409 && /already on this team/.test(text(e)),
  sslCertificate: (e: AcquiaApiError) =>
    (e.status === 400 || e.status === 409) && /certificate with that label already exists/.test(text(e)),
  role: (e: AcquiaApiError) => e.status === 409 && /already being used/.test(text(e)),
  teamMember: (e: AcquiaApiError) =>
    e.status === 409 && /already been sent|already belongs to the team/.test(text(e)),
  organizationAdmin: (e: AcquiaApiError) =>
    e.status === 409 && /already been sent|already an administrator/.test(text(e)),
  logForwardingDestination: () => false,
} satisfies Record<string, (e: AcquiaApiError) => boolean>;

export type ResourceFamily = keyof typeof duplicateAnswers;

/** True when Acquia refused a create because an object with the same natural key exists. */
export function isAlreadyExists(error: unknown, family: ResourceFamily): boolean {
  return error instanceof AcquiaApiError && duplicateAnswers[family](error);
}

/** True for any 409, including Acquia's "already enabled" style answers. */
export function isConflict(error: unknown): error is ConflictError {
  return error instanceof ConflictError;
}
