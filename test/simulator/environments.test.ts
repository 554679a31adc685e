import type { Simulator } from "../../simulator";
import { Api, items, notificationHref, start } from "./helpers";

let sim: Simulator;
let api: Api;

beforeAll(async () => {
  sim = await start();
  api = await Api.connect(sim);
});
afterAll(() => sim.stop());
afterEach(async () => {
  await sim.control.clearFaults();
});

describe("applications", () => {
  it("filters, sorts and pages the application list", async () => {
    const scoped = await Api.connect(sim, `organization:${sim.federatedOrganizationUuid}`);
    const all = await scoped.get("/applications?sort=-name");
    expect(items(all).map((a) => a.name)).toEqual([
      "Acme Web",
      "Acme Storefront",
      "Acme Legacy",
      "Acme Intranet",
    ]);

    const byName = await scoped.get(`/applications?filter=${encodeURIComponent("name=Acme Web")}`);
    expect(items(byName).map((a) => a.uuid)).toEqual([sim.applicationUuid]);
    const contains = await scoped.get(`/applications?filter=${encodeURIComponent("name=@*intranet")}`);
    expect(items(contains).map((a) => a.name)).toEqual(["Acme Intranet"]);
    const not = await scoped.get(`/applications?filter=${encodeURIComponent("name!=Acme Web")}`);
    expect(items(not).map((a) => a.name)).toEqual(["Acme Legacy", "Acme Storefront", "Acme Intranet"]);
    // Acme Legacy's type is null: it matches neither type=drupal nor anything but !=.
    const drupal = await scoped.get(`/applications?filter=${encodeURIComponent("type=drupal")}`);
    expect(items(drupal).map((a) => a.name)).toEqual(["Acme Web", "Acme Intranet"]);
    const or = await scoped.get(
      `/applications?filter=${encodeURIComponent("name=Nope,name=Acme Web;type=drupal")}`,
    );
    expect(items(or).map((a) => a.name)).toEqual(["Acme Web"]);
    const and = await scoped.get(`/applications?filter=${encodeURIComponent("name=Acme Web;type=node")}`);
    expect(items(and)).toEqual([]);

    const page = await scoped.get("/applications?sort=name&limit=1&offset=3");
    expect(page.body).toMatchObject({ total: 1, pagination: { total: 4, limit: 1, offset: 3 } });
    expect(items(page).map((a) => a.name)).toEqual(["Acme Web"]);

    const bad = await scoped.get("/applications?limit=-1");
    expect(bad.status).toBe(400);
  });

  it("reads an application and its environments", async () => {
    const application = await api.get(`/applications/${sim.applicationUuid}`);
    expect(application.body).toMatchObject({
      name: "Acme Web",
      organization: { uuid: sim.organizationUuid },
    });
    const environments = await api.get(`/applications/${sim.applicationUuid}/environments`);
    expect(items(environments).map((e) => e.id)).toEqual([
      sim.environments.dev,
      sim.environments.test,
      sim.environments.prod,
    ]);
    const prod = await api.get(
      `/applications/${sim.applicationUuid}/environments?filter=${encodeURIComponent("name=prod")}`,
    );
    expect(items(prod).map((e) => e.label)).toEqual(["Production"]);
    expect(items(prod)[0]).toMatchObject({ id: sim.environments.prod, vcs: { path: "tags/v1.0.0" } });
  });
});

describe("continuous delivery environments", () => {
  it("creates a CDE that appears only when its task completes, then deletes it", async () => {
    const accepted = await api.post(
      `/applications/${sim.applicationUuid}/environments`,
      { label: "Feature X", branch: "develop", databases: ["acmeweb"] },
      { form: true },
    );
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      message: "Adding an environment.",
      _links: { self: { href: `${sim.apiUrl}/applications/${sim.applicationUuid}/environments` } },
    });
    const byLabel = `/applications/${sim.applicationUuid}/environments?filter=${encodeURIComponent("label=Feature X")}`;
    expect(items(await api.get(byLabel))).toEqual([]);
    await api.settle(accepted);
    const [environment] = items(await api.get(byLabel));
    expect(environment).toMatchObject({ flags: { cde: true }, vcs: { path: "develop" } });
    const id = String(environment?.id);
    expect(id).toMatch(new RegExp(`^\\d+-${sim.applicationUuid}$`));
    expect(items(await api.get(`/environments/${id}/databases`)).map((d) => d.name)).toEqual(["acmeweb"]);
    // Dedicated egress IPs are an add-on: a new environment has none.
    expect(environment).toMatchObject({ flags: { eips: false } });
    expect(items(await api.get(`/environments/${id}/eips`))).toEqual([]);

    const duplicate = await api.post(`/applications/${sim.applicationUuid}/environments`, {
      label: "Feature X",
      branch: "main",
      databases: [],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toEqual({
      error: "validation_failed",
      message: { label: "Another environment within this application already has this label." },
    });

    const deletion = await api.delete(`/environments/${id}`);
    expect(deletion.body).toMatchObject({ message: "The environment is being deleted." });
    expect((await api.get(`/environments/${id}`)).status).toBe(200);
    await api.settle(deletion);
    expect((await api.get(`/environments/${id}`)).status).toBe(404);
  });

  it("validates branches and databases, and refuses to delete a non-CD environment", async () => {
    const branch = await api.post(`/applications/${sim.applicationUuid}/environments`, {
      label: "Nope",
      branch: "no-such-branch",
      databases: ["acmeweb"],
    });
    expect(branch.status).toBe(400);
    const databases = await api.post(`/applications/${sim.applicationUuid}/environments`, {
      label: "Nope",
      branch: "main",
      databases: ["missing"],
    });
    expect(databases.body).toEqual({
      error: "validation_failed",
      message: {
        general: "One or more of the databases you have specified do not exist in this application.",
      },
    });
    const missing = await api.post(`/applications/${sim.applicationUuid}/environments`, { label: "Nope" });
    expect(missing.body).toMatchObject({
      error: "validation_failed",
      message: { branch: expect.any(String) },
    });
    const refusal = await api.delete(`/environments/${sim.environments.prod}`);
    expect(refusal.status).toBe(403);
  });

  it("leaves no environment behind when the creation task fails", async () => {
    await sim.control.addFaults([
      { method: "POST", path: "/api/applications/*/environments", failTask: "Provisioning failed." },
    ]);
    const accepted = await api.post(`/applications/${sim.applicationUuid}/environments`, {
      label: "Doomed",
      branch: "main",
      databases: [],
    });
    expect(await api.settle(accepted)).toMatchObject({
      status: "failed",
      description: "Provisioning failed.",
    });
    const listed = await api.get(`/applications/${sim.applicationUuid}/environments?filter=label%3DDoomed`);
    expect(items(listed)).toEqual([]);
  });
});

describe("environment configuration", () => {
  it("applies runtime settings when the task completes", async () => {
    const path = `/environments/${sim.environments.dev}`;
    const accepted = await api.put(path, { version: "8.2", memory_limit: 256, max_input_vars: "2000" });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ message: "The environment configuration is being updated." });
    expect((await api.get(path)).body).toMatchObject({
      configuration: { php: { version: "8.3", memory_limit: 128 } },
    });
    await api.settle(accepted);
    expect((await api.get(path)).body).toMatchObject({
      configuration: { php: { version: "8.2", memory_limit: 256, max_input_vars: 2000, opcache: 96 } },
    });
  });

  it("renames an environment through the deprecated change-label action, refusing a taken label", async () => {
    const path = `/environments/${sim.environments.dev}`;
    const renamed = await api.post(`${path}/actions/change-label`, { label: "Development" });
    expect(renamed.status).toBe(202);
    expect(renamed.body).toEqual({ message: "Changing environment label." });
    expect((await api.get(path)).body).toMatchObject({ label: "Development" });
    const taken = await api.post(`${path}/actions/change-label`, { label: "stage" });
    expect(taken.status).toBe(400);
    expect(taken.body).toEqual({
      error: "validation_failed",
      message: { label: "Another environment within this application already has this label." },
    });
    expect((await api.post(`${path}/actions/change-label`, {})).status).toBe(400);
    expect((await api.post(`${path}/actions/change-label`, { label: "Dev" })).status).toBe(202);
  });

  it("answers a no-op update with the spec's 400", async () => {
    const response = await api.put(`/environments/${sim.environments.test}`, {
      version: "8.3",
      memory_limit: 128,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: "forbidden",
      message: { system: "No environment configuration changes are specified." },
    });
  });

  it("rejects out-of-range settings per field", async () => {
    const response = await api.put(`/environments/${sim.environments.test}`, { memory_limit: 64 });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: "validation_failed",
      message: { memory_limit: expect.any(String) },
    });
  });
});

describe("code", () => {
  it("lists an environment's egress IPs, and says in its flags whether it has any", async () => {
    const prod = await api.get(`/environments/${sim.environments.prod}/eips`);
    expect(prod.body).toMatchObject({ total: 2, count: 2 });
    expect(items(prod).map((eip) => [eip.ipv4, eip.flags])).toEqual([
      ["203.0.113.24", { active: true, legacy: false, deprecated: false }],
      ["203.0.113.25", { active: true, legacy: false, deprecated: false }],
    ]);
    expect((await api.get(`/environments/${sim.environments.prod}`)).body).toMatchObject({
      flags: { eips: true },
    });
    const dev = await api.get(`/environments/${sim.environments.dev}/eips`);
    expect(dev.body).toMatchObject({ total: 0, count: 0, _embedded: { items: [] } });
    expect((await api.get(`/environments/${sim.environments.dev}`)).body).toMatchObject({
      flags: { eips: false },
    });
    expect((await api.get(`/environments/${sim.foreignEnvironmentId}/eips`)).status).toBe(404);
  });

  it("derives an environment's DNS records from its addresses and default domain", async () => {
    const environment = (await api.get(`/environments/${sim.environments.test}`)).body;
    const dns = (await api.get(`/environments/${sim.environments.test}/dns`)).body;
    const cname = [{ type: "CNAME", value: environment.default_domain }];
    const apex = (environment.ips as string[]).map((ip) => ({ type: "A", value: ip }));
    expect(dns).toMatchObject({
      apex_domain: apex,
      subdomains: cname,
      regional_configuration: { apex_domain: apex, subdomains: cname },
      global_configuration: { subdomains: cname },
    });
    expect((await api.get(`/environments/${sim.foreignEnvironmentId}/dns`)).status).toBe(404);
  });

  it("lists branches and tags", async () => {
    const code = await api.get(`/applications/${sim.applicationUuid}/code`);
    expect(items(code)).toEqual([
      { name: "main", flags: { tag: false } },
      { name: "develop", flags: { tag: false } },
      { name: "tags/2024-01-15", flags: { tag: true } },
      { name: "tags/v1.0.0", flags: { tag: true } },
    ]);
    const tags = await api.get(
      `/applications/${sim.applicationUuid}/code?filter=${encodeURIComponent("name=@tags/*")}`,
    );
    expect(items(tags)).toHaveLength(2);
  });

  it("switches the branch when the task completes", async () => {
    const env = `/environments/${sim.environments.test}`;
    const accepted = await api.post(`${env}/code/actions/switch`, { branch: "develop" });
    expect(accepted.body).toMatchObject({ message: "Switching code." });
    expect((await api.get(env)).body).toMatchObject({ vcs: { path: "main" } });
    await api.settle(accepted);
    expect((await api.get(env)).body).toMatchObject({ vcs: { path: "develop" } });

    const missing = await api.post(`${env}/code/actions/switch`, { branch: "nope" });
    expect(missing.body).toEqual({
      error: "validation_failed",
      message: { branch: 'The branch or tag "nope" does not exist within this environment.' },
    });
  });

  it("deploys code from another environment of the application", async () => {
    const target = `/environments/${sim.environments.prod}`;
    const accepted = await api.post(`${target}/code`, { source: sim.environments.dev });
    expect(accepted.body).toMatchObject({ message: "Deploying code." });
    await api.settle(accepted);
    expect((await api.get(target)).body).toMatchObject({ vcs: { path: "develop" } });

    const self = await api.post(`${target}/code`, { source: sim.environments.prod });
    expect(self.status).toBe(409);
    expect(self.body).toEqual({
      error: "conflict",
      message: "Code cannot be deployed from an environment to itself.",
    });
  });
});

describe("databases", () => {
  it("creates and deletes an application database on every environment", async () => {
    const accepted = await api.post(`/applications/${sim.applicationUuid}/databases`, { name: "analytics" });
    expect(accepted.body).toMatchObject({ message: "The database is being created." });
    await api.settle(accepted);
    expect(
      items(await api.get(`/applications/${sim.applicationUuid}/databases`)).map((d) => d.name),
    ).toContain("analytics");
    const envDb = await api.get(`/environments/${sim.environments.dev}/databases/analytics`);
    expect(envDb.status).toBe(200);
    expect(envDb.body).toMatchObject({ name: "analytics", flags: { default: false } });
    expect(
      (await api.get(`/environments/${sim.environments.dev}/databases/${String(envDb.body.id)}`)).status,
    ).toBe(200);

    const duplicate = await api.post(`/applications/${sim.applicationUuid}/databases`, { name: "analytics" });
    expect(duplicate.body).toEqual({
      error: "validation_failed",
      message: { name: "A database with that name already exists. Please choose another name." },
    });

    const deletion = await api.delete(`/applications/${sim.applicationUuid}/databases/analytics`);
    await api.settle(deletion);
    expect((await api.get(`/environments/${sim.environments.dev}/databases/analytics`)).status).toBe(404);
  });

  it("refuses to delete the default database", async () => {
    const response = await api.delete(`/applications/${sim.applicationUuid}/databases/acmeweb`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: "validation_failed",
      message: { name: "The database is a default database, and cannot be removed." },
    });
  });

  it("shows the notification to a poller while the task runs", async () => {
    const accepted = await api.post(`/applications/${sim.applicationUuid}/databases`, { name: "scratch" });
    const first = await api.get(notificationHref(accepted));
    expect(first.body).toMatchObject({ status: expect.stringMatching(/in-progress|completed/) });
    expect(Number(first.body.progress)).toBeGreaterThanOrEqual(0);
    await api.settle(accepted);
  });
});
