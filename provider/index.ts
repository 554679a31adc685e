/**
 * pulumi-acquia-cloud: Pulumi resources for the Acquia Cloud Platform API v2.
 */
export * from "./kinds";
export type { CommonArgs } from "./program/resource-class";
export {
  getAccount,
  getApplication,
  getEnvironment,
  getOrganization,
  getPermissions,
  getRoles,
  getTeam,
  getSubscription,
  getEnvironmentEgressIps,
  getEnvironmentDns,
  getBranches,
  getAvailableRuntimes,
  getLogForwardingOptions,
  type Known,
  type LookupOptions,
} from "./lookups";
export { LookupNotFoundError } from "./functions";
