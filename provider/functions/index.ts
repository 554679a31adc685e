/**
 * The lookups: each defined once (function.ts says what a definition holds), run by programs in dynamic
 * mode and served as invokes by the provider plugin, in the order of FUNCTIONS.
 */
import type { AnyFunction } from "./function";
import { getAccount, getApplication, getEnvironment, getOrganization } from "./estate";
import { getPermissions, getRoles, getSubscription, getTeam } from "./access";
import {
  getAvailableRuntimes,
  getBranches,
  getEnvironmentDns,
  getEnvironmentEgressIps,
  getLogForwardingOptions,
} from "./wiring";

export { LookupNotFoundError, type AnyFunction, type FunctionDefinition } from "./function";
export * from "./estate";
export * from "./access";
export * from "./wiring";

export const FUNCTIONS: readonly AnyFunction[] = [
  getAccount,
  getOrganization,
  getApplication,
  getEnvironment,
  getPermissions,
  getRoles,
  getTeam,
  getSubscription,
  getEnvironmentEgressIps,
  getEnvironmentDns,
  getBranches,
  getAvailableRuntimes,
  getLogForwardingOptions,
];
