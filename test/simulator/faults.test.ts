import type { Simulator } from "../../simulator";
import { globToRegExp } from "../../simulator/faults";
import { Api, control, notificationHref, requestToken, start } from "./helpers";

let sim: Simulator;
let api: Api;
let variables: string;

beforeAll(async () => {
  sim = await start();
  api = await Api.connect(sim);
  variables = `/environments/${sim.environments.dev}/variables`;
});
afterAll(() => sim.stop());
afterEach(async () => {
  await sim.control.clearFaults();
});

async function addFaults(rules: unknown): Promise<void> {
  const response = await control(sim, "POST", "faults", rules);
  expect(response.status).toBe(200);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("fault rules", () => {
  it("answers with an injected status once, with the spec-shaped default body", async () => {
    await addFaults([{ method: "GET", path: "/api/account", status: 503 }]);
    const faulted = await api.get("/account");
    expect(faulted.status).toBe(503);
    expect(faulted.body).toEqual({
      error: "system",
      message: "This action is currently unavailable. Please try again later.",
    });
    expect(faulted.headers.get("x-request-id")).toBeTruthy();
    expect((await api.get("/account")).status).toBe(200);
  });

  it("sends a custom body and a Retry-After header", async () => {
    await addFaults([
      { path: "/api/**", status: 429, retryAfter: 2, body: { error: "too_many", message: "slow down" } },
    ]);
    const response = await api.get(`/applications/${sim.applicationUuid}`);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.body).toEqual({ error: "too_many", message: "slow down" });
  });

  it("adds Retry-After to a normal answer when no status is given", async () => {
    await addFaults([{ path: "/api/account", retryAfter: 1 }]);
    const response = await api.get("/account");
    expect(response.status).toBe(200);
    expect(response.headers.get("retry-after")).toBe("1");
  });

  it("delays a request by delayMs", async () => {
    await addFaults([{ path: "/api/account", delayMs: 150 }]);
    const started = Date.now();
    expect((await api.get("/account")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("resets the connection before applying the request: nothing changes", async () => {
    await addFaults([{ method: "POST", path: "/api/environments/*/variables", resetConnection: "before" }]);
    const before = await sim.control.stats();
    await expect(api.post(variables, { name: "RESET_BEFORE", value: "1" })).rejects.toThrow();
    const after = await sim.control.stats();
    expect(after.byRoute["POST /environments/{environmentId}/variables"]).toBe(
      (before.byRoute["POST /environments/{environmentId}/variables"] ?? 0) + 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await api.get(`${variables}/RESET_BEFORE`)).status).toBe(404);
    const state = await sim.control.state();
    expect(JSON.stringify(state.notifications)).not.toContain("RESET_BEFORE");
  });

  it("resets the connection after applying the request: the change still happens", async () => {
    await addFaults([{ method: "POST", path: "/api/environments/*/variables", resetConnection: "after" }]);
    await expect(api.post(variables, { name: "RESET_AFTER", value: "1" })).rejects.toThrow();
    await eventually(async () => (await api.get(`${variables}/RESET_AFTER`)).status === 200);
  });

  it("honours times: a limited count, then 0 for unlimited until cleared", async () => {
    await addFaults([{ path: "/api/account", status: 500, times: 2 }]);
    expect((await api.get("/account")).status).toBe(500);
    expect((await api.get("/account")).status).toBe(500);
    expect((await api.get("/account")).status).toBe(200);

    await addFaults([{ path: "/api/account", status: 502, times: 0 }]);
    for (let i = 0; i < 4; i++) expect((await api.get("/account")).status).toBe(502);
    await sim.control.clearFaults();
    expect((await api.get("/account")).status).toBe(200);
  });

  it("matches rules in order and by method", async () => {
    await addFaults([
      { method: "DELETE", path: "/api/account", status: 418 },
      { path: "/api/account", status: 500 },
      { path: "/api/account", status: 501 },
    ]);
    expect((await api.get("/account")).status).toBe(500);
    expect((await api.get("/account")).status).toBe(501);
    expect((await api.get("/account")).status).toBe(200);
  });

  it("fails a task: accepted, the notification ends failed with the message, nothing applied", async () => {
    await addFaults([{ path: "/api/environments/*/variables", failTask: "Disk full." }]);
    // A GET creates no task, so it leaves the rule for the POST.
    expect((await api.get(variables)).status).toBe(200);
    const accepted = await api.post(variables, { name: "FAILED_VAR", value: "1" });
    expect(accepted.status).toBe(202);
    const notification = await api.settle(accepted);
    expect(notification).toMatchObject({
      status: "failed",
      description: "Disk full.",
      completed_at: expect.any(String),
    });
    expect((await api.get(`${variables}/FAILED_VAR`)).status).toBe(404);
  });

  it("stalls a task: the notification stays in progress and nothing is applied", async () => {
    await addFaults([{ method: "POST", path: "/api/environments/*/variables", stallTask: true }]);
    const accepted = await api.post(variables, { name: "STALLED_VAR", value: "1" });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const notification = await api.get(notificationHref(accepted));
    expect(notification.body).toMatchObject({ status: "in-progress", completed_at: null });
    expect((await api.get(`${variables}/STALLED_VAR`)).status).toBe(404);
  });

  it("gives one kind of task its own duration; only a request that starts a task uses the rule up", async () => {
    await addFaults([{ method: "POST", path: "/api/environments/*/variables", taskDurationMs: 400 }]);
    expect((await api.get(variables)).status).toBe(200);
    const slow = await api.post(variables, { name: "SLOW_VAR", value: "1" });
    const other = await api.post(`/environments/${sim.environments.dev}/domains`, {
      hostname: "fast.example.com",
    });
    expect(await api.settle(other)).toMatchObject({ status: "completed" });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await api.get(notificationHref(slow))).body).toMatchObject({ status: "in-progress" });
    expect(await api.settle(slow)).toMatchObject({ status: "completed" });
    // Used up: the next task of the same kind takes the simulator's default duration again.
    await api.settle(await api.post(variables, { name: "NEXT_VAR", value: "1" }));
    expect(await sim.control.listFaults()).toEqual([]);
    const durations = (await sim.control.stats()).tasks.slice(-3).map((t) => [t.event, t.durationMs]);
    expect(durations).toEqual([
      ["EnvironmentVariableAdded", 400],
      ["DomainAdded", 30],
      ["EnvironmentVariableAdded", 30],
    ]);
  });

  it("fails a task after the duration a rule gives it", async () => {
    await addFaults([
      { method: "POST", path: "/api/environments/*/variables", failTask: true, taskDurationMs: 200 },
    ]);
    const accepted = await api.post(variables, { name: "LATE_FAILURE", value: "1" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await api.get(notificationHref(accepted))).body).toMatchObject({ status: "in-progress" });
    expect(await api.settle(accepted)).toMatchObject({ status: "failed" });
  });

  it("faults the token endpoint too, in Okta's shape", async () => {
    await addFaults([{ path: "/accounts/api/auth/oauth/token", status: 503 }]);
    const response = await requestToken(sim);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ errorCode: expect.any(String), errorSummary: expect.any(String) });
    expect((await requestToken(sim)).status).toBe(200);
  });

  it("rejects malformed rules with a clear 400", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [[{ path: "/api/account", stauts: 500 }], /unknown key "stauts"/],
      [[{ path: "/api/account", status: 700 }], /status/],
      [[{ path: "/api/account", resetConnection: "sometimes" }], /resetConnection/],
      [[{ path: "/api/account" }], /no effect/],
      [[{ path: "api/account", status: 500 }], /path/],
      [[{ path: "/api/account", status: 500, resetConnection: "before" }], /cannot both/],
      [[{ failTask: true, stallTask: true }], /cannot both/],
      [[{ failTask: true, delayMs: 5 }], /failTask\/stallTask/],
      [[{ status: 500, times: -1 }], /times/],
      [[{ stallTask: true, taskDurationMs: 5 }], /cannot both stall the task and set its duration/],
      [[{ taskDurationMs: -1 }], /taskDurationMs must be/],
      [[{ taskDurationMs: 5, retryAfter: 1 }], /taskDurationMs act on the accepted request's task/],
      [[{ path: "/api/account", body: {} }], /body needs a status/],
      [[], /array/],
      [[42], /object/],
    ];
    for (const [rules, pattern] of cases) {
      const response = await control(sim, "POST", "faults", rules);
      expect(response.status).toBe(400);
      expect(String(response.body.message)).toMatch(pattern);
    }
    const notJson = await fetch(`${sim.url}/__simulator/faults`, { method: "POST", body: "{nope" });
    expect(notJson.status).toBe(400);
    expect(await sim.control.listFaults()).toEqual([]);
  });
});

describe("fault path globs", () => {
  it("matches * within one segment and ** across segments", () => {
    expect(globToRegExp("/api/environments/*/variables").test("/api/environments/24-abc/variables")).toBe(
      true,
    );
    expect(globToRegExp("/api/environments/*/variables").test("/api/environments/24-abc/variables/X")).toBe(
      false,
    );
    expect(globToRegExp("/api/environments/*").test("/api/environments/a/b")).toBe(false);
    expect(globToRegExp("/api/**").test("/api/environments/a/b")).toBe(true);
    expect(globToRegExp("/api/**/crons").test("/api/environments/a/crons")).toBe(true);
  });
});
