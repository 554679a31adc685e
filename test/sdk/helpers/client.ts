import { AcquiaCloudClient, type AcquiaCloudClientOptions } from "../../../sdk";
import { TokenCache } from "../../../sdk/internal";
import type { TestServer } from "./test-server";

export const TEST_SECRET = "s3cr3t-client-secret-value";

/** A client against a test server, with its own token cache and fast retries. */
export function clientFor(
  server: TestServer,
  overrides: Partial<AcquiaCloudClientOptions> = {},
): AcquiaCloudClient {
  return new AcquiaCloudClient({
    clientId: "test-client-id",
    clientSecret: TEST_SECRET,
    apiUrl: `${server.url}/api`,
    tokenUrl: `${server.url}/token`,
    tokenCache: new TokenCache(),
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50 },
    ...overrides,
  });
}
