import { createHash } from "node:crypto";
import { SEED, type Simulator } from "../../simulator";
import {
  Api,
  SPEC_EXAMPLE_FINGERPRINT,
  SPEC_EXAMPLE_PUBLIC_KEY,
  ed25519PublicKey,
  items,
  rsaPublicKey,
  start,
} from "./helpers";

let sim: Simulator;
let api: Api;

beforeAll(async () => {
  sim = await start();
  api = await Api.connect(sim);
});
afterAll(() => sim.stop());

describe("account", () => {
  it("returns the API key owner", async () => {
    const response = await api.get("/account");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      mail: "jane.doe@example.com",
      _links: { self: { href: `${sim.apiUrl}/account` } },
    });
  });
});

describe("SSH keys", () => {
  it("adds a key only when its notification completes, with the real MD5 fingerprint", async () => {
    const accepted = await api.post("/account/ssh-keys", {
      label: "spec_key",
      public_key: SPEC_EXAMPLE_PUBLIC_KEY,
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      message: "Adding SSH key.",
      _links: { self: { href: `${sim.apiUrl}/account/ssh-keys` }, parent: { href: `${sim.apiUrl}/account` } },
    });
    expect(items(await api.get("/account/ssh-keys")).map((k) => k.label)).not.toContain("spec_key");

    expect(await api.settle(accepted)).toMatchObject({ status: "completed", progress: 100 });
    const listed = items(await api.get("/account/ssh-keys")).find((k) => k.label === "spec_key");
    expect(listed).toMatchObject({
      fingerprint: SPEC_EXAMPLE_FINGERPRINT,
      public_key: SPEC_EXAMPLE_PUBLIC_KEY,
    });

    const single = await api.get(`/account/ssh-keys/${String(listed?.uuid)}`);
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({ uuid: listed?.uuid, label: "spec_key" });

    const removal = await api.delete(`/account/ssh-keys/${String(listed?.uuid)}`);
    expect(removal.body).toMatchObject({ message: "Removed SSH key." });
    expect((await api.get(`/account/ssh-keys/${String(listed?.uuid)}`)).status).toBe(200);
    await api.settle(removal);
    expect((await api.get(`/account/ssh-keys/${String(listed?.uuid)}`)).body).toEqual({
      error: "not_found",
      message:
        "The SSH key you are trying to access does not exist, or you do not have permission to access it.",
    });
  });

  it("fingerprints ed25519 keys as MD5 of the key blob", async () => {
    const publicKey = ed25519PublicKey();
    const accepted = await api.post(
      "/account/ssh-keys",
      { label: "laptop", public_key: publicKey },
      { form: true },
    );
    await api.settle(accepted);
    const blob = Buffer.from(publicKey.split(" ")[1] ?? "", "base64");
    const expected = createHash("md5").update(blob).digest("hex").match(/../g)?.join(":");
    expect(items(await api.get("/account/ssh-keys")).find((k) => k.label === "laptop")?.fingerprint).toBe(
      expected,
    );
  });

  it("refuses a duplicate label with 409 and unusable keys with 400", async () => {
    await api.settle(await api.post("/account/ssh-keys", { label: "dup", public_key: ed25519PublicKey() }));
    const duplicate = await api.post("/account/ssh-keys", { label: "dup", public_key: ed25519PublicKey() });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({
      error: "conflict",
      message: "An SSH key with this label already exists for this user.",
    });

    const garbage = await api.post("/account/ssh-keys", { label: "bad", public_key: "ssh-rsa not-base64!!" });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toEqual({
      error: "validation_failed",
      message: { public_key: "The supplied public key is invalid." },
    });
    const mismatched = await api.post("/account/ssh-keys", {
      label: "bad",
      public_key: `ssh-ed25519 ${SPEC_EXAMPLE_PUBLIC_KEY.split(" ")[1] ?? ""}`,
    });
    expect(mismatched.status).toBe(400);

    const short = await api.post("/account/ssh-keys", { label: "short", public_key: rsaPublicKey(2048) });
    expect(short.body).toEqual({
      error: "validation_failed",
      message: {
        public_key: "The supplied public key type is too short: it must be at least 4096 bits long.",
      },
    });
    const label = await api.post("/account/ssh-keys", { label: "has space", public_key: ed25519PublicKey() });
    expect(label.status).toBe(400);
    expect(label.body.error).toBe("validation_failed");
  });
});

describe("organizations", () => {
  it("lists both seeded organizations and reads one", async () => {
    const list = await api.get("/organizations");
    expect(list.status).toBe(200);
    expect(items(list).map((o) => o.name)).toEqual(["Acme Platform", "Acme Federated"]);
    const organization = await api.get(`/organizations/${sim.organizationUuid}`);
    expect(organization.body).toMatchObject({
      uuid: sim.organizationUuid,
      flags: { federated_authentication: false },
    });
    const apps = await api.get(`/organizations/${sim.organizationUuid}/applications`);
    expect(items(apps).map((a) => a.uuid)).toEqual([
      sim.applicationUuid,
      SEED.legacyApplicationUuid,
      SEED.nodeApplicationUuid,
    ]);
  });

  it("answers an unknown organization with the spec's not_found", async () => {
    const response = await api.get("/organizations/00000000-0000-4000-8000-000000000000");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: "not_found",
      message:
        "The organization you are trying to access does not exist, or you do not have permission to access it.",
    });
  });
});

describe("teams (synchronous)", () => {
  it("creates, renames, links applications and deletes a team", async () => {
    const created = await api.post(`/organizations/${sim.organizationUuid}/teams`, {
      name: "Release managers",
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ message: "Team created." });

    const teams = items(
      await api.get(`/organizations/${sim.organizationUuid}/teams?filter=name%3DRelease%20managers`),
    );
    expect(teams).toHaveLength(1);
    const uuid = String(teams[0]?.uuid);

    const again = await api.post(`/organizations/${sim.organizationUuid}/teams`, {
      name: "Release managers",
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: "conflict",
      message: "A team with this name already exists in this organization.",
    });

    expect((await api.put(`/teams/${uuid}`, { name: "Releasers" }, { form: true })).body).toEqual({
      message: "Team renamed.",
    });
    expect((await api.get(`/teams/${uuid}`)).body).toMatchObject({ uuid, name: "Releasers" });

    const added = await api.post(`/teams/${uuid}/applications`, { uuid: sim.applicationUuid });
    expect(added.body).toEqual({ message: "Added application to team." });
    expect(items(await api.get(`/teams/${uuid}/applications`)).map((a) => a.uuid)).toEqual([
      sim.applicationUuid,
    ]);
    expect((await api.post(`/teams/${uuid}/applications`, { uuid: sim.applicationUuid })).status).toBe(409);

    const removed = await api.delete(`/teams/${uuid}/applications/${sim.applicationUuid}`);
    expect(removed.body).toEqual({ message: "Removed application from team." });
    const missing = await api.delete(`/teams/${uuid}/applications/${sim.applicationUuid}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: "not_found",
      message: "The application is not associated with this team.",
    });

    expect((await api.delete(`/teams/${uuid}`)).body).toEqual({ message: "Removed team." });
    expect((await api.get(`/teams/${uuid}`)).status).toBe(404);
  });

  it("refuses applications of another organization", async () => {
    const scoped = await Api.connect(sim, `organization:${sim.federatedOrganizationUuid}`);
    const teams = items(await api.get(`/organizations/${sim.organizationUuid}/teams`));
    const response = await scoped.post(`/teams/${String(teams[0]?.uuid)}/applications`, {
      uuid: sim.federatedApplicationUuid,
    });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: "not_found",
      message: "The application must belong to the same organization as this team.",
    });
  });
});
