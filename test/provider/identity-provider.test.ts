import { AcquiaCloudClient } from "../../sdk";
import { SEED, SEED_IDP_CERTIFICATE } from "../../simulator";
import { selfSignedCertificate } from "../simulator/helpers";
import {
  behindPulumi,
  check,
  create,
  connectionOf,
  control,
  destroy,
  diff,
  mutations,
  read,
  useSimulator,
  up,
} from "./harness";

const sim = useSimulator();
const api = () => new AcquiaCloudClient(connectionOf(sim));
const idp = () => api().identityProviders.get(SEED.identityProviderUuid);
const org = SEED.organizationUuid;
const DAY = 24 * 3600 * 1000;
const saml = {
  entityId: "https://idp.acme.example/saml/v2",
  ssoUrl: "https://idp.acme.example/sso/v2",
};
const inputs = (extra: Record<string, unknown> = {}) => ({
  connection: connectionOf(sim),
  organizationUuid: org,
  adopt: true,
  ...saml,
  ...extra,
});

describe("IdentityProvider", () => {
  it("is refused without adopt, in preview and on create, naming adopt", async () => {
    const { adopt: _adopt, ...plain } = inputs();
    const result = await check("IdentityProvider", plain);
    expect(result.failures).toEqual([
      {
        property: "adopt",
        reason: expect.stringMatching(/no API to create identity providers.*`adopt: true`/),
      },
    ]);
    await expect(
      create("IdentityProvider", { ...plain, adopt: false, __provider: "shim" }),
    ).rejects.toMatchObject({
      code: "ADOPT_REQUIRED",
      message: expect.stringMatching(/set `adopt: true`/),
    });
    expect((await idp()).idp_entity_id).toBe("https://idp.acme.example/saml");
  });

  it("adopts, applies the SAML settings and enables, then makes no call when nothing changed", async () => {
    const state = await up("IdentityProvider", inputs({ enabled: true }));
    expect(state.id).toBe(`${org}/${SEED.identityProviderUuid}`);
    expect(await idp()).toMatchObject({
      idp_entity_id: saml.entityId,
      sso_url: saml.ssoUrl,
      status: "enabled",
    });
    expect(state.outs).toMatchObject({
      status: "enabled",
      spEntityId: expect.stringContaining(SEED.identityProviderUuid),
      previousSettings: { entityId: "https://idp.acme.example/saml", enabled: false },
    });
    const before = await mutations(sim);
    expect((await up("IdentityProvider", inputs({ enabled: true }), state)).action).toBe("same");
    expect(await mutations(sim)).toEqual(before);
  });

  it("updates an enabled provider in place: disabled for the edit, enabled again", async () => {
    const state = await up("IdentityProvider", inputs({ enabled: true }));
    const rotated = selfSignedCertificate(["idp.acme.example"]).certificate;
    const updated = await up("IdentityProvider", inputs({ enabled: true, certificate: rotated }), state);
    expect(updated.action).toBe("update");
    expect(await idp()).toMatchObject({ certificate: rotated, status: "enabled" });
    expect(await mutations(sim)).toMatchObject({
      "POST /identity-providers/{identityProviderUuid}/actions/disable": 1,
      "PUT /identity-providers/{identityProviderUuid}": 2,
    });
    const d = await diff("IdentityProvider", state.id, state.outs, {
      ...inputs(),
      organizationUuid: SEED.federatedOrganizationUuid,
    });
    expect(d.replaces).toEqual(["organizationUuid"]);
  });

  it("shows a change made in Cloud UI on refresh, and the next up puts the program's value back", async () => {
    const state = await up("IdentityProvider", inputs());
    await behindPulumi(
      sim,
      api().identityProviders.update(SEED.identityProviderUuid, { sso_url: "https://elsewhere.example/sso" }),
    );
    const refreshed = await read("IdentityProvider", state);
    expect(refreshed.props?.["ssoUrl"]).toBe("https://elsewhere.example/sso");
    await up("IdentityProvider", inputs(), { id: state.id, outs: refreshed.props ?? {} });
    expect((await idp()).sso_url).toBe(saml.ssoUrl);
  });

  it("leaves the provider as it is on delete, unless restoreOnDelete asks to put it back", async () => {
    const kept = await up("IdentityProvider", inputs({ enabled: true }));
    await destroy("IdentityProvider", kept);
    expect(await idp()).toMatchObject({ idp_entity_id: saml.entityId, status: "enabled" });

    await control(sim, "POST", "reset");
    const restoring = await up("IdentityProvider", inputs({ enabled: true, restoreOnDelete: true }));
    await destroy("IdentityProvider", restoring);
    expect(await idp()).toMatchObject({
      idp_entity_id: "https://idp.acme.example/saml",
      sso_url: "https://idp.acme.example/sso",
      status: "disabled",
    });
    expect((await idp()).certificate?.trim()).toBe(SEED_IDP_CERTIFICATE.trim());
  });

  it("refuses bad settings by name: an http SSO URL, an expiring or unparsable certificate", async () => {
    const soon = selfSignedCertificate(["idp.example"], {
      notAfter: new Date(Date.now() + 30 * DAY),
    }).certificate;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ssoUrl: "http://idp.example/sso" }, "ssoUrl", /https:\/\//],
      [{ certificate: soon }, "certificate", /at least 90 days/],
      [{ certificate: "not a certificate" }, "certificate", /one PEM-encoded X.509 certificate/],
    ];
    for (const [extra, property, reason] of cases) {
      expect((await check("IdentityProvider", inputs(extra))).failures).toEqual([
        { property, reason: expect.stringMatching(reason) },
      ]);
    }
  });

  it("reads an import from its id, which carries the organization", async () => {
    const imported = await read("IdentityProvider", {
      id: `${org}/${SEED.identityProviderUuid}`,
      outs: { connection: connectionOf(sim) },
    });
    expect(imported.props).toMatchObject({
      organizationUuid: org,
      identityProviderUuid: SEED.identityProviderUuid,
      entityId: "https://idp.acme.example/saml",
      enabled: false,
    });
  });
});
