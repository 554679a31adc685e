import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** An administrator of an Acquia organization, by e-mail address; created as an invitation. */
export const OrganizationAdmin = resourceClass(kind);
export type OrganizationAdmin = InstanceType<typeof OrganizationAdmin>;
export type OrganizationAdminArgs = ArgsOf<typeof kind>;
