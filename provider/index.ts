/**
 * pulumi-acquia-cloud: Pulumi resources for the Acquia Cloud Platform API v2.
 */
export { Connection, type ConnectionArgs, type ConnectionSettings } from "./resources/connection";
export { EnvironmentVariable, type EnvironmentVariableArgs } from "./resources/environment-variable";
export { CronJob, type CronJobArgs } from "./resources/cron-job";
export { Domain, type DomainArgs } from "./resources/domain";
export { Database, type DatabaseArgs } from "./resources/database";
export type { CommonArgs } from "./resources/common";
export { getAccount, getApplication, getEnvironment, getOrganization, type LookupOptions } from "./lookups";
