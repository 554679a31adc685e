import { z } from "zod";
import { clientFor } from "./helpers/client";
import { json, startTestServer, tokenRoute, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  tokenRoute(server);
});
afterEach(() => server.close());

const names = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ name: `db_${from + i}` }));

describe("pagination", () => {
  it("walks limit/offset until total items were seen", async () => {
    server.routes.set("GET /api/applications/app-1/databases", (req, res) => {
      const limit = Number(req.query.get("limit"));
      const offset = Number(req.query.get("offset"));
      const all = names(7);
      json(res, 200, {
        total: all.length,
        pagination: { total: all.length, limit, offset },
        _embedded: { items: all.slice(offset, offset + limit) },
      });
    });
    const client = clientFor(server);
    const items: string[] = [];
    for await (const db of client.paginate("/applications/app-1/databases", z.object({ name: z.string() }), {
      paged: true,
      pageSize: 3,
    })) {
      items.push(db.name);
    }
    expect(items).toEqual(names(7).map((d) => d.name));
    const offsets = server.requests
      .filter((r) => r.path.endsWith("/databases"))
      .map((r) => r.query.get("offset"));
    expect(offsets).toEqual(["0", "3", "6"]);
  });

  it("follows _links.next when the server provides it", async () => {
    server.routes.set("GET /api/things", (req, res) => {
      const page = Number(req.query.get("page") ?? "1");
      const next = page < 3 ? { next: { href: `${server.url}/api/things?page=${page + 1}` } } : {};
      json(res, 200, {
        _links: { self: { href: "x" }, ...next },
        _embedded: { items: names(2, (page - 1) * 2) },
      });
    });
    const items = await clientFor(server).list("/things", z.object({ name: z.string() }));
    expect(items.map((i) => i.name)).toEqual(["db_0", "db_1", "db_2", "db_3", "db_4", "db_5"]);
  });

  it("sends no paging parameters to collections that declare none, and stops after one page", async () => {
    server.routes.set("GET /api/environments/e1/crons", (_req, res) =>
      json(res, 200, { total: 1, _embedded: { items: [] } }),
    );
    await clientFor(server).list("/environments/e1/crons", z.unknown());
    const req = server.requests.find((r) => r.path.endsWith("/crons"));
    expect(req?.query.has("limit")).toBe(false);
    expect(server.requests.filter((r) => r.path.endsWith("/crons"))).toHaveLength(1);
  });

  it("stops on an empty page even if total claims more", async () => {
    server.routes.set("GET /api/applications", (_req, res) =>
      json(res, 200, { total: 99, _embedded: { items: [] } }),
    );
    await expect(clientFor(server).applications.list()).resolves.toEqual([]);
  });

  it("finds an application by exact name through Acquia's filter", async () => {
    server.routes.set("GET /api/applications", (req, res) => {
      expect(req.query.get("filter")).toBe("name=Acme Web");
      json(res, 200, {
        total: 2,
        _embedded: {
          items: [
            { uuid: "1", name: "Acme Web" },
            { uuid: "2", name: "Acme Web 2" },
          ],
        },
      });
    });
    await expect(clientFor(server).applications.listByName("Acme Web")).resolves.toEqual([
      expect.objectContaining({ uuid: "1" }),
    ]);
  });
});
