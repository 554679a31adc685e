// Access and security through the real CLI, with the package installed from a packed tarball: API
// tokens and the README's rotation recipe (a new token, the stack moved to it, the old one revoked,
// a destroy with the new key), a subscription's Shield allowlist with drift made in "Cloud UI", and an
// adopted identity provider.
// Key secrets never reach the backend's files or the CLI's output.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Stack } from "@pulumi/pulumi/automation";
import { SEED, startSimulator, type Simulator } from "../../simulator";
import { apiClient, estate, expectSameIds, type EstateState } from "../helpers/simulated-estate";
import { mutations } from "../helpers/simulator-control";
import { PROGRAMS_DIR, copyProject, installPackage, projectStack, simulatorConfig } from "./helpers/project";
import { createSandbox, describeWithPulumi, type PulumiSandbox } from "./helpers/pulumi-cli";
import { checkpointResources, stateFiles } from "./helpers/state-files";

const PROJECT = "acquia-access-security";
const STACK = "e2e";
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

interface Credentials {
  apiKey: string;
  apiSecret: string;
}

describeWithPulumi("access and security through `pulumi up` with the packed package", (cli) => {
  let sandbox: PulumiSandbox;
  let sim: Simulator;
  let stack: Stack;
  let seed: EstateState;
  /** Everything the CLI printed. */
  const printed: string[] = [];
  /** Every token secret the stack ever held. */
  const secrets: string[] = [];
  const office = { description: "Office", addresses: ["203.0.113.0/24"] };
  const vpn = { description: "VPN", addresses: ["198.51.100.7"] };

  const api = () => apiClient(sim);
  const rules = async () =>
    (await api().shieldAcl.list(SEED.subscriptionUuid)).map((r) => ({
      description: r.description,
      addresses: r.addresses,
    }));
  const identityProvider = () => api().identityProviders.get(SEED.identityProviderUuid);
  const token = async (label: string): Promise<Credentials> =>
    ((await stack.outputs())["apiTokens"]?.value as Record<string, Credentials>)[label] as Credentials;
  /** Whether the simulator's token endpoint takes these credentials. */
  const accepted = async ({ apiKey, apiSecret }: Credentials): Promise<boolean> =>
    (
      await fetch(sim.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: apiKey,
          client_secret: apiSecret,
        }),
      })
    ).status === 200;
  const useCredentials = async ({ apiKey, apiSecret }: Credentials) => {
    await stack.setConfig("acquia:clientId", { value: apiKey });
    await stack.setConfig("acquia:clientSecret", { value: apiSecret, secret: true });
  };
  const setTokens = (labels: string[]) => stack.setConfig("apiTokens", { value: JSON.stringify(labels) });
  const run = async <T extends { stdout: string; stderr: string }>(result: Promise<T>): Promise<T> => {
    const done = await result;
    printed.push(done.stdout, done.stderr);
    return done;
  };

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 50 });
    seed = await estate(sim);
    sandbox = await createSandbox(cli);
    const programs = installPackage(sandbox.root);
    const project = copyProject(join(PROGRAMS_DIR, "access-security"), programs, "access-security");
    stack = await projectStack(sandbox, project, STACK, {
      ...simulatorConfig(sim),
      subscription: "Acme Platform Enterprise",
      apiTokens: JSON.stringify(["ci-1"]),
      allowlist: JSON.stringify([office, vpn]),
    });
  });

  afterAll(async () => {
    try {
      await sandbox?.cleanup();
    } finally {
      await sim?.stop();
    }
  });

  it("creates the token and the allowlist, adopts the identity provider, then previews no change", async () => {
    const result = await run(stack.up());
    expect(result.summary.resourceChanges).toEqual({ create: 5 });
    expect(await rules()).toEqual([office, vpn]);
    expect(await accepted(await token("ci-1"))).toBe(true);
    expect(await identityProvider()).toMatchObject({
      idp_entity_id: "https://idp.acme.example/saml/e2e",
      status: "enabled",
    });
    const preview = await stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 5 });
  });

  it("shows an allowlist entry added outside Pulumi on refresh, and the next up removes it", async () => {
    await (
      await api().shieldAcl.create(SEED.subscriptionUuid, {
        description: "Added in the UI",
        addresses: ["192.0.2.99"],
      })
    ).wait({ pollIntervalMs: 20 });
    const refreshed = await run(stack.refresh());
    expect(refreshed.summary.resourceChanges).toMatchObject({ update: 1 });
    expect((await run(stack.up())).summary.resourceChanges).toMatchObject({ update: 1 });
    expect(await rules()).toEqual([office, vpn]);
  });

  it("rotates the stack's key with the README's recipe: new token, stack moved to it, old one revoked", async () => {
    // The stack runs on a token it made.
    const first = await token("ci-1");
    await useCredentials(first);
    await run(stack.up());

    // 1. The new token, made with the current key.
    await setTokens(["ci-1", "ci-2"]);
    expect((await run(stack.up())).summary.resourceChanges).toMatchObject({ create: 1 });
    const second = await token("ci-2");
    expect(second.apiKey).not.toBe(first.apiKey);

    secrets.push(first.apiSecret, second.apiSecret);

    // 2. The stack moved to it, and the old token dropped: the one change at Acquia is the revocation.
    await useCredentials(second);
    await setTokens(["ci-2"]);
    const before = await mutations(sim);
    expect((await run(stack.up())).summary.resourceChanges).toMatchObject({ delete: 1 });
    const after = await mutations(sim);
    expect(
      Object.fromEntries(Object.entries(after).filter(([route, n]) => n !== (before[route] ?? 0))),
    ).toEqual({
      "DELETE /account/tokens/{tokenUuid}": (before["DELETE /account/tokens/{tokenUuid}"] ?? 0) + 1,
    });
    expect(await accepted(second)).toBe(true);
    expect(await accepted(first)).toBe(false);
    expect((await api().apiTokens.list()).map((t) => [t.label, t.active])).toEqual([
      ["ci-1", false],
      ["ci-2", true],
    ]);
    await stack.preview({ expectNoChanges: true });
  });

  it("keeps every key secret out of the backend and the CLI's output", async () => {
    secrets.push(sim.clientSecret);
    for (const { path, text } of stateFiles(fileURLToPath(sandbox.backendUrl))) {
      for (const secret of secrets)
        if (text.includes(secret)) throw new Error(`${path} holds a secret in plaintext`);
    }
    for (const text of printed) for (const secret of secrets) expect(text).not.toContain(secret);
    const tokens = checkpointResources(fileURLToPath(sandbox.backendUrl), PROJECT, STACK).filter((r) =>
      r.type.endsWith(":ApiToken"),
    );
    expect(tokens).toHaveLength(1);
    for (const key of ["apiKey", "apiSecret"])
      expect(tokens[0]?.outputs?.[key]).toMatchObject({ [SECRET_SIGNATURE]: expect.any(String) });
  });

  it("destroys with the new key, revoking it last, back to the seed; the identity provider is left as it is", async () => {
    const second = await token("ci-2");
    const result = await run(stack.destroy());
    expect(result.summary.resourceChanges).toEqual({ delete: 5 });
    expectSameIds(await estate(sim), seed);
    expect(await identityProvider()).toMatchObject({
      idp_entity_id: "https://idp.acme.example/saml/e2e",
      status: "enabled",
    });
    expect(await accepted(second)).toBe(false);
    expect((await api().apiTokens.list()).every((t) => t.active === false)).toBe(true);
    for (const text of printed) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
