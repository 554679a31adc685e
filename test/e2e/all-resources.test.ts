// Every resource kind in one Pulumi.yaml project, with the package installed from a packed tarball
// the way a user installs it, run by the real CLI and its Node.js language host against the simulator:
// up, a no-change preview, a changed program, drift shown by refresh, and destroy, the backups, copies
// and promotions each phase makes counted at the simulator.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Stack } from "@pulumi/pulumi/automation";
import { SEED, startSimulator, type Simulator } from "../../simulator";
import { ed25519PublicKey, selfSignedCertificate } from "../simulator/helpers";
import { PROGRAMS_DIR, copyProject, installPackage, projectStack, simulatorConfig } from "./helpers/project";
import { REPO_ROOT, createSandbox, describeWithPulumi, type PulumiSandbox } from "./helpers/pulumi-cli";
import { allKinds } from "../../provider/kinds/catalog";
import { apiClient, estate, expectSameIds, type EstateState } from "../helpers/simulated-estate";
import { checkpointResources, sha256, stateFiles, tokenCandidates } from "./helpers/state-files";
import { mutationsDuring } from "../helpers/simulator-control";

const PROJECT = "acquia-all-resources";
const STACK = "e2e";
// The routes whose calls count the runs of the trigger kinds and of the promotion.
const BACKUP = "POST /environments/{environmentId}/databases/{databaseName}/backups";
const DELETE_BACKUP = "DELETE /environments/{environmentId}/databases/{databaseName}/backups/{backupId}";
const COPY_DATABASE = "POST /environments/{environmentId}/databases";
const COPY_FILES = "POST /environments/{environmentId}/files";
const PROMOTE = "POST /environments/{environmentId}/code";

describeWithPulumi("every resource through `pulumi up` with the packed package", (cli) => {
  let sandbox: PulumiSandbox;
  let sim: Simulator;
  let stack: Stack;
  let seed: EstateState;
  const certificate = selfSignedCertificate(["e2e.example.com"]);
  const certificate2 = selfSignedCertificate(["e2e.example.com", "e2e-2.example.com"]);
  const secrets = {
    variableValue: "variable-value-one-3f1c",
    variableValue2: "variable-value-two-9b2e",
    logToken: "sumo-token-7d41aa90",
    privateKey: certificate.privateKey,
    privateKey2: certificate2.privateKey,
  };

  const api = () => apiClient(sim);
  const simState = () => estate(sim);
  const backendDir = () => fileURLToPath(sandbox.backendUrl);
  const cdeId = async () => String((await stack.outputs())["cdeId"]?.value);
  const stage = SEED.environments.test;
  /** The on-demand backups of the program's database on the CD environment. */
  const backups = async (id: string) =>
    (await api().databaseBackups.list(id, "e2e_db")).filter((b) => b.type === "ondemand");
  const enabledActions = async (id: string) =>
    (await api().cloudActions.list(id))
      .filter((a) => a.flags?.enabled)
      .map((a) => a.label)
      .sort();
  const stageFlags = async () => ({
    cdn: (await api().environments.get(stage)).flags?.["cdn"],
    modProxy: (await api().environmentFlags.modProxy(stage)).status,
  });

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 100 });
    seed = await simState();
    sandbox = await createSandbox(cli);
    const programs = installPackage(sandbox.root);
    const project = copyProject(join(PROGRAMS_DIR, "all-resources"), programs, "all-resources");
    stack = await projectStack(sandbox, project, STACK, {
      ...simulatorConfig(sim),
      sshPublicKey: ed25519PublicKey("e2e@ci"),
      certificate: certificate.certificate,
      certificate2: certificate2.certificate,
      ...Object.fromEntries(Object.entries(secrets).map(([k, value]) => [k, { value, secret: true }])),
    });
  });

  afterAll(async () => {
    try {
      await sandbox?.cleanup();
    } finally {
      await sim?.stop();
    }
  });

  it("creates every resource", async () => {
    expect(await stageFlags()).toEqual({ cdn: false, modProxy: "inactive" });
    let result: Awaited<ReturnType<Stack["up"]>> | undefined;
    const calls = await mutationsDuring(sim, async () => (result = await stack.up()));
    expect(result?.summary.resourceChanges).toEqual({ create: 26 });
    // The backup and each copy ran once; stage's ref to stage, then stage's code to dev.
    expect(calls).toMatchObject({ [BACKUP]: 1, [COPY_DATABASE]: 1, [COPY_FILES]: 1, [PROMOTE]: 1 });
    const id = await cdeId();
    expect(await backups(id)).toHaveLength(1);
    expect(await enabledActions(id)).toEqual(["Backup all databases", "Clear all Drupal caches"]);
    expect(await stageFlags()).toEqual({ cdn: true, modProxy: "inactive" });
    expect((await api().environments.get(SEED.environments.dev)).vcs?.path).toBe("tags/v1.0.0");
    // The promotion ran the one Cloud Action it named, not dev's defaults.
    const promotion = (await sim.control.stats()).tasks.find((t) => t.event === "CodeDeployed");
    expect((await api().getNotification(promotion?.uuid ?? "")).description).toMatch(
      /^Code was deployed from .* Cloud Actions run: Clear all Drupal caches\.$/,
    );
    expect((await api().environments.get(id)).label).toBe("E2E");
    expect((await api().variables.get(id, "E2E_SECRET")).value).toBe(secrets.variableValue);
    expect((await api().sslCertificates.list(id)).map((c) => c.flags?.active)).toEqual([true]);
    expect((await api().teams.find(sim.organizationUuid, "E2E Team"))?.uuid).toBe(
      (await stack.outputs())["teamUuid"]?.value,
    );
    const tokens = await api().apiTokens.list();
    expect(tokens.filter((t) => t.label === "E2E token" && t.active !== false)).toHaveLength(1);
    expect((await api().shieldAcl.list(SEED.subscriptionUuid)).map((r) => r.addresses)).toEqual([
      ["203.0.113.0/24"],
    ]);
    expect((await api().identityProviders.forOrganization(sim.organizationUuid)).idp_entity_id).toBe(
      "https://idp.example.com/saml/e2e",
    );
  });

  it("previews no change for the unchanged program", async () => {
    const preview = await stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 26 });
  });

  it("updates in place and replaces exactly as documented when the program changes", async () => {
    const before = await cdeId();
    const backupBefore = (await backups(before))[0]?.id;
    await stack.setConfig("phase", { value: "2" });
    let result: Awaited<ReturnType<Stack["up"]>> | undefined;
    const calls = await mutationsDuring(sim, async () => (result = await stack.up()));
    // In place: environment label, settings, code ref, variable value, cron frequency, team name, log
    // sources, role permissions, allowlist addresses, stage's flags, Cloud Actions and the promotion (its
    // triggers). Replaced: the domain (deleted first), the certificate (the new one active first), the
    // backup and the two copies (new triggers).
    expect(result?.summary.resourceChanges).toEqual({ same: 9, update: 12, replace: 5 });
    // Each trigger kind ran exactly once more, the old backup deleted (deleteOnDestroy); stage's new ref
    // deployed, then promoted again.
    expect(calls).toMatchObject({
      [BACKUP]: 1,
      [DELETE_BACKUP]: 1,
      [COPY_DATABASE]: 1,
      [COPY_FILES]: 1,
      [PROMOTE]: 1,
    });
    const id = await cdeId();
    expect(id).toBe(before);
    const newBackups = await backups(id);
    expect(newBackups).toHaveLength(1);
    expect(newBackups[0]?.id).not.toBe(backupBefore);
    expect(await enabledActions(id)).toEqual([
      "Backup all databases",
      "Clear all Drupal caches",
      "Run database updates",
    ]);
    expect(await stageFlags()).toEqual({ cdn: true, modProxy: "active" });
    expect((await api().environments.get(SEED.environments.dev)).vcs?.path).toBe("main");
    expect((await api().environments.get(id)).label).toBe("E2E Renamed");
    const hostnames = (await api().domains.list(id)).map((d) => d.hostname);
    expect(hostnames).toContain("e2e-2.example.com");
    expect(hostnames).not.toContain("e2e.example.com");
    const certificates = await api().sslCertificates.list(id);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]?.flags?.active).toBe(true);
    expect(certificates[0]?.certificate?.trim()).toBe(certificate2.certificate.trim());
    expect((await api().variables.get(id, "E2E_SECRET")).value).toBe(secrets.variableValue2);
    expect((await api().teams.find(sim.organizationUuid, "E2E Team Renamed"))?.uuid).toBeDefined();
    expect((await api().environments.find(sim.applicationUuid, "test"))?.vcs?.path).toBe("main");
    const role = await api().roles.find(sim.organizationUuid, "E2E Role");
    expect((role?.permissions ?? []).map((p) => p.name).sort()).toEqual([
      "deploy to non-prod",
      "deploy to prod",
    ]);
    expect((await api().shieldAcl.list(SEED.subscriptionUuid)).map((r) => r.addresses)).toEqual([
      ["203.0.113.0/24", "198.51.100.7"],
    ]);
  });

  it("shows drift made outside Pulumi on refresh, and the next up puts it back", async () => {
    const id = await cdeId();
    const teamUuid = String((await stack.outputs())["teamUuid"]?.value);
    await (
      await api().variables.update(id, { name: "E2E_SECRET", value: "changed-outside" })
    ).wait({ pollIntervalMs: 20 });
    await (await api().teams.update(teamUuid, { name: "Renamed by hand" })).wait({ pollIntervalMs: 20 });
    await (await api().environmentFlags.disableCdn(stage)).wait({ pollIntervalMs: 20 });
    const importConfiguration = (await api().cloudActions.list(id)).find(
      (a) => a.label === "Import configuration",
    );
    await (
      await api().cloudActions.update(id, { [importConfiguration?.id ?? ""]: true })
    ).wait({ pollIntervalMs: 20 });
    const refreshed = await stack.refresh();
    expect(refreshed.summary.resourceChanges).toMatchObject({ update: 4 });
    const preview = await stack.preview();
    expect(preview.changeSummary).toMatchObject({ update: 4 });
    // Putting the drift back backs up, copies and promotes nothing: only triggers run those again.
    const calls = await mutationsDuring(sim, () => stack.up());
    expect([BACKUP, COPY_DATABASE, COPY_FILES, PROMOTE].filter((route) => route in calls)).toEqual([]);
    expect((await api().variables.get(id, "E2E_SECRET")).value).toBe(secrets.variableValue2);
    expect((await api().teams.get(teamUuid)).name).toBe("E2E Team Renamed");
    expect(await stageFlags()).toEqual({ cdn: true, modProxy: "active" });
    expect(await enabledActions(id)).toEqual([
      "Backup all databases",
      "Clear all Drupal caches",
      "Run database updates",
    ]);
  });

  it("keeps every secret and token out of the backend, and stores only the small shim", async () => {
    const files = stateFiles(backendDir());
    expect(files.length).toBeGreaterThan(0);
    const tokens = new Set((await sim.control.tokens()).map((t) => t.sha256));
    expect(tokens.size).toBeGreaterThan(0);
    const plaintext = [sim.clientSecret, secrets.variableValue, secrets.variableValue2, secrets.logToken];
    const keyLines = [secrets.privateKey, secrets.privateKey2].flatMap((k) =>
      k.split("\n").filter((line) => line.length > 40),
    );
    for (const { path, text } of files) {
      for (const secret of [...plaintext, ...keyLines]) {
        if (text.includes(secret)) throw new Error(`${path} holds a secret in plaintext`);
      }
      expect(tokenCandidates(text).filter((s) => tokens.has(sha256(s)))).toEqual([]);
    }

    const golden = readFileSync(
      join(REPO_ROOT, "test", "serialization", "__golden__", "provider.js.txt"),
      "utf8",
    );
    const ours = checkpointResources(backendDir(), PROJECT, STACK).filter((r) =>
      r.type.includes("acquia-cloud"),
    );
    expect(ours).toHaveLength(25);
    // The project's promise: every kind is in this program, so a new kind fails here until it is added.
    const kinds = allKinds().map((k) => k.name);
    expect([...new Set(ours.map((r) => r.type.split(":").pop()))].sort()).toEqual(kinds.sort());
    for (const resource of ours) {
      const kind = resource.type.split(":").pop() ?? "";
      for (const props of [resource.inputs, resource.outputs]) {
        const shim = String(props?.["__provider"]);
        expect(shim.split(JSON.stringify(kind)).join('"<KIND>"')).toBe(golden);
      }
    }
  });

  it("destroys everything it created", async () => {
    let result: Awaited<ReturnType<Stack["destroy"]>> | undefined;
    const calls = await mutationsDuring(sim, async () => (result = await stack.destroy()));
    expect(result?.summary.resourceChanges).toEqual({ delete: 26 });
    // The backup goes with the resource; a copy cannot be undone, so nothing copies again.
    expect(calls[DELETE_BACKUP]).toBe(1);
    expect(calls[COPY_DATABASE] ?? 0).toBe(0);
    expect(calls[COPY_FILES] ?? 0).toBe(0);
    const after = await simState();
    expectSameIds(after, seed);
    // restoreOnDelete put back stage's flags as seeded, mod_proxy too though it was managed only later.
    expect(await stageFlags()).toEqual({ cdn: false, modProxy: "inactive" });
  });
});
