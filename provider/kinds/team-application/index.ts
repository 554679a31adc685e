import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** An application on a team: the team's members get access to it. */
export const TeamApplication = resourceClass(kind);
export type TeamApplication = InstanceType<typeof TeamApplication>;
export type TeamApplicationArgs = ArgsOf<typeof kind>;
