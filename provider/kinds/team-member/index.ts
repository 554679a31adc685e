import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** A person on a team, by e-mail address, with roles; created as an invitation. */
export const TeamMember = resourceClass(kind);
export type TeamMember = InstanceType<typeof TeamMember>;
export type TeamMemberArgs = ArgsOf<typeof kind>;
