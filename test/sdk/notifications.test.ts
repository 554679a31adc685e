import {
  NotificationFailedError,
  NotificationTimeoutError,
  OperationTimeoutError,
  waitForNotification,
  type Notification,
  type TaskProgress,
} from "../../sdk";
import { nextPollDelay } from "../../sdk/internal";
import { clientFor } from "./helpers/client";
import { json, startTestServer, tokenRoute, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  tokenRoute(server);
});
afterEach(() => server.close());

function scriptNotification(states: Partial<Notification>[]) {
  let i = 0;
  server.routes.set("GET /api/notifications/n-1", (_req, res) => {
    const state = states[Math.min(i++, states.length - 1)];
    json(res, 200, {
      uuid: "n-1",
      event: "EnvironmentVariableAdded",
      label: "Environment variable added",
      ...state,
    });
  });
  server.routes.set("POST /api/environments/e1/variables", (_req, res) =>
    json(res, 202, {
      message: "The environment variable is being added.",
      _links: {
        self: { href: `${server.url}/api/environments/e1/variables` },
        notification: { href: `https://cloud.acquia.com/api/notifications/n-1` },
      },
    }),
  );
}

const fast = { pollIntervalMs: 5, maxPollIntervalMs: 10 };

describe("waitForNotification", () => {
  it("polls until completed and reports progress", async () => {
    scriptNotification([
      { status: "in-progress", progress: 10 },
      { status: "in-progress", progress: 60 },
      { status: "completed", progress: 100 },
    ]);
    const op = await clientFor(server).variables.create("e1", { name: "A", value: "bbbbbb" });
    expect(op.notificationUuid).toBe("n-1");
    const seen: number[] = [];
    const done = await op.wait({ ...fast, onProgress: (n) => seen.push(n.progress ?? -1) });
    expect(done?.status).toBe("completed");
    expect(seen).toEqual([10, 60]);
  });

  it("throws NotificationFailedError naming the task and its message", async () => {
    scriptNotification([
      { status: "in-progress" },
      { status: "failed", description: "Disk quota exceeded." },
    ]);
    const op = await clientFor(server).variables.create("e1", { name: "A", value: "bbbbbb" });
    const error = await op.wait(fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationFailedError);
    expect(error).toMatchObject({
      notificationUuid: "n-1",
      event: "EnvironmentVariableAdded",
      detail: "Disk quota exceeded.",
    });
    expect((error as Error).message).toMatch(/Environment variable added.*Disk quota exceeded.*n-1/);
  });

  it("times out with the notification UUID so the task can be checked later", async () => {
    scriptNotification([{ status: "in-progress", progress: 42 }]);
    const op = await clientFor(server).variables.create("e1", { name: "A", value: "bbbbbb" });
    const error = await waitForNotification(op, { ...fast, timeoutMs: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationTimeoutError);
    expect((error as NotificationTimeoutError).notificationUuid).toBe("n-1");
    expect((error as Error).message).toMatch(/in-progress at 42%/);
  });

  it("resolves at once for an answer without a notification", async () => {
    server.routes.set("POST /api/organizations/o1/teams", (_req, res) =>
      json(res, 200, { message: "Team created." }),
    );
    const op = await clientFor(server).teams.create("o1", { name: "Ops" });
    expect(op.notificationUuid).toBeUndefined();
    await expect(op.wait()).resolves.toBeUndefined();
  });

  it("without a notification, watches the object through `until` until the change shows", async () => {
    // Acquia answers some deletes with a message only; the cron is gone a little later.
    let looks = 0;
    server.routes.set("DELETE /api/environments/e1/crons/7", (_req, res) =>
      json(res, 202, { message: "Deleting cron.", _links: { self: { href: `${server.url}/api/x` } } }),
    );
    const op = await clientFor(server).crons.delete("e1", "7");
    expect(op.notificationUuid).toBeUndefined();
    const seen: TaskProgress[] = [];
    await op.wait({ ...fast, until: async () => ++looks >= 3, onProgress: (p) => seen.push(p) });
    expect(looks).toBe(3);
    expect(seen.map((p) => p.label)).toEqual([
      "DELETE /environments/e1/crons/7",
      "DELETE /environments/e1/crons/7",
    ]);
  });

  it("without a notification, times out naming the request when the change never shows", async () => {
    server.routes.set("DELETE /api/environments/e1/crons/7", (_req, res) =>
      json(res, 202, { message: "Deleting cron." }),
    );
    const op = await clientFor(server).crons.delete("e1", "7");
    const error = await op
      .wait({ ...fast, timeoutMs: 40, until: async () => false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect((error as Error).message).toMatch(/DELETE \/environments\/e1\/crons\/7 to show/);
  });

  it("accepts a bare notification property as older answers carry", async () => {
    server.routes.set("POST /api/environments/e1/domains", (_req, res) =>
      json(res, 202, { message: "Adding", notification: "n-9" }),
    );
    const op = await clientFor(server).domains.create("e1", { hostname: "example.com" });
    expect(op.notificationUuid).toBe("n-9");
  });
});

describe("nextPollDelay", () => {
  const pacing = { minDelayMs: 1_000, maxDelayMs: 60_000 };

  /** Simulates a task of `durationMs` whose progress rises linearly; returns polls and lag. */
  function watch(durationMs: number, reportsProgress = true) {
    let t = pacing.minDelayMs;
    let polls = 0;
    let lastProgress: number | undefined;
    for (;;) {
      polls++;
      if (t >= durationMs) return { polls, lagMs: t - durationMs };
      const progress = reportsProgress ? Math.floor((t / durationMs) * 100) : undefined;
      const moved = progress !== undefined && progress !== lastProgress;
      lastProgress = progress;
      t += nextPollDelay(t, progress, moved, pacing);
    }
  }

  it.each([2_000, 20_000, 120_000, 600_000])(
    "notices a %i ms task within max(1 s, 10 %%) with at most 30 polls",
    (durationMs) => {
      const { polls, lagMs } = watch(durationMs);
      expect(lagMs).toBeLessThanOrEqual(Math.max(1_000, durationMs / 10));
      expect(polls).toBeLessThanOrEqual(30);
    },
  );

  it("without progress, waits a tenth of the time so far (at least the minimum)", () => {
    expect(nextPollDelay(500, undefined, false, pacing)).toBe(1_000);
    expect(nextPollDelay(40_000, undefined, false, pacing)).toBe(4_000);
    expect(watch(120_000, false).lagMs).toBeLessThanOrEqual(12_000);
  });

  it("ignores a progress figure that did not move, and never exceeds the maximum", () => {
    expect(nextPollDelay(60_000, 50, false, pacing)).toBe(6_000);
    expect(nextPollDelay(60_000, 50, true, pacing)).toBe(30_000);
    expect(nextPollDelay(600_000, 1, true, pacing)).toBe(60_000);
  });
});
