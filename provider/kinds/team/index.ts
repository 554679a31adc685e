import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** A team of an Acquia organization; add applications with TeamApplication. */
export const Team = resourceClass(kind);
export type Team = InstanceType<typeof Team>;
export type TeamArgs = ArgsOf<typeof kind>;
