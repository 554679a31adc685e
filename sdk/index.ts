/**
 * pulumi-acquia-cloud/sdk: a typed client for the Acquia Cloud Platform API v2, usable without Pulumi.
 */
export { AcquiaCloudClient, DEFAULT_API_URL, DEFAULT_TOKEN_URL } from "./client";
export type { AcquiaCloudClientOptions, ListOptions, QueryValue, RequestOptions } from "./client";
export * from "./errors";
export { TokenCache, sharedTokenCache, tokenCacheKey, renewalDelayMs } from "./auth/token-cache";
export type { ClientCredentials } from "./auth/client-credentials";
export { decideRetry, parseRetryAfter, backoffDelay, defaultRetryOptions } from "./http/retry-policy";
export type { RetryOptions, AttemptOutcome, RetryDecision, RetryState } from "./http/retry-policy";
export { redact, registerSecret } from "./http/redact";
export { Limiter } from "./http/limiter";
export { RateGate } from "./http/rate-gate";
export type { Logger, TransportOptions } from "./http/transport";
export {
  halCollection,
  halLink,
  halLinks,
  maybe,
  messageWithLinks,
  linkHref,
  lastSegment,
} from "./hal/schemas";
export { Operation } from "./operations/operation";
export { waitForNotification } from "./operations/wait-for-notification";
export type { WaitOptions, NotificationHandle, TaskProgress } from "./operations/wait-for-notification";
export { nextPollDelay } from "./operations/poll";
export type { Notification } from "./operations/notification";
export { createOnce } from "./operations/create-once";
export type { CreateOnceOptions, CreateOutcome } from "./operations/create-once";
export { path } from "./internal/path";
export * from "./resources/account";
export * from "./resources/organizations";
export * from "./resources/applications";
export * from "./resources/environments";
export * from "./resources/code";
export * from "./resources/databases";
export * from "./resources/domains";
export * from "./resources/variables";
export * from "./resources/crons";
export * from "./resources/ssh-keys";
export * from "./resources/teams";
export * from "./resources/log-forwarding";
export * from "./resources/ssl-certificates";
