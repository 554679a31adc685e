import { AcquiaCloudClient } from "../../sdk";
import { SEED } from "../../simulator";
import {
  behindPulumi,
  check,
  configure,
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
const sub = SEED.subscriptionUuid;
const office = { description: "Office", addresses: ["203.0.113.0/24"] };
const vpn = { description: "VPN", addresses: ["198.51.100.7", "2001:db8::/48"] };
const inputs = (entries: unknown[]) => ({ connection: connectionOf(sim), subscriptionUuid: sub, entries });

/** The subscription's rules as the simulator holds them. */
async function rules() {
  return (await api().shieldAcl.list(sub)).map((r) => ({
    description: r.description,
    addresses: r.addresses,
  }));
}

describe("SubscriptionIpAllowlist", () => {
  it("creates the rules, makes no call when nothing changed, and updates in place one change at a time", async () => {
    const state = await up("SubscriptionIpAllowlist", inputs([office, vpn]));
    expect(state.id).toBe(sub);
    expect(await rules()).toEqual([office, vpn]);
    expect(Object.keys(state.outs["ruleUuids"] as object)).toEqual(["Office", "VPN"]);

    const before = await mutations(sim);
    expect((await up("SubscriptionIpAllowlist", inputs([office, vpn]), state)).action).toBe("same");
    expect(await mutations(sim)).toEqual(before);

    const moved = { description: "Office", addresses: ["203.0.113.0/25"] };
    const partner = { description: "Partner", addresses: ["192.0.2.10"] };
    const updated = await up("SubscriptionIpAllowlist", inputs([moved, partner]), state);
    expect(updated.action).toBe("update");
    expect(await rules()).toEqual([moved, partner]);
    // Each change waited for the one before: none was refused as "in progress".
    expect(await mutations(sim)).toMatchObject({
      "PUT /subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}": 1,
      "DELETE /subscriptions/{subscriptionUuid}/shield-acl/{shieldAclUuid}": 1,
    });
  });

  it("shows a rule added outside Pulumi on refresh, and the next up removes it", async () => {
    const state = await up("SubscriptionIpAllowlist", inputs([office]));
    await behindPulumi(
      sim,
      api().shieldAcl.create(sub, { description: "Added in the UI", addresses: ["192.0.2.99"] }),
    );
    const refreshed = await read("SubscriptionIpAllowlist", state);
    expect(refreshed.props?.["entries"]).toEqual([
      office,
      { description: "Added in the UI", addresses: ["192.0.2.99"] },
    ]);
    const drifted = { id: state.id, outs: refreshed.props ?? {} };
    expect((await diff("SubscriptionIpAllowlist", state.id, drifted.outs, inputs([office]))).changes).toBe(
      true,
    );
    await up("SubscriptionIpAllowlist", inputs([office]), drifted);
    expect(await rules()).toEqual([office]);
  });

  it("refuses an address that is not an IP or CIDR and a repeated description, naming the field", async () => {
    const bad = await check(
      "SubscriptionIpAllowlist",
      inputs([{ description: "Office", addresses: ["203.0.113.0/24", "10.0.0.0/33"] }]),
    );
    expect(bad.failures).toEqual([
      {
        property: "entries.0.addresses.1",
        reason: expect.stringMatching(/"10.0.0.0\/33" is not an IP address or CIDR/),
      },
    ]);
    const twice = await check("SubscriptionIpAllowlist", inputs([office, { ...vpn, description: "Office" }]));
    expect(twice.failures).toEqual([
      { property: "entries", reason: expect.stringMatching(/distinct descriptions/) },
    ]);
    const nowhere = await check("SubscriptionIpAllowlist", { ...inputs([office]), subscriptionUuid: "nope" });
    expect(nowhere.failures).toEqual([
      { property: "subscriptionUuid", reason: expect.stringMatching(/getSubscription/) },
    ]);
  });

  it("refuses a subscription whose rules differ, in preview too, unless adopt is set; adopt removes the rest", async () => {
    await behindPulumi(sim, api().shieldAcl.create(sub, { description: "Legacy", addresses: ["192.0.2.1"] }));
    const preview = await check("SubscriptionIpAllowlist", inputs([office]));
    expect(preview.failures).toEqual([
      {
        property: "entries",
        reason: expect.stringMatching(/already has Shield ACL rules \("Legacy"\).*adopt: true/),
      },
    ]);
    await expect(
      create("SubscriptionIpAllowlist", { ...inputs([office]), adopt: false, __provider: "shim" }),
    ).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
      message: expect.stringMatching(/adopt: true/),
    });
    const adopted = await up("SubscriptionIpAllowlist", { ...inputs([office]), adopt: true });
    expect(adopted.outs["entries"]).toEqual([office]);
    expect(await rules()).toEqual([office]);
  });

  it("replaces on a subscription change, and delete removes the rules it holds", async () => {
    const state = await up("SubscriptionIpAllowlist", inputs([office, vpn]));
    const other = { ...inputs([office]), subscriptionUuid: SEED.federatedSubscriptionUuid };
    expect((await diff("SubscriptionIpAllowlist", state.id, state.outs, other)).replaces).toEqual([
      "subscriptionUuid",
    ]);
    await destroy("SubscriptionIpAllowlist", state);
    expect(await rules()).toEqual([]);
  });

  it("converges without a second rule after the answer to a rule's create was lost", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/subscriptions/*/shield-acl", resetConnection: "after", times: 1 },
    ]);
    await expect(up("SubscriptionIpAllowlist", inputs([office]))).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await up("SubscriptionIpAllowlist", { ...inputs([office]) });
    expect(await rules()).toEqual([office]);
  });

  it("deletes with the configured credentials after the stored secret was rotated", async () => {
    const state = await up("SubscriptionIpAllowlist", inputs([office]));
    const { clientSecret } = (await control(sim, "POST", "credentials/rotate")) as { clientSecret: string };
    await control(sim, "POST", "tokens/expire");
    configure({
      "acquia:clientId": sim.clientId,
      "acquia:clientSecret": clientSecret,
      "acquia:apiUrl": sim.apiUrl,
      "acquia:tokenUrl": sim.tokenUrl,
    });
    await destroy("SubscriptionIpAllowlist", state);
    const fresh = new AcquiaCloudClient({ ...connectionOf(sim), clientSecret });
    expect(await fresh.shieldAcl.list(sub)).toEqual([]);
  });

  it("reads an import from the subscription's id alone", async () => {
    await up("SubscriptionIpAllowlist", inputs([office]));
    const imported = await read("SubscriptionIpAllowlist", {
      id: sub,
      outs: { connection: connectionOf(sim) },
    });
    expect(imported.props).toMatchObject({ subscriptionUuid: sub, entries: [office] });
  });
});
