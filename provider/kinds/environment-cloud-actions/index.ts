import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** The Cloud Actions a code deployment to an existing environment runs by default. */
export const EnvironmentCloudActions = resourceClass(kind);
export type EnvironmentCloudActions = InstanceType<typeof EnvironmentCloudActions>;
export type EnvironmentCloudActionsArgs = ArgsOf<typeof kind>;
