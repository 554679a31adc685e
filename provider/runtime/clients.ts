import { AcquiaCloudClient, type Logger } from "../../sdk";
import { configValue, type ResolvedSettings } from "./settings";

const clients = new Map<string, AcquiaCloudClient>();

/** Surfaces retries in the engine's log (stderr of the provider process); the sdk already redacted them. */
const logger: Logger = { warn: (message) => console.error(`[acquia-cloud] ${message}`) };

/**
 * One client per credential set for the life of the provider process. Tokens are shared through the
 * sdk's process-wide cache anyway; reusing clients also reuses their connection pool.
 */
export function clientFor(settings: ResolvedSettings): AcquiaCloudClient {
  const key = JSON.stringify([
    settings.apiUrl,
    settings.tokenUrl,
    settings.clientId,
    settings.clientSecret,
    settings.organizationUuid,
  ]);
  let client = clients.get(key);
  if (!client) {
    const budget = Number(
      configValue("acquia:retryBudgetSeconds") ?? process.env["ACQUIA_RETRY_BUDGET_SECONDS"] ?? NaN,
    );
    client = new AcquiaCloudClient({
      ...settings,
      logger,
      // How long one request keeps retrying through 429s and outages (the SDK's default: 5 minutes).
      ...(budget > 0 ? { retry: { budgetMs: budget * 1000 } } : {}),
    });
    clients.set(key, client);
  }
  return client;
}
