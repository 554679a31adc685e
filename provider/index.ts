/**
 * pulumi-acquia-cloud: Pulumi resources for the Acquia Cloud Platform API v2.
 */
export { Connection, type ConnectionArgs, type ConnectionSettings } from "./resources/connection";
export { Environment, type EnvironmentArgs } from "./resources/environment";
export {
  EnvironmentSettings,
  type EnvironmentSettingsArgs,
  type EnvironmentSettingsValues,
} from "./resources/environment-settings";
export { CodeDeployment, type CodeDeploymentArgs } from "./resources/code-deployment";
export { EnvironmentVariable, type EnvironmentVariableArgs } from "./resources/environment-variable";
export { CronJob, type CronJobArgs } from "./resources/cron-job";
export { Domain, type DomainArgs } from "./resources/domain";
export { Database, type DatabaseArgs } from "./resources/database";
export { SshKey, type SshKeyArgs } from "./resources/ssh-key";
export { Team, type TeamArgs } from "./resources/team";
export { TeamApplication, type TeamApplicationArgs } from "./resources/team-application";
export {
  LogForwardingDestination,
  type LogForwardingDestinationArgs,
  type LogForwardingCredentialsArgs,
  type LogForwardingConsumer,
  type LogForwardingSource,
} from "./resources/log-forwarding-destination";
export { SslCertificate, type SslCertificateArgs } from "./resources/ssl-certificate";
export type { CommonArgs } from "./resources/common";
export {
  getAccount,
  getApplication,
  getEnvironment,
  getOrganization,
  type Known,
  type LookupOptions,
} from "./lookups";
