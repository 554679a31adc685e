import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEED_CREDENTIALS, startSimulator, type Simulator } from "../../simulator";
import { Api, items, requestToken, start } from "./helpers";

describe("stats", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.stop());

  it("counts API requests by the spec's method and path template, apart from token and control calls", async () => {
    const api = await Api.connect(sim);
    const dev = sim.environments.dev;
    await api.get(`/environments/${dev}/variables`);
    await api.post(`/environments/${dev}/variables`, { name: "COUNTED", value: "1" });
    await api.post(`/environments/${dev}/variables`, { name: "1BAD", value: "1" });
    await api.get(`/environments/${dev}/variables/COUNTED`);
    await api.get("/account");
    await api.get("/account/ssh-keys");
    await api.get(`/environments/${dev}/domains/${encodeURIComponent("*.example.com")}`);
    await api.get("/no/such/route");
    await sim.control.state();
    const { tokenRequests, requests, byRoute } = await sim.control.stats();
    expect({ tokenRequests, requests, byRoute }).toEqual({
      tokenRequests: 1,
      requests: 8,
      byRoute: {
        "GET /environments/{environmentId}/variables": 1,
        "POST /environments/{environmentId}/variables": 2,
        "GET /environments/{environmentId}/variables/{environmentVariableName}": 1,
        "GET /account": 1,
        "GET /account/ssh-keys": 1,
        "GET /environments/{environmentId}/domains/{domain}": 1,
      },
    });
  });

  it("answers unknown API routes with 404 and wrong methods with 405", async () => {
    const api = await Api.connect(sim);
    const unknown = await api.get("/no/such/route");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: "not_found" });
    const method = await api.request("PATCH", "/account");
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET");
  });

  it("gives every answer its own X-Request-Id and the HAL content type", async () => {
    const api = await Api.connect(sim);
    const first = await api.get("/account");
    const second = await api.get("/account");
    expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
    expect(first.headers.get("content-type")).toBe("application/hal+json");
  });
});

describe("state and reset", () => {
  it("dumps every stored object and goes back to the seed on reset", async () => {
    const sim = await start();
    try {
      const api = await Api.connect(sim);
      await api.settle(
        await api.post(`/environments/${sim.environments.dev}/variables`, { name: "KEEP", value: "v" }),
      );
      await sim.control.addFaults([{ path: "/api/account", status: 500, times: 0 }]);
      const rotated = await sim.control.rotateCredentials();

      const state = await sim.control.state();
      expect(state).toMatchObject({
        account: { uuid: expect.any(String) },
        applications: { [sim.applicationUuid]: { name: "Acme Web" } },
        variables: { [`${sim.environments.dev}/KEEP`]: { name: "KEEP", value: "v" } },
      });
      expect(JSON.stringify(state)).not.toContain(api.bearer);

      await sim.control.reset();
      expect(await sim.control.stats()).toEqual({
        tokenRequests: 0,
        requests: 0,
        byRoute: {},
        firstRequestAt: null,
        status429: 0,
        peakInFlight: 0,
        tasks: [],
      });
      expect((await api.get(`/environments/${sim.environments.dev}/variables/KEEP`)).status).toBe(404);
      expect((await api.get("/account")).status).toBe(200);
      expect(sim.clientSecret).toBe(SEED_CREDENTIALS.clientSecret);
      expect((await requestToken(sim, { client_secret: rotated })).status).toBe(401);
      expect((await requestToken(sim)).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });
});

describe("--state persistence", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "acquia-sim-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("carries objects, in-flight tasks and the rotated secret over to the next instance", async () => {
    const file = join(dir, "state.json");
    const first = await start({ stateFile: file });
    const api = await Api.connect(first);
    await api.settle(
      await api.post(`/environments/${first.environments.dev}/variables`, { name: "SAVED", value: "1" }),
    );
    await first.control.rotateCredentials();
    const secret = first.clientSecret;
    // This task is still running when the first simulator stops.
    const slow = await startSimulator({ stateFile: join(dir, "slow.json"), taskDurationMs: 200 });
    const slowApi = await Api.connect(slow);
    const pending = await slowApi.post(`/environments/${slow.environments.dev}/variables`, {
      name: "LATE",
      value: "1",
    });
    await slow.stop();
    await first.stop();
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const second = await start({ stateFile: file });
    try {
      expect(second.clientSecret).toBe(secret);
      expect(second.readyLine().clientSecret).toBe(secret);
      const api2 = await Api.connect(second);
      expect((await api2.get(`/environments/${second.environments.dev}/variables/SAVED`)).body).toMatchObject(
        {
          value: "1",
        },
      );
    } finally {
      await second.stop();
    }

    const resumed = await start({ stateFile: join(dir, "slow.json") });
    try {
      const api3 = await Api.connect(resumed);
      const href = String(
        (pending.body._links as { notification: { href: string } }).notification.href,
      ).replace(slow.url, resumed.url);
      expect(await api3.waitForNotification(href)).toMatchObject({ status: "completed" });
      expect((await api3.get(`/environments/${resumed.environments.dev}/variables/LATE`)).status).toBe(200);
    } finally {
      await resumed.stop();
    }
  });

  it("writes the state file after every change and never stores a usable token", async () => {
    const file = join(dir, "state.json");
    const sim = await start({ stateFile: file });
    try {
      const api = await Api.connect(sim);
      await api.post(`/organizations/${sim.organizationUuid}/teams`, { name: "Persisted team" });
      const saved = readFileSync(file, "utf8");
      expect(saved).toContain("Persisted team");
      expect(saved).not.toContain(api.bearer);
      expect(
        items(await api.get(`/organizations/${sim.organizationUuid}/teams`)).map((t) => t.name),
      ).toContain("Persisted team");
    } finally {
      await sim.stop();
    }
  });

  it("refuses a file that is not a simulator state file", async () => {
    const file = join(dir, "other.json");
    writeFileSync(file, JSON.stringify({ hello: "world" }));
    await expect(start({ stateFile: file })).rejects.toThrow(/not an acquia-cloud-simulator state file/);
  });

  it("refuses a state file of another version, saying so", async () => {
    const file = join(dir, "old.json");
    writeFileSync(file, JSON.stringify({ format: "acquia-cloud-simulator-state", version: 1, state: {} }));
    await expect(start({ stateFile: file })).rejects.toThrow(
      /another simulator version \(state v1; this one reads v5\)/,
    );
  });
});

describe("startSimulator options", () => {
  it("binds loopback by default and rejects nonsense options", async () => {
    const sim = await start();
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.apiUrl).toBe(`${sim.url}/api`);
    expect(sim.tokenUrl).toBe(`${sim.url}/accounts/api/auth/oauth/token`);
    await sim.stop();
    await expect(startSimulator({ port: -1 })).rejects.toThrow(/port/);
    await expect(startSimulator({ taskDurationMs: Number.NaN })).rejects.toThrow(/taskDurationMs/);
  });

  it("adds the configured latency to API and token requests, not to control calls", async () => {
    const sim = await start({ latencyMs: 120 });
    try {
      let started = Date.now();
      const api = await Api.connect(sim);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      started = Date.now();
      expect((await api.get("/account")).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      expect(await sim.control.info()).toEqual(sim.readyLine());
    } finally {
      await sim.stop();
    }
  });

  it("stops quickly even with a request still waiting on latency", async () => {
    const sim = await start({ latencyMs: 10_000 });
    const api = new Api(sim, "irrelevant");
    const pending = api.get("/account").catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await sim.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    // undici's TypeError comes from another realm than jest's, so compare by name.
    expect(await pending).toMatchObject({ name: "TypeError", message: "fetch failed" });
  });
});
