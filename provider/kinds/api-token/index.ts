import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** An API token of the Acquia account that owns the API key; its key and secret are secret outputs. */
export const ApiToken = resourceClass(kind);
export type ApiToken = InstanceType<typeof ApiToken>;
export type ApiTokenArgs = ArgsOf<typeof kind>;
