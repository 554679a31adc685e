import { X509Certificate } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { AcquiaCloudClient } from "../../sdk";
import type { Simulator } from "../../simulator";
import type * as ResourceModule from "../../provider/kinds/ssl-certificate";
import { selfSignedCertificate, type TestCertificate } from "../simulator/helpers";
import {
  UNKNOWN,
  check,
  checked,
  configure,
  connectionOf,
  control,
  destroy,
  diff,
  mutations,
  read,
  simulator,
  up,
  type Props,
  behindPulumi,
} from "./harness";
import { lifecycleMatrix } from "./matrix";

const KIND = "SslCertificate";
const DAY = 24 * 3600 * 1000;

interface CertificateRecord {
  id: number;
  label: string | null;
  active: boolean;
  ca: string;
}

/** The first 8 hex digits of the certificate's SHA-256 fingerprint, as `openssl x509 -fingerprint -sha256` shows it. */
const fingerprint8 = (pem: string) =>
  new X509Certificate(pem).fingerprint256.replace(/:/g, "").slice(0, 8).toLowerCase();
/** Lines of the key's PEM body long enough to be unmistakable anywhere they turn up. */
const keyLines = (c: TestCertificate) => c.privateKey.split("\n").filter((l) => l.length > 40);
const leaks = (text: string, c: TestCertificate) => keyLines(c).some((line) => text.includes(line));

const matrixCert = selfSignedCertificate(["matrix.example.com"]);

describe("matrix", () => {
  lifecycleMatrix([
    {
      kind: KIND,
      messageOnlyCreate: true,
      differently: (inputs) => ({ ...inputs, activate: false }),
      inputs: (sim) => ({
        environmentId: sim.environments.dev,
        label: "matrix",
        certificate: matrixCert.certificate,
        privateKey: matrixCert.privateKey,
      }),
      createPath: "/api/environments/*/ssl/certificates",
      deletePath: "/api/environments/*/ssl/certificates/*",
      count: async (api, sim) =>
        (await api.sslCertificates.list(sim.environments.dev)).filter((c) => c.label?.startsWith("matrix-"))
          .length,
      remove: async (api, sim, s) => {
        await behindPulumi(
          sim,
          api.sslCertificates.deactivate(sim.environments.dev, String(s.outs["certificateId"])),
        );
        await behindPulumi(
          sim,
          api.sslCertificates.delete(sim.environments.dev, String(s.outs["certificateId"])),
        );
      },
    },
  ]);
});

describe("SslCertificate runtime", () => {
  let sim: Simulator;
  let shop: TestCertificate;
  let base: Props;
  beforeAll(async () => {
    sim = await simulator();
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    await control(sim, "POST", "reset");
    configure({});
    shop = selfSignedCertificate(["shop.example.com", "www.shop.example.com"]);
    base = {
      connection: connectionOf(sim),
      environmentId: sim.environments.dev,
      label: "shop",
      certificate: shop.certificate,
      privateKey: shop.privateKey,
    };
  });
  const api = () => new AcquiaCloudClient(connectionOf(sim));
  const installed = async (): Promise<CertificateRecord[]> => {
    const state = (await control(sim, "GET", "state")) as { certificates: Record<string, CertificateRecord> };
    return Object.values(state.certificates);
  };

  it("keeps an installed certificate in state when activating it fails, and activates it on the next up", async () => {
    await control(sim, "POST", "faults", [
      {
        method: "POST",
        path: "/api/environments/*/ssl/certificates/*/actions/activate",
        status: 409,
        body: { error: "conflict", message: "Activation is temporarily locked." },
      },
    ]);
    const error = (await up(KIND, base).catch((e: Error) => e)) as Error & {
      id?: string;
      properties?: Props;
    };
    expect(error.message).toMatch(/temporarily locked/);
    expect(error.message).not.toMatch(/already exists/);
    // An error carrying id: the engine records the certificate (created, failed to initialize).
    expect(error.id).toEqual(expect.any(String));
    expect(await installed()).toEqual([expect.objectContaining({ active: false })]);
    const next = await up(KIND, base, { id: error.id ?? "", outs: error.properties ?? {} });
    expect(next).toMatchObject({ action: "update", id: error.id });
    expect(await installed()).toEqual([expect.objectContaining({ active: true })]);
  });

  it("installs and activates under a fingerprinted label, and deletes (deactivating first)", async () => {
    const state = await up(KIND, base);
    const acquiaLabel = `shop-${fingerprint8(shop.certificate)}`;
    expect(state.id).toBe(`${sim.environments.dev}/${String(state.outs["certificateId"])}`);
    expect(state.outs).toMatchObject({
      acquiaLabel,
      active: true,
      activate: true,
      expiresAt: expect.any(String),
      domains: ["shop.example.com", "www.shop.example.com"],
    });
    expect(await installed()).toEqual([expect.objectContaining({ label: acquiaLabel, active: true })]);
    await destroy(KIND, state);
    expect(await installed()).toEqual([]);
    // Acquia refuses to delete the active certificate: the deactivation came first.
    expect(await mutations(sim)).toMatchObject({
      "POST /environments/{environmentId}/ssl/certificates/{certificateId}/actions/deactivate": 1,
      "DELETE /environments/{environmentId}/ssl/certificates/{certificateId}": 1,
    });
  });

  it("makes no call when nothing changed, not even the PEM's line breaks or the key's encoding", async () => {
    const state = await up(KIND, base);
    const before = await mutations(sim);
    const reformatted = shop.certificate.replace(/\n/g, "\r\n");
    expect((await up(KIND, { ...base, certificate: reformatted }, state)).action).toBe("same");
    const refreshed = await read(KIND, state);
    const same = await diff(KIND, state.id, refreshed.props ?? {}, await checked(KIND, base, state.outs));
    expect(same.changes).toBe(false);
    // The same key in another encoding is the same key pair: state only.
    const sec1 = String(shop.key.export({ type: "sec1", format: "pem" }));
    const rekeyed = await up(KIND, { ...base, privateKey: sec1 }, state);
    expect(rekeyed).toMatchObject({
      action: "update",
      id: state.id,
      outs: { privateKey: sec1, active: true },
    });
    expect(await mutations(sim)).toEqual(before);
  });

  it("updates activate in place, and installs inactive when activate is false", async () => {
    const state = await up(KIND, base);
    const before = await mutations(sim);
    const off = await up(KIND, { ...base, activate: false }, state);
    expect(off).toMatchObject({ action: "update", id: state.id, outs: { active: false, activate: false } });
    expect(await installed()).toEqual([expect.objectContaining({ active: false })]);
    const after = await mutations(sim);
    expect(after["POST /environments/{environmentId}/ssl/certificates"]).toBe(
      before["POST /environments/{environmentId}/ssl/certificates"],
    );
    const on = await up(KIND, base, off);
    expect(on).toMatchObject({ action: "update", id: state.id, outs: { active: true } });

    const other = selfSignedCertificate(["other.example.com"]);
    await up(KIND, { ...base, label: "other", ...pair(other), activate: false });
    expect((await installed()).find((c) => c.label?.startsWith("other-"))).toMatchObject({ active: false });
  });

  it("replaces create-before-delete: the new certificate is active before the old one is removed", async () => {
    const old = await up(KIND, base);
    const renewed = selfSignedCertificate(["shop.example.com", "www.shop.example.com"]);
    // Stop the replacement at the old certificate's removal and look at what Acquia holds then.
    await control(sim, "POST", "faults", [
      {
        method: "DELETE",
        path: "/api/environments/*/ssl/certificates/*",
        status: 500,
        body: { error: "system", message: "stopped here" },
      },
    ]);
    await expect(up(KIND, { ...base, ...pair(renewed) }, old)).rejects.toThrow(/stopped here/);
    const newLabel = `shop-${fingerprint8(renewed.certificate)}`;
    expect(await installed()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: old.outs["acquiaLabel"], active: false }),
        expect.objectContaining({ label: newLabel, active: true }),
      ]),
    );
    // The engine retries the pending delete of the old one; the new one stays active.
    await destroy(KIND, old);
    expect(await installed()).toEqual([expect.objectContaining({ label: newLabel, active: true })]);
  });

  it("replaces on a new chain alone, under a label that differs by the chain's digest", async () => {
    const state = await up(KIND, base);
    const ca = selfSignedCertificate(["Example Intermediate CA"]).certificate;
    const chained = await up(KIND, { ...base, caCertificates: ca }, state);
    expect(chained.action).toBe("replace");
    expect(chained.outs["acquiaLabel"]).toMatch(
      new RegExp(`^shop-${fingerprint8(shop.certificate)}-[0-9a-f]{8}$`),
    );
    expect(await installed()).toEqual([
      expect.objectContaining({ label: chained.outs["acquiaLabel"], active: true, ca }),
    ]);
  });

  it("shows a certificate deactivated outside Pulumi as drift of activate, and puts it back", async () => {
    const state = await up(KIND, base);
    await behindPulumi(
      sim,
      api().sslCertificates.deactivate(sim.environments.dev, String(state.outs["certificateId"])),
    );
    const refreshed = await read(KIND, state);
    expect(refreshed.props).toMatchObject({ activate: false, active: false });
    expect(refreshed.inputs).toMatchObject({ activate: false });
    const d = await diff(KIND, state.id, refreshed.props ?? {}, await checked(KIND, base, state.outs));
    expect(d).toMatchObject({ changes: true, replaces: [] });
    const fixed = await up(KIND, base, { id: state.id, outs: refreshed.props ?? {} });
    expect(fixed.action).toBe("update");
    expect(await installed()).toEqual([expect.objectContaining({ active: true })]);
  });

  it("fails check naming the field and the fix, never quoting the key", async () => {
    const other = selfSignedCertificate(["other.example.com"]);
    const expired = selfSignedCertificate(["old.example.com"], {
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const cases: [Props, string, RegExp][] = [
      [{ privateKey: other.privateKey }, "privateKey", /does not match certificate/],
      [pair(expired), "certificate", /expired on \d{4}-.*renew it/],
      [{ certificate: "hello" }, "certificate", /PEM X\.509 certificate/],
      [
        { certificate: shop.certificate + shop.privateKey },
        "certificate",
        /contains a private key.*privateKey/,
      ],
      [
        { certificate: shop.certificate + other.certificate },
        "certificate",
        /intermediates in caCertificates/,
      ],
      [
        { privateKey: "-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----" },
        "privateKey",
        /PEM/,
      ],
      [{ caCertificates: "junk" }, "caCertificates", /PEM X\.509 certificates/],
      [{ caCertificates: other.certificate + other.privateKey }, "caCertificates", /private key/],
      [{ label: " " }, "label", /required/],
      [{ environmentId: "dev" }, "environmentId", /environment id/],
    ];
    for (const [change, property, reason] of cases) {
      const { failures } = await check(KIND, { ...base, ...change });
      expect(failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
      for (const c of [shop, other, expired]) expect(leaks(JSON.stringify(failures), c)).toBe(false);
    }
  });

  it("accepts unknown inputs in preview, and previews what they replace", async () => {
    const state = await up(KIND, base);
    for (const key of ["certificate", "privateKey", "caCertificates", "activate", "label"]) {
      expect((await check(KIND, { ...base, [key]: UNKNOWN })).failures).toEqual([]);
    }
    expect((await check(KIND, { ...base, certificate: UNKNOWN, privateKey: UNKNOWN })).failures).toEqual([]);
    const inputs = await checked(KIND, base, state.outs);
    expect(await diff(KIND, state.id, state.outs, { ...inputs, certificate: UNKNOWN })).toMatchObject({
      replaces: ["certificate"],
      deleteBeforeReplace: false,
    });
    expect(await diff(KIND, state.id, state.outs, { ...inputs, activate: UNKNOWN })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it("keeps the key out of every non-secret output and out of Acquia's error messages", async () => {
    expect(leaks(shop.privateKey, shop)).toBe(true); // The detector itself works.
    const state = await up(KIND, base);
    const { privateKey: _secret, connection: _connection, ...rest } = state.outs;
    expect(leaks(JSON.stringify(rest), shop)).toBe(false);
    expect(state.outs["privateKey"]).toBe(shop.privateKey);

    const other = selfSignedCertificate(["echo.example.com"]);
    await control(sim, "POST", "faults", [
      {
        method: "POST",
        path: "/api/environments/*/ssl/certificates",
        status: 400,
        body: { error: "validation_failed", message: { general: `Rejected ${other.privateKey}` } },
      },
    ]);
    const error = (await up(KIND, { ...base, label: "echo", ...pair(other) }).catch(
      (e: Error) => e,
    )) as Error;
    expect(error.message).toMatch(/Rejected/);
    expect(leaks(error.message, other)).toBe(false);
  });

  it("adopts an installed certificate by its label and converges activate", async () => {
    const state = await up(KIND, { ...base, activate: false });
    await expect(up(KIND, base)).rejects.toThrow(
      /already exists in Acquia .* differs from the program in activate/,
    );
    const adopted = await up(KIND, { ...base, adopt: true });
    expect(adopted).toMatchObject({ id: state.id, outs: { active: true } });
  });

  it("adopts a certificate installed outside Pulumi under its own label, by its certificate, changing nothing", async () => {
    const env = sim.environments.dev;
    const op = await api().sslCertificates.create(env, {
      label: "installed-by-hand",
      certificate: shop.certificate,
      private_key: shop.privateKey,
    });
    await op.wait({
      pollIntervalMs: 10,
      until: async () => (await api().sslCertificates.list(env)).length > 0,
    });
    const [record] = await installed();
    const before = await mutations(sim);
    const adopted = await up(KIND, { ...base, label: "installed-by-hand", activate: false, adopt: true });
    expect(adopted).toMatchObject({
      id: `${env}/${record?.id}`,
      outs: { acquiaLabel: "installed-by-hand", active: false },
    });
    expect(await mutations(sim)).toEqual(before);
    expect(await installed()).toHaveLength(1);
  });
});

const pair = (c: TestCertificate) => ({ certificate: c.certificate, privateKey: c.privateKey });

describe("SslCertificate under Pulumi mocks", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
  );
  // Required after setMocks so the resource registers against the mock monitor.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SslCertificate } = require("../../provider/kinds/ssl-certificate") as typeof ResourceModule;
  const cert = new SslCertificate("shop", {
    environmentId: "24-a47ac10b-58cc-4372-a567-0e02b2c3d470",
    label: "shop",
    certificate: "-----BEGIN CERTIFICATE-----",
    privateKey: "plain-private-key",
  });

  it("registers the private key as a secret even when given as a plain string", async () => {
    expect(await pulumi.isSecret(cert.privateKey)).toBe(true);
    expect(await pulumi.isSecret(cert.certificate)).toBe(false);
    const inputs = registered.find(
      (r) => r.type === "pulumi-nodejs:dynamic/acquia-cloud:SslCertificate",
    )?.inputs;
    expect(inputs?.["privateKey"]).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: "plain-private-key",
    });
  });
});
