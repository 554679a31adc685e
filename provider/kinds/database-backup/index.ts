import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** An on-demand backup of an environment database, taken again when its triggers change. */
export const DatabaseBackup = resourceClass(kind);
export type DatabaseBackup = InstanceType<typeof DatabaseBackup>;
export type DatabaseBackupArgs = ArgsOf<typeof kind>;
