import { getPermissions, getRoles, getTeam } from "../../provider";
import { check as runtimeCheck } from "../../provider/runtime";
import { AcquiaCloudClient } from "../../sdk";
import { SEED, type Simulator } from "../../simulator";
import {
  check,
  checked,
  configure,
  connectionOf,
  control,
  destroy,
  diff,
  mutations,
  read,
  useSimulator,
  up,
  type Props,
  type State,
} from "./harness";
import { lifecycleMatrix, type MatrixCase } from "./matrix";

/** What the simulator holds (its control endpoint), not what the provider says. */
interface Held {
  roles: Record<string, { uuid: string; name: string; permissions: string[]; organizationUuid: string }>;
  teamMembers: Record<string, { teamUuid: string; userUuid: string; roleUuids: string[] }>;
  organizationAdmins: Record<string, { organizationUuid: string; userUuid: string }>;
  invites: Record<
    string,
    { token: string; email: string; teamUuid: string | null; roleUuids: string[]; acceptedAt: string | null }
  >;
  people: Record<string, { uuid: string; mail: string }>;
}
const held = async (sim: Simulator) => (await control(sim, "GET", "state")) as Held;
const openInvites = async (sim: Simulator, email: string) =>
  Object.values((await held(sim)).invites).filter((i) => i.email === email && i.acceptedAt === null);

/** Accepts the open invitation to `email`, standing in for the person who clicks the emailed link. */
async function accept(sim: Simulator, email: string): Promise<void> {
  const [invite] = await openInvites(sim, email);
  if (!invite) throw new Error(`no open invitation to ${email}`);
  await new AcquiaCloudClient(connectionOf(sim)).invites.accept(invite.token);
}

const { developer, seniorDeveloper, teamLead } = SEED.roles;

const roleCase: MatrixCase = {
  kind: "Role",
  synchronousCreate: true,
  inputs: (sim) => ({
    organizationUuid: sim.organizationUuid,
    name: "Matrix Role",
    permissions: ["access cloud api"],
  }),
  differently: (inputs) => ({ ...inputs, permissions: ["deploy to prod"] }),
  createPath: "/api/organizations/*/roles",
  deletePath: "/api/roles/*",
  count: async (api, sim) =>
    (await api.roles.listForOrganization(sim.organizationUuid)).filter((r) => r.name === "Matrix Role")
      .length,
  remove: (api, _sim, s) => api.roles.delete(String(s.outs["roleUuid"])),
};
const MATRIX_MEMBER = "matrix.member@example.com";
const teamMemberCase: MatrixCase = {
  kind: "TeamMember",
  synchronousCreate: true,
  inputs: () => ({ teamUuid: SEED.teamUuid, email: MATRIX_MEMBER, roles: [developer] }),
  differently: (inputs) => ({ ...inputs, roles: [seniorDeveloper] }),
  createPath: "/api/teams/*/invites",
  deletePath: "/api/invites/*",
  count: async (api) =>
    [
      ...(await api.teamMembers.list(SEED.teamUuid)).map((m) => m.mail),
      ...(await api.teamMembers.listInvites(SEED.teamUuid)).map((i) => i.email),
    ].filter((mail) => mail === MATRIX_MEMBER).length,
  remove: async (api) => {
    const invite = (await api.teamMembers.listInvites(SEED.teamUuid)).find((i) => i.email === MATRIX_MEMBER);
    return api.invites.cancel(String(invite?.token));
  },
};
const MATRIX_ADMIN = "matrix.admin@example.com";
const organizationAdminCase: MatrixCase = {
  kind: "OrganizationAdmin",
  synchronousCreate: true,
  inputs: (sim) => ({ organizationUuid: sim.organizationUuid, email: MATRIX_ADMIN }),
  createPath: "/api/organizations/*/admin-invites",
  deletePath: "/api/invites/*",
  count: async (api, sim) =>
    [
      ...(await api.organizationAdmins.list(sim.organizationUuid)).map((a) => a.mail),
      ...(await api.organizationAdmins.listInvites(sim.organizationUuid)).map((i) => i.email),
    ].filter((mail) => mail === MATRIX_ADMIN).length,
  remove: async (api, sim) => {
    const invites = await api.organizationAdmins.listInvites(sim.organizationUuid);
    return api.invites.cancel(String(invites.find((i) => i.email === MATRIX_ADMIN)?.token));
  },
};

describe("roles and people lifecycle matrix", () => {
  lifecycleMatrix([roleCase, teamMemberCase, organizationAdminCase]);
});

describe("roles and people", () => {
  const sim = useSimulator();
  const failuresOf = async (kind: string, news: Props) =>
    Object.fromEntries((await check(kind, news)).failures.map((f) => [f.property, f.reason]));
  /** `pulumi import`: the id alone, with the stack's credentials. */
  const importing = (kind: string, id: string) => {
    configure({
      "acquia:clientId": sim.clientId,
      "acquia:clientSecret": sim.clientSecret,
      "acquia:apiUrl": sim.apiUrl,
      "acquia:tokenUrl": sim.tokenUrl,
    });
    return read(kind, { id, outs: {} } as State);
  };

  describe("Role", () => {
    const KIND = "Role";
    const base = () => ({
      connection: connectionOf(sim),
      organizationUuid: sim.organizationUuid,
      name: "Release Manager",
      permissions: ["deploy to prod", "access cloud api"],
    });
    const roleNamed = async (name: string) =>
      Object.values((await held(sim)).roles).find((r) => r.name === name);

    it("creates, finding the uuid by name, and a rerun (permissions in another order) calls nothing", async () => {
      const state = await up(KIND, base());
      const role = await roleNamed("Release Manager");
      expect(state.id).toBe(`${sim.organizationUuid}/${role?.uuid}`);
      expect(state.outs).toMatchObject({
        roleUuid: role?.uuid,
        permissions: ["access cloud api", "deploy to prod"],
      });
      expect(role?.permissions.sort()).toEqual(["access cloud api", "deploy to prod"]);
      const before = await mutations(sim);
      const reordered = {
        ...base(),
        permissions: ["access cloud api", "deploy to prod", "access cloud api"],
      };
      expect((await up(KIND, reordered, state)).action).toBe("same");
      expect((await read(KIND, state)).props).toEqual(state.outs);
      expect(await mutations(sim)).toEqual(before);
    });

    it("renames and changes permissions in place, and replaces on another organization", async () => {
      const state = await up(KIND, base());
      const changed = {
        ...base(),
        name: "Release Lead",
        permissions: ["deploy to non-prod"],
        description: "Ships.",
      };
      const updated = await up(KIND, changed, state);
      expect(updated).toMatchObject({ action: "update", id: state.id });
      expect(await roleNamed("Release Lead")).toMatchObject({
        uuid: state.outs["roleUuid"],
        permissions: ["deploy to non-prod"],
      });
      expect(await roleNamed("Release Manager")).toBeUndefined();
      const moved = await checked(
        KIND,
        { ...changed, organizationUuid: sim.federatedOrganizationUuid },
        updated.outs,
      );
      expect(await diff(KIND, updated.id, updated.outs, moved)).toMatchObject({
        replaces: ["organizationUuid"],
        deleteBeforeReplace: false,
      });
    });

    it("shows drift on refresh, and the next up puts the program's permissions back", async () => {
      const state = await up(KIND, base());
      await new AcquiaCloudClient(connectionOf(sim)).roles.update(String(state.outs["roleUuid"]), {
        permissions: ["access cloud api"],
      });
      const refreshed = await read(KIND, state);
      expect(refreshed.props?.["permissions"]).toEqual(["access cloud api"]);
      const drifted = { id: state.id, outs: refreshed.props ?? {} };
      expect((await up(KIND, base(), drifted)).action).toBe("update");
      expect((await roleNamed("Release Manager"))?.permissions.sort()).toEqual([
        "access cloud api",
        "deploy to prod",
      ]);
    });

    it("checks permission names against Acquia's list in preview, naming permissions and the fix", async () => {
      const failures = await failuresOf(KIND, {
        ...base(),
        permissions: ["deploy to prod", "fly to the moon"],
      });
      expect(failures).toEqual({
        permissions: expect.stringMatching(/no permission named "fly to the moon".*getPermissions/),
      });
      expect(await failuresOf(KIND, { ...base(), name: " ", organizationUuid: "acme" })).toEqual({
        name: expect.stringMatching(/name is required/),
        organizationUuid: expect.stringMatching(/organization UUID/),
      });
      expect(Object.values((await held(sim)).roles).map((r) => r.name)).not.toContain("Release Manager");
    });

    it("refuses an existing role of the same name that differs, with the adopt hint; adopt takes it over", async () => {
      await new AcquiaCloudClient(connectionOf(sim)).roles.create(sim.organizationUuid, {
        name: "Release Manager",
        permissions: ["access cloud api"],
      });
      expect(await failuresOf(KIND, base())).toEqual({
        name: expect.stringMatching(
          /Role "Release Manager" already exists in Acquia .*permissions.*adopt: true/,
        ),
      });
      await expect(up(KIND, base())).rejects.toThrow(/already exists .*adopt: true/);
      const adopted = await up(KIND, { ...base(), adopt: true });
      expect((await roleNamed("Release Manager"))?.permissions.sort()).toEqual([
        "access cloud api",
        "deploy to prod",
      ]);
      await destroy(KIND, adopted);
      expect(await roleNamed("Release Manager")).toBeUndefined();
    });

    it("imports by <organizationUuid>/<roleUuid>", async () => {
      const imported = await importing(KIND, `${sim.organizationUuid}/${teamLead}`);
      expect(imported.props).toMatchObject({
        organizationUuid: sim.organizationUuid,
        name: "Team Lead",
        roleUuid: teamLead,
        permissions: ["access cloud api", "administer team"],
      });
    });
  });

  describe("TeamMember", () => {
    const KIND = "TeamMember";
    const EMAIL = "ada.lovelace@example.com";
    const base = () => ({
      connection: connectionOf(sim),
      teamUuid: SEED.teamUuid,
      email: EMAIL,
      roles: [developer],
    });
    const memberOf = async (email: string) => {
      const state = await held(sim);
      const person = Object.values(state.people).find((p) => p.mail === email);
      return person && state.teamMembers[`${SEED.teamUuid}/${person.uuid}`];
    };

    it("invites (pending), a rerun calls nothing, and refresh shows active once the person accepts", async () => {
      const state = await up(KIND, { ...base(), email: "Ada.Lovelace@Example.com" });
      expect(state.id).toBe(`${SEED.teamUuid}/${EMAIL}`);
      expect(state.outs).toMatchObject({ email: EMAIL, status: "pending", roles: [developer] });
      expect(await openInvites(sim, EMAIL)).toEqual([expect.objectContaining({ roleUuids: [developer] })]);
      const before = await mutations(sim);
      expect((await up(KIND, base(), state)).action).toBe("same");
      expect((await read(KIND, state)).props).toEqual(state.outs);
      expect(await mutations(sim)).toEqual(before);

      await accept(sim, EMAIL);
      const refreshed = await read(KIND, state);
      const member = await memberOf(EMAIL);
      expect(refreshed.props).toMatchObject({
        status: "active",
        userUuid: member?.userUuid,
        roles: [developer],
      });
      // Accepting changes no input: the next up has nothing to do.
      expect((await up(KIND, base(), { id: state.id, outs: refreshed.props ?? {} })).action).toBe("same");
    });

    it("reports a declined invitation as declined on refresh, and delete cancels it", async () => {
      const state = await up(KIND, base());
      const [invite] = await openInvites(sim, EMAIL);
      await new AcquiaCloudClient(connectionOf(sim)).invites.decline(String(invite?.token));
      expect((await read(KIND, state)).props).toMatchObject({ status: "declined", roles: [developer] });
      await destroy(KIND, state);
      expect(await openInvites(sim, EMAIL)).toEqual([]);
    });

    it("changes a pending invitation's roles by inviting again, and a member's roles in place", async () => {
      const state = await up(KIND, base());
      const reinvited = await up(KIND, { ...base(), roles: [developer, teamLead] }, state);
      expect(reinvited).toMatchObject({ action: "update", id: state.id });
      expect(reinvited.outs).toMatchObject({ status: "pending", roles: [developer, teamLead].sort() });
      expect((await openInvites(sim, EMAIL)).map((i) => i.roleUuids.sort())).toEqual([
        [developer, teamLead].sort(),
      ]);

      await accept(sim, EMAIL);
      const active = { id: state.id, outs: (await read(KIND, reinvited)).props ?? {} };
      const promoted = await up(KIND, { ...base(), roles: [seniorDeveloper] }, active);
      expect(promoted.outs).toMatchObject({ status: "active", roles: [seniorDeveloper] });
      expect((await memberOf(EMAIL))?.roleUuids).toEqual([seniorDeveloper]);
    });

    it("replaces on another team or address", async () => {
      const state = await up(KIND, base());
      const api = new AcquiaCloudClient(connectionOf(sim));
      await api.teams.create(sim.organizationUuid, { name: "QA" });
      const qa = String((await api.teams.find(sim.organizationUuid, "QA"))?.uuid);
      for (const [key, value] of [
        ["email", "grace.hopper@example.com"],
        ["teamUuid", qa],
      ] as const) {
        const news = await checked(KIND, { ...base(), [key]: value }, state.outs);
        expect(await diff(KIND, state.id, state.outs, news)).toMatchObject({ replaces: [key] });
      }
      const moved = await up(KIND, { ...base(), email: "grace.hopper@example.com" }, state);
      expect(moved.action).toBe("replace");
      expect(await openInvites(sim, EMAIL)).toEqual([]);
      expect(await openInvites(sim, "grace.hopper@example.com")).toHaveLength(1);
    });

    it("shows roles changed in the Cloud UI as drift, and a removed member as gone", async () => {
      const state = await up(KIND, base());
      await accept(sim, EMAIL);
      const member = await memberOf(EMAIL);
      const api = new AcquiaCloudClient(connectionOf(sim));
      await api.teamMembers.setRoles(SEED.teamUuid, String(member?.userUuid), [teamLead]);
      expect((await read(KIND, state)).props).toMatchObject({ roles: [teamLead], status: "active" });
      await api.teamMembers.remove(SEED.teamUuid, String(member?.userUuid));
      expect(await read(KIND, state)).toEqual({});
    });

    it("deletes a member from the team, and cancels a pending invitation", async () => {
      const pending = await up(KIND, { ...base(), email: "pending@example.com" });
      const active = await up(KIND, base());
      await accept(sim, EMAIL);
      await destroy(KIND, pending);
      await destroy(KIND, active);
      expect(await openInvites(sim, "pending@example.com")).toEqual([]);
      expect(await memberOf(EMAIL)).toBeUndefined();
      // The person's account stays; only the membership is gone.
      expect(Object.values((await held(sim)).people).map((p) => p.mail)).toContain(EMAIL);
    });

    it("refuses an existing member with other roles, with the adopt hint; adopt sets the roles", async () => {
      const existing = { ...base(), email: SEED.memberMail };
      expect(await failuresOf(KIND, existing)).toEqual({
        email: expect.stringMatching(
          /TeamMember "james.kirk@example.com" already exists .*roles.*adopt: true/,
        ),
      });
      await expect(up(KIND, existing)).rejects.toThrow(/already exists .*adopt: true/);
      const adopted = await up(KIND, { ...existing, adopt: true });
      expect(adopted.outs).toMatchObject({ status: "active", userUuid: SEED.memberUuid, roles: [developer] });
      expect((await memberOf(SEED.memberMail))?.roleUuids).toEqual([developer]);
    });

    it("adopts an open invitation as it is, and imports by <teamUuid>/<email>", async () => {
      await new AcquiaCloudClient(connectionOf(sim)).teamMembers.invite(SEED.teamUuid, {
        email: EMAIL,
        roles: [developer],
      });
      const adopted = await up(KIND, { ...base(), adopt: true });
      expect(adopted.outs).toMatchObject({ status: "pending" });
      expect(await openInvites(sim, EMAIL)).toHaveLength(1);
      const imported = await importing(KIND, `${SEED.teamUuid}/${SEED.memberMail}`);
      expect(imported.props).toMatchObject({
        teamUuid: SEED.teamUuid,
        email: SEED.memberMail,
        roles: [seniorDeveloper],
        status: "active",
      });
    });

    it("refuses in preview roles of another organization, naming roles and where to find good ones", async () => {
      const foreign = "0b7e6a3c-3c2f-4f6e-9d7a-5a1c2e9f4b99";
      expect(await failuresOf(KIND, { ...base(), roles: [developer, foreign] })).toEqual({
        roles: expect.stringMatching(
          new RegExp(`${foreign} is not a role of the team's organization.*getRoles`),
        ),
      });
      const state = await up(KIND, base());
      // A change to such roles is refused too, and nothing is sent.
      const changed = await runtimeCheck(KIND, state.outs, {
        ...base(),
        roles: [foreign],
        __provider: "shim",
      });
      expect(changed.failures.map((f) => f.property)).toEqual(["roles"]);
      expect(await openInvites(sim, EMAIL)).toEqual([expect.objectContaining({ roleUuids: [developer] })]);
    });

    it("rejects bad inputs naming the field", async () => {
      expect(await failuresOf(KIND, { ...base(), email: "ada", roles: [], teamUuid: "developers" })).toEqual({
        email: expect.stringMatching(/e-mail address/),
        roles: expect.stringMatching(/at least one role UUID/),
        teamUuid: expect.stringMatching(/team UUID/),
      });
      expect(await failuresOf(KIND, { ...base(), roles: ["Developer"] })).toEqual({
        "roles.0": expect.stringMatching(/role UUIDs.*getRoles/),
      });
    });
  });

  describe("OrganizationAdmin", () => {
    const KIND = "OrganizationAdmin";
    const EMAIL = "grace.hopper@example.com";
    const base = () => ({
      connection: connectionOf(sim),
      organizationUuid: sim.organizationUuid,
      email: EMAIL,
    });
    const adminUuid = async (email: string) => {
      const state = await held(sim);
      const person = Object.values(state.people).find((p) => p.mail === email);
      return person && state.organizationAdmins[`${sim.organizationUuid}/${person.uuid}`]?.userUuid;
    };

    it("invites, refresh shows active after acceptance, and delete removes the administrator", async () => {
      const state = await up(KIND, base());
      expect(state).toMatchObject({ id: `${sim.organizationUuid}/${EMAIL}`, outs: { status: "pending" } });
      expect((await up(KIND, base(), state)).action).toBe("same");
      await accept(sim, EMAIL);
      const uuid = await adminUuid(EMAIL);
      expect((await read(KIND, state)).props).toMatchObject({ status: "active", userUuid: uuid });
      await destroy(KIND, state);
      expect(await adminUuid(EMAIL)).toBeUndefined();
    });

    it("cancels a pending invitation on delete, and replaces on another address", async () => {
      const state = await up(KIND, base());
      const news = await checked(KIND, { ...base(), email: "other@example.com" }, state.outs);
      expect(await diff(KIND, state.id, state.outs, news)).toMatchObject({ replaces: ["email"] });
      await destroy(KIND, state);
      expect(await openInvites(sim, EMAIL)).toEqual([]);
      expect(await read(KIND, state)).toEqual({});
    });

    it("takes over an existing administrator with adopt, imports one, and rejects a bad address", async () => {
      const jane = { ...base(), email: "jane.doe@example.com" };
      const adopted = await up(KIND, { ...jane, adopt: true });
      expect(adopted.outs).toMatchObject({ status: "active", userUuid: SEED.accountUuid });
      const imported = await importing(KIND, `${sim.organizationUuid}/jane.doe@example.com`);
      expect(imported.props).toMatchObject({ email: "jane.doe@example.com", status: "active" });
      expect(await failuresOf(KIND, { ...base(), email: "grace" })).toEqual({
        email: expect.stringMatching(/e-mail address/),
      });
    });
  });

  describe("lookups", () => {
    const connection = () => connectionOf(sim);

    it("getPermissions lists the names a Role may grant", async () => {
      const { names, permissions } = await getPermissions({ connection: connection() });
      expect(names).toContain("deploy to non-prod");
      expect(permissions).toContainEqual({
        name: "clear varnish on prod",
        label: "Clear Varnish cache for the production environment",
        group: "Workflow",
        deprecated: true,
      });
    });

    it("getRoles lists an organization's roles, a Role's among them, with each uuid by name", async () => {
      const state = await up("Role", {
        connection: connection(),
        organizationUuid: sim.organizationUuid,
        name: "Auditor",
        permissions: ["download logs non-prod"],
      });
      const { roles, byName } = await getRoles({
        organizationUuid: sim.organizationUuid,
        connection: connection(),
      });
      expect(byName).toMatchObject({ Developer: developer, Auditor: state.outs["roleUuid"] });
      expect(roles).toContainEqual({
        uuid: state.outs["roleUuid"],
        name: "Auditor",
        permissions: ["download logs non-prod"],
        isDefault: false,
      });
    });

    it("getTeam finds a team by uuid or by name in an organization, and says when none matches", async () => {
      expect((await getTeam({ uuid: SEED.teamUuid, connection: connection() })).name).toBe("Developers");
      const byName = await getTeam({
        organizationUuid: sim.organizationUuid,
        name: "Developers",
        connection: connection(),
      });
      expect(byName.uuid).toBe(SEED.teamUuid);
      await expect(
        getTeam({ organizationUuid: sim.organizationUuid, name: "Nobody", connection: connection() }),
      ).rejects.toThrow(/has no team named "Nobody"/);
    });
  });
});
