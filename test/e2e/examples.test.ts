// The examples as users run them (packed package, real CLI, language host), and the engine-level
// behaviour around credentials: one token per process and renewal interval, clear failures for a wrong
// secret or a missing federated scope, and secret rotation without a broken destroy or a needless change.
import { join } from "node:path";
import { AcquiaCloudClient } from "../../sdk";
import { SEED, startSimulator, type Simulator } from "../../simulator";
import { apiClient } from "../helpers/simulated-estate";
import { mutatingCalls } from "../helpers/simulator-control";
import { ed25519PublicKey } from "../simulator/helpers";
import {
  EXAMPLES_DIR,
  PROGRAMS_DIR,
  copyProject,
  installPackage,
  projectStack,
  simulatorConfig,
} from "./helpers/project";
import {
  createSandbox,
  describeWithPulumi,
  type PulumiSandbox,
  type StackConfig,
} from "./helpers/pulumi-cli";

function credentials(sim: Simulator, secret = sim.clientSecret): StackConfig {
  return simulatorConfig(sim, { secret, pollIntervalMs: 100 });
}

describeWithPulumi("the examples and credentials through `pulumi up`", (cli) => {
  let sandbox: PulumiSandbox;
  let programs: string;
  let sim: Simulator;
  const api = () => apiClient(sim);
  const project = (source: string, name: string) => copyProject(source, programs, name);

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 100 });
    sandbox = await createSandbox(cli);
    programs = installPackage(sandbox.root);
  });

  afterAll(async () => {
    try {
      await sandbox?.cleanup();
    } finally {
      await sim?.stop();
    }
  });

  beforeEach(async () => {
    await sim.control.reset();
  });

  it("team-and-access: creates the team, its application and the SSH key, then removes them", async () => {
    const dir = project(join(EXAMPLES_DIR, "team-and-access"), "team-and-access");
    const stack = await projectStack(sandbox, dir, "example", {
      ...credentials(sim),
      ciPublicKey: ed25519PublicKey("ci@example.com"),
    });
    expect((await stack.up()).summary.resourceChanges).toEqual({ create: 5 });
    const team = await api().teams.find(sim.organizationUuid, "Platform Engineering");
    expect(team?.uuid).toBe((await stack.outputs())["teamUuid"]?.value);
    expect((await api().teams.listApplications(team?.uuid ?? "")).map((a) => a.uuid)).toContain(
      sim.applicationUuid,
    );
    expect(await api().sshKeys.find("ci_deploy")).toBeDefined();
    expect((await stack.preview({ expectNoChanges: true })).changeSummary).toEqual({ same: 5 });
    await stack.destroy();
    expect(await api().teams.find(sim.organizationUuid, "Platform Engineering")).toBeUndefined();
    expect(await api().sshKeys.find("ci_deploy")).toBeUndefined();
  });

  it("access-governance: a team, its role, its people invited and the allowlist, then all removed", async () => {
    const dir = project(join(EXAMPLES_DIR, "access-governance"), "access-governance");
    const members = ["ana.release@example.com", "ben.release@example.com"];
    const stack = await projectStack(sandbox, dir, "example", {
      ...credentials(sim),
      members: JSON.stringify(members),
      allowlist: JSON.stringify([{ description: "Office", addresses: ["203.0.113.0/24"] }]),
    });
    // The stack, the Connection, the team and its application, the role, two members, the allowlist.
    expect((await stack.up()).summary.resourceChanges).toEqual({ create: 8 });
    const outputs = await stack.outputs();
    const role = await api().roles.find(sim.organizationUuid, "Release Manager");
    expect(role?.uuid).toBe(outputs["roleUuid"]?.value);
    expect((role?.permissions ?? []).map((p) => p.name).sort()).toEqual([
      "deploy to non-prod",
      "deploy to prod",
      "pull from prod",
    ]);
    const teamUuid = String(outputs["teamUuid"]?.value);
    const invites = await api().teamMembers.listInvites(teamUuid);
    expect(invites.map((i) => i.email).sort()).toEqual(members);
    expect(outputs["memberStatus"]?.value).toEqual(Object.fromEntries(members.map((m) => [m, "pending"])));
    expect((await api().shieldAcl.list(SEED.subscriptionUuid)).map((r) => r.addresses)).toEqual([
      ["203.0.113.0/24"],
    ]);
    expect((await stack.preview({ expectNoChanges: true })).changeSummary).toEqual({ same: 8 });
    expect((await stack.destroy()).summary.resourceChanges).toEqual({ delete: 8 });
    expect(await api().teams.find(sim.organizationUuid, "Release Managers")).toBeUndefined();
    expect(await api().roles.find(sim.organizationUuid, "Release Manager")).toBeUndefined();
    expect(await api().shieldAcl.list(SEED.subscriptionUuid)).toEqual([]);
  });

  describe("quickstart", () => {
    let dir: string;
    beforeAll(() => {
      dir = project(join(EXAMPLES_DIR, "quickstart"), "quickstart");
    });

    it("fails preview on a wrong secret, saying which setting to fix and never echoing it", async () => {
      const stack = await projectStack(sandbox, dir, "wrong-secret", credentials(sim, "not-the-secret-4a1b"));
      const error = (await stack.preview().catch((e: Error) => e)) as Error;
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(/rejected the API key\/secret/);
      expect(error.message).toMatch(/acquia:clientSecret/);
      expect(error.message).not.toContain("not-the-secret-4a1b");
      expect(await mutatingCalls(sim)).toBe(0);
    });

    // A destroy does not run the program, so the engine configures the provider with the config recorded
    // at the last up; --run-program hands it the current stack config, which the provider falls back to.
    it("destroys right after the secret was rotated, with the new secret only in config", async () => {
      const stack = await projectStack(sandbox, dir, "rotate-destroy", credentials(sim));
      expect((await stack.up()).summary.resourceChanges).toEqual({ create: 9 });
      const clientSecret = await sim.control.rotateCredentials();
      await sim.control.expireTokens();
      await stack.setConfig("acquia:clientSecret", { value: clientSecret, secret: true });
      expect((await stack.destroy({ runProgram: true })).summary.resourceChanges).toMatchObject({
        delete: 9,
      });
      const fresh = new AcquiaCloudClient({
        clientId: sim.clientId,
        clientSecret,
        apiUrl: sim.apiUrl,
        tokenUrl: sim.tokenUrl,
      });
      expect((await fresh.environments.list(sim.applicationUuid)).map((e) => e.label)).not.toContain(
        "Feature",
      );
      expect((await fresh.databases.list(sim.applicationUuid)).map((d) => d.name)).not.toContain("reporting");
    });

    it("after a rotation, up updates the stored credentials without any mutating Acquia call", async () => {
      const stack = await projectStack(sandbox, dir, "rotate-up", credentials(sim));
      await stack.up();
      const clientSecret = await sim.control.rotateCredentials();
      await stack.setConfig("acquia:clientSecret", { value: clientSecret, secret: true });
      const before = await mutatingCalls(sim);
      const result = await stack.up();
      expect(result.summary.resourceChanges?.["create"]).toBeUndefined();
      expect(result.summary.resourceChanges?.["replace"]).toBeUndefined();
      expect(await mutatingCalls(sim)).toBe(before);
      await stack.destroy();
    });
  });

  describe("token lifecycle", () => {
    let short: Simulator;
    afterAll(async () => {
      await short?.stop();
    });

    it("renews short-lived tokens per process, not per resource", async () => {
      // A 4-second token renews 3.2 s after issue (the 20 % margin); tasks of 1.5 s make the run outlast it.
      short = await startSimulator({ tokenTtlSeconds: 4, taskDurationMs: 1500 });
      const dir = project(join(EXAMPLES_DIR, "quickstart"), "quickstart-tokens");
      const stack = await projectStack(sandbox, dir, "tokens", credentials(short));
      const started = Date.now();
      const result = await stack.up();
      const seconds = (Date.now() - started) / 1000;
      expect(result.summary.resourceChanges).toEqual({ create: 9 });
      expect(seconds).toBeGreaterThan(4);
      const { tokenRequests } = await short.control.stats();
      // Two processes talk to Acquia: the program (lookups) and the provider.
      const bound = 2 * (1 + Math.floor(seconds / 3.2));
      expect(tokenRequests).toBeLessThanOrEqual(bound);
      await stack.destroy();
    });
  });

  it("a federated organization works only with its organization UUID, and says so otherwise", async () => {
    const dir = project(join(PROGRAMS_DIR, "federated"), "federated");
    const stack = await projectStack(sandbox, dir, "federated", {
      ...credentials(sim),
      applicationUuid: sim.federatedApplicationUuid,
    });
    const error = (await stack.preview().catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/federated authentication/);
    expect(error.message).toMatch(/organizationUuid/);
    await stack.setConfig("acquia:organizationUuid", { value: sim.federatedOrganizationUuid });
    const result = await stack.up();
    expect(result.summary.resourceChanges).toEqual({ create: 3 });
    expect(result.outputs["scope"]?.value).toBe(`organization:${sim.federatedOrganizationUuid}`);
    await stack.destroy();
  });
});
