import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** A domain name attached to an Acquia environment. */
export const Domain = resourceClass(kind);
export type Domain = InstanceType<typeof Domain>;
export type DomainArgs = ArgsOf<typeof kind>;
