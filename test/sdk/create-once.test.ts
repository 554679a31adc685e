import { AcquiaConnectionError, type Variable } from "../../sdk";
import { createOnce } from "../../sdk/internal";
import { clientFor } from "./helpers/client";
import { json, startTestServer, tokenRoute, type TestServer } from "./helpers/test-server";

let server: TestServer;
let stored: Variable[];
beforeEach(async () => {
  server = await startTestServer();
  tokenRoute(server);
  stored = [];
  server.routes.set("GET /api/environments/e1/variables", (_req, res) =>
    json(res, 200, { total: stored.length, _embedded: { items: stored } }),
  );
});
afterEach(() => server.close());

const posts = () =>
  server.requests.filter((r) => r.method === "POST" && r.path === "/api/environments/e1/variables").length;
const accepted = {
  message: "ok",
  _links: { notification: { href: "https://cloud.acquia.com/api/notifications/n1" } },
};

function run() {
  const client = clientFor(server);
  return createOnce({
    family: "variable",
    send: () => client.variables.create("e1", { name: "FOO", value: "bar-value" }),
    find: async () => (await client.variables.list("e1")).find((v) => v.name === "FOO"),
    settleMs: 200,
    pollMs: 10,
  });
}

describe("createOnce", () => {
  it("sends once when all goes well", async () => {
    server.routes.set("POST /api/environments/e1/variables", (_req, res) => json(res, 202, accepted));
    await expect(run()).resolves.toMatchObject({ kind: "sent" });
    expect(posts()).toBe(1);
  });

  it("waits for an object whose create is still in flight instead of sending again", async () => {
    server.routes.set("POST /api/environments/e1/variables", (_req, res) => {
      setTimeout(() => stored.push({ name: "FOO", value: "bar-value" }), 50);
      res.socket?.destroy();
    });
    await expect(run()).resolves.toMatchObject({ kind: "found" });
    expect(posts()).toBe(1);
  });

  it("finds the object instead of sending again when the connection broke after it was applied", async () => {
    server.routes.set("POST /api/environments/e1/variables", (_req, res) => {
      stored.push({ name: "FOO", value: "bar-value" });
      res.socket?.destroy();
    });
    await expect(run()).resolves.toMatchObject({ kind: "found", existing: { name: "FOO" } });
    expect(posts()).toBe(1);
  });

  it("sends again when the object is absent, and awaits it when Acquia says it already exists", async () => {
    let n = 0;
    server.routes.set("POST /api/environments/e1/variables", (_req, res) => {
      if (++n === 1) {
        // The first request landed, but its task makes the variable visible only after the settle window.
        setTimeout(() => stored.push({ name: "FOO", value: "bar-value" }), 300);
        res.socket?.destroy();
        return;
      }
      json(res, 400, {
        error: "not_available",
        message: { name: "The environment already has an environment variable with that name." },
      });
    });
    await expect(run()).resolves.toMatchObject({ kind: "found" });
    expect(posts()).toBe(2);
  });

  it("sends again when the first request never landed", async () => {
    let n = 0;
    server.routes.set("POST /api/environments/e1/variables", (_req, res) =>
      ++n === 1 ? res.socket?.destroy() : json(res, 202, accepted),
    );
    await expect(run()).resolves.toMatchObject({ kind: "sent" });
    expect(posts()).toBe(2);
  });

  it("passes other errors through untouched", async () => {
    server.routes.set("POST /api/environments/e1/variables", (_req, res) =>
      json(res, 403, { error: "forbidden", message: "no" }),
    );
    await expect(run()).rejects.toMatchObject({ status: 403 });
    expect(posts()).toBe(1);
  });

  it("rethrows the unknown outcome when a second send also breaks", async () => {
    server.routes.set("POST /api/environments/e1/variables", (_req, res) => res.socket?.destroy());
    await expect(run()).rejects.toBeInstanceOf(AcquiaConnectionError);
  });
});
