import type { AnyHandler } from "./handler";
import { connectionHandler } from "./handlers/connection";
import { cronJobHandler } from "./handlers/cron-job";
import { databaseHandler } from "./handlers/database";
import { domainHandler } from "./handlers/domain";
import { environmentVariableHandler } from "./handlers/environment-variable";

const handlers: ReadonlyMap<string, AnyHandler> = new Map(
  [connectionHandler, environmentVariableHandler, cronJobHandler, domainHandler, databaseHandler].map((h) => [
    h.kind,
    h as AnyHandler,
  ]),
);

export function handlerFor(kind: string): AnyHandler {
  const handler = handlers.get(kind);
  if (!handler) {
    throw new Error(
      `pulumi-acquia-cloud has no resource kind "${kind}". The state was written by another version of the package: ` +
        "install that version (or a newer one) and run `pulumi up` before `destroy`.",
    );
  }
  return handler;
}

export const kinds = (): string[] => [...handlers.keys()];
