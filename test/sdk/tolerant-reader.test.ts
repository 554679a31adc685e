import { ResponseValidationError, isAlreadyExists } from "../../sdk";
import { clientFor } from "./helpers/client";
import { json, startTestServer, tokenRoute, type TestServer } from "./helpers/test-server";

// Answers Acquia really sends that its spec's examples do not show, read through the real HTTP client.

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  tokenRoute(server);
});
afterEach(() => server.close());

const list = (items: unknown[]) => ({ total: items.length, _links: {}, _embedded: { items } });
const cron = (id: string, server: unknown) => ({
  id,
  server,
  command: "drush cron",
  minute: "0",
  hour: "*",
  day_month: "*",
  month: "*",
  day_week: "*",
  label: `cron ${id}`,
  flags: { enabled: true, system: server instanceof Array, on_any_web: true },
  environment: { id: "e1", name: "dev" },
  _links: { self: { href: `${server}` } },
});
const application = (type: string | null) => ({
  id: 1,
  uuid: "a47ac10b-58cc-4372-a567-0e02b2c3d470",
  name: "Acme Web",
  hosting: null,
  subscription: { uuid: "s1", name: "Acme" },
  organization: { uuid: "o1", name: "Acme Platform" },
  flags: {},
  type,
  status: "normal",
  _links: { self: { href: "x" } },
});

describe("the client reads every shape Acquia sends", () => {
  it("lists crons when a platform cron runs on any web server (`server: []`)", async () => {
    server.routes.set("GET /api/environments/e1/crons", (_req, res) =>
      json(res, 200, list([cron("1", []), cron("2", { id: "18", name: "web-18" })])),
    );
    const crons = await clientFor(server).crons.list("e1");
    expect(crons.map((c) => [c.id, c.server?.name])).toEqual([
      ["1", undefined],
      ["2", "web-18"],
    ]);
  });

  it("reads a cron with a null label", async () => {
    server.routes.set("GET /api/environments/e1/crons/3", (_req, res) =>
      json(res, 200, { ...cron("3", null), label: null }),
    );
    expect((await clientFor(server).crons.get("e1", "3")).label).toBeUndefined();
  });

  it("reads an application whose type is null, alone and in a list", async () => {
    server.routes.set("GET /api/applications/a47ac10b-58cc-4372-a567-0e02b2c3d470", (_req, res) =>
      json(res, 200, application(null)),
    );
    server.routes.set("GET /api/applications", (_req, res) =>
      json(res, 200, list([application(null), { ...application("drupal"), uuid: "u2" }])),
    );
    const client = clientFor(server);
    const one = await client.applications.get("a47ac10b-58cc-4372-a567-0e02b2c3d470");
    expect(one).toMatchObject({ name: "Acme Web", type: undefined, hosting: undefined });
    expect((await client.applications.list()).map((a) => a.type)).toEqual([undefined, "drupal"]);
  });

  it("reads an environment database whose user_name is null", async () => {
    server.routes.set("GET /api/environments/e1/databases", (_req, res) =>
      json(
        res,
        200,
        list([{ id: 7, name: "acme", user_name: null, db_host: null, flags: { default: true } }]),
      ),
    );
    const [db] = await clientFor(server).databases.listForEnvironment("e1");
    expect(db).toMatchObject({ id: "7", name: "acme", user_name: undefined });
  });

  it("reads an empty collection that has no _embedded, or no items", async () => {
    let answer = 0;
    server.routes.set("GET /api/environments/e1/variables", (_req, res) =>
      json(res, 200, answer++ === 0 ? { total: 0, _links: {} } : { total: 0, _embedded: {} }),
    );
    const client = clientFor(server);
    expect(await client.variables.list("e1")).toEqual([]);
    expect(await client.variables.list("e1")).toEqual([]);
  });

  it("keeps unknown fields and drops a link that is not a link", async () => {
    server.routes.set("GET /api/account", (_req, res) =>
      json(res, 200, {
        uuid: "u1",
        name: "Jane",
        mail: null,
        brand_new_field: { nested: true },
        _links: { self: { href: "https://cloud.acquia.com/api/account" }, avatar: null },
      }),
    );
    const account = await clientFor(server).account.get();
    expect(account).toMatchObject({ uuid: "u1", mail: undefined, brand_new_field: { nested: true } });
    expect(Object.keys(account._links ?? {})).toEqual(["self"]);
  });

  it("refuses an answer that lacks a field the code needs, naming it, the operation and the request id", async () => {
    server.routes.set("GET /api/environments/e1/crons/4", (_req, res) =>
      json(res, 200, { ...cron("4", []), command: undefined, minute: null }),
    );
    const error = await clientFor(server)
      .crons.get("e1", "4")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(
      /GET \/environments\/e1\/crons\/4: command: .*minute: .*request id req-test-1/,
    );
  });

  it("recognises both documented answers to a duplicate certificate label", async () => {
    for (const status of [400, 409]) {
      server.routes.set("POST /api/environments/e1/ssl/certificates", (_req, res) =>
        json(res, status, {
          error: "validation_failed",
          message: { label: "A certificate with that label already exists. Please choose another label." },
        }),
      );
      const error = await clientFor(server)
        .sslCertificates.create("e1", { label: "x", certificate: "c", private_key: "k" })
        .catch((e: unknown) => e);
      expect(isAlreadyExists(error, "sslCertificate")).toBe(true);
    }
  });

  it("reads an environment without egress IPs, whether Acquia sends no items or no _embedded at all", async () => {
    server.routes.set("GET /api/environments/e1/eips", (_req, res) =>
      json(res, 200, { total: 0, count: 0, _links: {}, _embedded: { items: [] } }),
    );
    server.routes.set("GET /api/environments/e2/eips", (_req, res) =>
      json(res, 200, { total: 0, _links: {} }),
    );
    expect(await clientFor(server).environments.egressIps("e1")).toEqual([]);
    expect(await clientFor(server).environments.egressIps("e2")).toEqual([]);
  });

  it("reads DNS records with the regional configuration null or a list null, as no records", async () => {
    server.routes.set("GET /api/environments/e1/dns", (_req, res) =>
      json(res, 200, {
        apex_domain: [{ type: "A", value: "192.0.2.1" }],
        subdomains: null,
        regional_configuration: null,
        global_configuration: { apex_domain: [{ type: "A", value: "192.0.2.3" }] },
        _links: {},
      }),
    );
    const dns = await clientFor(server).environments.dns("e1");
    expect(dns.apex_domain).toEqual([{ type: "A", value: "192.0.2.1" }]);
    expect(dns.subdomains).toEqual([]);
    expect(dns.regional_configuration).toBeUndefined();
    expect(dns.global_configuration).toMatchObject({ subdomains: [] });
  });

  it("reads log forwarding sources without a label or platforms", async () => {
    server.routes.set("GET /api/options/log-forwarding/sources", (_req, res) =>
      json(res, 200, list([{ name: "stdout", label: null, platforms: null }])),
    );
    expect(await clientFor(server).logForwarding.listSources()).toEqual([
      { name: "stdout", label: undefined, platforms: [] },
    ]);
  });
});
