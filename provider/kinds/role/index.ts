import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** A custom role of an Acquia organization: a named set of permissions. */
export const Role = resourceClass(kind);
export type Role = InstanceType<typeof Role>;
export type RoleArgs = ArgsOf<typeof kind>;
