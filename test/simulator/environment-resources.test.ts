import { createHash } from "node:crypto";
import type { Simulator } from "../../simulator";
import { Api, items, selfSignedCertificate, start } from "./helpers";

let sim: Simulator;
let api: Api;
let dev: string;
let test: string;

beforeAll(async () => {
  sim = await start();
  api = await Api.connect(sim);
  dev = `/environments/${sim.environments.dev}`;
  test = `/environments/${sim.environments.test}`;
});
afterAll(() => sim.stop());
afterEach(async () => {
  await sim.control.clearFaults();
});

describe("environment variables", () => {
  it("creates, updates and deletes a variable, each visible only after its task", async () => {
    const created = await api.post(`${dev}/variables`, { name: "APP_MODE", value: "blue" }, { form: true });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      message: "The environment variable is being added.",
      _links: { self: { href: `${sim.apiUrl}${dev}/variables` }, parent: { href: `${sim.apiUrl}${dev}` } },
    });
    expect((await api.get(`${dev}/variables/APP_MODE`)).status).toBe(404);
    await api.settle(created);
    expect((await api.get(`${dev}/variables/APP_MODE`)).body).toMatchObject({
      name: "APP_MODE",
      value: "blue",
    });

    const updated = await api.put(`${dev}/variables/APP_MODE`, { name: "APP_MODE", value: "green" });
    expect(updated.body).toMatchObject({ message: "The environment variable is being updated." });
    expect((await api.get(`${dev}/variables/APP_MODE`)).body).toMatchObject({ value: "blue" });
    await api.settle(updated);
    expect((await api.get(`${dev}/variables/APP_MODE`)).body).toMatchObject({ value: "green" });

    const deleted = await api.delete(`${dev}/variables/APP_MODE`);
    expect(deleted.body).toMatchObject({ message: "The environment variable is being removed." });
    await api.settle(deleted);
    expect((await api.get(`${dev}/variables/APP_MODE`)).body).toEqual({
      error: "not_found",
      message:
        "The environment variable you are trying to access does not exist, or you do not have permission to access it.",
    });
  });

  it("answers a duplicate name with 400 not_available and reserved prefixes with validation_failed", async () => {
    await api.settle(await api.post(`${test}/variables`, { name: "TAKEN", value: "1" }));
    const duplicate = await api.post(`${test}/variables`, { name: "TAKEN", value: "2" });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toEqual({
      error: "not_available",
      message: { name: "The environment already has an environment variable with that name." },
    });
    for (const name of ["AH_SITE", "ACQUIA_THING", "1ABC", "WITH-DASH"]) {
      const response = await api.post(`${test}/variables`, { name, value: "x" });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        error: "validation_failed",
        message: { name: expect.stringContaining("AH_") },
      });
    }
    const long = await api.post(`${test}/variables`, { name: "LONG", value: "x".repeat(256) });
    expect(long.body).toMatchObject({ error: "not_available", message: { value: expect.any(String) } });
  });

  it("keeps the old value when the update task fails", async () => {
    await api.settle(await api.post(`${test}/variables`, { name: "STABLE", value: "before" }));
    await sim.control.addFaults([{ method: "PUT", path: "/api/environments/*/variables/*", failTask: true }]);
    const update = await api.put(`${test}/variables/STABLE`, { name: "STABLE", value: "after" });
    expect(await api.settle(update)).toMatchObject({ status: "failed" });
    expect((await api.get(`${test}/variables/STABLE`)).body).toMatchObject({ value: "before" });
  });
});

describe("domains", () => {
  it("adds and removes a domain, updating the environment's domain list", async () => {
    const added = await api.post(`${dev}/domains`, { hostname: "shop.example.com" });
    expect(added.status).toBe(202);
    expect(added.body).toMatchObject({ message: "Adding domain shop.example.com" });
    await api.settle(added);
    expect((await api.get(`${dev}/domains/shop.example.com`)).body).toMatchObject({
      hostname: "shop.example.com",
      flags: { default: false, wildcard: false },
    });
    expect((await api.get(dev)).body.domains).toContain("shop.example.com");

    const removed = await api.delete(`${dev}/domains/shop.example.com`);
    expect(removed.body).toMatchObject({ message: "Removing the domain shop.example.com" });
    await api.settle(removed);
    expect((await api.get(`${dev}/domains/shop.example.com`)).status).toBe(404);
  });

  it("answers a domain already used in the application with 409, and bad hostnames with 400", async () => {
    const duplicate = await api.post(`${dev}/domains`, { hostname: "www.acmeweb.example.com" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({
      error: "forbidden",
      message: "The domain name cannot be used, as it already exists within this application's environments.",
    });
    for (const hostname of ["no_underscores.example.com", "-bad.example.com", "localhost", "a..b.com"]) {
      const response = await api.post(`${dev}/domains`, { hostname });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        error: "validation_failed",
        message: { hostname: expect.any(String) },
      });
    }
  });

  it("accepts wildcard domains", async () => {
    await api.settle(await api.post(`${test}/domains`, { hostname: "*.preview.example.com" }));
    const domain = await api.get(`${test}/domains/${encodeURIComponent("*.preview.example.com")}`);
    expect(domain.body).toMatchObject({ flags: { wildcard: true } });
  });
});

describe("crons", () => {
  it("creates a cron whose id is in the 202's self link, then updates, toggles and deletes it", async () => {
    const created = await api.post(`${dev}/crons`, {
      command: "/usr/local/bin/drush cc all",
      frequency: "*/30 * * * *",
      label: "Clear caches",
    });
    expect(created.body).toMatchObject({ message: "Creating a new cron." });
    const self = String((created.body._links as { self: { href: string } }).self.href);
    const id = self.split("/").pop() ?? "";
    expect(self).toBe(`${sim.apiUrl}${dev}/crons/${id}`);
    expect((await api.get(`${dev}/crons/${id}`)).status).toBe(404);
    await api.settle(created);
    expect((await api.get(`${dev}/crons/${id}`)).body).toMatchObject({
      id,
      minute: "*/30",
      hour: "*",
      label: "Clear caches",
      flags: { enabled: true },
    });

    await api.settle(await api.put(`${dev}/crons/${id}`, { frequency: "5 4 * * 1-5" }));
    expect((await api.get(`${dev}/crons/${id}`)).body).toMatchObject({
      minute: "5",
      hour: "4",
      day_week: "1-5",
    });

    const disabled = await api.post(`${dev}/crons/${id}/actions/disable`);
    expect(disabled.body).toMatchObject({ message: "The cron is being disabled." });
    await api.settle(disabled);
    expect((await api.get(`${dev}/crons/${id}`)).body).toMatchObject({ flags: { enabled: false } });
    const again = await api.post(`${dev}/crons/${id}/actions/disable`);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: "conflict",
      message: "The cron is already disabled. No action taken.",
    });
    await api.settle(await api.post(`${dev}/crons/${id}/actions/enable`));

    await api.settle(await api.delete(`${dev}/crons/${id}`));
    expect((await api.get(`${dev}/crons/${id}`)).status).toBe(404);
  });

  it("validates frequency and label", async () => {
    const frequency = await api.post(`${dev}/crons`, { command: "x", frequency: "61 * * * *", label: "Bad" });
    expect(frequency.body).toEqual({
      error: "validation_failed",
      message: { frequency: "The cron frequency does not appear to be valid." },
    });
    const prodCrons = items(await api.get(`/environments/${sim.environments.prod}/crons`));
    expect(prodCrons.map((c) => c.label)).toEqual(["Drupal cron", "Run backup"]);
    const label = await api.post(`/environments/${sim.environments.prod}/crons`, {
      command: "x",
      frequency: "* * * * *",
      label: "Drupal cron",
    });
    expect(label.status).toBe(400);
  });
});

describe("log forwarding destinations", () => {
  it("creates, reads (digests only), updates, disables and deletes a destination", async () => {
    const { certificate } = selfSignedCertificate(["logs.example.com"]);
    const created = await api.post(
      `${dev}/log-forwarding-destinations`,
      {
        label: "Sumo",
        sources: ["apache-access", "php-error"],
        consumer: "sumologic",
        credentials: { certificate, token: "sumo-token" },
        address: "collectors.example.com:6514",
      },
      { form: true },
    );
    expect(created.status).toBe(202);
    const uuid =
      String((created.body._links as { self: { href: string } }).self.href)
        .split("/")
        .pop() ?? "";
    expect((await api.get(`${dev}/log-forwarding-destinations/${uuid}`)).status).toBe(404);
    await api.settle(created);

    const read = await api.get(`${dev}/log-forwarding-destinations/${uuid}`);
    expect(read.body).toMatchObject({
      uuid,
      label: "Sumo",
      consumer: "sumologic",
      sources: ["apache-access", "php-error"],
      status: "active",
      flags: { enabled: true },
      credentials: {
        certificate: { certificate, expires_at: expect.any(String) },
        key: null,
        token: createHash("sha256").update("sumo-token").digest("hex"),
      },
    });

    await api.settle(
      await api.put(`${dev}/log-forwarding-destinations/${uuid}`, { consumer: "sumologic", label: "Sumo 2" }),
    );
    expect((await api.get(`${dev}/log-forwarding-destinations/${uuid}`)).body).toMatchObject({
      label: "Sumo 2",
    });

    await api.settle(await api.post(`${dev}/log-forwarding-destinations/${uuid}/actions/disable`));
    expect((await api.get(`${dev}/log-forwarding-destinations/${uuid}`)).body).toMatchObject({
      status: "inactive",
      flags: { enabled: false },
    });
    const again = await api.post(`${dev}/log-forwarding-destinations/${uuid}/actions/disable`);
    expect(again.body).toEqual({
      error: "invalid_operation",
      message: "The destination is already disabled.",
    });

    await api.settle(await api.delete(`${dev}/log-forwarding-destinations/${uuid}`));
    expect((await api.get(`${dev}/log-forwarding-destinations/${uuid}`)).status).toBe(404);
  });

  it("applies the per-consumer credential rules of the spec", async () => {
    const { certificate } = selfSignedCertificate(["logs.example.com"]);
    const base = { label: "L", sources: ["apache-access"], address: "logs.example.com:514" };
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [
        { consumer: "loggly", credentials: { token: "t" }, address: "x.example.com:1" },
        { address: "Loggly does not support custom URLs." },
      ],
      [
        { consumer: "loggly", credentials: { certificate } },
        { credentials: "Loggly does not support certificate authentication." },
      ],
      [
        { consumer: "splunk", credentials: { certificate, token: "t" } },
        { credentials: "Splunk does not support API token authentication." },
      ],
      [
        { consumer: "sumologic", credentials: { certificate } },
        { credentials: "An API token is required for Sumologic." },
      ],
      [
        { consumer: "syslog", credentials: { certificate: "nope" } },
        { credentials: "The certificate is invalid." },
      ],
      [
        { consumer: "syslog", credentials: { certificate }, address: "https://logs.example.com" },
        { address: "Syslog only accepts socket addresses, consisting of a host and port." },
      ],
      [
        { consumer: "graylog", credentials: { certificate } },
        { consumer: '"graylog" is not a supported consumer.' },
      ],
      [
        { consumer: "syslog", credentials: { certificate }, sources: ["kernel"] },
        { sources: '"kernel" is not a supported source.' },
      ],
    ];
    for (const [body, message] of cases) {
      const response = await api.post(`${test}/log-forwarding-destinations`, { ...base, ...body });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: { error: "validation_failed", message },
      });
    }
    const expired = selfSignedCertificate(["old.example.com"], {
      notBefore: new Date("2020-01-01T00:00:00Z"),
      notAfter: new Date("2021-01-01T00:00:00Z"),
    });
    const response = await api.post(`${test}/log-forwarding-destinations`, {
      ...base,
      consumer: "syslog",
      credentials: { certificate: expired.certificate },
    });
    expect(response.body).toEqual({
      error: "validation_failed",
      message: { credentials: "The certificate is expired." },
    });
  });
});

describe("SSL certificates", () => {
  it("installs a parsed certificate, activates, deactivates and deletes it", async () => {
    const cert = selfSignedCertificate(["shop.example.com", "www.shop.example.com"]);
    const installed = await api.post(`${dev}/ssl/certificates`, {
      label: "Shop",
      certificate: cert.certificate,
      private_key: cert.privateKey,
    });
    expect(installed.status).toBe(202);
    expect(installed.body).toMatchObject({ message: "Installing the certificate." });
    expect(items(await api.get(`${dev}/ssl/certificates`))).toEqual([]);
    await api.settle(installed);

    const [listed] = items(await api.get(`${dev}/ssl/certificates`));
    expect(listed).toMatchObject({
      label: "Shop",
      domains: ["shop.example.com", "www.shop.example.com"],
      flags: { active: false, legacy: false, csr: false },
      certificate: cert.certificate,
    });
    const expires = new Date(String(listed?.expires_at)).getTime();
    expect(Math.abs(expires - (Date.now() + 365 * 24 * 3600 * 1000))).toBeLessThan(48 * 3600 * 1000);
    const id = String(listed?.id);

    await api.settle(await api.post(`${dev}/ssl/certificates/${id}/actions/activate`));
    expect((await api.get(`${dev}/ssl/certificates/${id}`)).body).toMatchObject({ flags: { active: true } });
    const busy = await api.delete(`${dev}/ssl/certificates/${id}`);
    expect(busy.status).toBe(409);
    expect(busy.body).toEqual({
      error: "validation_failed",
      message: { general: "The currently active certificate cannot be removed." },
    });
    await api.settle(await api.post(`${dev}/ssl/certificates/${id}/actions/deactivate`));
    const again = await api.post(`${dev}/ssl/certificates/${id}/actions/deactivate`);
    expect(again.body).toEqual({
      error: "validation_failed",
      message: "This certificate is already deactivated.",
    });

    await api.settle(await api.delete(`${dev}/ssl/certificates/${id}`));
    expect((await api.get(`${dev}/ssl/certificates/${id}`)).status).toBe(404);
  });

  it("rejects a certificate that does not parse and a key that does not match", async () => {
    const cert = selfSignedCertificate(["a.example.com"]);
    const other = selfSignedCertificate(["b.example.com"]);
    const garbage = await api.post(`${dev}/ssl/certificates`, {
      label: "Bad",
      certificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
      private_key: cert.privateKey,
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toEqual({
      error: "validation_failed",
      message: { certificate: "The supplied certificate is invalid." },
    });
    const mismatch = await api.post(`${dev}/ssl/certificates`, {
      label: "Bad",
      certificate: cert.certificate,
      private_key: other.privateKey,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({
      error: "validation_failed",
      message: { private_key: expect.any(String) },
    });
  });
});
