import { createHash } from "node:crypto";
import { SEED, type Simulator } from "../../simulator";
import { Api, items, requestToken, start } from "./helpers";

let sim: Simulator;

beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());

describe("token endpoint", () => {
  it("issues a bearer token for the demo credentials", async () => {
    const response = await requestToken(sim);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 300,
    });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accepts HTTP Basic client authentication and echoes an organization scope", async () => {
    const basic = Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString("base64");
    const response = await fetch(sim.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${basic}` },
      body: `grant_type=client_credentials&scope=${encodeURIComponent(`organization:${sim.organizationUuid}`)}`,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scope: `organization:${sim.organizationUuid}` });
  });

  it("answers a bad secret with Okta's invalid_client shape", async () => {
    const response = await requestToken(sim, { client_secret: "wrong" });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errorCode: "invalid_client",
      errorSummary: expect.any(String),
      errorLink: "invalid_client",
      errorId: expect.any(String),
      errorCauses: [],
    });
    expect((await requestToken(sim, { client_id: "nobody" })).status).toBe(401);
  });

  it("answers an unknown organization scope with 400 invalid_scope and a wrong grant with 400", async () => {
    const scope = await requestToken(sim, { scope: "organization:00000000-0000-4000-8000-000000000000" });
    expect(scope.status).toBe(400);
    expect(scope.body).toMatchObject({ errorCode: "invalid_scope", errorCauses: [] });
    const grant = await requestToken(sim, { grant_type: "password" });
    expect(grant.status).toBe(400);
    expect(grant.body).toMatchObject({ errorCode: "unsupported_grant_type" });
  });
});

describe("API authentication", () => {
  it("answers a missing or unknown token with 401 unauthorized", async () => {
    const api = await Api.connect(sim);
    const missing = await api.get("/account", { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: "unauthorized", message: expect.any(String) });
    expect(missing.headers.get("content-type")).toBe("application/hal+json");
    const unknown = await api.get("/account", { token: "not-a-token" });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: "unauthorized" });
  });

  it("answers an expired token with Acquia's 403 message", async () => {
    const short = await start({ tokenTtlSeconds: 0.05 });
    try {
      const api = await Api.connect(short);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const expired = await api.get("/account");
      expect(expired.status).toBe(403);
      expect(expired.body).toEqual({ error: "unauthorized", message: "The access token has expired." });
    } finally {
      await short.stop();
    }
  });

  it("lists issued tokens by SHA-256 digest only", async () => {
    await sim.control.reset();
    const token = await requestToken(sim);
    const listed = await sim.control.tokens();
    const digest = createHash("sha256").update(String(token.body.access_token)).digest("hex");
    expect(listed.map((t) => t.sha256)).toContain(digest);
    expect(JSON.stringify(listed)).not.toContain(String(token.body.access_token));
  });

  it("expires every issued token on request", async () => {
    const api = await Api.connect(sim);
    expect(await sim.control.expireTokens()).toBeGreaterThan(0);
    expect((await api.get("/account")).body).toEqual({
      error: "unauthorized",
      message: "The access token has expired.",
    });
    const renewed = await Api.connect(sim);
    expect((await renewed.get("/account")).status).toBe(200);
  });

  it("rotates the secret: the old one is refused, the new one works", async () => {
    const old = sim.clientSecret;
    const fresh = await sim.control.rotateCredentials();
    expect(fresh).not.toBe(old);
    expect(sim.clientSecret).toBe(fresh);
    expect((await requestToken(sim, { client_secret: old })).status).toBe(401);
    expect((await requestToken(sim, { client_secret: fresh })).status).toBe(200);
  });
});

describe("account API tokens as credentials", () => {
  it("accepts a created token's key and secret, and refuses them (and their access tokens) once revoked", async () => {
    const owner = await Api.connect(sim);
    const created = await owner.post("/account/tokens", { label: "ci" });
    expect(created.status).toBe(201);
    const { client_id: key, client_secret: secret } = created.body as Record<string, string>;
    const own = { client_id: String(key), client_secret: String(secret) };
    expect((await requestToken(sim, { ...own, client_secret: "wrong" })).status).toBe(401);
    const issued = await requestToken(sim, own);
    expect(issued.status).toBe(200);
    const bearer = String(issued.body.access_token);
    expect((await owner.get("/account", { token: bearer })).status).toBe(200);
    // The simulator keeps only the secret's digest.
    expect(JSON.stringify(await sim.control.state())).not.toContain(String(secret));

    const uuid = String(items(await owner.get("/account/tokens")).find((t) => t.label === "ci")?.uuid);
    expect((await owner.delete(`/account/tokens/${uuid}`)).status).toBe(200);
    expect((await requestToken(sim, own)).status).toBe(401);
    expect((await owner.get("/account", { token: bearer })).status).toBe(401);
    expect((await owner.get(`/account/tokens/${uuid}`)).body).toMatchObject({
      active: false,
      revocation: expect.any(String),
    });
  });
});

describe("federated authentication", () => {
  const required = {
    error: "additional_authentication_required",
    message: "This resource requires additional authentication.",
  };

  it("hides every object of the federated organization until the token carries its scope", async () => {
    const plain = await Api.connect(sim);
    const fedEnvironment = items(
      await (
        await Api.connect(sim, `organization:${sim.federatedOrganizationUuid}`)
      ).get(`/applications/${sim.federatedApplicationUuid}/environments`),
    )[0];
    const environmentId = String(fedEnvironment?.id);
    const teamUuid = "4b30d7e6-84af-4d80-931a-4172f57fe1b0";
    const protectedPaths = [
      `/organizations/${sim.federatedOrganizationUuid}`,
      `/organizations/${sim.federatedOrganizationUuid}/applications`,
      `/organizations/${sim.federatedOrganizationUuid}/teams`,
      `/applications/${sim.federatedApplicationUuid}`,
      `/applications/${sim.federatedApplicationUuid}/environments`,
      `/environments/${environmentId}`,
      `/environments/${environmentId}/variables`,
      `/teams/${teamUuid}`,
    ];
    for (const path of protectedPaths) {
      const response = await plain.get(path);
      expect({ path, status: response.status, body: response.body }).toEqual({
        path,
        status: 403,
        body: required,
      });
    }
    const write = await plain.post(`/environments/${environmentId}/variables`, { name: "X", value: "1" });
    expect(write.status).toBe(403);
    expect(items(await plain.get("/applications")).map((a) => a.uuid)).toEqual([
      sim.applicationUuid,
      SEED.legacyApplicationUuid,
      SEED.nodeApplicationUuid,
    ]);

    const scoped = await Api.connect(sim, `organization:${sim.federatedOrganizationUuid}`);
    for (const path of protectedPaths) {
      expect({ path, status: (await scoped.get(path)).status }).toEqual({ path, status: 200 });
    }
    const accepted = await scoped.post(`/environments/${environmentId}/variables`, { name: "X", value: "1" });
    expect(
      (
        await plain.get(
          String((accepted.body._links as { notification: { href: string } }).notification.href),
        )
      ).status,
    ).toBe(403);
    expect(await scoped.settle(accepted)).toMatchObject({ status: "completed" });
    // A scoped token still reaches the organizations that need no federation.
    expect((await scoped.get(`/applications/${sim.applicationUuid}`)).status).toBe(200);
  });

  it("counts token requests apart from API requests", async () => {
    const before = await sim.control.stats();
    await requestToken(sim);
    const after = await sim.control.stats();
    expect(after.tokenRequests).toBe(before.tokenRequests + 1);
    expect(after.requests).toBe(before.requests);
  });
});
