import { createHash } from "node:crypto";
import { AcquiaCloudClient } from "../../sdk";
import type { Simulator } from "../../simulator";
import {
  UNKNOWN,
  check,
  checked,
  connectionOf,
  control,
  destroy,
  diff,
  mutations,
  read,
  useSimulator,
  up,
  type Props,
  behindPulumi,
} from "./harness";
import { ed25519, keyLine, rsa } from "./keys";
import { lifecycleMatrix, type MatrixCase } from "./matrix";

const md5Fingerprint = (line: string) =>
  createHash("md5")
    .update(Buffer.from(line.split(" ")[1] ?? "", "base64"))
    .digest("hex")
    .match(/../g)
    ?.join(":");

/** The team the matrix's TeamApplication case grants to, created fresh for each case. */
const GRANT_TEAM = "Matrix Grants";
async function grantTeamUuid(api: AcquiaCloudClient, sim: Simulator): Promise<string | undefined> {
  return (await api.teams.find(sim.organizationUuid, GRANT_TEAM))?.uuid;
}

const sshKeyCase: MatrixCase = {
  kind: "SshKey",
  messageOnlyCreate: true,
  inputs: () => ({ label: "matrix_key", publicKey: ed25519(1) }),
  createPath: "/api/account/ssh-keys",
  deletePath: "/api/account/ssh-keys/*",
  count: async (api) => (await api.sshKeys.list()).filter((k) => k.label === "matrix_key").length,
  remove: async (api, sim, s) => behindPulumi(sim, api.sshKeys.delete(s.id)),
};
const teamCase: MatrixCase = {
  kind: "Team",
  synchronousCreate: true,
  inputs: (sim) => ({ organizationUuid: sim.organizationUuid, name: "Matrix Team" }),
  createPath: "/api/organizations/*/teams",
  deletePath: "/api/teams/*",
  count: async (api, sim) =>
    (await api.teams.listForOrganization(sim.organizationUuid)).filter((t) => t.name === "Matrix Team")
      .length,
  remove: (api, _sim, s) => api.teams.delete(s.id),
};
const teamApplicationCase: MatrixCase = {
  kind: "TeamApplication",
  synchronousCreate: true,
  inputs: (sim) => ({ applicationUuid: sim.applicationUuid }),
  prepare: async (api, sim) => {
    await api.teams.create(sim.organizationUuid, { name: GRANT_TEAM });
    return { teamUuid: await grantTeamUuid(api, sim) };
  },
  createPath: "/api/teams/*/applications",
  deletePath: "/api/teams/*/applications/*",
  count: async (api, sim) => {
    const team = await grantTeamUuid(api, sim);
    return team
      ? (await api.teams.listApplications(team)).filter((a) => a.uuid === sim.applicationUuid).length
      : 0;
  },
  remove: (api, sim, s) => api.teams.removeApplication(String(s.outs["teamUuid"]), sim.applicationUuid),
};

describe("access lifecycle matrix", () => {
  lifecycleMatrix([sshKeyCase, teamCase, teamApplicationCase]);
});

describe("access resources", () => {
  const sim = useSimulator();
  const api = () => new AcquiaCloudClient(connectionOf(sim));
  const failuresOf = async (kind: string, news: Props) =>
    Object.fromEntries((await check(kind, news)).failures.map((f) => [f.property, f.reason]));

  describe("SshKey runtime", () => {
    const KIND = "SshKey";
    const base = () => ({ connection: connectionOf(sim), label: "ci_deploy", publicKey: `${ed25519(7)}\n` });
    const labels = async () => (await api().sshKeys.list()).map((k) => k.label);

    it("creates the key with Acquia's uuid, fingerprint and date, and a rerun calls nothing", async () => {
      const state = await up(KIND, base());
      const key = await api().sshKeys.get(state.id);
      // The comment is not part of the key: Acquia gets type and key only.
      const bare = ed25519(7).replace(/ me@laptop$/, "");
      expect(key).toMatchObject({ label: "ci_deploy", public_key: bare });
      expect(state.outs).toMatchObject({
        label: "ci_deploy",
        publicKey: bare,
        sshKeyUuid: state.id,
        fingerprint: md5Fingerprint(ed25519(7)),
        createdAt: key.created_at,
      });
      const before = await mutations(sim);
      expect((await up(KIND, base(), state)).action).toBe("same");
      const recommented = { ...base(), publicKey: `${bare} me@desktop` };
      expect((await up(KIND, recommented, state)).action).toBe("same");
      expect((await read(KIND, state)).props).toEqual(state.outs);
      expect(await mutations(sim)).toEqual(before);
    });

    it("replaces on a new label or public key, deleting the old key first", async () => {
      const state = await up(KIND, base());
      const relabelled = { ...base(), label: "ci_deploy_2" };
      expect(await diff(KIND, state.id, state.outs, await checked(KIND, relabelled))).toMatchObject({
        replaces: ["label"],
        deleteBeforeReplace: true,
      });
      // Same public key under a new label: only possible because the old key goes first.
      const moved = await up(KIND, relabelled, state);
      expect(moved.action).toBe("replace");
      expect(moved.id).not.toBe(state.id);
      expect(await labels()).toEqual(["ci_deploy_2"]);
      const rekeyed = await up(KIND, { ...relabelled, publicKey: rsa(4096, 3) }, moved);
      expect(rekeyed.action).toBe("replace");
      expect((await api().sshKeys.list()).map((k) => k.public_key)).toEqual([rsa(4096, 3)]);
      await destroy(KIND, rekeyed);
      expect(await labels()).toEqual([]);
    });

    it("surfaces Acquia's verdict on key types and sizes it does not take", async () => {
      await expect(up(KIND, { ...base(), publicKey: rsa(2048, 4) })).rejects.toThrow(/at least 4096 bits/);
      const ecdsa = keyLine("ecdsa-sha2-nistp256", Buffer.from("nistp256"), Buffer.alloc(65, 4));
      expect(await failuresOf(KIND, { ...base(), publicKey: ecdsa })).toEqual({});
      await expect(up(KIND, { ...base(), publicKey: ecdsa })).rejects.toThrow(/must be RSA/);
      expect(await labels()).toEqual([]);
    });

    it("names the conflict on a reused public key, and refuses to adopt a label holding another key", async () => {
      await up(KIND, base());
      await expect(up(KIND, { ...base(), label: "other" })).rejects.toThrow(/this public key already exists/);
      await expect(up(KIND, { ...base(), publicKey: ed25519(8), adopt: true })).rejects.toThrow(
        /exists in Acquia with another public key.*another label/,
      );
      const adopted = await up(KIND, {
        ...base(),
        publicKey: `${ed25519(7).split(" me@")[0]} other comment`,
        adopt: true,
      });
      expect(adopted.outs["sshKeyUuid"]).toBe(adopted.id);
    });

    it("rejects bad inputs naming the property and the fix", async () => {
      const failures = await failuresOf(KIND, {
        ...base(),
        label: "ci-deploy key",
        publicKey:
          "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
      });
      expect(failures["label"]).toMatch(/only letters, digits and underscores.*try "ci_deploy_key"/);
      expect(failures["publicKey"]).toMatch(/OpenSSH public key line.*never the private key/);
      expect(JSON.stringify(failures)).not.toMatch(/b3BlbnNzaC1rZXktdjEAAAAA|BEGIN OPENSSH/);
      // A type name that does not match the blob is a key cut or pasted wrongly.
      expect(
        Object.keys(await failuresOf(KIND, { ...base(), publicKey: ed25519(1).replace("ed25519", "rsa") })),
      ).toEqual(["publicKey"]);
      expect(await failuresOf(KIND, { ...base(), label: "" })).toEqual({ label: "label is required" });
    });

    it("does not validate unknown values during preview, and replaces on an unknown key", async () => {
      expect(await failuresOf(KIND, { ...base(), label: UNKNOWN, publicKey: UNKNOWN })).toEqual({});
      const state = await up(KIND, base());
      expect(await diff(KIND, state.id, state.outs, { ...state.outs, publicKey: UNKNOWN })).toMatchObject({
        changes: true,
        replaces: ["publicKey"],
        deleteBeforeReplace: true,
      });
    });
  });

  describe("Team runtime", () => {
    const KIND = "Team";
    const base = () => ({
      connection: connectionOf(sim),
      organizationUuid: sim.organizationUuid,
      name: "Release Managers",
    });
    const teamNamed = (name: string, org = sim.organizationUuid) => api().teams.find(org, name);

    it("creates, finding the uuid by name, and a rerun calls nothing", async () => {
      const state = await up(KIND, base());
      const team = await teamNamed("Release Managers");
      expect(state.id).toBe(team?.uuid);
      expect(state.outs).toMatchObject({ name: "Release Managers", teamUuid: state.id });
      const before = await mutations(sim);
      expect((await up(KIND, base(), state)).action).toBe("same");
      expect(await mutations(sim)).toEqual(before);
    });

    it("renames in place with one PUT and keeps its id", async () => {
      const state = await up(KIND, base());
      const before = await mutations(sim);
      const renamed = await up(KIND, { ...base(), name: "Release Captains" }, state);
      expect(renamed).toMatchObject({ action: "update", id: state.id, outs: { teamUuid: state.id } });
      const after = await mutations(sim);
      expect(after).toEqual({ ...before, "PUT /teams/{teamUuid}": 1 });
      expect((await api().teams.get(state.id)).name).toBe("Release Captains");
    });

    it("shows a rename made behind Pulumi's back on refresh, and the next up renames it back", async () => {
      const state = await up(KIND, base());
      await api().teams.update(state.id, { name: "Renamed Elsewhere" });
      const refreshed = await read(KIND, state);
      expect(refreshed).toMatchObject({
        id: state.id,
        props: { name: "Renamed Elsewhere" },
        inputs: { name: "Renamed Elsewhere" },
      });
      const fixed = await up(KIND, base(), { id: state.id, outs: refreshed.props ?? {} });
      expect(fixed).toMatchObject({ action: "update", id: state.id });
      expect((await api().teams.get(state.id)).name).toBe("Release Managers");
    });

    it("replaces when moved to another organization, then deletes", async () => {
      const state = await up(KIND, base());
      const org = sim.federatedOrganizationUuid;
      const connection = { ...connectionOf(sim), organizationUuid: org };
      const moved = await up(KIND, { ...base(), connection, organizationUuid: org }, state);
      expect(moved.action).toBe("replace");
      expect(await teamNamed("Release Managers")).toBeUndefined();
      const scoped = new AcquiaCloudClient(connection);
      expect((await scoped.teams.find(org, "Release Managers"))?.uuid).toBe(moved.id);
      await destroy(KIND, moved);
      expect(await scoped.teams.find(org, "Release Managers")).toBeUndefined();
    });

    it("surfaces Acquia's conflict when renamed onto another team's name, keeping the team", async () => {
      const state = await up(KIND, base());
      await expect(up(KIND, { ...base(), name: "Developers" }, state)).rejects.toThrow(/already exists/);
      expect((await api().teams.get(state.id)).name).toBe("Release Managers");
    });

    it("rejects bad inputs naming the property and the fix", async () => {
      expect(await failuresOf(KIND, { ...base(), organizationUuid: "acme", name: "  " })).toEqual({
        organizationUuid: expect.stringMatching(/organization UUID \(see getOrganization\)/),
        name: expect.stringMatching(/name is required/),
      });
      expect(await failuresOf(KIND, { ...base(), name: "x".repeat(256) })).toEqual({
        name: "name must be at most 255 characters",
      });
    });

    it("does not validate unknown values during preview; an unknown name updates, an unknown organization replaces", async () => {
      expect(await failuresOf(KIND, { ...base(), organizationUuid: UNKNOWN, name: UNKNOWN })).toEqual({});
      const state = await up(KIND, base());
      expect(await diff(KIND, state.id, state.outs, { ...state.outs, name: UNKNOWN })).toMatchObject({
        changes: true,
        replaces: [],
      });
      expect(
        await diff(KIND, state.id, state.outs, { ...state.outs, organizationUuid: UNKNOWN }),
      ).toMatchObject({
        replaces: ["organizationUuid"],
        deleteBeforeReplace: false,
      });
    });
  });

  describe("TeamApplication runtime", () => {
    const KIND = "TeamApplication";
    let teams: Record<string, string>;
    beforeEach(async () => {
      teams = {};
      for (const name of ["Grants A", "Grants B"]) {
        await api().teams.create(sim.organizationUuid, { name: name });
        teams[name] = (await api().teams.find(sim.organizationUuid, name))?.uuid ?? "";
      }
    });
    const base = () => ({
      connection: connectionOf(sim),
      teamUuid: teams["Grants A"],
      applicationUuid: sim.applicationUuid,
    });
    const listed = async (team: string | undefined) =>
      (await api().teams.listApplications(team ?? "")).map((a) => a.uuid);

    it("adds the application, a rerun calls nothing, and delete removes it from the team only", async () => {
      const state = await up(KIND, base());
      expect(state.id).toBe(`${teams["Grants A"]}/${sim.applicationUuid}`);
      expect(await listed(teams["Grants A"])).toEqual([sim.applicationUuid]);
      const before = await mutations(sim);
      expect((await up(KIND, base(), state)).action).toBe("same");
      expect(await mutations(sim)).toEqual(before);
      await destroy(KIND, state);
      expect(await listed(teams["Grants A"])).toEqual([]);
      expect((await api().applications.get(sim.applicationUuid)).uuid).toBe(sim.applicationUuid);
    });

    it("replaces when moved to another team", async () => {
      const state = await up(KIND, base());
      const moved = await up(KIND, { ...base(), teamUuid: teams["Grants B"] }, state);
      expect(moved).toMatchObject({ action: "replace", id: `${teams["Grants B"]}/${sim.applicationUuid}` });
      expect(await listed(teams["Grants A"])).toEqual([]);
      expect(await listed(teams["Grants B"])).toEqual([sim.applicationUuid]);
    });

    it("keeps the resource when its team is no longer visible instead of dropping it", async () => {
      const state = await up(KIND, base());
      await api().teams.delete(teams["Grants A"] ?? "");
      await expect(read(KIND, state)).rejects.toThrow(/lost access/);
    });

    it("treats Acquia's 403 for an application already off the team as deleted, and no other 403", async () => {
      const state = await up(KIND, base());
      const forbidden = {
        method: "DELETE",
        path: "/api/teams/*/applications/*",
        status: 403,
        body: { error: "forbidden", message: "The application you are trying to access does not exist." },
      };
      await control(sim, "POST", "faults", [forbidden]);
      await expect(destroy(KIND, state)).rejects.toThrow(/403/);
      await api().teams.removeApplication(teams["Grants A"] ?? "", sim.applicationUuid);
      await control(sim, "POST", "faults", [forbidden]);
      await expect(destroy(KIND, state)).resolves.toBeUndefined();
    });

    it("rejects bad inputs naming the property and the fix", async () => {
      expect(
        await failuresOf(KIND, { ...base(), teamUuid: "Developers", applicationUuid: "acme-web" }),
      ).toEqual({
        teamUuid: expect.stringMatching(/team UUID .*teamUuid output/),
        applicationUuid: expect.stringMatching(/see getApplication/),
      });
    });

    it("does not validate unknown values during preview, and replaces on an unknown team", async () => {
      expect(await failuresOf(KIND, { ...base(), teamUuid: UNKNOWN })).toEqual({});
      const state = await up(KIND, base());
      expect(await diff(KIND, state.id, state.outs, { ...state.outs, teamUuid: UNKNOWN })).toMatchObject({
        changes: true,
        replaces: ["teamUuid"],
      });
    });
  });
});
