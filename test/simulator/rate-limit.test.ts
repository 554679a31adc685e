import { startSimulator, type Simulator } from "../../simulator";
import { Api, control, requestToken, start } from "./helpers";

// An API gateway's request limit: past N API requests in any second, 429 with a whole-second
// Retry-After. Token and control requests are neither limited nor counted against it.

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("rate limit", () => {
  let sim: Simulator;
  let api: Api;
  beforeEach(async () => {
    sim = await start({ rateLimit: { requestsPerSecond: 3 } });
    api = await Api.connect(sim);
  });
  afterEach(() => sim.stop());

  it("answers the request past N per second with 429, Retry-After and the gateway's body", async () => {
    for (let i = 0; i < 3; i++) expect((await api.get("/account")).status).toBe(200);
    const refused = await api.get("/account");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.body).toEqual({
      error: "too_many_requests",
      message: "Too many requests. Please try again later.",
    });
    // Refused requests do not count: once the window has moved on, requests pass again.
    await pause(1000);
    expect((await api.get("/account")).status).toBe(200);
  });

  it("limits every API request, POSTs included, and counts them in the stats", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api.post(`/environments/${sim.environments.dev}/variables`, { name: `LIMITED_${i}`, value: "1" }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([202, 202, 202, 429, 429]);
    const stats = await sim.control.stats();
    expect(stats).toMatchObject({ requests: 5, status429: 2 });
    expect(stats.tasks).toHaveLength(3);
  });

  it("never limits token or control requests", async () => {
    for (let i = 0; i < 5; i++) expect((await requestToken(sim)).status).toBe(200);
    for (let i = 0; i < 5; i++) await sim.control.stats();
    for (let i = 0; i < 3; i++) expect((await api.get("/account")).status).toBe(200);
  });

  it("changes at run time, switches off with null, and goes back to the start option on reset", async () => {
    expect(await sim.control.rateLimit()).toBe(3);
    expect(await sim.control.setRateLimit(1)).toBe(1);
    expect((await api.get("/account")).status).toBe(200);
    expect((await api.get("/account")).status).toBe(429);
    expect(await sim.control.setRateLimit(null)).toBeNull();
    for (let i = 0; i < 10; i++) expect((await api.get("/account")).status).toBe(200);
    expect((await control(sim, "POST", "rate-limit", null)).body).toEqual({ requestsPerSecond: null });
    await sim.control.reset();
    expect(await sim.control.rateLimit()).toBe(3);
  });

  it("refuses an unusable limit with a clear 400", async () => {
    for (const body of [
      { requestsPerSecond: 0 },
      { requestsPerSecond: 1.5 },
      { requestsPerSecond: "10" },
      {},
      5,
    ]) {
      const response = await control(sim, "POST", "rate-limit", body);
      expect(response.status).toBe(400);
      expect(String(response.body.message)).toMatch(/requestsPerSecond/);
    }
    expect(await sim.control.rateLimit()).toBe(3);
  });
});

it("has no limit unless asked, and rejects an unusable option", async () => {
  const sim = await start();
  try {
    const api = await Api.connect(sim);
    const answers = await Promise.all(Array.from({ length: 30 }, () => api.get("/account")));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await sim.control.rateLimit()).toBeNull();
  } finally {
    await sim.stop();
  }
  await expect(startSimulator({ rateLimit: { requestsPerSecond: 0 } })).rejects.toThrow(/requestsPerSecond/);
});
