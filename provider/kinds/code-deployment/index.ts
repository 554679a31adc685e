import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** The branch or tag an environment runs. */
export const CodeDeployment = resourceClass(kind);
export type CodeDeployment = InstanceType<typeof CodeDeployment>;
export type CodeDeploymentArgs = ArgsOf<typeof kind>;
