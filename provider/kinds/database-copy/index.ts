import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** Copies a database between environments of an application, again when its triggers change. */
export const DatabaseCopy = resourceClass(kind);
export type DatabaseCopy = InstanceType<typeof DatabaseCopy>;
export type DatabaseCopyArgs = ArgsOf<typeof kind>;
