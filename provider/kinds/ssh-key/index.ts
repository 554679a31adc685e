import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** An SSH key of the Acquia account that owns the API key. */
export const SshKey = resourceClass(kind);
export type SshKey = InstanceType<typeof SshKey>;
export type SshKeyArgs = ArgsOf<typeof kind>;
