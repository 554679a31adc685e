import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** An application database; Acquia provisions it in every environment. Deleting it drops the data in every environment: consider `protect: true`. */
export const Database = resourceClass(kind);
export type Database = InstanceType<typeof Database>;
export type DatabaseArgs = ArgsOf<typeof kind>;
