// Plugin mode through the real CLI: the all-resources program on pulumi-resource-acquia (installed
// from the packed package and found through Pulumi.yaml's plugins.providers), a stack imported with
// `pulumi import`, a stack moved over from the dynamic provider, and a YAML program.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { startSimulator, type Simulator } from "../../simulator";
import { ed25519PublicKey, selfSignedCertificate } from "../simulator/helpers";
import { PROGRAMS_DIR, copyProject, installPackage, projectStack, simulatorConfig } from "./helpers/project";
import { createSandbox, describeWithPulumi, type PulumiSandbox } from "./helpers/pulumi-cli";
import { allKinds } from "../../provider/kinds/catalog";
import { apiClient, estate, expectSameIds, type EstateState } from "../helpers/simulated-estate";
import { checkpointResources, sha256, stateFiles, tokenCandidates } from "./helpers/state-files";
import { mutationsDuring } from "../helpers/simulator-control";

const PROJECT = "acquia-all-resources";
const execFileAsync = promisify(execFile);
const BACKUP = "POST /environments/{environmentId}/databases/{databaseName}/backups";
const DELETE_BACKUP = "DELETE /environments/{environmentId}/databases/{databaseName}/backups/{backupId}";
const COPY_DATABASE = "POST /environments/{environmentId}/databases";
const COPY_FILES = "POST /environments/{environmentId}/files";
const PROMOTE = "POST /environments/{environmentId}/code";

/** API requests that change something, by route. */
function mutations(byRoute: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(byRoute).filter(([route]) => !route.startsWith("GET ")));
}

describeWithPulumi("plugin mode (pulumi-resource-acquia) through the CLI", (cli) => {
  let sandbox: PulumiSandbox;
  let sim: Simulator;
  let programs: string;
  let project: string;
  let seed: EstateState;
  const certificate = selfSignedCertificate(["e2e.example.com"]);
  const certificate2 = selfSignedCertificate(["e2e.example.com", "e2e-2.example.com"]);
  const secrets = {
    variableValue: "plugin-variable-value-51c0",
    variableValue2: "plugin-variable-value-e4a7",
    logToken: "plugin-sumo-token-2b9f",
    privateKey: certificate.privateKey,
    privateKey2: certificate2.privateKey,
  };

  const api = () => apiClient(sim);
  const simState = () => estate(sim);
  const backendDir = () => fileURLToPath(sandbox.backendUrl);
  const config = (mode: "plugin" | "dynamic") => ({
    mode,
    ...simulatorConfig(sim),
    sshPublicKey: ed25519PublicKey("plugin@ci"),
    certificate: certificate.certificate,
    certificate2: certificate2.certificate,
    ...Object.fromEntries(Object.entries(secrets).map(([k, value]) => [k, { value, secret: true }])),
  });
  const expectOnlySeedLeft = async () => {
    const after = await simState();
    expectSameIds(after, seed);
  };
  const ours = (stack: string) =>
    checkpointResources(backendDir(), PROJECT, stack).filter((r) => /acquia/.test(r.type));

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 100 });
    seed = await simState();
    sandbox = await createSandbox(cli);
    programs = installPackage(sandbox.root);
    project = copyProject(join(PROGRAMS_DIR, "all-resources"), programs, "all-resources");
  });

  afterAll(async () => {
    try {
      await sandbox?.cleanup();
    } finally {
      await sim?.stop();
    }
  });

  it("serves its package schema to `pulumi package get-schema`: every kind and lookup, secrets marked", async () => {
    const plugin = join(programs, "node_modules", ".bin", "pulumi-resource-acquia");
    const { stdout } = await execFileAsync(cli.pulumi, ["package", "get-schema", plugin], {
      env: { ...process.env, ...sandbox.env },
    });
    const schema = JSON.parse(stdout) as {
      name: string;
      resources: Record<string, { properties: Record<string, { secret?: boolean }> }>;
      functions: Record<string, unknown>;
      config: { variables: Record<string, { secret?: boolean }> };
    };
    expect(schema.name).toBe("acquia");
    expect(Object.keys(schema.resources).sort()).toEqual(
      [
        "ApiToken",
        "CodeDeployment",
        "Connection",
        "CronJob",
        "Database",
        "DatabaseBackup",
        "DatabaseCopy",
        "Domain",
        "Environment",
        "EnvironmentCloudActions",
        "EnvironmentFlags",
        "EnvironmentSettings",
        "EnvironmentVariable",
        "FilesCopy",
        "IdentityProvider",
        "LogForwardingDestination",
        "OrganizationAdmin",
        "Role",
        "SshKey",
        "SslCertificate",
        "SubscriptionIpAllowlist",
        "Team",
        "TeamApplication",
        "TeamMember",
      ].map((kind) => `acquia:index:${kind}`),
    );
    expect(Object.keys(schema.functions).sort()).toEqual(
      [
        "getAccount",
        "getApplication",
        "getAvailableRuntimes",
        "getBranches",
        "getEnvironment",
        "getEnvironmentDns",
        "getEnvironmentEgressIps",
        "getLogForwardingOptions",
        "getOrganization",
        "getPermissions",
        "getRoles",
        "getSubscription",
        "getTeam",
      ].map((fn) => `acquia:index:${fn}`),
    );
    const secret = (type: string, property: string) =>
      schema.resources[`acquia:index:${type}`]?.properties[property]?.secret;
    expect(secret("Connection", "clientSecret")).toBe(true);
    expect(secret("EnvironmentVariable", "value")).toBe(true);
    expect(secret("SslCertificate", "privateKey")).toBe(true);
    expect(secret("LogForwardingDestination", "credentials")).toBe(true);
    expect(secret("ApiToken", "apiSecret")).toBe(true);
    expect(schema.config.variables["clientSecret"]?.secret).toBe(true);
  });

  describe("the all-resources program on the plugin", () => {
    let stack: Stack;
    /** What the CLI printed, searched for secrets. */
    const printed: string[] = [];
    const kept = <T extends { stdout: string; stderr: string }>(result: T): T => {
      printed.push(result.stdout, result.stderr);
      return result;
    };
    const cdeId = async () => String((await stack.outputs())["cdeId"]?.value);

    beforeAll(async () => {
      stack = await projectStack(sandbox, project, "plugin", config("plugin"));
    });

    it("creates every resource as acquia:index:<Type>, served by the plugin", async () => {
      let result: Awaited<ReturnType<Stack["up"]>> | undefined;
      const calls = await mutationsDuring(sim, async () => (result = kept(await stack.up())));
      expect(result?.summary.resourceChanges).toEqual({ create: 26 });
      expect(calls).toMatchObject({ [BACKUP]: 1, [COPY_DATABASE]: 1, [COPY_FILES]: 1, [PROMOTE]: 1 });
      const resources = ours("plugin");
      const served = resources.filter((r) => r.type.startsWith("acquia:index:"));
      expect(served).toHaveLength(25);
      // The project's promise: every kind is in this program, so a new kind fails here until it is added.
      const kinds = allKinds().map((k) => k.name);
      expect([...new Set(served.map((r) => r.type.split(":").pop()))].sort()).toEqual(kinds.sort());
      expect(resources.some((r) => r.type === "pulumi:providers:acquia")).toBe(true);
      expect(resources.some((r) => "__provider" in (r.outputs ?? {}))).toBe(false);
      const id = await cdeId();
      expect((await api().environments.get(id)).label).toBe("E2E");
      expect((await api().variables.get(id, "E2E_SECRET")).value).toBe(secrets.variableValue);
    });

    it("previews no change for the unchanged program", async () => {
      const preview = kept(await stack.preview({ expectNoChanges: true }));
      expect(preview.changeSummary).toEqual({ same: 26 });
    });

    it("updates in place and replaces as documented", async () => {
      await stack.setConfig("phase", { value: "2" });
      let result: Awaited<ReturnType<Stack["up"]>> | undefined;
      const calls = await mutationsDuring(sim, async () => (result = kept(await stack.up())));
      expect(result?.summary.resourceChanges).toEqual({ same: 9, update: 12, replace: 5 });
      // New triggers: one more backup (the old one deleted), one more copy each; a new stage ref promoted.
      expect(calls).toMatchObject({
        [BACKUP]: 1,
        [DELETE_BACKUP]: 1,
        [COPY_DATABASE]: 1,
        [COPY_FILES]: 1,
        [PROMOTE]: 1,
      });
      const id = await cdeId();
      expect((await api().environments.get(id)).label).toBe("E2E Renamed");
      expect((await api().domains.list(id)).map((d) => d.hostname)).not.toContain("e2e.example.com");
      const certificates = await api().sslCertificates.list(id);
      expect(certificates.map((c) => c.certificate?.trim())).toEqual([certificate2.certificate.trim()]);
      expect((await api().variables.get(id, "E2E_SECRET")).value).toBe(secrets.variableValue2);
    });

    it("shows drift on refresh, and the next up puts it back", async () => {
      const id = await cdeId();
      await (
        await api().variables.update(id, { name: "E2E_SECRET", value: "changed-outside" })
      ).wait({ pollIntervalMs: 20 });
      const refreshed = kept(await stack.refresh());
      expect(refreshed.summary.resourceChanges).toMatchObject({ update: 1 });
      expect(kept(await stack.preview()).changeSummary).toMatchObject({ update: 1 });
      kept(await stack.up());
      expect((await api().variables.get(id, "E2E_SECRET")).value).toBe(secrets.variableValue2);
    });

    it("imports every resource Acquia can describe into another stack with `pulumi import`, which then previews no change for them", async () => {
      // Left out: what the program holds beyond Acquia's record, which an import cannot read back, so the
      // program would change it. Stage's flags: restoreOnDelete (an update). The backup: its triggers (a
      // replacement, a new backup). The copies: their id carries when they ran, and triggers again. The
      // promotion: Acquia knows the ref dev runs, not that it came from stage, nor the triggers and Cloud
      // Actions (imported, it reads as a `ref` deploy: an update that deploys again).
      const notImported = ["stage-flags", "backup", "database-copy", "files-copy", "promote-to-dev"];
      const resources = ours("plugin")
        .filter((r) => r.type.startsWith("acquia:index:"))
        .map((r) => ({
          type: r.type,
          name: r.urn.split("::").pop() ?? "",
          id: String((r as { id?: string }).id),
        }))
        .filter((r) => !notImported.includes(r.name));
      expect(resources).toHaveLength(20);
      // Not tracked by the sandbox: destroying it would delete the objects the first stack owns.
      const imported = await LocalWorkspace.createOrSelectStack(
        { stackName: "imported", workDir: project },
        { pulumiHome: sandbox.pulumiHome, pulumiCommand: sandbox.pulumiCommand, envVars: sandbox.env },
      );
      await imported.setAllConfig(await stack.getAllConfig());
      const before = (await sim.control.stats()).byRoute;
      const result = kept(await imported.import({ resources, protect: false, generateCode: false }));
      expect(result.summary.resourceChanges).toMatchObject({ import: 20 });
      expect(mutations((await sim.control.stats()).byRoute)).toEqual(mutations(before));
      // Only the resources left out would be created (besides the default provider, which the summary does
      // not count): every imported one is as the program wants it.
      const creates: string[] = [];
      const preview = kept(
        await imported.preview({
          onEvent: (event) => {
            const step = event.resourcePreEvent?.metadata;
            if (step?.op === "create" && step.type.startsWith("acquia:index:"))
              creates.push(step.urn.split("::").pop() ?? "");
          },
        }),
      );
      expect(preview.changeSummary).toEqual({ same: 21, create: 5 });
      expect(creates.sort()).toEqual([...notImported].sort());
      await imported.workspace.removeStack("imported", { force: true });
    });

    it("keeps every secret and token out of the backend and the CLI's output", async () => {
      const tokens = new Set((await sim.control.tokens()).map((t) => t.sha256));
      const plaintext = [sim.clientSecret, secrets.variableValue, secrets.variableValue2, secrets.logToken];
      const keyLines = [secrets.privateKey, secrets.privateKey2].flatMap((k) =>
        k.split("\n").filter((line) => line.length > 40),
      );
      const shown = printed.join("\n");
      for (const secret of [...plaintext, ...keyLines]) expect(shown).not.toContain(secret);
      for (const { path, text } of stateFiles(backendDir())) {
        for (const secret of [...plaintext, ...keyLines]) {
          if (text.includes(secret)) throw new Error(`${path} holds a secret in plaintext`);
        }
        expect(tokenCandidates(text).filter((s) => tokens.has(sha256(s)))).toEqual([]);
      }
    });

    it("destroys everything it created", async () => {
      const result = await stack.destroy();
      expect(result.summary.resourceChanges).toEqual({ delete: 26 });
      await expectOnlySeedLeft();
    });
  });

  describe("a stack moved over from the dynamic provider", () => {
    let stack: Stack;

    beforeAll(async () => {
      stack = await projectStack(sandbox, project, "moved", config("dynamic"));
    });

    it("is created by the dynamic provider", async () => {
      const result = await stack.up();
      expect(result.summary.resourceChanges).toEqual({ create: 26 });
      expect(ours("moved").every((r) => r.type.startsWith("pulumi-nodejs:dynamic/acquia-cloud:"))).toBe(true);
    });

    it("previews no change on the plugin (the schema's aliases carry every resource over), no resource calling Acquia", async () => {
      await stack.setConfig("mode", { value: "plugin" });
      const before = await sim.control.stats();
      const preview = await stack.preview({ expectNoChanges: true });
      expect(preview.changeSummary).toEqual({ same: 26 });
      const after = await sim.control.stats();
      const calls = Object.entries(after.byRoute)
        .map(([route, count]) => [route, count - (before.byRoute[route] ?? 0)] as const)
        .filter(([, count]) => count > 0);
      // The program's own lookups (the application, stage and dev) run in either mode; no resource asks
      // Acquia anything.
      expect(Object.fromEntries(calls)).toEqual({
        "GET /applications": 1,
        "GET /applications/{applicationUuid}/environments": 2,
      });
    });

    it("moves on `pulumi up` without changing anything at Acquia", async () => {
      const before = (await sim.control.stats()).byRoute;
      const result = await stack.up();
      expect(result.summary.resourceChanges).toEqual({ same: 26 });
      expect(mutations((await sim.control.stats()).byRoute)).toEqual(mutations(before));
      const types = ours("moved").map((r) => r.type);
      expect(types.filter((t) => t.startsWith("acquia:index:"))).toHaveLength(25);
      expect(types.filter((t) => t.startsWith("pulumi-nodejs:"))).toEqual([]);
      expect((await stack.preview({ expectNoChanges: true })).changeSummary).toEqual({ same: 26 });
    });

    it("is destroyed by the plugin", async () => {
      const result = await stack.destroy();
      expect(result.summary.resourceChanges).toEqual({ delete: 26 });
      await expectOnlySeedLeft();
    });
  });

  describe("a YAML program", () => {
    let dir: string;
    /** Everything the CLI printed, searched for secrets at the end. */
    const printed: string[] = [];
    // Asynchronous: the simulator answers from this process, which must not block while the CLI runs.
    const run = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await execFileAsync(cli.pulumi, [...args, "--non-interactive"], {
          cwd: dir,
          env: { ...process.env, ...sandbox.env },
          timeout: 5 * 60_000,
        });
        printed.push(stdout, stderr);
        return stdout;
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        throw new Error(`pulumi ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`, {
          cause: error,
        });
      }
    };

    beforeAll(() => {
      dir = copyProject(join(PROGRAMS_DIR, "yaml"), programs, "yaml");
    });

    it("runs up, a no-change preview and destroy with a Connection, an explicit provider and lookups", async () => {
      await run("stack", "init", "yaml");
      await run("config", "set", "--plaintext", "acquia:clientId", sim.clientId);
      await run("config", "set", "--secret", "acquia:clientSecret", sim.clientSecret);
      await run("config", "set", "--plaintext", "acquia:apiUrl", sim.apiUrl);
      await run("config", "set", "--plaintext", "acquia:tokenUrl", sim.tokenUrl);
      await run("config", "set", "--plaintext", "acquia:pollIntervalMs", "50");
      await run("config", "set", "--secret", "variableValue", secrets.variableValue);
      await run("up", "--yes", "--skip-preview");
      const outputs = JSON.parse(await run("stack", "output", "--json")) as Record<string, string>;
      const dev = String(outputs["devId"]);
      expect((await api().variables.get(dev, "YAML_VIA_CONNECTION")).value).toBe(secrets.variableValue);
      expect((await api().variables.get(dev, "YAML_VIA_PROVIDER")).value).toBe("from-yaml");
      expect((await api().variables.get(dev, "YAML_VIA_DEFAULT")).value).toBe("default-provider");
      expect(outputs["accountUuid"]).toBeTruthy();
      await run("preview", "--expect-no-changes");
      await run("destroy", "--yes", "--skip-preview");
      await run("stack", "rm", "--yes", "yaml");
      await expectOnlySeedLeft();
      for (const secret of [secrets.variableValue, sim.clientSecret])
        expect(printed.join("\n")).not.toContain(secret);
    });
  });
});
