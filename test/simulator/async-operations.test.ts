import type { Simulator } from "../../simulator";
import { Api, ed25519PublicKey, items, selfSignedCertificate, start, type ApiResponse } from "./helpers";

// Every asynchronous operation, three times over: with a stalled task (nothing changes while the
// notification is in progress), with a failed task (the notification ends `failed` and nothing
// changes), and normally (the change appears once the notification completes).

let sim: Simulator;
let api: Api;

beforeAll(async () => {
  sim = await start();
  api = await Api.connect(sim);
});
afterAll(() => sim.stop());

interface AsyncCase {
  name: string;
  method: string;
  path: string;
  request: () => Promise<ApiResponse>;
  applied: () => Promise<boolean>;
}

const env = (name: "dev" | "test" | "prod"): string => `/environments/${sim.environments[name]}`;
const exists = async (path: string): Promise<boolean> => (await api.get(path)).status === 200;
const listHas = async (path: string, field: string, value: unknown): Promise<boolean> =>
  items(await api.get(path)).some((item) => item[field] === value);
const environmentField = async <T>(
  name: "dev" | "test" | "prod",
  pick: (body: Record<string, unknown>) => T,
): Promise<T> => pick((await api.get(env(name))).body);
const sshKeyUuid = async (label: string): Promise<string> =>
  String(items(await api.get("/account/ssh-keys")).find((k) => k.label === label)?.uuid);
const cdeId = async (): Promise<string> =>
  String(
    items(await api.get(`/applications/${sim.applicationUuid}/environments?filter=label%3DAsync%20CDE`))[0]
      ?.id,
  );
const prodCron = "e82b77cc-a9ed-4458-b12c-d87af1a795ad";
const sshKey = ed25519PublicKey();
const certificate = selfSignedCertificate(["async.example.com"]);
const logCertificate = selfSignedCertificate(["logs.example.com"]);

const cases: AsyncCase[] = [
  {
    name: "add an SSH key",
    method: "POST",
    path: "/api/account/ssh-keys",
    request: () => api.post("/account/ssh-keys", { label: "async_key", public_key: sshKey }),
    applied: () => listHas("/account/ssh-keys", "label", "async_key"),
  },
  {
    name: "remove an SSH key",
    method: "DELETE",
    path: "/api/account/ssh-keys/*",
    request: async () => api.delete(`/account/ssh-keys/${await sshKeyUuid("async_key")}`),
    applied: async () => !(await listHas("/account/ssh-keys", "label", "async_key")),
  },
  {
    name: "create a CD environment",
    method: "POST",
    path: "/api/applications/*/environments",
    request: () =>
      api.post(`/applications/${sim.applicationUuid}/environments`, {
        label: "Async CDE",
        branch: "main",
        databases: ["acmeweb"],
      }),
    applied: async () => (await cdeId()) !== "undefined",
  },
  {
    name: "delete a CD environment",
    method: "DELETE",
    path: "/api/environments/*",
    request: async () => api.delete(`/environments/${await cdeId()}`),
    applied: async () => (await cdeId()) === "undefined",
  },
  {
    name: "update runtime settings",
    method: "PUT",
    path: "/api/environments/*",
    request: () => api.put(env("dev"), { memory_limit: 384, operating_system: "noble" }),
    applied: async () =>
      (await environmentField("dev", (b) => JSON.stringify(b.configuration))).includes('"memory_limit":384'),
  },
  {
    name: "switch code",
    method: "POST",
    path: "/api/environments/*/code/actions/switch",
    request: () => api.post(`${env("test")}/code/actions/switch`, { branch: "tags/2024-01-15" }),
    applied: async () =>
      (await environmentField("test", (b) => (b.vcs as { path: string }).path)) === "tags/2024-01-15",
  },
  {
    name: "deploy code",
    method: "POST",
    path: "/api/environments/*/code",
    request: () => api.post(`${env("prod")}/code`, { source: sim.environments.dev }),
    applied: async () =>
      (await environmentField("prod", (b) => (b.vcs as { path: string }).path)) === "develop",
  },
  {
    name: "create a database",
    method: "POST",
    path: "/api/applications/*/databases",
    request: () => api.post(`/applications/${sim.applicationUuid}/databases`, { name: "async_db" }),
    applied: () => exists(`${env("test")}/databases/async_db`),
  },
  {
    name: "delete a database",
    method: "DELETE",
    path: "/api/applications/*/databases/*",
    request: () => api.delete(`/applications/${sim.applicationUuid}/databases/acmeweb_reporting`),
    applied: async () => !(await exists(`${env("test")}/databases/acmeweb_reporting`)),
  },
  {
    name: "add a domain",
    method: "POST",
    path: "/api/environments/*/domains",
    request: () => api.post(`${env("dev")}/domains`, { hostname: "async.example.com" }),
    applied: () => exists(`${env("dev")}/domains/async.example.com`),
  },
  {
    name: "remove a domain",
    method: "DELETE",
    path: "/api/environments/*/domains/*",
    request: () => api.delete(`${env("prod")}/domains/www.acmeweb.example.com`),
    applied: async () => !(await exists(`${env("prod")}/domains/www.acmeweb.example.com`)),
  },
  {
    name: "add a variable",
    method: "POST",
    path: "/api/environments/*/variables",
    request: () => api.post(`${env("dev")}/variables`, { name: "ASYNC", value: "one" }),
    applied: () => exists(`${env("dev")}/variables/ASYNC`),
  },
  {
    name: "update a variable",
    method: "PUT",
    path: "/api/environments/*/variables/*",
    request: () => api.put(`${env("dev")}/variables/ASYNC`, { name: "ASYNC", value: "two" }),
    applied: async () => (await api.get(`${env("dev")}/variables/ASYNC`)).body.value === "two",
  },
  {
    name: "remove a variable",
    method: "DELETE",
    path: "/api/environments/*/variables/*",
    request: () => api.delete(`${env("dev")}/variables/ASYNC`),
    applied: async () => !(await exists(`${env("dev")}/variables/ASYNC`)),
  },
  {
    name: "create a cron",
    method: "POST",
    path: "/api/environments/*/crons",
    request: () =>
      api.post(`${env("dev")}/crons`, { command: "drush cron", frequency: "0 3 * * *", label: "Nightly" }),
    applied: () => listHas(`${env("dev")}/crons`, "label", "Nightly"),
  },
  {
    name: "update a cron",
    method: "PUT",
    path: "/api/environments/*/crons/*",
    request: () => api.put(`${env("prod")}/crons/${prodCron}`, { label: "Renamed cron" }),
    applied: async () => (await api.get(`${env("prod")}/crons/${prodCron}`)).body.label === "Renamed cron",
  },
  {
    name: "disable a cron",
    method: "POST",
    path: "/api/environments/*/crons/*/actions/disable",
    request: () => api.post(`${env("prod")}/crons/${prodCron}/actions/disable`),
    applied: async () =>
      ((await api.get(`${env("prod")}/crons/${prodCron}`)).body.flags as { enabled?: boolean }).enabled ===
      false,
  },
  {
    name: "delete a cron",
    method: "DELETE",
    path: "/api/environments/*/crons/*",
    request: () => api.delete(`${env("prod")}/crons/${prodCron}`),
    applied: async () => !(await exists(`${env("prod")}/crons/${prodCron}`)),
  },
  {
    name: "create a log forwarding destination",
    method: "POST",
    path: "/api/environments/*/log-forwarding-destinations",
    request: () =>
      api.post(`${env("test")}/log-forwarding-destinations`, {
        label: "Async syslog",
        sources: ["php-error"],
        consumer: "syslog",
        credentials: { certificate: logCertificate.certificate },
        address: "logs.example.com:514",
      }),
    applied: () => listHas(`${env("test")}/log-forwarding-destinations`, "label", "Async syslog"),
  },
  {
    name: "install a certificate",
    method: "POST",
    path: "/api/environments/*/ssl/certificates",
    request: () =>
      api.post(`${env("test")}/ssl/certificates`, {
        label: "Async cert",
        certificate: certificate.certificate,
        private_key: certificate.privateKey,
      }),
    applied: () => listHas(`${env("test")}/ssl/certificates`, "label", "Async cert"),
  },
];

afterEach(async () => {
  await sim.control.clearFaults();
});

describe.each(cases)("$name", ({ method, path, request, applied }) => {
  it("changes nothing while its notification is in progress", async () => {
    await sim.control.addFaults([{ method, path, stallTask: true }]);
    const accepted = await request();
    expect(accepted.status).toBe(202);
    expect((await api.get(await api.taskHref(accepted))).body).toMatchObject({ status: "in-progress" });
    expect(await applied()).toBe(false);
  });

  it("changes nothing when its task fails", async () => {
    await sim.control.addFaults([{ method, path, failTask: "Simulated failure." }]);
    const accepted = await request();
    expect(await api.settle(accepted)).toMatchObject({ status: "failed", description: "Simulated failure." });
    expect(await applied()).toBe(false);
  });

  it("applies the change when its notification completes", async () => {
    const accepted = await request();
    expect(await api.settle(accepted)).toMatchObject({ status: "completed", progress: 100 });
    expect(await applied()).toBe(true);
  });
});
