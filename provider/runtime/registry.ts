import type { AnyHandler } from "./handler";
import { codeDeploymentHandler } from "./handlers/code-deployment";
import { connectionHandler } from "./handlers/connection";
import { cronJobHandler } from "./handlers/cron-job";
import { databaseHandler } from "./handlers/database";
import { domainHandler } from "./handlers/domain";
import { environmentHandler } from "./handlers/environment";
import { environmentSettingsHandler } from "./handlers/environment-settings";
import { environmentVariableHandler } from "./handlers/environment-variable";
import { logForwardingDestinationHandler } from "./handlers/log-forwarding-destination";
import { sshKeyHandler } from "./handlers/ssh-key";
import { sslCertificateHandler } from "./handlers/ssl-certificate";
import { teamHandler } from "./handlers/team";
import { teamApplicationHandler } from "./handlers/team-application";

const all = [
  connectionHandler,
  environmentHandler,
  environmentSettingsHandler,
  codeDeploymentHandler,
  environmentVariableHandler,
  cronJobHandler,
  domainHandler,
  databaseHandler,
  sshKeyHandler,
  teamHandler,
  teamApplicationHandler,
  logForwardingDestinationHandler,
  sslCertificateHandler,
];
const handlers: ReadonlyMap<string, AnyHandler> = new Map(all.map((h) => [h.kind, h as AnyHandler]));

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
