// Fault matrix (issue #12), cases 5, 7 and 9: creates Acquia accepted and then failed, creates whose
// answer was lost on a broken connection (before and after Acquia acted), and a task that never ends.
// A failed `up` must say what failed and what happens next; the next plain `up` must converge.
import { describeReliability, sent } from "./harness";

const VARIABLES = "/environments/{environmentId}/variables";
const CRONS = "/environments/{environmentId}/crons";

describeReliability("fault matrix: failed and lost creates", (h) => {
  afterEach(async () => {
    await h.sim.control.clearFaults();
  });

  it("5. a failed Acquia task fails that up naming the task; the next plain up converges", async () => {
    const c = await h.newCase("5 failed task");
    const message = "Simulated failure: the variable could not be saved.";
    await h.sim.control.addFaults([
      { method: "POST", path: "/api/environments/*/variables", failTask: message },
    ]);
    const failed = await c.up();
    expect(failed.code).not.toBe(0);
    const afterFailure = await c.stats();
    const task = afterFailure.tasks.find((t) => t.status === "failed");
    expect(task).toBeDefined();
    // The error names the task (its notification) and repeats Acquia's message.
    expect(failed.output).toContain(task?.uuid);
    expect(failed.output).toContain(message);
    c.report(c.figures([failed], afterFailure), "the failing up");

    const again = await c.up();
    expect(again.code).toBe(0);
    const afterRecovery = await c.stats();
    // The engine stops at the first failure; the next up creates the failed variable and those not
    // reached. Only the failed one is ever sent twice.
    expect(sent(afterRecovery, "POST", VARIABLES)).toBe(c.layout.variables.length + 1);
    c.report(c.figures([again], afterRecovery, afterFailure), "the next plain up");
    await c.expectConverged();
  });

  it("7. connections reset before and after a create was applied: one object each", async () => {
    const c = await h.newCase("7 connection resets around a POST");
    await h.sim.control.addFaults([
      { method: "POST", path: "/api/environments/*/variables", resetConnection: "before" },
      { method: "POST", path: "/api/environments/*/crons", resetConnection: "after" },
    ]);
    const up = await c.up();
    expect(up.code).toBe(0);
    const stats = await c.stats();
    // The variable never reached Acquia: looked for, not found, sent again once. The cron did: found
    // by its label once its task ended, never sent again (a second one would be a duplicate).
    expect(sent(stats, "POST", VARIABLES)).toBe(c.layout.variables.length + 1);
    expect(sent(stats, "POST", CRONS)).toBe(c.layout.crons.length);
    c.report(c.figures([up], stats));
    await c.expectConverged();
  });

  it("9. a task that never ends hits timeoutSeconds: that up fails saying what happens next; the next up converges", async () => {
    const c = await h.newCase("9 stalled task", { config: { timeoutSeconds: "3" } });
    await h.sim.control.addFaults([
      { method: "POST", path: "/api/environments/*/variables", stallTask: true },
    ]);
    const failed = await c.up();
    expect(failed.code).not.toBe(0);
    // Which create timed out, and that the next up takes the object over should it complete after all.
    expect(failed.output).toMatch(/EnvironmentVariable "RELIABILITY_\d+": .*(timed out|did not complete)/i);
    expect(failed.output).toMatch(/the next `pulumi up` takes the object over/);
    const afterFailure = await c.stats();
    c.report(c.figures([failed], afterFailure), "the up that timed out");

    await c.removeConfig("timeoutSeconds");
    const again = await c.up();
    expect(again.code).toBe(0);
    const afterRecovery = await c.stats();
    c.report(c.figures([again], afterRecovery, afterFailure), "the next plain up");
    await c.expectConverged();
  });
});
