import { SEED, type Simulator } from "../../simulator";
import { selfSignedCertificate } from "../simulator/helpers";
import { checked, configure, control, diff, read, simulator, up, type Props } from "./harness";
import { ed25519 } from "./keys";

// `pulumi import` reads an object from its id alone (empty state) and then diffs the program against
// what it read: for every kind, the read must yield inputs the program's values match exactly.
let sim: Simulator;
beforeAll(async () => {
  sim = await simulator();
});
afterAll(() => sim.stop());
// An import runs with the provider's own configuration (stack config), not a Connection input.
beforeEach(async () => {
  await control(sim, "POST", "reset");
  configure({
    "acquia:clientId": sim.clientId,
    "acquia:clientSecret": sim.clientSecret,
    "acquia:apiUrl": sim.apiUrl,
    "acquia:tokenUrl": sim.tokenUrl,
  });
});
afterEach(() => configure({}));

const cert = selfSignedCertificate(["import.example.com"]);
const logs = selfSignedCertificate(["logs.example.com"]);

const cases: [kind: string, inputs: (sim: Simulator) => Props][] = [
  ["EnvironmentVariable", (s) => ({ environmentId: s.environments.dev, name: "IMPORTED", value: "v-1" })],
  [
    "CronJob",
    (s) => ({
      environmentId: s.environments.dev,
      label: "Imported",
      command: "drush cron",
      frequency: "0 4 * * *",
    }),
  ],
  ["Domain", (s) => ({ environmentId: s.environments.dev, hostname: "imported.example.com" })],
  ["Database", (s) => ({ applicationUuid: s.applicationUuid, name: "imported_db" })],
  [
    "Environment",
    (s) => ({
      applicationUuid: s.applicationUuid,
      label: "Imported",
      branch: "main",
      databases: ["acmeweb"],
    }),
  ],
  [
    "EnvironmentSettings",
    (s) => ({ environmentId: s.environments.dev, phpVersion: "8.3", memoryLimit: 256 }),
  ],
  ["CodeDeployment", (s) => ({ environmentId: s.environments.test, ref: "main" })],
  ["EnvironmentFlags", (s) => ({ environmentId: s.environments.prod, productionMode: true, cdn: true })],
  [
    "EnvironmentCloudActions",
    (s) => ({ environmentId: s.environments.dev, actions: ["Backup all databases", "Import configuration"] }),
  ],
  ["SshKey", () => ({ label: "imported_key", publicKey: ed25519(9) })],
  ["Team", (s) => ({ organizationUuid: s.organizationUuid, name: "Imported Team" })],
  [
    "TeamApplication",
    (s) => ({ teamUuid: "2c9ea556-4016-11e3-9170-12313920a02c", applicationUuid: s.applicationUuid }),
  ],
  [
    "LogForwardingDestination",
    (s) => ({
      environmentId: s.environments.dev,
      label: "Imported",
      consumer: "sumologic",
      sources: ["apache-access"],
      address: "logs.example.com:6514",
      credentials: { certificate: logs.certificate, token: "imported-token-1" },
    }),
  ],
  [
    "SslCertificate",
    (s) => ({
      environmentId: s.environments.dev,
      label: "imported",
      certificate: cert.certificate,
      privateKey: cert.privateKey,
    }),
  ],
  ["ApiToken", () => ({ label: "imported-token" })],
  [
    "SubscriptionIpAllowlist",
    () => ({
      subscriptionUuid: SEED.subscriptionUuid,
      entries: [{ description: "Imported", addresses: ["192.0.2.0/24"] }],
    }),
  ],
  [
    "IdentityProvider",
    (s) => ({
      organizationUuid: s.organizationUuid,
      adopt: true,
      ssoUrl: "https://idp.example.com/imported",
    }),
  ],
];

describe("import: a read from the id alone", () => {
  it.each(cases)(
    "%s yields what the program says, so the next preview shows no change",
    async (kind, inputs) => {
      const program = inputs(sim);
      const created = await up(kind, program);
      const imported = await read(kind, { id: created.id, outs: {} });
      expect(imported.id).toBe(created.id);
      // The engine stores what the read returned, then diffs the program against it.
      const news = await checked(kind, program, imported.props ?? {});
      expect(await diff(kind, created.id, imported.props ?? {}, news)).toMatchObject({ changes: false });
    },
  );
});

describe("a connection after an import", () => {
  it("is no change when it holds the stack's own credentials, and a change when it holds others", async () => {
    const program = { environmentId: sim.environments.dev, name: "IMPORTED", value: "v-1" };
    const created = await up("EnvironmentVariable", program);
    const imported = (await read("EnvironmentVariable", { id: created.id, outs: {} })).props ?? {};
    expect(imported["connection"]).toBeUndefined();
    const stacks = {
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      apiUrl: sim.apiUrl,
      tokenUrl: sim.tokenUrl,
    };
    const given = (connection: Props) =>
      checked("EnvironmentVariable", { ...program, connection }, imported).then((news) =>
        diff("EnvironmentVariable", created.id, imported, news),
      );
    expect(await given(stacks)).toMatchObject({ changes: false });
    expect(await given({ ...stacks, clientId: "another-key" })).toMatchObject({ changes: true });
  });
});
