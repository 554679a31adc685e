import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** Copies files between environments of an application, again when its triggers change. */
export const FilesCopy = resourceClass(kind);
export type FilesCopy = InstanceType<typeof FilesCopy>;
export type FilesCopyArgs = ArgsOf<typeof kind>;
