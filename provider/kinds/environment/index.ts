import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** A continuous-delivery environment of an application (see the definition for timing and caveats). */
export const Environment = resourceClass(kind);
export type Environment = InstanceType<typeof Environment>;
export type EnvironmentArgs = ArgsOf<typeof kind>;
