import { SEED, type Simulator } from "../../simulator";
import { Api, items, start } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ taskDurationMs: 200 });
});
afterAll(() => sim.stop());

const rules = `/subscriptions/${SEED.subscriptionUuid}/shield-acl`;

describe("Shield ACL", () => {
  it("applies one change at a time: another change of the subscription waits for the first (409)", async () => {
    const api = await Api.connect(sim);
    const first = await api.post(rules, { description: "Office", addresses: ["203.0.113.0/24"] });
    expect(first.status).toBe(202);
    const second = await api.post(rules, { description: "VPN", addresses: ["198.51.100.0/24"] });
    expect(second).toMatchObject({
      status: 409,
      body: {
        error: "conflict",
        message: { general: "Shield ACL rules cannot be created while ACL rule updates are in progress." },
      },
    });
    await api.settle(first);
    expect(items(await api.get(rules)).map((r) => r.description)).toEqual(["Office"]);
    await api.settle(await api.post(rules, { description: "VPN", addresses: ["198.51.100.0/24"] }));
    expect(items(await api.get(rules))).toHaveLength(2);
    await api.settle(await api.post(`${rules}/actions/reset`));
    expect(items(await api.get(rules))).toHaveLength(0);
  });

  it("refuses an address that is neither an IPv4/IPv6 address nor a CIDR, naming addresses", async () => {
    const api = await Api.connect(sim);
    for (const bad of ["10.0.0.0/33", "300.1.1.1", "10.0.0.1/8/2", "example.com"]) {
      const response = await api.post(rules, { description: "Bad", addresses: [bad] });
      expect(response).toMatchObject({ status: 400, body: { error: "validation_failed" } });
      expect(Object.keys(response.body.message as object)).toEqual(["addresses"]);
    }
  });
});
