import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** An environment variable of an Acquia environment. */
export const EnvironmentVariable = resourceClass(kind);
export type EnvironmentVariable = InstanceType<typeof EnvironmentVariable>;
export type EnvironmentVariableArgs = ArgsOf<typeof kind>;
