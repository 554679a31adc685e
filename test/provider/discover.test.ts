// `acquia-cloud discover` without the engine: the generator (estate → files) on a hand-made estate,
// and the command against the simulator for what it refuses and what it leaves on disk.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { runDiscover } from "../../cli/discover/command";
import type { DiscoveredApplication, DiscoveredEnvironment, Estate } from "../../cli/discover/estate";
import { DISCOVER_KINDS } from "../../cli/discover/estate";
import { generateProject, type GeneratedProject } from "../../cli/discover/generate";
import { walkEstate } from "../../cli/discover/walk";
import { IdentifierAllocator, NameAllocator, camel, kebab } from "../../cli/discover/names";
import { AcquiaCloudClient } from "../../sdk";
import { SEED, type Simulator } from "../../simulator";
import { behindPulumi, mutations, simulator, up } from "./harness";

const VERSIONS = {
  pulumiAcquiaCloud: "^0.1.0",
  pulumi: "^3.216.0",
  typescript: "~5.9.3",
  nodeTypes: "^20.19.0",
};
const SECRETS = {
  variable: "variable-secret-8c1f2a",
  quoted: 'it\'s "quoted" \\ secret',
  privateKey:
    "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n",
};

function environment(over: Partial<DiscoveredEnvironment>): DiscoveredEnvironment {
  return {
    id: "24-a47ac10b-58cc-4372-a567-0e02b2c3d470",
    name: "dev",
    label: "Dev",
    cde: false,
    branch: "develop",
    databases: [],
    settings: { phpVersion: "8.3", memoryLimit: 256 },
    flags: {},
    variables: [],
    crons: [],
    domains: [],
    certificates: [],
    logDestinations: [],
    ...over,
  };
}

const ACME_WEB: DiscoveredApplication = {
  uuid: "a47ac10b-58cc-4372-a567-0e02b2c3d470",
  name: "Acme Web",
  organizationUuid: "6a907396-abfd-4d01-9da6-64c8efc04519",
  nameIsUnique: true,
};

function estate(over: Partial<Estate> = {}): Estate {
  return {
    scope: { application: { ...ACME_WEB } },
    connection: { clientId: "17feaf34-5d04-402b-9a67-15d5161d24e1" },
    kinds: DISCOVER_KINDS,
    databases: ["reporting"],
    environments: [
      environment({
        flags: { cdn: false, modProxy: true },
        cloudActions: ["Backup all databases", "Clear all Drupal caches"],
        variables: [
          { name: "APP_MODE", value: SECRETS.variable },
          { name: "app_mode", value: SECRETS.quoted },
        ],
        crons: [
          {
            id: "1",
            label: "Nightly import",
            command: 'drush php:eval "echo \\"x\\";"',
            frequency: "0 3 * * *",
            enabled: false,
          },
          {
            id: "2",
            label: "nightly-import",
            command: "drush cron",
            frequency: "*/5 * * * *",
            enabled: true,
          },
        ],
        domains: ["dev.acme.example.com"],
        certificates: [
          {
            id: "7",
            label: "site",
            certificate: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            privateKey: SECRETS.privateKey,
            active: true,
          },
        ],
        logDestinations: [
          {
            uuid: "d1",
            label: "Central syslog",
            consumer: "syslog",
            sources: ["apache-access"],
            address: "logs.example.com:6514",
            certificate: "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
            hasKey: true,
            hasToken: true,
            enabled: true,
          },
        ],
      }),
      environment({
        id: "40-a47ac10b-58cc-4372-a567-0e02b2c3d470",
        name: "ode40",
        label: "Feature",
        cde: true,
        databases: ["acmeweb"],
        cloudActions: ["Run database updates"],
      }),
      // An environment whose machine name is a keyword must still give a valid const.
      environment({
        id: "25-a47ac10b-58cc-4372-a567-0e02b2c3d470",
        name: "default",
        label: "Default",
        settings: {},
        // Cloud Actions unavailable there: none are written.
        flags: { productionMode: true, cdn: true, modProxy: false },
      }),
    ],
    teams: [
      {
        uuid: "2c9ea556-4016-11e3-9170-12313920a02c",
        name: "Developers",
        organizationUuid: "6a907396-abfd-4d01-9da6-64c8efc04519",
        applications: [ACME_WEB],
        members: [],
      },
    ],
    sshKeys: [
      { uuid: "k1", label: "ci_deploy", publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB ci@acme" },
    ],
    roles: [],
    allowlists: [],
    skipped: [],
    ...over,
  };
}

const everything = (p: GeneratedProject) => [...Object.values(p.files), ...p.configCommands].join("\n");
/** Each `new acquia.<Type>(…);` statement of the program. */
const statements = (index: string) =>
  index.match(/new acquia\.\w+\("[^"]*", \{\n[\s\S]*?\n\}(?:, \{ protect: true \})?\);/g) ?? [];

describe("discover: the generator", () => {
  const project = generateProject(estate(), { versions: VERSIONS });
  const index = project.files["index.ts"] ?? "";

  it("writes no secret value anywhere, and reads each from stack config", () => {
    const text = everything(project);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toContain("MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg");
    expect(project.secrets.map((s) => s.key)).toEqual([
      "devAppMode",
      "devAppMode2",
      "devSitePrivateKey",
      "devCentralSyslogKey",
      "devCentralSyslogToken",
    ]);
    for (const { key } of project.secrets)
      expect(index).toContain(`config.requireSecret(${JSON.stringify(key)})`);
    expect(project.configCommands).toContain(
      "pulumi config set --secret devAppMode '<value of APP_MODE on Dev (dev)>'",
    );
    expect(project.configCommands.filter((c) => c.includes("< dev-site-private-key.pem"))).toHaveLength(1);
    expect(project.configCommands[0]).toBe(
      "pulumi config set acquia:clientId 17feaf34-5d04-402b-9a67-15d5161d24e1",
    );
  });

  it("adopts every keyed resource and protects every resource", () => {
    const all = statements(index);
    expect(all).toHaveLength(Object.values(project.counts).reduce((a, b) => a + b, 0));
    for (const statement of all) {
      expect(statement).toMatch(/\}, \{ protect: true \}\);$/);
      const applies =
        /new acquia\.(EnvironmentSettings|CodeDeployment|EnvironmentFlags|EnvironmentCloudActions)\(/.test(
          statement,
        );
      expect(statement.includes("adopt: true")).toBe(!applies);
    }
    // The Connection holds nothing at Acquia: neither adopted nor protected.
    expect(index).toContain('const connection = new acquia.Connection("acquia");');
  });

  it("refers to the application and environments by lookups, not by id", () => {
    expect(index).toContain('pulumi.output(acquia.getApplication({ name: "Acme Web" }))');
    expect(index).toContain('acquia.getEnvironment({ applicationUuid: a.uuid, name: "dev" })');
    expect(index).not.toContain("24-a47ac10b");
    expect(index).not.toContain('a47ac10b-58cc-4372-a567-0e02b2c3d470"');
    // A name shared by several applications cannot find it: the UUID is the lookup then.
    const ambiguous = estate({ scope: { application: { ...ACME_WEB, nameIsUnique: false } } });
    expect(generateProject(ambiguous, { versions: VERSIONS }).files["index.ts"]).toContain(
      'acquia.getApplication({ uuid: "a47ac10b-58cc-4372-a567-0e02b2c3d470" })',
    );
  });

  it("manages a CD environment as an Environment (no CodeDeployment beside it), others by lookup", () => {
    expect(index).toMatch(
      /const feature = new acquia\.Environment\("feature", \{[^}]*label: "Feature",[^}]*databases: \["acmeweb"\]/,
    );
    expect(index).toContain("environmentId: feature.environmentId");
    expect(index).not.toContain('"feature-code"');
    expect(index).toContain('new acquia.CodeDeployment("dev-code"');
    // Without the environment kind, the CD environment is looked up like any other.
    const without = generateProject(estate({ kinds: DISCOVER_KINDS.filter((k) => k !== "environment") }), {
      versions: VERSIONS,
    });
    expect(without.files["index.ts"]).toContain(
      'acquia.getEnvironment({ applicationUuid: a.uuid, name: "ode40" })',
    );
  });

  it("writes each environment's flags as found and its enabled Cloud Actions by label, applied, not adopted", () => {
    const resource = (type: string, name: string, lines: string[]) =>
      [`new acquia.${type}("${name}", {`, "  connection,", ...lines, "}, { protect: true });"].join("\n");
    expect(index).toContain(
      resource("EnvironmentFlags", "dev-flags", [
        "  environmentId: dev.id,",
        "  cdn: false,",
        "  modProxy: true,",
      ]),
    );
    expect(index).toContain(
      resource("EnvironmentCloudActions", "dev-cloud-actions", [
        "  environmentId: dev.id,",
        '  actions: ["Backup all databases", "Clear all Drupal caches"],',
      ]),
    );
    // A CD environment reports no flag (no CDN, no mod_proxy, not a production one): no EnvironmentFlags.
    expect(index).not.toContain('"feature-flags"');
    expect(index).toContain(
      resource("EnvironmentCloudActions", "feature-cloud-actions", [
        "  environmentId: feature.environmentId,",
        '  actions: ["Run database updates"],',
      ]),
    );
    // Where Cloud Actions are unavailable nothing is written for them (the walk says why in the summary).
    expect(index).not.toContain('"default-cloud-actions"');
    expect(index).toContain(
      resource("EnvironmentFlags", "default-flags", [
        "  environmentId: envDefault.id,",
        "  productionMode: true,",
        "  cdn: true,",
        "  modProxy: false,",
      ]),
    );
    expect(project.counts).toMatchObject({ EnvironmentFlags: 2, EnvironmentCloudActions: 2 });
    // Both kinds' ids are the environment's (idFormat `<environmentId>`).
    expect(JSON.parse(project.files["import.json"] ?? "{}").resources).toEqual(
      expect.arrayContaining([
        {
          type: "acquia:index:EnvironmentFlags",
          name: "dev-flags",
          id: "24-a47ac10b-58cc-4372-a567-0e02b2c3d470",
        },
        {
          type: "acquia:index:EnvironmentCloudActions",
          name: "feature-cloud-actions",
          id: "40-a47ac10b-58cc-4372-a567-0e02b2c3d470",
        },
      ]),
    );
    // --exclude leaves each out.
    for (const excluded of ["environment-flags", "environment-cloud-actions"] as const) {
      const without = generateProject(estate({ kinds: DISCOVER_KINDS.filter((k) => k !== excluded) }), {
        versions: VERSIONS,
      });
      const type = excluded === "environment-flags" ? "EnvironmentFlags" : "EnvironmentCloudActions";
      expect(without.files["index.ts"]).not.toContain(`new acquia.${type}(`);
      expect(without.counts[type]).toBeUndefined();
    }
  });

  it("derives unique, sanitised names from labels", () => {
    const names = all(index, /new acquia\.\w+\("([^"]+)"/g);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        "dev-app-mode",
        "dev-app-mode-2",
        "dev-nightly-import",
        "dev-nightly-import-2",
        "dev-dev-acme-example-com",
        "team-developers",
        "ssh-key-ci-deploy",
      ]),
    );
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(index).toContain("const envDefault = application.apply(");
  });

  it("keeps labels with newlines and quotes out of comments' and placeholders' way", () => {
    const odd = estate({
      environments: [
        environment({
          label: "Dev\nline two",
          variables: [{ name: "X", value: "v" }],
          certificates: [
            { id: "1", label: "site", certificate: "A", privateKey: "k", active: true },
            { id: "2", label: "Site", certificate: "B", privateKey: "k", active: false },
          ],
        }),
      ],
    });
    const p = generateProject(odd, { versions: VERSIONS });
    const text = p.files["index.ts"] ?? "";
    expect(text).not.toMatch(/^line two/m);
    expect(p.configCommands).toContain(
      "pulumi config set --secret devX '<value of X on Dev line two (dev)>'",
    );
    // Two certificates whose names sanitise alike keep a file each.
    expect(p.files["certificates/dev-site.crt"]).toBe("A\n");
    expect(p.files["certificates/dev-site-2.crt"]).toBe("B\n");
    expect(ts.transpileModule(text, { reportDiagnostics: true }).diagnostics).toEqual([]);
  });

  it("writes a program TypeScript parses, whatever the labels hold", () => {
    const result = ts.transpileModule(index, {
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS },
    });
    expect(result.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    expect(index).toContain(`command: ${JSON.stringify('drush php:eval "echo \\"x\\";"')}`);
  });

  it("keeps public certificates beside the program, and the project runnable", () => {
    expect(project.files["certificates/dev-site.crt"]).toContain("BEGIN CERTIFICATE");
    expect(project.files["certificates/dev-central-syslog-logs.crt"]).toContain("BEGIN CERTIFICATE");
    expect(index).toContain('certificate: pem("certificates/dev-site.crt")');
    expect(index).toContain(
      'credentials: { certificate: pem("certificates/dev-central-syslog-logs.crt"), key: config.requireSecret("devCentralSyslogKey"), token: config.requireSecret("devCentralSyslogToken") }',
    );
    expect(project.files["Pulumi.yaml"]).toMatch(/^name: acme-web\n/);
    expect(JSON.parse(project.files["package.json"] ?? "{}")).toMatchObject({
      main: "index.ts",
      dependencies: { "pulumi-acquia-cloud": "^0.1.0", "@pulumi/pulumi": "^3.216.0" },
    });
  });

  it("lists the same resources for plugin mode's `pulumi import --file`, by the ids Reference documents", () => {
    const { resources } = JSON.parse(project.files["import.json"] ?? "{}") as {
      resources: { type: string; name: string; id: string }[];
    };
    expect(resources.map((r) => r.name)).toEqual(all(index, /new acquia\.(?!Connection)\w+\("([^"]+)"/g));
    expect(resources).toEqual(
      expect.arrayContaining([
        {
          type: "acquia:index:EnvironmentVariable",
          name: "dev-app-mode",
          id: "24-a47ac10b-58cc-4372-a567-0e02b2c3d470/APP_MODE",
        },
        {
          type: "acquia:index:CronJob",
          name: "dev-nightly-import",
          id: "24-a47ac10b-58cc-4372-a567-0e02b2c3d470/1",
        },
        { type: "acquia:index:Environment", name: "feature", id: "40-a47ac10b-58cc-4372-a567-0e02b2c3d470" },
        {
          type: "acquia:index:Database",
          name: "database-reporting",
          id: "a47ac10b-58cc-4372-a567-0e02b2c3d470/reporting",
        },
        {
          type: "acquia:index:TeamApplication",
          name: "team-developers-application",
          id: "2c9ea556-4016-11e3-9170-12313920a02c/a47ac10b-58cc-4372-a567-0e02b2c3d470",
        },
      ]),
    );
  });

  it("with --organization, writes the teams with a lookup per application on them", () => {
    const other = { ...ACME_WEB, uuid: "a47ac10b-58cc-4372-a567-0e02b2c3d472", name: "Acme Legacy" };
    const twin = {
      ...ACME_WEB,
      uuid: "a47ac10b-58cc-4372-a567-0e02b2c3d473",
      name: "Twin",
      nameIsUnique: false,
    };
    const org = generateProject(
      estate({
        scope: { organization: { uuid: "6a907396-abfd-4d01-9da6-64c8efc04519", name: "Acme Platform" } },
        databases: [],
        environments: [],
        teams: [
          {
            uuid: "2c9ea556-4016-11e3-9170-12313920a02c",
            name: "Developers",
            organizationUuid: "6a9",
            applications: [ACME_WEB, other],
            members: [],
          },
          {
            uuid: "3c9ea556-4016-11e3-9170-12313920a02c",
            name: "Ops",
            organizationUuid: "6a9",
            applications: [ACME_WEB, twin],
            members: [],
          },
        ],
      }),
      { versions: VERSIONS },
    );
    const text = org.files["index.ts"] ?? "";
    expect(org.projectName).toBe("acme-platform");
    expect(text).toContain(
      'pulumi.output(acquia.getOrganization({ uuid: "6a907396-abfd-4d01-9da6-64c8efc04519" })).uuid',
    );
    expect(text).not.toContain("const application =");
    // One lookup per application, shared by every team holding it; by UUID when the name is not unique.
    expect(text.match(/acquia\.getApplication\(\{ name: "Acme Web" \}\)/g)).toHaveLength(1);
    expect(text).toContain(
      'const twinApplication = pulumi.output(acquia.getApplication({ uuid: "a47ac10b-58cc-4372-a567-0e02b2c3d473" }));',
    );
    expect(org.counts).toMatchObject({ Team: 2, TeamApplication: 4, SshKey: 1 });
    expect(text).toContain('new acquia.TeamApplication("team-ops-twin", {');
    expect(text).toContain("applicationUuid: acmeWebApplication.uuid,");
    expect(ts.transpileModule(text, { reportDiagnostics: true }).diagnostics).toEqual([]);
  });

  it("with --organization, writes custom roles, each team's people by role name, and the Shield allowlists", () => {
    const orgUuid = "6a907396-abfd-4d01-9da6-64c8efc04519";
    const team = {
      uuid: "2c9ea556-4016-11e3-9170-12313920a02c",
      name: "Developers",
      organizationUuid: orgUuid,
      applications: [],
      members: [
        {
          email: "jane.doe@example.com",
          roles: [
            { uuid: "r-custom", name: "Release Manager" },
            { uuid: "r-default", name: "Senior Developer" },
          ],
        },
        { email: "new.hire@example.com", roles: [{ uuid: "r-default", name: "Senior Developer" }] },
      ],
    };
    const access = (kinds: Estate["kinds"]) =>
      generateProject(
        estate({
          scope: { organization: { uuid: orgUuid, name: "Acme Platform" } },
          kinds,
          databases: [],
          environments: [],
          sshKeys: [],
          teams: [team],
          roles: [
            {
              uuid: "r-custom",
              name: "Release Manager",
              description: "Ships to prod",
              permissions: ["access cloud api", "deploy to prod"],
            },
          ],
          allowlists: [
            {
              subscriptionUuid: "f47ac10b-58cc-4372-a567-0e02b2c3d470",
              subscriptionName: "Acme Platform Enterprise",
              nameIsUnique: true,
              entries: [{ description: "Office", addresses: ["203.0.113.0/24", "198.51.100.7"] }],
            },
          ],
        }),
        { versions: VERSIONS },
      );
    const org = access(DISCOVER_KINDS);
    const text = org.files["index.ts"] ?? "";
    expect(org.counts).toMatchObject({ Role: 1, Team: 1, TeamMember: 2, SubscriptionIpAllowlist: 1 });
    expect(text).toContain(
      [
        'const releaseManagerRole = new acquia.Role("role-release-manager", {',
        "  connection,",
        "  adopt: true,",
        "  organizationUuid,",
        '  name: "Release Manager",',
        '  description: "Ships to prod",',
        '  permissions: ["access cloud api", "deploy to prod"],',
        "}, { protect: true });",
      ].join("\n"),
    );
    // A custom role by its resource, a default one by name from one getRoles lookup.
    expect(text.match(/acquia\.getRoles\(/g)).toHaveLength(1);
    expect(text).toContain(
      'roles: [releaseManagerRole.roleUuid, organizationRoles.byName["Senior Developer"]],',
    );
    expect(text).toContain('new acquia.TeamMember("team-developers-new-hire-example-com", {');
    expect(text).toContain("teamUuid: teamDevelopers.teamUuid,");
    expect(text).toContain(
      'const acmePlatformEnterpriseSubscription = pulumi.output(acquia.getSubscription({ name: "Acme Platform Enterprise" }));',
    );
    expect(text).toContain('    { description: "Office", addresses: ["203.0.113.0/24", "198.51.100.7"] },');
    for (const s of statements(text)) expect(s).toMatch(/adopt: true,[\s\S]*\{ protect: true \}\);$/);
    expect(ts.transpileModule(text, { reportDiagnostics: true }).diagnostics).toEqual([]);
    expect(JSON.parse(org.files["import.json"] ?? "")).toEqual({
      resources: expect.arrayContaining([
        { type: "acquia:index:Role", name: "role-release-manager", id: `${orgUuid}/r-custom` },
        {
          type: "acquia:index:TeamMember",
          name: "team-developers-jane-doe-example-com",
          id: "2c9ea556-4016-11e3-9170-12313920a02c/jane.doe@example.com",
        },
        {
          type: "acquia:index:SubscriptionIpAllowlist",
          name: "acme-platform-enterprise-allowlist",
          id: "f47ac10b-58cc-4372-a567-0e02b2c3d470",
        },
      ]),
    });

    // Without Role and Team, people name every role through getRoles and find their team with getTeam.
    const people = access(["team-member"]).files["index.ts"] ?? "";
    expect(statements(people).map((s) => /new acquia\.(\w+)/.exec(s)?.[1])).toEqual([
      "TeamMember",
      "TeamMember",
    ]);
    expect(people).toContain(
      'const teamDevelopers = pulumi.output(acquia.getTeam({ uuid: "2c9ea556-4016-11e3-9170-12313920a02c" }));',
    );
    expect(people).toContain("teamUuid: teamDevelopers.uuid,");
    expect(people).toContain('organizationRoles.byName["Release Manager"]');
    expect(ts.transpileModule(people, { reportDiagnostics: true }).diagnostics).toEqual([]);
  });

  it("is deterministic", () => {
    expect(generateProject(estate(), { versions: VERSIONS })).toEqual(project);
  });
});

function all(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1] ?? "");
}

describe("discover: names", () => {
  it("sanitises labels into resource names and config keys", () => {
    expect(kebab("prod", "Drupal cron (hourly)")).toBe("prod-drupal-cron-hourly");
    expect(kebab("dev", "www.Example.COM")).toBe("dev-www-example-com");
    expect(kebab("Ünïcödé")).toBe("unicode");
    expect(camel("dev", "APP_MODE")).toBe("devAppMode");
    expect(camel("prod", "site", "private key")).toBe("prodSitePrivateKey");
  });

  it("never hands out a name twice, nor a keyword as an identifier", () => {
    const names = new NameAllocator();
    expect([names.take("a"), names.take("a"), names.take("A"), names.take("a-2")]).toEqual([
      "a",
      "a-2",
      "A-3",
      "a-2-2",
    ]);
    const identifiers = new IdentifierAllocator();
    expect([
      identifiers.take("class"),
      identifiers.take("42"),
      identifiers.take("config"),
      identifiers.take("dev"),
    ]).toEqual(["envClass", "env42", "envConfig", "dev"]);
  });
});

describe("discover: the command against the simulator", () => {
  let sim: Simulator;
  let root: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    sim = await simulator();
    root = mkdtempSync(join(tmpdir(), "discover-"));
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await sim.stop();
  });
  beforeEach(() => {
    process.env["ACLI_KEY"] = sim.clientId;
    process.env["ACLI_SECRET"] = sim.clientSecret;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  async function discover(args: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await runDiscover([...args, "--api-url", sim.apiUrl, "--token-url", sim.tokenUrl], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      cwd: root,
    });
    return { code, stdout, stderr };
  }

  it("discovers only the kinds and environments asked for, reading nothing but GETs", async () => {
    await (
      await new AcquiaCloudClient(connection(sim)).variables.create(sim.environments.dev, {
        name: "ONLY_DEV",
        value: "v-1",
      })
    ).wait({ pollIntervalMs: 10 });
    const before = await mutations(sim);
    const out = join(root, "variables-only");
    const run = await discover([
      "--application",
      "Acme Web",
      "--include",
      "EnvironmentVariable",
      "--environments",
      "dev",
      "--out",
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/discover: environments: 1 \(dev\)/);
    expect(run.stderr).toMatch(/discover: dev: 1 variable, 0 cron jobs/);
    const index = readFileSync(join(out, "index.ts"), "utf8");
    expect(statements(index).map((s) => /new acquia\.(\w+)/.exec(s)?.[1])).toEqual(["EnvironmentVariable"]);
    expect(run.stdout).toMatch(
      /^pulumi config set --secret devOnlyDev '<value of ONLY_DEV on Dev \(dev\)>'$/m,
    );
    expect(index).not.toContain("v-1");
    expect(await mutations(sim)).toEqual(before);
  });

  it("refuses a non-empty --out without --force, and writes nothing", async () => {
    const out = join(root, "taken");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine");
    const run = await discover(["--application", "Acme Web", "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--out .* is not empty: .* or pass --force .* \[OUT_DIR_NOT_EMPTY\]/);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    const forced = await discover(["--application", "Acme Web", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "Pulumi.yaml",
      "import.json",
      "index.ts",
      "notes.txt",
      "package.json",
      "tsconfig.json",
    ]);
    expect(readdirSync(root).filter((f) => f.includes(".discover-"))).toEqual([]);
  });

  it("names the flag to fix, and writes nothing, for each refusal", async () => {
    const cases: [string[], RegExp, number][] = [
      [
        ["--application-uuid", sim.foreignApplicationUuid],
        /not visible to this API key\. Check --application\/--application-uuid.*ACLI_KEY.*\[APPLICATION_NOT_VISIBLE\]/s,
        1,
      ],
      [
        ["--application", "No Such App"],
        /No application named "No Such App".*not visible.*\[APPLICATION_NOT_VISIBLE\]/s,
        1,
      ],
      [
        ["--application", "Acme Web", "--environments", "nope"],
        /--environments names "nope".*dev, test, prod.*\[ENVIRONMENT_NOT_FOUND\]/s,
        1,
      ],
      [
        ["--application", "Acme Web", "--include", "widgets"],
        /--include names "widgets", which is not a kind.*\[USAGE\]/s,
        2,
      ],
      [
        ["--application", "Acme Web", "--application-uuid", sim.applicationUuid],
        /exactly one of --application NAME, --application-uuid UUID or --organization UUID.*\[USAGE\]/s,
        2,
      ],
    ];
    cases.push(
      [
        ["--organization", sim.foreignOrganizationUuid],
        /Organization .* is not visible to this API key\. Check --organization.*\[ORGANIZATION_NOT_VISIBLE\]/s,
        1,
      ],
      [
        ["--organization", sim.organizationUuid, "--environments", "dev"],
        /--environments belongs to an application.*\[USAGE\]/s,
        2,
      ],
    );
    for (const [args, message, code] of cases) {
      const out = join(root, "refused");
      const run = await discover([...args, "--out", out]);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({
        args,
        code,
        stderr: expect.stringMatching(message),
      });
      expect(run.stderr).toContain("Nothing was written.");
      expect(readdirSync(root)).not.toContain("refused");
    }
  });

  it("with --organization, writes the teams with their applications and people, custom roles and Shield allowlists", async () => {
    // Before any rule, nothing shows the subscription has Shield: it is reported, not written.
    const early = await discover([
      "--organization",
      sim.organizationUuid,
      "--include",
      "role,SubscriptionIpAllowlist",
      "--out",
      join(root, "organization-before"),
    ]);
    expect(early.code).toBe(0);
    expect(early.stderr).toMatch(/discover: custom roles: 0/);
    expect(early.stderr).toMatch(
      /subscription-ip-allowlist: Shield allowlist of subscription "Acme Platform Enterprise": no Shield rules/,
    );
    expect(statements(readFileSync(join(root, "organization-before", "index.ts"), "utf8"))).toEqual([]);

    const client = new AcquiaCloudClient(connection(sim));
    const wait = { pollIntervalMs: 10 };
    await (
      await client.roles.create(sim.organizationUuid, {
        name: "Release Manager",
        permissions: ["deploy to prod", "access cloud api"],
      })
    ).wait(wait);
    const roles = await client.roles.listForOrganization(sim.organizationUuid);
    const custom = roles.find((r) => r.name === "Release Manager")?.uuid ?? "";
    const developer = roles.find((r) => r.name === "Developer")?.uuid ?? "";
    const team = (await client.teams.find(sim.organizationUuid, "Developers"))?.uuid ?? "";
    await (
      await client.teamMembers.invite(team, { email: "new.hire@example.com", roles: [custom, developer] })
    ).wait(wait);
    const [subscription] = (await client.subscriptions.list()).filter(
      (s) => s.organization?.uuid === sim.organizationUuid,
    );
    await (
      await client.shieldAcl.create(subscription?.uuid ?? "", {
        description: "Office",
        addresses: ["203.0.113.0/24"],
      })
    ).wait(wait);
    const before = await mutations(sim);

    const out = join(root, "organization");
    const run = await discover(["--organization", sim.organizationUuid, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /discover: organization "Acme Platform" \(6a907396-abfd-4d01-9da6-64c8efc04519\)/,
    );
    expect(run.stderr).toMatch(/discover: custom roles: 1/);
    expect(run.stderr).toMatch(/discover: teams: 1, with 1 applications/);
    expect(run.stderr).toMatch(/discover: team members and invitations: 2/);
    expect(run.stderr).toMatch(/discover: Shield allowlists: 1/);
    const index = readFileSync(join(out, "index.ts"), "utf8");
    expect(statements(index).map((s) => /new acquia\.(\w+)\("([^"]+)"/.exec(s)?.slice(1).join(" "))).toEqual([
      "Role role-release-manager",
      "Team team-developers",
      "TeamApplication team-developers-acme-web",
      "TeamMember team-developers-james-kirk-example-com",
      "TeamMember team-developers-new-hire-example-com",
      "SubscriptionIpAllowlist acme-platform-enterprise-allowlist",
    ]);
    expect(index).toContain(
      'const acmeWebApplication = pulumi.output(acquia.getApplication({ name: "Acme Web" }));',
    );
    expect(index).toContain('roles: [organizationRoles.byName["Senior Developer"]],');
    expect(index).toContain('roles: [organizationRoles.byName["Developer"], releaseManagerRole.roleUuid],');
    expect(index).toContain('{ description: "Office", addresses: ["203.0.113.0/24"] },');
    expect(index).not.toMatch(/Team Lead|"Developer", \{/);
    expect(await mutations(sim)).toEqual(before);

    // --exclude by type name leaves each access kind out.
    const none = join(root, "organization-teams-only");
    expect(
      (
        await discover([
          "--organization",
          sim.organizationUuid,
          "--exclude",
          "Role,TeamMember,subscription-ip-allowlist",
          "--out",
          none,
        ])
      ).code,
    ).toBe(0);
    expect(
      statements(readFileSync(join(none, "index.ts"), "utf8")).map((s) => /new acquia\.(\w+)/.exec(s)?.[1]),
    ).toEqual(["Team", "TeamApplication"]);
  });

  it("says which variables to set when the key is missing or refused", async () => {
    process.env["ACLI_SECRET"] = "not-the-secret";
    const refused = await discover(["--application", "Acme Web", "--out", join(root, "x")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /refused the API key and secret.*ACLI_KEY\/ACLI_SECRET.*\[CREDENTIALS_REFUSED\]/s,
    );
    expect(refused.stderr).not.toContain("not-the-secret");
    delete process.env["ACLI_SECRET"];
    const missing = await discover(["--application", "Acme Web"]);
    expect(missing.stderr).toMatch(/set ACLI_KEY and ACLI_SECRET.*\[MISSING_CREDENTIALS\]/s);
  });
});

describe("discover: flags and Cloud Actions against the simulator", () => {
  let sim: Simulator;
  let root: string;

  beforeAll(async () => {
    sim = await simulator();
    root = mkdtempSync(join(tmpdir(), "discover-flags-"));
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await sim.stop();
  });

  it("writes the flags each environment has and its enabled Cloud Actions, which the provider then takes over without a call", async () => {
    const client = new AcquiaCloudClient(connection(sim));
    const { dev, test, prod } = sim.environments;
    const wait = { pollIntervalMs: 10 };
    await (
      await client.environments.create(sim.applicationUuid, {
        label: "Feature",
        branch: "develop",
        databases: ["acmeweb"],
      })
    ).wait(wait);
    const cde = (await client.environments.find(sim.applicationUuid, "Feature"))?.id ?? "";
    await behindPulumi(sim, client.environmentFlags.enableModProxy(dev));
    await behindPulumi(sim, client.environmentFlags.enableCdn(prod));
    const actions = await client.cloudActions.list(dev);
    const id = (label: string) => actions.find((a) => a.label === label)?.id ?? "";
    await behindPulumi(
      sim,
      client.cloudActions.update(dev, {
        [id("Backup all databases")]: false,
        [id("Turn on Drupal maintenance mode")]: true,
      }),
    );
    await behindPulumi(sim, client.cloudActions.disable(test));
    const before = await mutations(sim);

    const out = join(root, "flags");
    let stderr = "";
    const code = await runDiscover(
      [
        "--application",
        "Acme Web",
        "--include",
        "environment,environment-flags,EnvironmentCloudActions",
        "--out",
        out,
        "--api-url",
        sim.apiUrl,
        "--token-url",
        sim.tokenUrl,
        "--client-id",
        sim.clientId,
        "--client-secret",
        sim.clientSecret,
      ],
      { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: root },
    );
    expect({ code, stderr }).toMatchObject({ code: 0 });
    expect(stderr).toMatch(/discover: dev: .*, 2 flags, 3 Cloud Actions enabled\n/);
    expect(stderr).toMatch(/discover: test: .*, 2 flags, Cloud Actions unavailable\n/);
    expect(stderr).toMatch(/discover: prod: .*, 3 flags, 3 Cloud Actions enabled\n/);
    expect(stderr).toMatch(/discover: ode\d+: .*, 0 flags, 3 Cloud Actions enabled\n/);
    expect(stderr).toMatch(
      /discover: {3}environment-cloud-actions: Cloud Actions on test: not available for the environment \(Cloud Actions are not available for this environment\)\n/,
    );
    expect(stderr).toMatch(
      /discover: {3}environment-flags: flags on ode\d+: Acquia reports none of production mode, Platform CDN or mod_proxy for it\n/,
    );
    const index = readFileSync(join(out, "index.ts"), "utf8");
    expect(statements(index).map((s) => /new acquia\.(\w+)\("([^"]+)"/.exec(s)?.slice(1).join(" "))).toEqual([
      "EnvironmentFlags dev-flags",
      "EnvironmentCloudActions dev-cloud-actions",
      "EnvironmentFlags test-flags",
      "EnvironmentFlags prod-flags",
      "EnvironmentCloudActions prod-cloud-actions",
      "Environment feature",
      "EnvironmentCloudActions feature-cloud-actions",
    ]);
    expect(index).toContain(
      "  environmentId: dev.id,\n  cdn: false,\n  modProxy: true,\n}, { protect: true });",
    );
    expect(index).toContain(
      "  environmentId: prod.id,\n  productionMode: true,\n  cdn: true,\n  modProxy: false,\n}, { protect: true });",
    );
    expect(index).toContain(
      '  actions: ["Clear all Drupal caches", "Run database updates", "Turn on Drupal maintenance mode"],',
    );
    expect(await mutations(sim)).toEqual(before);

    // What the walk found, applied by the provider as `pulumi up` would: no call, then no change.
    const estate = await walkEstate(client, {
      scope: { name: "Acme Web" },
      kinds: ["environment-flags", "environment-cloud-actions"],
      connection: { clientId: sim.clientId },
      progress: () => undefined,
    });
    expect(estate.environments.map((e) => e.id).sort()).toEqual([dev, test, prod, cde].sort());
    for (const env of estate.environments) {
      const base = { connection: connection(sim), environmentId: env.id };
      const resources: [string, Record<string, unknown>][] = [];
      if (Object.keys(env.flags).length > 0) resources.push(["EnvironmentFlags", { ...base, ...env.flags }]);
      if (env.cloudActions)
        resources.push(["EnvironmentCloudActions", { ...base, actions: env.cloudActions }]);
      for (const [kind, props] of resources) {
        const state = await up(kind, props);
        expect({ kind, env: env.name, action: (await up(kind, props, state)).action }).toEqual({
          kind,
          env: env.name,
          action: "same",
        });
      }
    }
    expect(await mutations(sim)).toEqual(before);
  });

  it("writes a Node.js environment that runs a build artifact as a deployment of that artifact", async () => {
    const client = new AcquiaCloudClient(connection(sim));
    await behindPulumi(sim, client.code.deployArtifact(SEED.nodeEnvironments.prod, SEED.artifacts.ready));
    const before = await mutations(sim);
    const estate = await walkEstate(client, {
      scope: { name: "Acme Storefront" },
      kinds: ["code-deployment"],
      connection: { clientId: sim.clientId },
      progress: () => undefined,
    });
    const index = generateProject(estate, { versions: VERSIONS }).files["index.ts"] ?? "";
    const deployments = statements(index).filter((s) => s.includes("new acquia.CodeDeployment("));
    expect(deployments).toEqual([
      expect.stringMatching(/"dev-code"[\s\S]*ref: "main",/),
      expect.stringMatching(/"prod-code"[\s\S]*artifactId: "7001",/),
    ]);
    // Applied as `pulumi up` would: no deploy, then no change.
    const props = {
      connection: connection(sim),
      environmentId: SEED.nodeEnvironments.prod,
      artifactId: "7001",
    };
    const state = await up("CodeDeployment", props);
    expect((await up("CodeDeployment", props, state)).action).toBe("same");
    expect(await mutations(sim)).toEqual(before);
  });
});

function connection(sim: Simulator) {
  return {
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    apiUrl: sim.apiUrl,
    tokenUrl: sim.tokenUrl,
  };
}
