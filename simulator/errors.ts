/**
 * An API answer other than success. Route handlers throw it; the server renders `body` as is, so each
 * family can reproduce the exact `{error, message}` pair the spec documents for that operation.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly body: { error: string; message: string | Record<string, string> };
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    error: string,
    message: string | Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    super(typeof message === "string" ? message : Object.values(message).join(" "));
    this.name = "ApiError";
    this.status = status;
    this.body = { error, message };
    this.headers = headers;
  }
}

export function notFound(message: string, error = "not_found"): ApiError {
  return new ApiError(404, error, message);
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, "forbidden", message);
}

export function conflict(message: string): ApiError {
  return new ApiError(409, "conflict", message);
}

/** The spec's validation-error shape: `message` is an object keyed by field or group name. */
export function validationFailed(
  fields: Record<string, string>,
  status = 400,
  error = "validation_failed",
): ApiError {
  return new ApiError(status, error, fields);
}

export function missingParameter(field: string): ApiError {
  return validationFailed({ [field]: `Missing required parameter(s): ${field}` });
}

/** Not-found messages as the spec words them, one per kind of object. */
export const NOT_FOUND = {
  organization:
    "The organization you are trying to access does not exist, or you do not have permission to access it.",
  application:
    "The application you are trying to access does not exist, or you do not have permission to access it.",
  environment:
    "The environment you are trying to access does not exist, or you do not have permission to access it.",
  team: "The team you are trying to access does not exist, or you do not have permission to access it.",
  sshKey: "The SSH key you are trying to access does not exist, or you do not have permission to access it.",
  database:
    "The database you are trying to access does not exist, or you do not have permission to access it.",
  domain: "The domain you are trying to access does not exist, or you do not have permission to access it.",
  variable:
    "The environment variable you are trying to access does not exist, or you do not have permission to access it.",
  cron: "The cron you are trying to access does not exist, or you do not have permission to access it.",
  logForwarding:
    "The log forwarding destination you are trying to access does not exist, or you do not have permission to access it.",
  certificate:
    "The certificate you are trying to access does not exist, or you do not have permission to access it.",
  databaseBackup:
    "The database backup you are trying to access does not exist, or you do not have permission to access it.",
  notification:
    "The data you are trying to access does not exist, or you do not have permission to access it.",
} as const;

export function federatedAuthRequired(): ApiError {
  return new ApiError(
    403,
    "additional_authentication_required",
    "This resource requires additional authentication.",
  );
}
