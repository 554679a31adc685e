export { AcquiaError } from "./acquia-error";
export * from "./api-errors";
export { AuthenticationError } from "./auth-errors";
export { AcquiaConnectionError, AcquiaTimeoutError, ResponseValidationError } from "./transport-errors";
export { NotificationFailedError, NotificationTimeoutError, OperationTimeoutError } from "./operation-errors";
export { isAlreadyExists, isConflict, isNotFound, type ResourceFamily } from "./predicates";
