import type { Simulator } from "../../simulator";
import { Api, items, notificationHref, start } from "./helpers";

// Production mode, Platform CDN, mod_proxy and Cloud Actions: each change shows only once its task
// completed, and each refusal carries the spec's words.

let sim: Simulator;
let api: Api;

beforeAll(async () => {
  sim = await start({ taskDurationMs: 150 });
  api = await Api.connect(sim);
});
afterAll(() => sim.stop());
beforeEach(async () => {
  await sim.control.reset();
  await sim.control.clearFaults();
});

const env = (name: "dev" | "prod") => `/environments/${sim.environments[name]}`;
const flags = async (name: "dev" | "prod") =>
  (await api.get(env(name))).body.flags as Record<string, unknown>;
const enabledActions = async () =>
  items(await api.get(`${env("dev")}/cloud-actions`))
    .filter((a) => (a.flags as { enabled: boolean }).enabled)
    .map((a) => a.label);

describe("production mode", () => {
  it("is switched by a task answered with a bare message, and only on production environments", async () => {
    const off = await api.post(`${env("prod")}/production-mode/actions/disable`, {});
    expect(off.status).toBe(202);
    expect(off.body).toEqual({ message: "Production mode has been disabled for this environment." });
    expect(await flags("prod")).toMatchObject({ production_mode: true });
    await api.settle(off);
    expect(await flags("prod")).toMatchObject({ production_mode: false });

    const again = await api.post(`${env("prod")}/production-mode/actions/disable`, {});
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: "conflict",
      message: "This environment is not currently in production mode.",
    });
    const dev = await api.post(`${env("dev")}/production-mode/actions/enable`, {});
    expect(dev.status).toBe(400);
    expect(dev.body).toEqual({
      error: "validation_failed",
      message: { productionmode: "Only production environments can be protected." },
    });
  });

  it("answers an environment of a foreign organization as a missing one", async () => {
    const foreign = await api.post(
      `/environments/${sim.foreignEnvironmentId}/production-mode/actions/disable`,
      {},
    );
    expect(foreign.status).toBe(404);
  });
});

describe("Platform CDN", () => {
  it("is absent until provisioned, then active; a second enable is refused", async () => {
    expect((await api.get(`${env("dev")}/cdn`)).status).toBe(404);
    const on = await api.post(`${env("dev")}/cdn`, {});
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ message: "Provisioning Platform CDN." });
    expect((await api.get(`${env("dev")}/cdn`)).status).toBe(404);
    await api.waitForNotification(notificationHref(on));
    expect((await api.get(`${env("dev")}/cdn`)).body).toMatchObject({ status: "active" });
    const twice = await api.post(`${env("dev")}/cdn`, {});
    expect(twice.body).toEqual({
      error: "conflict",
      message: "Platform CDN is already enabled for this environment.",
    });
    await api.waitForNotification(notificationHref(await api.delete(`${env("dev")}/cdn`)));
    expect((await flags("dev"))["cdn"]).toBe(false);
  });

  it("leaves the CDN off when the task fails", async () => {
    await sim.control.addFaults([
      { method: "POST", path: "/api/environments/*/cdn", failTask: "CDN quota." },
    ]);
    const on = await api.post(`${env("dev")}/cdn`, {});
    expect(await api.waitForNotification(notificationHref(on))).toMatchObject({
      status: "failed",
      description: "CDN quota.",
    });
    expect((await api.get(`${env("dev")}/cdn`)).status).toBe(404);
  });
});

describe("mod_proxy", () => {
  it("is switched by a task whose answer names no notification", async () => {
    expect((await api.get(`${env("dev")}/mod-proxy`)).body).toMatchObject({ status: "inactive" });
    const on = await api.post(`${env("dev")}/mod-proxy/actions/enable`, {});
    expect(on.status).toBe(202);
    expect(on.body).toEqual({
      message: "Mod proxy is being enabled.",
      _links: { self: { href: `${sim.apiUrl}${env("dev")}/mod-proxy/actions/enable` } },
    });
    await api.settle(on);
    expect((await api.get(`${env("dev")}/mod-proxy`)).body).toMatchObject({ status: "active" });
  });
});

describe("Cloud Actions", () => {
  it("lists Acquia's actions; PUT switches the named ones once its task completes; reset goes back", async () => {
    const defaults = ["Backup all databases", "Run database updates", "Clear all Drupal caches"];
    expect(await enabledActions()).toEqual(defaults);
    const put = await api.put(`${env("dev")}/cloud-actions`, {
      "cloud-actions": {
        "fb4aa87a-8be2-42c6-bdf0-ef9d09a3de70": true,
        "f668295f-cbba-472d-8b75-c76ab89e553a": false,
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      message: "Cloud Actions have been updated.",
      notification: expect.any(String),
    });
    expect(await enabledActions()).toEqual(defaults);
    await api.waitForNotification(notificationHref(put));
    expect(await enabledActions()).toEqual([
      "Turn on Drupal maintenance mode",
      "Run database updates",
      "Clear all Drupal caches",
    ]);
    await api.waitForNotification(
      notificationHref(await api.post(`${env("dev")}/cloud-actions/actions/reset`, {})),
    );
    expect(await enabledActions()).toEqual(defaults);
  });

  it("refuses an id the environment does not have, naming the field", async () => {
    const bad = await api.put(`${env("dev")}/cloud-actions`, { "cloud-actions": { nope: true } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: { "cloud-actions": expect.stringMatching(/nope/) } });
  });

  it("answers as not available while switched off, and keeps the actions' settings for later", async () => {
    await api.waitForNotification(
      notificationHref(await api.post(`${env("dev")}/cloud-actions/actions/disable`, {})),
    );
    expect((await api.get(`${env("dev")}/cloud-actions`)).body).toEqual({
      error: "not_found",
      message: "Cloud Actions are not available for this environment.",
    });
    await api.waitForNotification(
      notificationHref(await api.post(`${env("dev")}/cloud-actions/actions/enable`, {})),
    );
    expect(await enabledActions()).toHaveLength(3);
  });
});
