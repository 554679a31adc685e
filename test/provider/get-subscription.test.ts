import { getSubscription } from "../../provider/functions";
import { AcquiaCloudClient } from "../../sdk";
import { SEED, type Simulator } from "../../simulator";
import { connectionOf, simulator } from "./harness";

let sim: Simulator;
beforeAll(async () => {
  sim = await simulator();
});
afterAll(() => sim.stop());
const api = () => new AcquiaCloudClient(connectionOf(sim));

describe("getSubscription", () => {
  it("finds a subscription by uuid and by exact name, with its organization", async () => {
    const byUuid = await getSubscription.run(api(), { uuid: SEED.subscriptionUuid });
    expect(byUuid).toMatchObject({
      uuid: SEED.subscriptionUuid,
      name: "Acme Platform Enterprise",
      organization: { uuid: SEED.organizationUuid },
    });
    const byName = await getSubscription.run(api(), { name: "Acme Platform Enterprise" });
    expect(byName.uuid).toBe(SEED.subscriptionUuid);
    // What it answers is what the schema declares for the plugin's invoke.
    expect(getSubscription.result.safeParse(byName).success).toBe(true);
  });

  it("says what to check for a name no visible subscription has, and refuses an unknown uuid", async () => {
    await expect(getSubscription.run(api(), { name: "Globex Enterprise" })).rejects.toThrow(
      /No subscription named "Globex Enterprise" is visible to these credentials/,
    );
    await expect(getSubscription.run(api(), { uuid: SEED.foreignSubscriptionUuid })).rejects.toThrow(
      /subscription you are trying to access does not exist/,
    );
  });

  it("takes either a uuid or a name", () => {
    expect(getSubscription.args.safeParse({}).error?.issues[0]?.message).toBe("pass either uuid or name");
  });
});
