// `acquia-cloud discover` end to end: an estate made at the simulator outside Pulumi (variables, crons,
// domains, two certificates (one a stack installed, one installed by hand), a team with the application,
// an SSH key, log forwarding, a CD environment, flags (mod_proxy on dev, CDN on prod) and Cloud Actions
// (changed on dev, switched off on test); for --organization a custom role, an invitation and a
// Shield rule) is discovered by the command as shipped in the packed
// package, the generated project runs through the real CLI with the printed secrets set, and its first
// `up` adopts every object without one mutating API call; a second preview shows no change, a destroy
// is refused because everything is protected, and import.json imports the same objects on the plugin.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Stack } from "@pulumi/pulumi/automation";
import { AcquiaCloudClient } from "../../sdk";
import { acquiaLabelOf } from "../../provider/kinds/ssl-certificate/definition";
import { startSimulator, type Simulator } from "../../simulator";
import { mutations } from "../helpers/simulator-control";
import { ed25519PublicKey, selfSignedCertificate } from "../simulator/helpers";
import { installPackage, projectStack, simulatorConfig } from "./helpers/project";
import { createSandbox, describeWithPulumi, type PulumiSandbox } from "./helpers/pulumi-cli";
import { checkpointResources, stateFiles } from "./helpers/state-files";

const run = promisify(execFile);

/** The collections an adoption must leave exactly as they were. */
const COLLECTIONS = [
  "environments",
  "applicationDatabases",
  "variables",
  "domains",
  "crons",
  "logForwardingDestinations",
  "certificates",
  "sshKeys",
  "teams",
  "teamApplications",
] as const;
type SimState = Record<(typeof COLLECTIONS)[number], Record<string, unknown>>;

describeWithPulumi("acquia-cloud discover → pulumi up adopts the estate unchanged", (cli) => {
  let sandbox: PulumiSandbox;
  let sim: Simulator;
  let programs: string;
  let project: string;
  let stack: Stack;
  let discovered: { stdout: string; stderr: string };
  let before: SimState;
  /** Mutating calls by route once the estate was made (the seeding's own). */
  let seeded: Record<string, number>;
  let cdeId: string;
  const certificate = selfSignedCertificate(["www.acme.example.com"]);
  const logCertificate = selfSignedCertificate(["logs.example.com"]);
  const legacyCertificate = selfSignedCertificate(["old.acme.example.com"]);
  const values = {
    devAppMode: "blue-7f3a91",
    prodApiToken: "api-token-d41c88e2",
    featureFeatureFlag: "feature-on-5b2e",
    prodCentralSyslogToken: "syslog-token-0c9d17aa",
    prodSitePrivateKey: certificate.privateKey,
    prodLegacy2023PrivateKey: legacyCertificate.privateKey,
  };

  const api = () =>
    new AcquiaCloudClient({
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      apiUrl: sim.apiUrl,
      tokenUrl: sim.tokenUrl,
    });
  const simState = async () => (await sim.control.state()) as unknown as SimState;
  const pick = (state: SimState) => Object.fromEntries(COLLECTIONS.map((c) => [c, state[c]]));
  const discover = (args: string[], env: Record<string, string> = {}) =>
    run(join(programs, "node_modules", ".bin", "acquia-cloud"), ["discover", ...args], {
      cwd: programs,
      env: { PATH: process.env.PATH ?? "", ACLI_KEY: sim.clientId, ACLI_SECRET: sim.clientSecret, ...env },
    });
  const credentials = () => ({
    ...simulatorConfig(sim),
  });
  const simulatorFlags = () => ["--api-url", sim.apiUrl, "--token-url", sim.tokenUrl];

  /** An estate made by hand, the way a platform team's is: none of it by Pulumi. */
  async function seed(): Promise<void> {
    const client = api();
    const { dev, prod } = sim.environments;
    const done = { pollIntervalMs: 20 };
    const cde = await client.environments.create(sim.applicationUuid, {
      label: "Feature",
      branch: "develop",
      databases: ["acmeweb"],
    });
    await cde.wait(done);
    cdeId = (await client.environments.find(sim.applicationUuid, "Feature"))?.id ?? "";
    await (await client.variables.create(dev, { name: "APP_MODE", value: values.devAppMode })).wait(done);
    await (await client.variables.create(prod, { name: "API_TOKEN", value: values.prodApiToken })).wait(done);
    await (
      await client.variables.create(cdeId, { name: "FEATURE_FLAG", value: values.featureFeatureFlag })
    ).wait(done);
    const nightly = await client.crons.create(dev, {
      label: "Nightly import",
      command: "drush migrate:import --all",
      frequency: "0 3 * * *",
    });
    await nightly.wait(done);
    const nightlyId = (await client.crons.find(dev, "Nightly import"))?.id ?? "";
    await (await client.crons.disable(dev, nightlyId)).wait(done);
    await (await client.domains.create(dev, { hostname: "dev.acme.example.com" })).wait(done);
    // Flags and Cloud Actions switched in the Cloud UI: mod_proxy answers without a task link.
    const flags = client.environmentFlags;
    await (
      await flags.enableModProxy(dev)
    ).wait({ pollIntervalMs: 20, until: async () => (await flags.modProxy(dev)).status === "active" });
    await (await flags.enableCdn(prod)).wait(done);
    const actions = await client.cloudActions.list(dev);
    const action = (label: string) => actions.find((a) => a.label === label)?.id ?? "";
    await (
      await client.cloudActions.update(dev, {
        [action("Backup all databases")]: false,
        [action("Import configuration")]: true,
      })
    ).wait(done);
    await (await client.cloudActions.disable(sim.environments.test)).wait(done);
    // A certificate a stack installed (its label carries the digest), and one installed by hand. These,
    // log forwarding, teams and keys answer without a task: wait until the object shows.
    const shows = (find: () => Promise<unknown>) => ({
      pollIntervalMs: 20,
      until: async () => (await find()) !== undefined,
    });
    const label = acquiaLabelOf({ label: "site", certificate: certificate.certificate });
    const certificates = client.sslCertificates;
    for (const [name, pair] of [
      [label, certificate],
      ["legacy-2023", legacyCertificate],
    ] as const) {
      const op = await certificates.create(prod, {
        label: name,
        certificate: pair.certificate,
        private_key: pair.privateKey,
      });
      await op.wait(shows(() => certificates.find(prod, name)));
    }
    const installed = await certificates.find(prod, label);
    await (
      await certificates.activate(prod, String(installed?.id))
    ).wait(shows(async () => ((await certificates.find(prod, label))?.flags?.active ? true : undefined)));
    const logs = await client.logForwarding.create(prod, {
      label: "Central syslog",
      consumer: "syslog",
      sources: ["apache-access", "php-error"],
      address: "logs.example.com:6514",
      credentials: { certificate: logCertificate.certificate, token: values.prodCentralSyslogToken },
    });
    await logs.wait(shows(() => client.logForwarding.find(prod, "Central syslog")));
    const findTeam = () => client.teams.find(sim.organizationUuid, "Platform");
    await (await client.teams.create(sim.organizationUuid, { name: "Platform" })).wait(shows(findTeam));
    const teamUuid = (await findTeam())?.uuid ?? "";
    await (
      await client.teams.addApplication(teamUuid, { uuid: sim.applicationUuid })
    ).wait(
      shows(async () =>
        (await client.teams.listApplications(teamUuid)).find((a) => a.uuid === sim.applicationUuid),
      ),
    );
    const key = await client.sshKeys.create({ label: "ci_deploy", public_key: ed25519PublicKey("ci@acme") });
    await key.wait(shows(() => client.sshKeys.find("ci_deploy")));
    // The organization's access: a custom role, an invitation to Platform holding it and a default
    // role, and a Shield rule on the organization's subscription.
    const findRole = () => client.roles.find(sim.organizationUuid, "Release Manager");
    await (
      await client.roles.create(sim.organizationUuid, {
        name: "Release Manager",
        description: "Ships to production",
        permissions: ["access cloud api", "deploy to prod"],
      })
    ).wait(shows(findRole));
    const developer = await client.roles.find(sim.organizationUuid, "Developer");
    const invited = async () =>
      (await client.teamMembers.listInvites(teamUuid)).find((i) => i.email === "new.hire@example.com");
    await (
      await client.teamMembers.invite(teamUuid, {
        email: "new.hire@example.com",
        roles: [(await findRole())?.uuid ?? "", developer?.uuid ?? ""],
      })
    ).wait(shows(invited));
    const [subscription] = (await client.subscriptions.list()).filter(
      (s) => s.organization?.uuid === sim.organizationUuid,
    );
    const subscriptionUuid = subscription?.uuid ?? "";
    await (
      await client.shieldAcl.create(subscriptionUuid, {
        description: "Office",
        addresses: ["203.0.113.0/24", "198.51.100.7"],
      })
    ).wait(
      shows(async () =>
        (await client.shieldAcl.list(subscriptionUuid)).find((r) => r.description === "Office"),
      ),
    );
  }

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 50 });
    await seed();
    sandbox = await createSandbox(cli);
    programs = installPackage(sandbox.root);
    project = join(programs, "acme-web");
    before = await simState();
    seeded = await mutations(sim);
    discovered = await discover(["--application", "Acme Web", "--out", project, ...simulatorFlags()]);
  });

  afterAll(async () => {
    try {
      // Protected resources cannot be destroyed (that is the point): drop the stack without touching Acquia.
      if (stack) await sandbox.remove(stack);
      await sandbox?.cleanup();
    } finally {
      await sim?.stop();
    }
  });

  it("writes the project, reports per kind on stderr and prints the config commands on stdout", async () => {
    expect(readdirSync(project).sort()).toEqual([
      "Pulumi.yaml",
      "certificates",
      "import.json",
      "index.ts",
      "package.json",
      "tsconfig.json",
    ]);
    expect(discovered.stderr).toMatch(
      /discover: prod: 1 variable, 1 cron job, 1 domain, 2 certificates, 1 log destination/,
    );
    expect(discovered.stderr).toMatch(/EnvironmentVariable: 3/);
    expect(discovered.stderr).toMatch(/SslCertificate: 2/);
    expect(discovered.stderr).toMatch(/EnvironmentFlags: 3/);
    expect(discovered.stderr).toMatch(/EnvironmentCloudActions: 3/);
    expect(discovered.stderr).toMatch(/discover: dev: .*, 2 flags, 3 Cloud Actions enabled/);
    expect(discovered.stderr).toMatch(
      /environment-cloud-actions: Cloud Actions on test: not available for the environment/,
    );
    expect(discovered.stderr).toMatch(/environment-flags: flags on ode\d+: Acquia reports none/);
    const secretKeys = [...discovered.stdout.matchAll(/^pulumi config set --secret ([\w:]+)/gm)].map(
      (m) => m[1],
    );
    expect(secretKeys.sort()).toEqual(["acquia:clientSecret", ...Object.keys(values)].sort());
    expect(discovered.stdout).toContain(`pulumi config set acquia:apiUrl ${sim.apiUrl}`);
    // Discovering made no change at Acquia.
    expect(await mutations(sim)).toEqual(seeded);
  });

  it("never writes a secret into the project", () => {
    const texts = readdirSync(project, { recursive: true, encoding: "utf8" })
      .map((f) => join(project, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => readFileSync(f, "utf8"));
    const keyLines = [certificate, legacyCertificate].flatMap((c) =>
      c.privateKey.split("\n").filter((line) => line.length > 40),
    );
    for (const secret of [...Object.values(values), ...keyLines, sim.clientSecret])
      for (const text of texts) expect(text.includes(secret)).toBe(false);
    const index = readFileSync(join(project, "index.ts"), "utf8");
    expect(index).toContain('acquia.getApplication({ name: "Acme Web" })');
    expect(index).toContain('config.requireSecret("devAppMode")');
    expect(index).not.toContain(sim.environments.dev);
  });

  it("adopts every object on the first up without a single mutating call", async () => {
    stack = await projectStack(sandbox, project, "adopt", {
      ...credentials(),
      ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, secret: true }])),
    });
    const result = await stack.up();
    // 30 adopted resources, the Connection and the stack itself.
    expect(result.summary.resourceChanges).toEqual({ create: 32 });
    expect(await mutations(sim)).toEqual(seeded);
    expect(pick(await simState())).toEqual(pick(before));

    const backend = fileURLToPath(sandbox.backendUrl);
    const ours = checkpointResources(backend, "acme-web", "adopt").filter((r) =>
      r.type.includes("acquia-cloud"),
    );
    const byType = (type: string) => ours.filter((r) => r.type.endsWith(`:${type}`));
    expect(
      byType("EnvironmentVariable")
        .map((r) => r.id)
        .sort(),
    ).toEqual(
      [
        `${sim.environments.dev}/APP_MODE`,
        `${sim.environments.prod}/API_TOKEN`,
        `${cdeId}/FEATURE_FLAG`,
      ].sort(),
    );
    expect(byType("Environment").map((r) => r.id)).toEqual([cdeId]);
    const { dev, test, prod } = sim.environments;
    const ids = (type: string) =>
      byType(type)
        .map((r) => r.id)
        .sort();
    // Flags on every environment but the CD one (it has none); Cloud Actions wherever they are on.
    expect(ids("EnvironmentFlags")).toEqual([dev, test, prod].sort());
    expect(ids("EnvironmentCloudActions")).toEqual([dev, prod, cdeId].sort());
    // The certificate a stack installed by its derived label, the one installed by hand by its content.
    const certificates = Object.values(before.certificates) as { id: number; label: string }[];
    expect(
      byType("SslCertificate")
        .map((r) => r.id)
        .sort(),
    ).toEqual(certificates.map((c) => `${sim.environments.prod}/${c.id}`).sort());
    // Every adopted resource is protected (the Connection holds nothing at Acquia).
    const raw = JSON.parse(
      readFileSync(join(backend, ".pulumi", "stacks", "acme-web", "adopt.json"), "utf8"),
    ) as { checkpoint: { latest: { resources: { type: string; protect?: boolean }[] } } };
    const unprotected = raw.checkpoint.latest.resources
      .filter((r) => r.type.includes("acquia-cloud") && !r.type.endsWith(":Connection") && !r.protect)
      .map((r) => r.type);
    expect(unprotected).toEqual([]);
    // No secret in the backend either.
    for (const { path, text } of stateFiles(backend))
      for (const secret of Object.values(values).filter((v) => !v.includes("PRIVATE KEY")))
        if (text.includes(secret)) throw new Error(`${path} holds a secret in plaintext`);
  });

  it("previews no change afterwards", async () => {
    const preview = await stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 32 });
    expect(await mutations(sim)).toEqual(seeded);
  });

  it("refuses to destroy: every adopted resource is protected, and nothing is deleted", async () => {
    const error = (await stack.destroy().catch((e: Error) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/protected/);
    expect(await mutations(sim)).toEqual(seeded);
    expect(pick(await simState())).toEqual(pick(before));
  });

  it("imports the same objects in plugin mode from import.json, again without a mutating call", async () => {
    const { resources } = JSON.parse(readFileSync(join(project, "import.json"), "utf8")) as {
      resources: { type: string; name: string; id: string }[];
    };
    expect(resources).toHaveLength(30);
    // Plugin mode: the engine runs pulumi-resource-acquia from the installed package, found on PATH.
    const imported = await projectStack(sandbox, project, "imported", credentials(), {
      PATH: `${join(programs, "node_modules", ".bin")}:${sandbox.env["PATH"] ?? ""}`,
    });
    try {
      const result = await imported.import({ resources, protect: true, generateCode: false });
      expect(result.summary.resourceChanges).toMatchObject({ import: 30 });
      expect(await mutations(sim)).toEqual(seeded);
      expect(pick(await simState())).toEqual(pick(before));
    } finally {
      await sandbox.remove(imported);
    }
  });

  it("with --organization, adopts the organization's teams, roles, people and Shield allowlist unchanged", async () => {
    const dir = join(programs, "acme-platform");
    const run = await discover(["--organization", sim.organizationUuid, "--out", dir, ...simulatorFlags()]);
    expect(run.stderr).toMatch(/discover: teams: 2, with 2 applications/);
    expect(run.stderr).toMatch(/discover: custom roles: 1/);
    expect(run.stderr).toMatch(/discover: team members and invitations: 2/);
    expect(run.stderr).toMatch(/discover: Shield allowlists: 1/);
    const index = readFileSync(join(dir, "index.ts"), "utf8");
    expect(index).toContain('roles: [organizationRoles.byName["Developer"], releaseManagerRole.roleUuid],');
    expect(index).toContain('acquia.getSubscription({ name: "Acme Platform Enterprise" })');
    const teams = await projectStack(sandbox, dir, "teams", credentials());
    try {
      // Two teams, an application on each, the custom role, the seeded member and the invitation, the
      // Shield allowlist, the SSH key, the Connection and the stack.
      expect((await teams.up()).summary.resourceChanges).toEqual({ create: 11 });
      expect((await teams.preview({ expectNoChanges: true })).changeSummary).toEqual({ same: 11 });
      expect(await mutations(sim)).toEqual(seeded);
    } finally {
      await sandbox.remove(teams);
    }
  });

  it("ships as the package's acquia-cloud command, with its help", async () => {
    const bin = join(programs, "node_modules", ".bin", "acquia-cloud");
    expect((await run(bin, ["--help"])).stdout).toMatch(/^ {2}discover {3}write a Pulumi program/m);
    const help = await run(bin, ["discover", "--help"], { env: { PATH: process.env.PATH ?? "" } });
    expect(help.stdout).toMatch(/--application NAME .*\n[\s\S]*--out DIR[\s\S]*--force/);
  });

  it("says which flag to fix for an application the key cannot see, and writes nothing", async () => {
    const out = join(programs, "foreign");
    const error = (await discover([
      "--application-uuid",
      sim.foreignApplicationUuid,
      "--out",
      out,
      ...simulatorFlags(),
    ]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/not visible to this API key/);
    expect(error.stderr).toMatch(/--application-uuid/);
    expect(error.stderr).toMatch(/ACLI_KEY/);
    expect(error.stderr).toMatch(/APPLICATION_NOT_VISIBLE/);
    expect(existsSync(out)).toBe(false);
  });
});
