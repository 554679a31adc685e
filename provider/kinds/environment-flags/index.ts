import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** Production mode, Platform CDN and mod_proxy of an existing environment. */
export const EnvironmentFlags = resourceClass(kind);
export type EnvironmentFlags = InstanceType<typeof EnvironmentFlags>;
export type EnvironmentFlagsArgs = ArgsOf<typeof kind>;
