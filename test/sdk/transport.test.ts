import { createServer } from "node:net";
import { AcquiaConnectionError, AcquiaTimeoutError } from "../../sdk";
import { Limiter } from "../../sdk/internal";
import { HttpTransport } from "../../sdk/http/transport";
import { clientFor } from "./helpers/client";
import { json, startTestServer, tokenRoute, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  tokenRoute(server);
});
afterEach(() => server.close());

const calls = (path: string) => server.requests.filter((r) => r.path === path).length;

describe("retries over HTTP", () => {
  it("retries a GET through 503 and 429 (with Retry-After) until it succeeds", async () => {
    let n = 0;
    server.routes.set("GET /api/account", (_req, res) => {
      n++;
      if (n === 1)
        return json(res, 503, { error: "system", message: "This action is currently unavailable." });
      if (n === 2)
        return json(res, 429, { error: "rate_limited", message: "slow down" }, { "retry-after": "0" });
      json(res, 200, { uuid: "acct" });
    });
    await expect(clientFor(server).account.get()).resolves.toMatchObject({ uuid: "acct" });
    expect(calls("/api/account")).toBe(3);
  });

  it("gives up after maxAttempts and reports the last status", async () => {
    server.routes.set("GET /api/account", (_req, res) =>
      json(res, 502, { error: "system", message: "bad gateway" }),
    );
    await expect(
      clientFor(server, { retry: { maxAttempts: 3, baseDelayMs: 1 } }).account.get(),
    ).rejects.toMatchObject({ status: 502 });
    expect(calls("/api/account")).toBe(3);
  });

  it("does not retry a POST answered 503: Acquia may have started the task", async () => {
    server.routes.set("POST /api/environments/e1/variables", (_req, res) =>
      json(res, 503, { error: "system", message: "unavailable" }),
    );
    await expect(clientFor(server).variables.create("e1", { name: "A", value: "b" })).rejects.toMatchObject({
      status: 503,
    });
    expect(calls("/api/environments/e1/variables")).toBe(1);
  });

  it("retries a POST answered 429", async () => {
    let n = 0;
    server.routes.set("POST /api/environments/e1/variables", (_req, res) => {
      if (++n === 1) return json(res, 429, { error: "rate_limited", message: "slow down" });
      json(res, 202, {
        message: "ok",
        _links: { notification: { href: `${server.url}/api/notifications/n1` } },
      });
    });
    const op = await clientFor(server).variables.create("e1", { name: "A", value: "b" });
    expect(op.notificationUuid).toBe("n1");
    expect(calls("/api/environments/e1/variables")).toBe(2);
  });

  it("reports a POST whose connection broke after sending as outcome-unknown, without retrying", async () => {
    server.routes.set("POST /api/environments/e1/variables", (_req, res) => res.socket?.destroy());
    const error = await clientFor(server)
      .variables.create("e1", { name: "A", value: "b" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcquiaConnectionError);
    expect((error as AcquiaConnectionError).outcomeUnknown).toBe(true);
    expect(calls("/api/environments/e1/variables")).toBe(1);
  });

  it("retries a GET after a connection reset", async () => {
    let n = 0;
    server.routes.set("GET /api/account", (_req, res) =>
      ++n === 1 ? res.socket?.destroy() : json(res, 200, { uuid: "a" }),
    );
    await expect(clientFor(server).account.get()).resolves.toMatchObject({ uuid: "a" });
    expect(n).toBe(2);
  });

  it("retries a POST when the connection is refused, since nothing was sent", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const transport = new HttpTransport({ retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const error = await transport
      .send({ method: "POST", url: `http://127.0.0.1:${port}/x`, headers: {}, body: "{}" }, "/x")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcquiaConnectionError);
    expect((error as AcquiaConnectionError).outcomeUnknown).toBe(false);
    expect((error as AcquiaConnectionError).code).toBe("ECONNREFUSED");
  });

  it("times out a request whose answer never comes", async () => {
    server.routes.set("GET /api/account", () => undefined);
    const error = await clientFor(server, { timeoutMs: 200, retry: { maxAttempts: 1 } })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcquiaTimeoutError);
    expect((error as Error).message).toMatch(/GET \/account/);
  });

  it("honours an AbortSignal", async () => {
    server.routes.set("GET /api/account", () => undefined);
    const controller = new AbortController();
    const pending = clientFor(server).account.get({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled by test")), 50);
    await expect(pending).rejects.toThrow(/cancelled by test/);
  });
});

describe("concurrency cap", () => {
  it("keeps at most maxConcurrentRequests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    server.routes.set("GET /api/account", async (_req, res) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      json(res, 200, { uuid: "a" });
    });
    const client = clientFor(server, { maxConcurrentRequests: 3 });
    await Promise.all(Array.from({ length: 12 }, () => client.account.get()));
    expect(peak).toBe(3);
  });

  it("Limiter queues callers in order", async () => {
    const limiter = new Limiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((i) => limiter.run(async () => void order.push(i))));
    expect(order).toEqual([1, 2, 3]);
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});

describe("rate-limit storms and outages", () => {
  it("rides out a storm of 429s with one shared pause instead of each request hammering", async () => {
    // For its first 1.2 s the gateway refuses everything with Retry-After: 1.
    const stormEnds = Date.now() + 1_200;
    let refused = 0;
    server.routes.set("GET /api/account", (_req, res) => {
      if (Date.now() < stormEnds) {
        refused++;
        return json(res, 429, { error: "too_many_requests", message: "slow down" }, { "retry-after": "1" });
      }
      json(res, 200, { uuid: "acct" });
    });
    const warnings: string[] = [];
    const client = clientFor(server, {
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 1_000 },
      logger: { warn: (line) => warnings.push(line) },
    });
    const results = await Promise.all(Array.from({ length: 8 }, () => client.account.get()));
    expect(results.every((r) => r.uuid === "acct")).toBe(true);
    // Each of eight requests retrying on its own would have been refused twice (16 in all).
    expect(refused).toBeLessThanOrEqual(10);
    expect(warnings.filter((w) => /pausing every request/.test(w)).length).toBeLessThanOrEqual(2);
    expect(warnings.every((w) => /pausing every request/.test(w))).toBe(true);
  }, 20_000);

  it("keeps retrying a PUT through a burst of 502/503 longer than five attempts", async () => {
    let n = 0;
    server.routes.set("PUT /api/environments/e1/variables/A", (_req, res) => {
      if (++n <= 8) return json(res, n % 2 ? 503 : 502, { error: "system", message: "unavailable" });
      json(res, 202, { message: "Updating" });
    });
    const warnings: string[] = [];
    const client = clientFor(server, { logger: { warn: (line) => warnings.push(line) } });
    await expect(client.variables.update("e1", { name: "A", value: "b" })).resolves.toBeDefined();
    expect(n).toBe(9);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/PUT \/environments\/e1\/variables\/A: HTTP 503, retrying for up to 300 s/);
  });

  it("gives up once the time budget is spent, with the last answer", async () => {
    server.routes.set("GET /api/account", (_req, res) =>
      json(res, 503, { error: "system", message: "unavailable" }),
    );
    const client = clientFor(server, { retry: { baseDelayMs: 20, maxDelayMs: 20, budgetMs: 150 } });
    const started = Date.now();
    await expect(client.account.get()).rejects.toMatchObject({ status: 503 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls("/api/account")).toBeGreaterThan(2);
  });
});

describe("per-call options", () => {
  it("a call's timeoutMs overrides the client's", async () => {
    server.routes.set("GET /api/account", () => undefined);
    const started = Date.now();
    const error = await clientFor(server, { timeoutMs: 60_000, retry: { maxAttempts: 1 } })
      .account.get({ timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcquiaTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
