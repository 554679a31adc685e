import { resourceClass, type ArgsOf, type CommonArgs } from "../../program/resource-class";
import { kind } from "./definition";

/** Runtime settings (PHP version and limits, operating system) of an existing environment. */
export const EnvironmentSettings = resourceClass(kind);
export type EnvironmentSettings = InstanceType<typeof EnvironmentSettings>;
export type EnvironmentSettingsArgs = ArgsOf<typeof kind>;
/** The settings alone, without the environment and restoreOnDelete. */
export type EnvironmentSettingsValues = Omit<
  EnvironmentSettingsArgs,
  "environmentId" | "restoreOnDelete" | keyof CommonArgs
>;
