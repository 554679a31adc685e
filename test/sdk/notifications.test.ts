import {
  NotificationFailedError,
  NotificationTimeoutError,
  waitForNotification,
  type Notification,
} from "../../sdk";
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
    const op = await clientFor(server).teams.create("o1", "Ops");
    expect(op.notificationUuid).toBeUndefined();
    await expect(op.wait()).resolves.toBeUndefined();
  });

  it("accepts a bare notification property as older answers carry", async () => {
    server.routes.set("POST /api/environments/e1/domains", (_req, res) =>
      json(res, 202, { message: "Adding", notification: "n-9" }),
    );
    const op = await clientFor(server).domains.create("e1", "example.com");
    expect(op.notificationUuid).toBe("n-9");
  });
});
