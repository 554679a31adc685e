import { SEED, type Simulator } from "../../simulator";
import { Api, items, start } from "./helpers";

// Database backups and the environment-to-environment copies: their answers, refusals and tasks.
let sim: Simulator;
let api: Api;
const dev = `/environments/${SEED.environments.dev}`;
const stage = `/environments/${SEED.environments.test}`;
const prod = `/environments/${SEED.environments.prod}`;
const node = `/environments/${SEED.nodeEnvironments.dev}`;

beforeAll(async () => {
  sim = await start({ taskDurationMs: 200 });
  api = await Api.connect(sim);
});
afterAll(() => sim.stop());
beforeEach(async () => {
  await sim.control.request("POST", "reset");
});

const onDemand = async () =>
  items(await api.get(`${dev}/databases/acmeweb/backups?filter=type%3Dondemand`)).map((b) => b.id);

describe("database backups", () => {
  it("lists Acquia's daily backup of every database", async () => {
    const listed = items(await api.get(`${dev}/databases/acmeweb/backups`));
    expect(listed).toEqual([
      expect.objectContaining({
        type: "daily",
        database: expect.objectContaining({ name: "acmeweb" }),
        environment: { id: SEED.environments.dev, name: "dev" },
        flags: { deleted: false },
      }),
    ]);
  });

  it("creates an on-demand backup that exists once its task completed, stamped with that time", async () => {
    const accepted = Date.now();
    const created = await api.post(`${dev}/databases/acmeweb/backups`, {});
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      message: "Creating the backup.",
      _links: {
        self: { href: `${sim.apiUrl}${dev}/databases/acmeweb/backups` },
        parent: { href: `${sim.apiUrl}${dev}/databases/acmeweb` },
        notification: { href: expect.stringContaining("/notifications/") },
      },
    });
    expect(await onDemand()).toEqual([]);
    await api.settle(created);
    const [id] = await onDemand();
    const backup = (await api.get(`${dev}/databases/acmeweb/backups/${String(id)}`)).body;
    expect(backup).toMatchObject({ id, type: "ondemand", _embedded: { database: { name: "acmeweb" } } });
    const started = Date.parse(String(backup.started_at));
    const completed = Date.parse(String(backup.completed_at));
    // Whole seconds: the completion is at least the task's duration after the request, rounded down.
    expect(started).toBeGreaterThanOrEqual(Math.floor(accepted / 1000) * 1000);
    expect(completed).toBeGreaterThanOrEqual(Math.floor((accepted + 200) / 1000) * 1000);
    expect(completed).toBeGreaterThanOrEqual(started);

    const deleted = await api.delete(`${dev}/databases/acmeweb/backups/${String(id)}`);
    expect(deleted.body).toMatchObject({ message: "Deleting the database backup." });
    await api.settle(deleted);
    expect((await api.get(`${dev}/databases/acmeweb/backups/${String(id)}`)).body).toEqual({
      error: "not_found",
      message:
        "The database backup you are trying to access does not exist, or you do not have permission to access it.",
    });
  });

  it("refuses a database the environment lacks, Node.js applications and unknown environments", async () => {
    expect(await api.post(`${dev}/databases/missing/backups`, {})).toMatchObject({
      status: 400,
      body: {
        error: "validation_failed",
        message: { database: "The database does not exist in this environment." },
      },
    });
    expect(await api.post(`${node}/databases/acmeweb/backups`, {})).toMatchObject({
      status: 403,
      body: { error: "forbidden", message: "Database backups do not exist on Node.js applications." },
    });
    expect(await api.get(`${node}/databases/acmeweb/backups`)).toMatchObject({
      status: 404,
      body: { error: "not_available" },
    });
    const foreign = `/environments/${SEED.foreignEnvironments.dev}`;
    expect(await api.post(`${foreign}/databases/acmeweb/backups`, {})).toMatchObject({
      status: 404,
      body: { error: "not_found", message: expect.stringMatching(/^The environment you are trying/) },
    });
  });
});

describe("database and files copies", () => {
  it("copy into another environment of the application as a task", async () => {
    const database = await api.post(`${stage}/databases`, { name: "acmeweb", source: SEED.environments.dev });
    expect(database).toMatchObject({
      status: 202,
      body: {
        message: "The database is being copied",
        _links: {
          self: { href: `${sim.apiUrl}${stage}/databases` },
          parent: { href: `${sim.apiUrl}${stage}` },
        },
      },
    });
    const files = await api.post(`${stage}/files`, { source: SEED.environments.dev });
    expect(files).toMatchObject({
      status: 202,
      body: { message: "Copying files.", _links: { self: { href: `${sim.apiUrl}${stage}/files` } } },
    });
    await api.settle(database);
    await api.settle(files);
    const { tasks, byRoute } = await sim.control.stats();
    expect(tasks.filter((t) => t.status === "completed")).toHaveLength(2);
    expect(byRoute).toMatchObject({
      "POST /environments/{environmentId}/databases": 1,
      "POST /environments/{environmentId}/files": 1,
    });
  });

  it.each([
    ["databases", { name: "acmeweb" }, "A database cannot be copied"],
    ["files", {}, "Files cannot be copied"],
  ])("refuse %s copied to itself or into production mode, with 409", async (path, body, prefix) => {
    expect(await api.post(`${dev}/${path}`, { ...body, source: SEED.environments.dev })).toMatchObject({
      status: 409,
      body: { error: "conflict", message: `${prefix} from an environment to itself.` },
    });
    expect(await api.post(`${prod}/${path}`, { ...body, source: SEED.environments.dev })).toMatchObject({
      status: 409,
      body: {
        error: "conflict",
        message: `${prefix} to an environment that is currently in production mode.`,
      },
    });
  });

  it("refuse a database the environments lack, another application's source and a missing source", async () => {
    expect(
      await api.post(`${stage}/databases`, { name: "missing", source: SEED.environments.dev }),
    ).toMatchObject({
      status: 400,
      body: { message: { database: "The database does not exist in this environment." } },
    });
    expect(
      await api.post(`${stage}/databases`, { name: "acmeweb", source: SEED.nodeEnvironments.dev }),
    ).toMatchObject({
      status: 409,
      body: { message: "The environments do not belong to the same application." },
    });
    expect(await api.post(`${stage}/files`, { source: SEED.nodeEnvironments.dev })).toMatchObject({
      status: 400,
      body: {
        message: { name: "Files can only be copied from an environment within the same application." },
      },
    });
    expect(await api.post(`${stage}/files`, {})).toMatchObject({
      status: 400,
      body: { message: { source: "Missing required parameter(s): source" } },
    });
  });
});
