// Access as code through the real CLI with the packed package: a role, a team member and an
// organization admin are invited by `up`, stay `pending` until the person accepts, show `active` on
// refresh once they have, take a roles change in place, and leave the estate as seeded on destroy.
// Then on the provider plugin, `pulumi import` takes all three over by ids that carry their parent.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { SEED, startSimulator, type Simulator } from "../../simulator";
import { PROGRAMS_DIR, copyProject, installPackage, projectStack, simulatorConfig } from "./helpers/project";
import { createSandbox, describeWithPulumi, type PulumiSandbox } from "./helpers/pulumi-cli";
import { apiClient, estate, expectSameIds, type EstateState } from "../helpers/simulated-estate";
import { checkpointResources } from "./helpers/state-files";

const PROJECT = "acquia-access-people";
const STACK = "e2e";
const MEMBER = "ada.lovelace@example.com";
const ADMIN = "grace.hopper@example.com";

interface Held {
  roles: Record<string, { uuid: string; name: string; permissions: string[] }>;
  teamMembers: Record<string, { userUuid: string; roleUuids: string[] }>;
  invites: Record<string, { token: string; email: string; roleUuids: string[]; acceptedAt: string | null }>;
}

describeWithPulumi("people and roles through `pulumi up` with the packed package", (cli) => {
  let sandbox: PulumiSandbox;
  let sim: Simulator;
  let stack: Stack;
  let seed: EstateState;
  let project: string;
  const config = (mode: "plugin" | "dynamic") => ({
    mode,
    ...simulatorConfig(sim),
    organizationUuid: sim.organizationUuid,
  });

  const held = async () => (await sim.control.state()) as unknown as Held;
  const openInvites = async () => Object.values((await held()).invites).filter((i) => i.acceptedAt === null);
  /** What the stack's state holds for a resource kind (refresh does not rerun the program's exports). */
  const recorded = (kind: string, stackName = STACK) =>
    checkpointResources(fileURLToPath(sandbox.backendUrl), PROJECT, stackName).find((r) =>
      r.type.endsWith(`:${kind}`),
    )?.outputs;

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 50 });
    seed = await estate(sim);
    sandbox = await createSandbox(cli);
    const programs = installPackage(sandbox.root);
    project = copyProject(join(PROGRAMS_DIR, "access-people"), programs, "access-people");
    stack = await projectStack(sandbox, project, STACK, config("dynamic"));
  });

  afterAll(async () => {
    try {
      await sandbox?.cleanup();
    } finally {
      await sim?.stop();
    }
  });

  it("creates the role and sends both invitations, which stay pending", async () => {
    const result = await stack.up();
    expect(result.summary.resourceChanges).toEqual({ create: 5 });
    const outputs = await stack.outputs();
    expect(outputs["memberStatus"]?.value).toBe("pending");
    expect(outputs["adminStatus"]?.value).toBe("pending");
    const role = Object.values((await held()).roles).find((r) => r.name === "Release Manager");
    expect(role?.uuid).toBe(outputs["roleUuid"]?.value);
    expect(role?.permissions.sort()).toEqual(["deploy to non-prod", "deploy to prod"]);
    expect((await openInvites()).map((i) => [i.email, i.roleUuids])).toEqual(
      expect.arrayContaining([
        [MEMBER, [SEED.roles.developer]],
        [ADMIN, []],
      ]),
    );
  });

  it("previews no change for the unchanged program", async () => {
    const preview = await stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 5 });
  });

  it("shows both people active on refresh once they accepted, with nothing for the next up to do", async () => {
    const api = apiClient(sim);
    for (const invite of await openInvites()) await api.invites.accept(invite.token);
    // Only outputs change (no input differs), so the engine counts nothing as updated: read the state.
    await stack.refresh();
    expect(recorded("TeamMember")).toMatchObject({ status: "active", roles: [SEED.roles.developer] });
    expect(recorded("OrganizationAdmin")).toMatchObject({ status: "active" });
    const preview = await stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 5 });
  });

  it("gives the member the custom role in place", async () => {
    await stack.setConfig("phase", { value: "2" });
    const result = await stack.up();
    expect(result.summary.resourceChanges).toEqual({ same: 4, update: 1 });
    const roleUuid = String((await stack.outputs())["roleUuid"]?.value);
    const members = Object.values((await held()).teamMembers);
    const ada = members.find((m) => recorded("TeamMember")?.["userUuid"] === m.userUuid);
    expect(ada?.roleUuids.sort()).toEqual([SEED.roles.developer, roleUuid].sort());
  });

  it("destroys back to the seed: role gone, member and admin removed", async () => {
    const result = await stack.destroy();
    expect(result.summary.resourceChanges).toEqual({ delete: 5 });
    expectSameIds(await estate(sim), seed);
    expect(await openInvites()).toEqual([]);
  });

  it("on the plugin, `pulumi import` takes role, member and admin (and the Connection) over by their ids, calling nothing, and previews no change", async () => {
    const onPlugin = await projectStack(sandbox, project, "plugin", config("plugin"));
    expect((await onPlugin.up()).summary.resourceChanges).toMatchObject({ create: 5 });
    const resources = checkpointResources(fileURLToPath(sandbox.backendUrl), PROJECT, "plugin")
      .filter((r) => r.type.startsWith("acquia:index:"))
      .map((r) => ({
        type: r.type,
        name: r.urn.split("::").pop() ?? "",
        id: String((r as { id?: string }).id),
      }));
    expect(
      resources
        .filter((r) => r.type !== "acquia:index:Connection")
        .map((r) => r.id)
        .sort(),
    ).toEqual(
      [
        `${sim.organizationUuid}/${String(recorded("Role", "plugin")?.["roleUuid"])}`,
        `${sim.organizationUuid}/${ADMIN}`,
        `${SEED.teamUuid}/${MEMBER}`,
      ].sort(),
    );
    // Not tracked by the sandbox: destroying it would delete what the plugin stack owns.
    const imported = await LocalWorkspace.createOrSelectStack(
      { stackName: "imported", workDir: project },
      { pulumiHome: sandbox.pulumiHome, pulumiCommand: sandbox.pulumiCommand, envVars: sandbox.env },
    );
    await imported.setAllConfig(await onPlugin.getAllConfig());
    const mutating = async () =>
      Object.entries((await sim.control.stats()).byRoute).filter(([route]) => !route.startsWith("GET "));
    const before = await mutating();
    const result = await imported.import({ resources, protect: false, generateCode: false });
    expect(result.summary.resourceChanges).toMatchObject({ import: 4 });
    expect(await mutating()).toEqual(before);
    expect(recorded("TeamMember", "imported")).toMatchObject({
      status: "pending",
      roles: [SEED.roles.developer],
    });
    // The program matches what was imported: the engine refuses any change here.
    await imported.preview({ expectNoChanges: true });
    await imported.workspace.removeStack("imported", { force: true });
    await onPlugin.destroy();
    expectSameIds(await estate(sim), seed);
    expect(await openInvites()).toEqual([]);
  });
});
