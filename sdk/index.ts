/**
 * pulumi-acquia-cloud/sdk: a typed client for the Acquia Cloud Platform API v2, usable without Pulumi.
 * Building blocks with no stability promise (retry policy, token cache, redaction, HAL helpers) live
 * in `pulumi-acquia-cloud/sdk/internal`.
 */
export { AcquiaCloudClient } from "./client";
export { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from "./defaults";
export type { AcquiaCloudClientOptions, ApiRequest, ListOptions, QueryValue, RequestOptions } from "./client";
export * from "./errors";
export type { RetryOptions } from "./http/retry-policy";
export type { Logger } from "./http/transport";
export { Operation } from "./operations/operation";
export { waitForNotification } from "./operations/wait-for-notification";
export type { WaitOptions, TaskProgress } from "./operations/wait-for-notification";
export type { Notification } from "./operations/notification";
export * from "./resources/account";
export * from "./resources/organizations";
export * from "./resources/applications";
export * from "./resources/environments";
export * from "./resources/environment-flags";
export * from "./resources/cloud-actions";
export * from "./resources/code";
export * from "./resources/databases";
export * from "./resources/database-backups";
export * from "./resources/files";
export * from "./resources/domains";
export * from "./resources/variables";
export * from "./resources/crons";
export * from "./resources/ssh-keys";
export * from "./resources/api-tokens";
export * from "./resources/subscriptions";
export * from "./resources/shield-acl";
export * from "./resources/identity-providers";
export * from "./resources/teams";
export * from "./resources/roles";
export * from "./resources/invites";
export * from "./resources/team-members";
export * from "./resources/organization-admins";
export * from "./resources/log-forwarding";
export * from "./resources/ssl-certificates";
