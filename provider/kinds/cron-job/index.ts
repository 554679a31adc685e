import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** A scheduled job (cron) of an Acquia environment. */
export const CronJob = resourceClass(kind);
export type CronJob = InstanceType<typeof CronJob>;
export type CronJobArgs = ArgsOf<typeof kind>;
