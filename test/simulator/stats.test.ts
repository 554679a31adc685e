import type { Simulator } from "../../simulator";
import { Api, notificationHref, requestToken, start } from "./helpers";

// The stats fields a benchmark reads: when the first API request came, how many 429s were sent, how
// many API requests were in flight at once, and per task its duration, its polls and the polling lag.

let sim: Simulator;
let api: Api;
let variables: string;

beforeEach(async () => {
  sim = await start({ taskDurationMs: 60 });
  api = await Api.connect(sim);
  variables = `/environments/${sim.environments.dev}/variables`;
});
afterEach(() => sim.stop());

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("firstRequestAt", () => {
  it("is null until the first API request, which token and control requests are not", async () => {
    await requestToken(sim);
    await sim.control.state();
    expect((await sim.control.stats()).firstRequestAt).toBeNull();
    const before = Date.now();
    await api.get("/account");
    await pause(20);
    await api.get("/account");
    const { firstRequestAt } = await sim.control.stats();
    expect(firstRequestAt).toBeGreaterThanOrEqual(before);
    expect(firstRequestAt).toBeLessThan(before + 20);
    await sim.control.reset();
    expect((await sim.control.stats()).firstRequestAt).toBeNull();
  });
});

describe("status429", () => {
  it("counts injected 429s on the API and the token endpoint, and rate-limited requests", async () => {
    await sim.control.addFaults([
      { path: "/api/account", status: 429 },
      { path: "/accounts/api/auth/oauth/token", status: 429 },
      { path: "/api/account", status: 503 },
    ]);
    expect((await api.get("/account")).status).toBe(429);
    expect((await requestToken(sim)).status).toBe(429);
    expect((await api.get("/account")).status).toBe(503);
    await sim.control.setRateLimit(1);
    await api.get("/account");
    expect((await api.get("/account")).status).toBe(429);
    expect((await sim.control.stats()).status429).toBe(3);
  });
});

describe("peakInFlight", () => {
  it("is the most API requests handled at once, token requests left out", async () => {
    await sim.control.addFaults([
      { path: "/api/account", delayMs: 150, times: 0 },
      { path: "/accounts/api/auth/oauth/token", delayMs: 150, times: 0 },
    ]);
    await Promise.all([requestToken(sim), requestToken(sim), requestToken(sim), requestToken(sim)]);
    expect((await sim.control.stats()).peakInFlight).toBe(0);
    await Promise.all([api.get("/account"), api.get("/account"), api.get("/account")]);
    await api.get("/account");
    expect((await sim.control.stats()).peakInFlight).toBe(3);
  });
});

describe("tasks", () => {
  it("lists each task with its duration, its polls and the lag of the first poll that saw it end", async () => {
    const posted = Date.now();
    const accepted = await api.post(variables, { name: "COUNTED", value: "1" });
    const href = notificationHref(accepted);
    const uuid = href.split("/").pop();
    await api.get(href);
    let [task] = (await sim.control.stats()).tasks;
    expect(task).toEqual({
      uuid,
      event: "EnvironmentVariableAdded",
      status: "in-progress",
      durationMs: 60,
      polls: 1,
      lagMs: null,
    });
    await pause(160);
    [task] = (await sim.control.stats()).tasks;
    // Ended, but nobody has seen it yet.
    expect(task).toMatchObject({ status: "completed", polls: 1, lagMs: null });
    await pause(50);
    await api.get(href);
    await api.get(href);
    const polled = Date.now();
    [task] = (await sim.control.stats()).tasks;
    expect(task?.polls).toBe(3);
    // It ended before the pause and at least 60 ms after the POST; the first poll that saw it came after.
    expect(task?.lagMs).toBeGreaterThanOrEqual(50);
    expect(task?.lagMs).toBeLessThanOrEqual(polled - (posted + 60));
  });

  it("reports a fault rule's duration, and null for a stalled task", async () => {
    await sim.control.addFaults([
      { method: "POST", path: "/api/environments/*/variables", taskDurationMs: 5000 },
      { method: "POST", path: "/api/environments/*/domains", stallTask: true },
    ]);
    await api.post(variables, { name: "LONG", value: "1" });
    await api.post(`/environments/${sim.environments.dev}/domains`, { hostname: "stalled.example.com" });
    await api.post(variables, { name: "SHORT", value: "1" });
    const { tasks } = await sim.control.stats();
    expect(tasks.map((t) => [t.event, t.durationMs])).toEqual([
      ["EnvironmentVariableAdded", 5000],
      ["DomainAdded", null],
      ["EnvironmentVariableAdded", 60],
    ]);
  });
});
