import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** The Acquia Shield IP allowlist (Shield ACL) of a subscription, as one list. */
export const SubscriptionIpAllowlist = resourceClass(kind);
export type SubscriptionIpAllowlist = InstanceType<typeof SubscriptionIpAllowlist>;
export type SubscriptionIpAllowlistArgs = ArgsOf<typeof kind>;
