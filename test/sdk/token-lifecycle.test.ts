import {
  AcquiaCloudClient,
  AuthenticationError,
  FederatedAuthenticationRequiredError,
  ForbiddenError,
} from "../../sdk";
import { TokenCache, renewalDelayMs, tokenCacheKey } from "../../sdk/internal";
import { clientFor, TEST_SECRET } from "./helpers/client";
import { json, startTestServer, tokenRoute, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  server.routes.set("GET /api/account", (_req, res) => json(res, 200, { uuid: "acct-1", name: "jane" }));
});
afterEach(() => server.close());

const tokenRequests = () => server.requests.filter((r) => r.path === "/token");

describe("client-credentials token", () => {
  it("sends a form-encoded client-credentials request without scope when no organization is set", async () => {
    tokenRoute(server);
    await clientFor(server).account.get();
    const [req] = tokenRequests();
    expect(req?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(req?.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "client_credentials",
      client_id: "test-client-id",
      client_secret: TEST_SECRET,
    });
    const apiCall = server.requests.find((r) => r.path === "/api/account");
    expect(apiCall?.headers.authorization).toBe("Bearer token-1-abcdef");
  });

  it("adds scope=organization:<uuid> exactly when an organization UUID is configured", async () => {
    tokenRoute(server);
    await clientFor(server, { organizationUuid: "org-123" }).account.get();
    expect(new URLSearchParams(tokenRequests()[0]?.body).get("scope")).toBe("organization:org-123");
  });

  it("fetches one token for 50 concurrent calls", async () => {
    tokenRoute(server);
    const client = clientFor(server);
    await Promise.all(Array.from({ length: 50 }, () => client.account.get()));
    expect(tokenRequests()).toHaveLength(1);
    expect(server.requests.filter((r) => r.path === "/api/account")).toHaveLength(50);
  });

  it("shares a token between clients with the same credentials and separates other credential sets", async () => {
    tokenRoute(server);
    const cache = new TokenCache();
    await clientFor(server, { tokenCache: cache }).account.get();
    await clientFor(server, { tokenCache: cache }).account.get();
    expect(tokenRequests()).toHaveLength(1);
    await clientFor(server, { tokenCache: cache, clientSecret: "another-secret-value" }).account.get();
    await clientFor(server, { tokenCache: cache, organizationUuid: "org-9" }).account.get();
    expect(tokenRequests()).toHaveLength(3);
  });

  it("renews a token ahead of expiry, in proportion to its life", async () => {
    let now = 1_000_000;
    const cache = new TokenCache(() => now);
    let issued = 0;
    const issue = async () => ({ accessToken: `t${++issued}`, expiresInSeconds: 3 });
    expect(await cache.getToken("k", issue)).toBe("t1");
    now += 1_500;
    expect(await cache.getToken("k", issue)).toBe("t1");
    now += 1_000; // 2.5 s into a 3 s life: past the 2.4 s renewal point
    expect(await cache.getToken("k", issue)).toBe("t2");
    expect(renewalDelayMs(300)).toBe(240_000);
    expect(renewalDelayMs(3)).toBe(2_400);
  });

  it("drops an expired token, fetches a new one and retries the request once", async () => {
    tokenRoute(server);
    let calls = 0;
    server.routes.set("GET /api/account", (req, res) => {
      calls++;
      if (req.headers.authorization === "Bearer token-1-abcdef") {
        return json(res, 403, { error: "unauthorized", message: "The access token has expired." });
      }
      json(res, 200, { uuid: "acct-1" });
    });
    const account = await clientFor(server).account.get();
    expect(account.uuid).toBe("acct-1");
    expect(calls).toBe(2);
    expect(tokenRequests()).toHaveLength(2);
  });

  it("treats a 401 as a stale token too, but gives up after one renewal", async () => {
    tokenRoute(server);
    server.routes.set("GET /api/account", (_req, res) =>
      json(res, 401, { error: "unauthorized", message: "Invalid token." }),
    );
    await expect(clientFor(server).account.get()).rejects.toMatchObject({ status: 401 });
    expect(tokenRequests()).toHaveLength(2);
    expect(server.requests.filter((r) => r.path === "/api/account")).toHaveLength(2);
  });

  it("does not mistake a 403 forbidden for a token problem", async () => {
    tokenRoute(server);
    server.routes.set("GET /api/account", (_req, res) =>
      json(res, 403, { error: "forbidden", message: "No access." }),
    );
    await expect(clientFor(server).account.get()).rejects.toBeInstanceOf(ForbiddenError);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("turns an Okta-shaped rejection into an AuthenticationError that says what to fix", async () => {
    server.routes.set("POST /token", (_req, res) =>
      json(res, 401, {
        errorCode: "invalid_client",
        errorSummary: "Invalid value for 'client_id' parameter.",
        errorCauses: [],
      }),
    );
    const error = await clientFor(server)
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/rejected the API key\/secret/);
    expect((error as Error).message).toMatch(/invalid_client/);
    expect((error as Error).message).toMatch(/acquia:clientSecret/);
    expect((error as Error).message).not.toContain(TEST_SECRET);
  });

  it("turns an OAuth-shaped rejection into an AuthenticationError", async () => {
    server.routes.set("POST /token", (_req, res) =>
      json(res, 400, { error: "invalid_client", error_description: "Client authentication failed." }),
    );
    await expect(clientFor(server).authenticate()).rejects.toThrow(
      /invalid_client: Client authentication failed/,
    );
  });

  it("maps additional_authentication_required to FederatedAuthenticationRequiredError naming the fix", async () => {
    tokenRoute(server);
    server.routes.set("GET /api/account", (_req, res) =>
      json(res, 403, {
        error: "additional_authentication_required",
        message: "This resource requires additional authentication.",
      }),
    );
    const error = await clientFor(server)
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FederatedAuthenticationRequiredError);
    expect((error as Error).message).toMatch(/organizationUuid/);
    expect((error as Error).message).toMatch(/AH_ORGANIZATION_UUID/);
  });

  it("retries the token request on 5xx and network trouble", async () => {
    let attempts = 0;
    server.routes.set("POST /token", (_req, res) => {
      attempts++;
      if (attempts === 1) return json(res, 503, { error: "system", message: "try later" });
      if (attempts === 2) return res.destroy();
      json(res, 200, { access_token: "late-token-xyz", expires_in: 300 });
    });
    await clientFor(server).account.get();
    expect(attempts).toBe(3);
  });

  it("defaults a missing expires_in to 300 s", async () => {
    server.routes.set("POST /token", (_req, res) => json(res, 200, { access_token: "no-expiry-token" }));
    const cache = new TokenCache();
    const client = clientFor(server, { tokenCache: cache });
    await client.authenticate();
    await client.authenticate();
    expect(tokenRequests()).toHaveLength(1);
  });

  it("keys the cache on a fingerprint, never the secret itself", () => {
    const key = tokenCacheKey({
      tokenUrl: "u",
      clientId: "id",
      clientSecret: TEST_SECRET,
      scope: "organization:x",
    });
    expect(key).not.toContain(TEST_SECRET);
    expect(key).not.toBe(
      tokenCacheKey({ tokenUrl: "u", clientId: "id", clientSecret: "other", scope: "organization:x" }),
    );
  });

  it("requires credentials up front", () => {
    expect(() => new AcquiaCloudClient({ clientId: "", clientSecret: "x" })).toThrow(/clientId is required/);
  });
});
