import { AcquiaCloudClient } from "../../sdk";
import { resolveCloudActions } from "../../provider/runtime/cloud-actions";
import { InvalidInputError } from "../../provider/runtime/errors";
import {
  behindPulumi,
  check,
  configure,
  create,
  connectionOf,
  control,
  destroy,
  mutations,
  read,
  useSimulator,
  UNKNOWN,
  up,
} from "./harness";

const KIND = "EnvironmentCloudActions";
const PUT = "PUT /environments/{environmentId}/cloud-actions";
const RESET = "POST /environments/{environmentId}/cloud-actions/actions/reset";
const MAINTENANCE = "fb4aa87a-8be2-42c6-bdf0-ef9d09a3de70";
const BACKUP = "f668295f-cbba-472d-8b75-c76ab89e553a";
const DEFAULTS = ["Backup all databases", "Clear all Drupal caches", "Run database updates"];

const sim = useSimulator();

const api = () => new AcquiaCloudClient(connectionOf(sim));
const dev = (actions: string[], extra: Record<string, unknown> = {}) => ({
  connection: connectionOf(sim),
  environmentId: sim.environments.dev,
  actions,
  ...extra,
});
/** The labels of the actions the simulator holds enabled on dev. */
const enabled = async () => {
  const { environments } = (await sim.control.state()) as {
    environments: Record<string, { cloudActions: { label: string; enabled: boolean }[] }>;
  };
  return (environments[sim.environments.dev]?.cloudActions ?? [])
    .filter((a) => a.enabled)
    .map((a) => a.label)
    .sort();
};

describe("EnvironmentCloudActions", () => {
  it("enables exactly the actions listed, by label or id, and updates in place", async () => {
    const state = await up(KIND, dev(["Backup all databases", MAINTENANCE]));
    expect(await mutations(sim)).toEqual({ [PUT]: 1 });
    expect(await enabled()).toEqual(["Backup all databases", "Turn on Drupal maintenance mode"]);
    expect(state.outs).toMatchObject({
      actions: ["Backup all databases", MAINTENANCE].sort(),
      actionIds: [BACKUP, MAINTENANCE].sort(),
    });

    const updated = await up(KIND, dev(["run database updates"]), state);
    expect(updated.action).toBe("update");
    expect(await enabled()).toEqual(["Run database updates"]);
    expect(await mutations(sim)).toEqual({ [PUT]: 2 });
  });

  it("makes no call at all when the environment already runs exactly those actions", async () => {
    const state = await up(KIND, dev([...DEFAULTS].reverse()));
    expect(await mutations(sim)).toEqual({});
    expect((await up(KIND, dev(DEFAULTS), state)).action).toBe("same");
    expect(await mutations(sim)).toEqual({});
  });

  it("shows drift in the program's words: its labels stay labels, an action enabled elsewhere by label", async () => {
    const state = await up(KIND, dev(["Backup all databases"]));
    await behindPulumi(sim, api().cloudActions.update(sim.environments.dev, { [MAINTENANCE]: true }));
    const refreshed = await read(KIND, state);
    expect(refreshed.props?.["actions"]).toEqual(["Backup all databases", "Turn on Drupal maintenance mode"]);
    const again = await up(KIND, dev(["Backup all databases"]), {
      id: state.id,
      outs: refreshed.props ?? {},
    });
    expect(again.action).toBe("update");
    expect(await enabled()).toEqual(["Backup all databases"]);
  });

  it("leaves the actions on delete, and resets them to Acquia's defaults only with resetOnDelete", async () => {
    const kept = await up(KIND, dev([]));
    await destroy(KIND, kept);
    expect(await enabled()).toEqual([]);
    expect((await mutations(sim))[RESET]).toBeUndefined();

    const state = await up(KIND, dev(["Import configuration"], { resetOnDelete: true }), kept);
    await destroy(KIND, state);
    expect(await enabled()).toEqual(DEFAULTS);
    expect((await mutations(sim))[RESET]).toBe(1);
  });

  it("refuses an unknown name in preview, naming the field and listing the labels offered", async () => {
    const { failures } = await check(KIND, dev(["Backup all databases", "Warm the caches"]));
    expect(failures).toEqual([
      {
        property: "actions",
        reason: expect.stringMatching(
          /actions: environment .* has no Cloud Action "Warm the caches"\. Use a label or id it offers: "Backup all databases", "Turn on Drupal maintenance mode", .*"Clear all Drupal caches"/,
        ),
      },
    ]);
    // Without preview (credentials unknown until then), the create refuses it the same way.
    await expect(create(KIND, dev(["Warm the caches"]))).rejects.toThrow(
      /has no Cloud Action "Warm the caches"/,
    );
    expect(await mutations(sim)).toEqual({});
  });

  it("checks names in preview with the stack's credentials while the program's connection is unknown", async () => {
    configure({
      "acquia:clientId": sim.clientId,
      "acquia:clientSecret": sim.clientSecret,
      "acquia:apiUrl": sim.apiUrl,
      "acquia:tokenUrl": sim.tokenUrl,
    });
    const { failures } = await check(KIND, { ...dev(["Warm the caches"]), connection: UNKNOWN });
    expect(failures).toEqual([{ property: "actions", reason: expect.stringMatching(/"Warm the caches"/) }]);
  });

  it("says how to turn Cloud Actions on when they are switched off for the environment", async () => {
    await behindPulumi(sim, api().cloudActions.disable(sim.environments.dev));
    await expect(up(KIND, dev(["Backup all databases"]))).rejects.toThrow(
      /Cloud Actions are not available on environment .*Turn them on/,
    );
  });

  it("fails with the task's message when Acquia's task fails", async () => {
    await control(sim, "POST", "faults", [
      { method: "PUT", path: "/api/environments/*/cloud-actions", failTask: "Cloud Actions are locked." },
    ]);
    await expect(up(KIND, dev(["Import configuration"]))).rejects.toThrow(/Cloud Actions are locked/);
    expect(await enabled()).toEqual(DEFAULTS);
  });
});

describe("resolveCloudActions", () => {
  const ctx = () => ({ client: api(), wait: { pollIntervalMs: 10 } });

  it("turns labels or ids into Acquia's ids, each once, in the order given", async () => {
    expect(
      await resolveCloudActions(
        ctx(),
        sim.environments.dev,
        [MAINTENANCE, " backup ALL databases", BACKUP],
        "cloudActions",
      ),
    ).toEqual([MAINTENANCE, BACKUP]);
  });

  it("throws an InvalidInputError naming the caller's field and the labels offered", async () => {
    const error = await resolveCloudActions(ctx(), sim.environments.dev, ["nope"], "cloudActions").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      field: "cloudActions",
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^cloudActions: .*"nope".*"Import configuration"/),
    });
  });
});
