import {
  MESSAGE_ONLY_OPERATIONS,
  REALISM_RULES,
  SEED,
  startSimulator,
  type RealismRule,
  type Simulator,
  type SimulatorOptions,
} from "../../simulator";
import {
  Api,
  SPEC_EXAMPLE_PUBLIC_KEY,
  control,
  items,
  requestToken,
  selfSignedCertificate,
  start,
  type ApiResponse,
} from "./helpers";

// Each realism rule, on and off: with the rule on the simulator answers like Acquia, with it off like
// the spec's examples.

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A simulator with only the given rules on, and a client for it. */
async function simulatorWith(
  realism: SimulatorOptions["realism"],
  options: SimulatorOptions = {},
): Promise<{ sim: Simulator; api: Api }> {
  const sim = await start({ realism, ...options });
  return { sim, api: await Api.connect(sim) };
}

const links = (body: Record<string, unknown>): string[] => Object.keys(body._links as object).sort();

describe("the realism option", () => {
  it("turns every rule on by default, none with false, or the listed ones", async () => {
    expect(REALISM_RULES).toEqual([
      "cronServerArray",
      "nullFields",
      "messageOnly",
      "requireBody",
      "hideInvisible",
    ]);
    for (const [option, rules] of [
      [undefined, [...REALISM_RULES]],
      [true, [...REALISM_RULES]],
      [false, []],
      [
        ["hideInvisible", "nullFields"],
        ["nullFields", "hideInvisible"],
      ],
    ] as Array<[SimulatorOptions["realism"], RealismRule[]]>) {
      const sim = await start({ realism: option });
      try {
        expect(await sim.control.realism()).toEqual(rules);
      } finally {
        await sim.stop();
      }
    }
    await expect(startSimulator({ realism: ["nullFields", "tidy" as RealismRule] })).rejects.toThrow(
      /Unknown realism rule tidy/,
    );
  });

  it("changes at run time through the control endpoint and goes back to the start option on reset", async () => {
    const { sim, api } = await simulatorWith(["messageOnly"]);
    try {
      expect(await sim.control.setRealism(["requireBody"])).toEqual(["requireBody"]);
      expect((await api.request("POST", `/environments/${sim.environments.dev}/variables`)).status).toBe(400);
      expect(await sim.control.setRealism(false)).toEqual([]);
      expect(await sim.control.setRealism(true)).toEqual([...REALISM_RULES]);
      for (const body of [{ rules: ["nullFields", "sloppy"] }, { rules: "all" }, ["nullFields"]]) {
        const refused = await control(sim, "POST", "realism", body);
        expect(refused.status).toBe(400);
        expect(String(refused.body.message)).toMatch(/realism rule/);
      }
      expect(await sim.control.realism()).toEqual([...REALISM_RULES]);
      await sim.control.reset();
      expect(await sim.control.realism()).toEqual(["messageOnly"]);
    } finally {
      await sim.stop();
    }
  });
});

describe("cronServerArray", () => {
  const prod = `/environments/${SEED.environments.prod}`;

  it("on: seeds a platform cron on every environment whose server is [], and keeps it unmodifiable", async () => {
    const { sim, api } = await simulatorWith(["cronServerArray"]);
    try {
      for (const [name, id] of Object.entries(SEED.systemCronIds)) {
        const crons = items(await api.get(`/environments/${SEED.environments[name as "dev"]}/crons`));
        expect(crons.find((c) => c.id === id)).toMatchObject({
          server: [],
          label: "Run backup",
          flags: { system: true, on_any_web: true, enabled: true },
        });
      }
      const system = await api.get(`${prod}/crons/${SEED.systemCronIds.prod}`);
      expect(system.body).toMatchObject({ id: SEED.systemCronIds.prod, server: [] });
      // Crons of the customer keep the server stub.
      expect((await api.get(`${prod}/crons/${SEED.prodCronId}`)).body).toMatchObject({
        server: { id: "18", name: "web-18" },
        flags: { system: false },
      });
      const path = `${prod}/crons/${SEED.systemCronIds.prod}`;
      for (const response of [
        await api.put(path, { label: "Mine now" }),
        await api.delete(path),
        await api.post(`${path}/actions/disable`),
      ]) {
        expect(response.status).toBe(403);
        expect(response.body).toEqual({
          error: "forbidden",
          message: "You do not have permission to modify this cron.",
        });
      }
    } finally {
      await sim.stop();
    }
  });

  it("off: the platform cron has a server stub like every other cron", async () => {
    const { sim, api } = await simulatorWith(false);
    try {
      expect((await api.get(`${prod}/crons/${SEED.systemCronIds.prod}`)).body).toMatchObject({
        server: { id: "18", name: "web-18" },
        flags: { system: true },
      });
    } finally {
      await sim.stop();
    }
  });
});

describe("nullFields", () => {
  const dev = `/environments/${SEED.environments.dev}`;

  async function observe(api: Api): Promise<Record<string, unknown>> {
    const legacy = (await api.get(`/applications/${SEED.legacyApplicationUuid}`)).body;
    const listed = items(await api.get("/applications"));
    const inOrganization = items(await api.get(`/organizations/${SEED.organizationUuid}/applications`));
    const created = await api.post(`/applications/${SEED.applicationUuid}/environments`, {
      label: "Null weight",
      branch: "main",
      databases: ["acmeweb"],
    });
    await api.settle(created);
    const environments = items(await api.get(`/applications/${SEED.applicationUuid}/environments`));
    return {
      legacyType: legacy.type,
      listedTypes: listed.map((a) => [a.name, a.type]),
      organizationTypes: inOrganization.map((a) => [a.name, a.type]),
      userNames: items(await api.get(`${dev}/databases`)).map((d) => d.user_name),
      userName: (await api.get(`${dev}/databases/acmeweb`)).body.user_name,
      weights: environments.map((e) => [e.label, e.weight]),
    };
  }

  it("on: null application type, database user name and CD environment weight, alone and in lists", async () => {
    const { sim, api } = await simulatorWith(["nullFields"]);
    try {
      expect(await observe(api)).toEqual({
        legacyType: null,
        // Without hideInvisible, the foreign organization's application is listed too.
        listedTypes: [
          ["Acme Web", "drupal"],
          ["Acme Legacy", null],
          ["Acme Storefront", "node"],
          ["Globex Portal", "drupal"],
        ],
        organizationTypes: [
          ["Acme Web", "drupal"],
          ["Acme Legacy", null],
          ["Acme Storefront", "node"],
        ],
        userNames: [null, null],
        userName: null,
        weights: [
          ["Dev", 0],
          ["Stage", 0],
          ["Production", 0],
          ["Null weight", null],
        ],
      });
    } finally {
      await sim.stop();
    }
  });

  it("off: the spec's types, with drupal for the application Acquia has no type for", async () => {
    const { sim, api } = await simulatorWith(false);
    try {
      expect(await observe(api)).toMatchObject({
        legacyType: "drupal",
        listedTypes: [
          ["Acme Web", "drupal"],
          ["Acme Legacy", "drupal"],
          ["Acme Storefront", "node"],
          ["Globex Portal", "drupal"],
        ],
        userNames: ["acmewebdev", "acmewebdev"],
        userName: "acmewebdev",
        weights: [
          ["Dev", 0],
          ["Stage", 0],
          ["Production", 0],
          ["Null weight", 0],
        ],
      });
    } finally {
      await sim.stop();
    }
  });
});

describe("messageOnly", () => {
  /** Runs every message-only operation once and returns each answer's status and link names. */
  async function runOperations(sim: Simulator, api: Api): Promise<Record<string, [number, string[]]>> {
    const seen: Record<string, [number, string[]]> = {};
    const run = async (route: string, request: Promise<ApiResponse>) => {
      const response = await request;
      seen[route] = [response.status, links(response.body)];
      await api.settle(response);
      return response;
    };
    const dev = `/environments/${sim.environments.dev}`;
    const prodCron = `/environments/${sim.environments.prod}/crons/${SEED.prodCronId}`;
    await run(
      "POST /account/ssh-keys",
      api.post("/account/ssh-keys", { label: "only", public_key: SPEC_EXAMPLE_PUBLIC_KEY }),
    );
    const key = items(await api.get("/account/ssh-keys")).find((k) => k.label === "only");
    await run("DELETE /account/ssh-keys/{sshKeyUuid}", api.delete(`/account/ssh-keys/${String(key?.uuid)}`));
    await run("POST …/crons/{cronId}/actions/disable", api.post(`${prodCron}/actions/disable`));
    await run("POST …/crons/{cronId}/actions/enable", api.post(`${prodCron}/actions/enable`));
    await run(
      "DELETE /applications/{applicationUuid}/databases/{name}",
      api.delete(`/applications/${sim.applicationUuid}/databases/acmeweb_reporting`),
    );
    await run("PUT /environments/{environmentId}", api.put(dev, { memory_limit: 256 }));
    const logCert = selfSignedCertificate(["logs.example.com"]);
    const created = await run(
      "POST …/log-forwarding-destinations",
      api.post(`${dev}/log-forwarding-destinations`, {
        label: "Only",
        sources: ["apache-access"],
        consumer: "syslog",
        credentials: { certificate: logCert.certificate },
        address: "logs.example.com:514",
      }),
    );
    const destination = String((created.body._links as { self: { href: string } }).self.href).replace(
      sim.apiUrl,
      "",
    );
    await run(
      "PUT …/log-forwarding-destinations/{uuid}",
      api.put(destination, { consumer: "syslog", label: "Only 2" }),
    );
    await run(
      "POST …/log-forwarding-destinations/{uuid}/actions/disable",
      api.post(`${destination}/actions/disable`),
    );
    await run(
      "POST …/log-forwarding-destinations/{uuid}/actions/enable",
      api.post(`${destination}/actions/enable`),
    );
    await run("DELETE …/log-forwarding-destinations/{uuid}", api.delete(destination));
    const cert = selfSignedCertificate(["only.example.com"]);
    await run(
      "POST …/ssl/certificates",
      api.post(`${dev}/ssl/certificates`, {
        label: "Only",
        certificate: cert.certificate,
        private_key: cert.privateKey,
      }),
    );
    const certificate = `${dev}/ssl/certificates/${String(items(await api.get(`${dev}/ssl/certificates`))[0]?.id)}`;
    await run("POST …/ssl/certificates/{id}/actions/activate", api.post(`${certificate}/actions/activate`));
    await run(
      "POST …/ssl/certificates/{id}/actions/deactivate",
      api.post(`${certificate}/actions/deactivate`),
    );
    await run("DELETE …/ssl/certificates/{id}", api.delete(certificate));
    return seen;
  }

  it("on: fifteen operations answer {message, _links: {self, parent}} without a notification link", async () => {
    const { sim, api } = await simulatorWith(["messageOnly"]);
    try {
      const seen = await runOperations(sim, api);
      expect(Object.keys(seen)).toHaveLength(15);
      for (const [route, answer] of Object.entries(seen)) {
        expect({ route, answer }).toEqual({ route, answer: [202, ["parent", "self"]] });
      }
      // They are exactly the listed operations, and every one of them still ran a task.
      const { byRoute, tasks } = await sim.control.stats();
      const mutating = Object.keys(byRoute).filter((route) => !route.startsWith("GET "));
      expect(mutating.sort()).toEqual([...MESSAGE_ONLY_OPERATIONS].sort());
      expect(tasks).toHaveLength(15);
      // An operation Acquia links keeps its link.
      const linked = await api.post(`/environments/${sim.environments.dev}/variables`, {
        name: "LINKED",
        value: "1",
      });
      expect(links(linked.body)).toEqual(["notification", "parent", "self"]);
    } finally {
      await sim.stop();
    }
  });

  it("on: the change still shows only when the unlinked task ends", async () => {
    const { sim, api } = await simulatorWith(["messageOnly"]);
    try {
      await sim.control.addFaults([{ method: "PUT", path: "/api/environments/*", taskDurationMs: 300 }]);
      const dev = `/environments/${sim.environments.dev}`;
      const memory = async () =>
        ((await api.get(dev)).body.configuration as { php: { memory_limit: number } }).php.memory_limit;
      const accepted = await api.put(dev, { memory_limit: 512 });
      expect(accepted.body).toEqual({
        message: "The environment configuration is being updated.",
        _links: {
          self: { href: `${sim.apiUrl}${dev}` },
          parent: { href: `${sim.apiUrl}/applications/${sim.applicationUuid}/environments` },
        },
      });
      await pause(100);
      expect(await memory()).toBe(128);
      expect(await api.settle(accepted)).toMatchObject({ status: "completed" });
      expect(await memory()).toBe(512);
    } finally {
      await sim.stop();
    }
  });

  it("off: the same operations carry their notification link", async () => {
    const { sim, api } = await simulatorWith(false);
    try {
      const seen = await runOperations(sim, api);
      for (const [route, answer] of Object.entries(seen)) {
        expect({ route, answer }).toEqual({ route, answer: [202, ["notification", "parent", "self"]] });
      }
    } finally {
      await sim.stop();
    }
  });
});

describe("requireBody", () => {
  const refusal = {
    error: "validation_failed",
    message: { general: "The request body is missing, or its content type is not set." },
  };

  /** A request with exactly the given body and headers (fetch adds no content type to bytes). */
  async function raw(
    sim: Simulator,
    api: Api,
    method: string,
    path: string,
    body?: Uint8Array,
    type?: string,
  ) {
    const headers: Record<string, string> = { Authorization: `Bearer ${api.bearer}` };
    if (type !== undefined) headers["Content-Type"] = type;
    const response = await fetch(`${sim.apiUrl}${path}`, { method, headers, body });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it("on: a POST or PUT without a body or without a content type answers 400", async () => {
    const { sim, api } = await simulatorWith(["requireBody"]);
    try {
      const cron = `/environments/${sim.environments.prod}/crons/${SEED.prodCronId}`;
      const json = new TextEncoder().encode("{}");
      expect(await raw(sim, api, "POST", `${cron}/actions/disable`)).toEqual({ status: 400, body: refusal });
      expect(await raw(sim, api, "POST", `${cron}/actions/disable`, json)).toEqual({
        status: 400,
        body: refusal,
      });
      expect(await raw(sim, api, "POST", `${cron}/actions/disable`, undefined, "application/json")).toEqual({
        status: 400,
        body: refusal,
      });
      expect(await raw(sim, api, "PUT", `/teams/${SEED.teamUuid}`)).toEqual({ status: 400, body: refusal });
      // `{}` with a content type is what clients send for actions; forms count as bodies too.
      expect((await raw(sim, api, "POST", `${cron}/actions/disable`, json, "application/json")).status).toBe(
        202,
      );
      expect((await api.put(`/teams/${SEED.teamUuid}`, { name: "Devs" }, { form: true })).status).toBe(200);
      // GET and DELETE need no body; the token endpoint takes its form as always.
      expect((await api.get("/account")).status).toBe(200);
      expect((await api.delete(`/environments/${sim.environments.dev}/variables/NONE`)).status).toBe(404);
      expect((await requestToken(sim)).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });

  it("off: an empty POST is taken as an empty body", async () => {
    const { sim, api } = await simulatorWith(false);
    try {
      const cron = `/environments/${sim.environments.prod}/crons/${SEED.prodCronId}`;
      expect((await raw(sim, api, "POST", `${cron}/actions/disable`)).status).toBe(202);
    } finally {
      await sim.stop();
    }
  });
});

describe("hideInvisible", () => {
  const foreign = {
    organization: `/organizations/${SEED.foreignOrganizationUuid}`,
    application: `/applications/${SEED.foreignApplicationUuid}`,
    environment: `/environments/${SEED.foreignEnvironments.prod}`,
    team: `/teams/${SEED.foreignTeamUuid}`,
  };
  const notFound = (kind: string, verb = "access"): Record<string, string> => ({
    error: "not_found",
    message: `The ${kind} you are trying to access does not exist, or you do not have permission to ${verb} it.`,
  });

  it("on: objects of an organization the account is not a member of answer like missing ones", async () => {
    const { sim, api } = await simulatorWith(["hideInvisible"]);
    try {
      const answers: Array<[string, { status: number; body: unknown }]> = [];
      for (const path of [
        foreign.organization,
        `${foreign.organization}/applications`,
        `${foreign.organization}/teams`,
        foreign.application,
        `${foreign.application}/environments`,
        `${foreign.application}/databases`,
        `${foreign.application}/code`,
        foreign.environment,
        `${foreign.environment}/variables`,
        `${foreign.environment}/crons`,
        foreign.team,
        `${foreign.team}/applications`,
      ]) {
        const response = await api.get(path);
        answers.push([path, { status: response.status, body: response.body }]);
      }
      const kindOf = (path: string): string =>
        path.startsWith("/organizations")
          ? "organization"
          : path.startsWith("/applications")
            ? "application"
            : path.startsWith("/teams")
              ? "team"
              : "environment";
      expect(answers).toEqual(answers.map(([path]) => [path, { status: 404, body: notFound(kindOf(path)) }]));

      const write = await api.post(`${foreign.environment}/variables`, { name: "X", value: "1" });
      expect({ status: write.status, body: write.body }).toEqual({
        status: 404,
        body: notFound("environment"),
      });
      const rename = await api.put(foreign.team, { name: "Mine" });
      expect({ status: rename.status, body: rename.body }).toEqual({
        status: 404,
        body: notFound("team", "rename"),
      });
      // Team-application calls answer a missing application with 403 (spec): so they answer a hidden one.
      const link = await api.post(`/teams/${SEED.teamUuid}/applications`, {
        uuid: SEED.foreignApplicationUuid,
      });
      expect({ status: link.status, body: link.body }).toEqual({
        status: 403,
        body: { error: "forbidden", message: notFound("application").message },
      });

      expect(items(await api.get("/organizations")).map((o) => o.uuid)).not.toContain(
        SEED.foreignOrganizationUuid,
      );
      expect(items(await api.get("/applications")).map((a) => a.uuid)).not.toContain(
        SEED.foreignApplicationUuid,
      );
      // A federated organization is another matter: the account is a member, the token lacks scope.
      expect((await api.get(`/applications/${SEED.federatedApplicationUuid}`)).body).toEqual({
        error: "additional_authentication_required",
        message: "This resource requires additional authentication.",
      });
    } finally {
      await sim.stop();
    }
  });

  it("off: they are listed and answer 403", async () => {
    const { sim, api } = await simulatorWith(false);
    try {
      for (const path of [foreign.organization, foreign.application, foreign.environment, foreign.team]) {
        const response = await api.get(path);
        expect({ path, status: response.status, body: response.body }).toEqual({
          path,
          status: 403,
          body: { error: "forbidden", message: "You do not have permission to access this resource." },
        });
      }
      expect(items(await api.get("/organizations")).map((o) => o.uuid)).toContain(
        SEED.foreignOrganizationUuid,
      );
      expect(items(await api.get("/applications")).map((a) => a.uuid)).toContain(SEED.foreignApplicationUuid);
    } finally {
      await sim.stop();
    }
  });
});
