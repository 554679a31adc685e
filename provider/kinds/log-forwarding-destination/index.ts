import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** A log forwarding destination of an Acquia environment. */
export const LogForwardingDestination = resourceClass(kind);
export type LogForwardingDestination = InstanceType<typeof LogForwardingDestination>;
export type LogForwardingDestinationArgs = ArgsOf<typeof kind>;
export type { LogForwardingConsumer, LogForwardingSource } from "./definition";
/** What the consumer needs (Acquia's rules, checked before any call). */
export type LogForwardingCredentialsArgs = NonNullable<LogForwardingDestinationArgs["credentials"]>;
