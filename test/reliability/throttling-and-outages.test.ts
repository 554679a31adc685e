// Fault matrix (issue #12), cases 1-4, 8 and 11: Acquia refusing or failing requests for a while —
// 429 storms, gateway errors, refused task polls, tokens expiring mid-run — and a wide `--parallel`,
// through the real CLI. Each `up` must succeed on its own, and the stack must end converged.
import type { FaultRuleInput } from "../../simulator";
import { describeReliability, sent, until } from "./harness";
import { MIN_SIZE } from "./programs/reliability/layout";

describeReliability("fault matrix: throttling and outages", (h) => {
  afterEach(async () => {
    await h.sim.control.clearFaults();
  });

  it("1. the first 24 API calls answer 429 with Retry-After: 1: up succeeds", async () => {
    const c = await h.newCase("1 first 24 API calls 429");
    await h.sim.control.addFaults([{ path: "/api/**", status: 429, retryAfter: 1, times: 24 }]);
    const up = await c.up();
    expect(up.code).toBe(0);
    const stats = await c.stats();
    expect(stats.status429).toBe(24);
    const figures = c.figures([up], stats);
    // The provider pauses every request on a 429 (one line per pause), not each request on its own.
    expect(figures.pauses).toBeGreaterThanOrEqual(1);
    c.report(figures);
    await c.expectConverged();
  });

  it("2. every other API call answers 429 (fault rules): up succeeds", async () => {
    // The smallest program: refused every other time, the provider keeps to its floor of one request
    // per second (each 429 halves its pace and pauses every request for Retry-After), so the time grows
    // with the calls: the 30-resource program took 239 s (234 calls), more than this suite may spend.
    const c = await h.newCase("2 half of all API calls 429", { size: MIN_SIZE });
    // Alternating one-shot rules: rules match in order and a used one drops out, so request 1, 3, 5, …
    // meets the 429 and request 2, 4, 6, … the no-op (a zero delay). The simulator's rate limit would
    // not do: the provider paces itself under a limit, so few requests would be refused.
    const pairs: FaultRuleInput[] = [];
    for (let i = 0; i < 100; i++)
      pairs.push(
        { path: "/api/**", status: 429, retryAfter: 1, times: 1 },
        { path: "/api/**", delayMs: 0, times: 1 },
      );
    await h.sim.control.addFaults(pairs);
    const up = await c.up();
    expect(up.code).toBe(0);
    const stats = await c.stats();
    const share = stats.status429 / stats.requests;
    expect(share).toBeGreaterThan(0.49);
    expect(share).toBeLessThanOrEqual(0.51);
    c.report(c.figures([up], stats), `429 share ${(share * 100).toFixed(1)} %`);
    await h.sim.control.clearFaults();
    await c.expectConverged();
  });

  it("3. 503s and a 502 on GET at the start, then 502/503s on PUT while 20 variables update: both succeed", async () => {
    const c = await h.newCase("3 gateway errors on GET, then on PUT");
    // Consecutive failures of one request back off exponentially (0.5 s, 1 s, 2 s, … with jitter):
    // four at the start, when the Connection's lookup is the only request, cost about 4-8 s.
    await h.sim.control.addFaults([
      { method: "GET", path: "/api/**", status: 503, times: 3 },
      { method: "GET", path: "/api/**", status: 502, times: 1 },
    ]);
    const create = await c.up();
    expect(create.code).toBe(0);
    const afterCreate = await c.stats();
    const createFigures = c.figures([create], afterCreate);
    expect(createFigures.retries).toBeGreaterThanOrEqual(1);
    c.report(createFigures, "create, GETs failing at the start");

    await h.sim.control.clearFaults();
    expect(c.layout.variables).toHaveLength(20);
    await c.setConfig("generation", "2");
    await h.sim.control.addFaults([
      { method: "PUT", path: "/api/environments/*/variables/*", status: 502, times: 3 },
      { method: "PUT", path: "/api/environments/*/variables/*", status: 503, times: 5 },
      { method: "PUT", path: "/api/environments/*/variables/*", status: 502, times: 2 },
    ]);
    const update = await c.up();
    expect(update.code).toBe(0);
    const afterUpdate = await c.stats();
    expect(afterUpdate.byRoute["PUT /environments/{environmentId}/variables/{environmentVariableName}"]).toBe(
      20 + 10,
    );
    const updateFigures = c.figures([update], afterUpdate, afterCreate);
    expect(updateFigures.retries).toBeGreaterThanOrEqual(1);
    c.report(updateFigures, "update of 20 variables, PUTs failing");
    // Converged at generation 2: every variable holds its new value (checked against the simulator).
    await h.sim.control.clearFaults();
    await c.expectConverged();
  });

  it("4. task polls of accepted creates answer 429: up succeeds, nothing is created twice", async () => {
    const c = await h.newCase("4 429s on task polls");
    await h.sim.control.addFaults([
      { method: "GET", path: "/api/notifications/*", status: 429, retryAfter: 1, times: 5 },
    ]);
    const up = await c.up();
    expect(up.code).toBe(0);
    const stats = await c.stats();
    expect(stats.status429).toBe(5);
    // One POST per keyed resource (all but the Connection and the settings): no create was sent again.
    expect(sent(stats, "POST")).toBe(c.size - 2);
    c.report(c.figures([up], stats));
    await c.expectConverged();
  });

  it("8. every token expires mid-run: up succeeds", async () => {
    const c = await h.newCase("8 tokens expire mid-run");
    // The CD environment takes 2 s, so its cron jobs (and its task's polls) come after the expiry.
    await h.sim.control.addFaults([
      { method: "POST", path: "/api/applications/*/environments", taskDurationMs: 2000 },
    ]);
    const run = c.start(["up", "--yes", "--skip-preview"]);
    await until("the CD environment's create to be accepted", async () =>
      sent(await c.stats(), "POST", "/applications/{applicationUuid}/environments") === 1 ? true : undefined,
    );
    const before = await c.stats();
    expect(await h.sim.control.expireTokens()).toBeGreaterThanOrEqual(1);
    const up = await run.exited;
    expect(up.code).toBe(0);
    const stats = await c.stats();
    // A new token was fetched after the expiry, and crons were created with it.
    expect(stats.tokenRequests).toBeGreaterThan(before.tokenRequests);
    expect(sent(stats, "POST", "/environments/{environmentId}/crons")).toBe(c.layout.crons.length);
    c.report(
      c.figures([up], stats),
      `${stats.tokenRequests - before.tokenRequests} token requests after the expiry`,
    );
    await c.expectConverged();
  });

  it("11. 100 resources at --parallel 32: requests in flight stay within the provider's cap of 8", async () => {
    const c = await h.newCase("11 100 resources at --parallel 32", { size: 100 });
    // Creates and task polls take 300 ms each, so that requests pile up unless the cap holds them back
    // (27 at once with the cap raised to 64). Lookups stay fast: the engine checks resources one at a
    // time, and every create's check looks its natural key up, so slow lookups would throttle the run
    // before the cap ever mattered.
    await h.sim.control.addFaults([
      { method: "POST", path: "/api/**", delayMs: 300, times: 0 },
      { method: "GET", path: "/api/notifications/*", delayMs: 300, times: 0 },
    ]);
    const up = await c.up("--parallel", "32");
    expect(up.code).toBe(0);
    const stats = await c.stats();
    // peakInFlight counts API requests only; token requests go to another host and are not counted.
    expect(stats.peakInFlight).toBe(8);
    c.report(c.figures([up], stats), `peak in flight ${stats.peakInFlight} (cap 8, API requests only)`);
    await h.sim.control.clearFaults();
    await c.expectConverged();
  });
});
