/**
 * pulumi-acquia-cloud/sdk/internal: the client's building blocks, for this package's provider and
 * tests. No stability promise: names and shapes may change in any release.
 */
export { TokenCache, sharedTokenCache, tokenCacheKey, renewalDelayMs } from "./auth/token-cache";
export type { ClientCredentials } from "./auth/client-credentials";
export { decideRetry, parseRetryAfter, backoffDelay, defaultRetryOptions } from "./http/retry-policy";
export type { AttemptOutcome, RetryDecision, RetryState } from "./http/retry-policy";
export { redact, registerSecret } from "./http/redact";
export { Limiter } from "./http/limiter";
export { RateGate } from "./http/rate-gate";
export { HttpTransport } from "./http/transport";
export type { TransportOptions } from "./http/transport";
export {
  halCollection,
  halLink,
  halLinks,
  maybe,
  messageWithLinks,
  linkHref,
  lastSegment,
} from "./hal/schemas";
export { notificationSchema } from "./operations/notification";
export { nextPollDelay } from "./operations/poll";
export type { NotificationHandle } from "./operations/wait-for-notification";
export { createOnce } from "./operations/create-once";
export type { CreateOnceOptions, CreateOutcome } from "./operations/create-once";
export { path } from "./internal/path";
