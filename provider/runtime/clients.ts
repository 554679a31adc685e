import { AcquiaCloudClient, type Logger } from "../../sdk";
import { optionValue, type ConnectionSettings } from "../settings";
import { log } from "./log";
import { stackConfig } from "./stack-config";

const clients = new Map<string, AcquiaCloudClient>();

/** Surfaces retries in the engine's log (stderr of the provider process); the sdk already redacted them. */
const logger: Logger = { warn: log };

/**
 * One client per credential set for the life of the provider process. Tokens are shared through the
 * sdk's process-wide cache anyway; reusing clients also reuses their connection pool.
 */
export function clientFor(settings: ConnectionSettings): AcquiaCloudClient {
  const key = JSON.stringify([
    settings.apiUrl,
    settings.tokenUrl,
    settings.clientId,
    settings.clientSecret,
    settings.organizationUuid,
  ]);
  let client = clients.get(key);
  if (!client) {
    client = new AcquiaCloudClient({
      ...settings,
      logger,
      retry: { budgetMs: optionValue("retryBudgetSeconds", stackConfig) * 1000 },
    });
    clients.set(key, client);
  }
  return client;
}
