// CodeDeployment's ways of deploying besides a branch or tag: another environment's code (promotion)
// and a build artifact, with triggers that deploy again on purpose. Branch and tag deploys are covered
// in environment.test.ts.
import { AcquiaCloudClient } from "../../sdk";
import { SEED } from "../../simulator";
import {
  behindPulumi,
  check,
  connectionOf,
  control,
  destroy,
  mutations,
  read,
  useSimulator,
  up,
} from "./harness";

const PROMOTE = "POST /environments/{environmentId}/code";
const SWITCH = "POST /environments/{environmentId}/code/actions/switch";
const ARTIFACT = "POST /environments/{environmentId}/artifacts/actions/switch";

const sim = useSimulator();
const api = () => new AcquiaCloudClient(connectionOf(sim));
const codeOf = async (id: string) => (await api().environments.get(id)).vcs?.path;
const failuresOf = async (props: Record<string, unknown>) =>
  Object.fromEntries((await check("CodeDeployment", props)).failures.map((f) => [f.property, f.reason]));

describe("CodeDeployment from another environment", () => {
  const promote = (triggers?: Record<string, string>) => ({
    connection: connectionOf(sim),
    environmentId: sim.environments.prod,
    sourceEnvironmentId: sim.environments.test,
    message: "Release",
    ...(triggers ? { triggers } : {}),
  });

  it("promotes on create, again exactly when triggers change, and leaves the code on destroy", async () => {
    const state = await up("CodeDeployment", promote({ release: "1" }));
    expect(await codeOf(sim.environments.prod)).toBe("main");
    expect(state.outs).toMatchObject({ previousRef: "tags/v1.0.0", deployedRef: "main" });

    expect((await up("CodeDeployment", promote({ release: "1" }), state)).action).toBe("same");
    const again = await up("CodeDeployment", promote({ release: "2" }), state);
    expect(again).toMatchObject({ action: "update", id: state.id });
    expect((await mutations(sim))[PROMOTE]).toBe(2);

    await destroy("CodeDeployment", again);
    expect(await codeOf(sim.environments.prod)).toBe("main");
    expect((await mutations(sim))[PROMOTE]).toBe(2);
  });

  it("shows someone else's deploy as a changed deployedRef without deploying again", async () => {
    const state = await up("CodeDeployment", promote());
    await behindPulumi(sim, api().code.switch(sim.environments.prod, { branch: "develop" }));
    const refreshed = (await read("CodeDeployment", state)).props ?? {};
    expect(refreshed).toMatchObject({ sourceEnvironmentId: sim.environments.test, deployedRef: "develop" });
    expect((await up("CodeDeployment", promote(), { id: state.id, outs: refreshed })).action).toBe("same");
    expect((await mutations(sim))[PROMOTE]).toBe(1);
  });

  it("switching from a branch to a promotion deploys, and back to the branch deploys it again", async () => {
    const branch = {
      connection: connectionOf(sim),
      environmentId: sim.environments.prod,
      ref: "tags/v1.0.0",
    };
    const state = await up("CodeDeployment", branch);
    expect(await mutations(sim)).toEqual({});
    const promoted = await up("CodeDeployment", promote(), state);
    expect(promoted.action).toBe("update");
    expect(promoted.outs).not.toHaveProperty("ref");
    expect(await codeOf(sim.environments.prod)).toBe("main");
    await up("CodeDeployment", branch, promoted);
    expect(await codeOf(sim.environments.prod)).toBe("tags/v1.0.0");
    expect(await mutations(sim)).toEqual({ [PROMOTE]: 1, [SWITCH]: 1 });
  });

  it("refuses in check what Acquia would refuse: no source, two sources, itself, another application", async () => {
    const env = sim.environments.prod;
    expect(await failuresOf({ environmentId: env })).toEqual({
      ref: "set exactly one of ref, sourceEnvironmentId or artifactId",
    });
    expect(
      await failuresOf({ environmentId: env, ref: "main", sourceEnvironmentId: sim.environments.test }),
    ).toEqual({ ref: "set exactly one of ref, sourceEnvironmentId or artifactId" });
    expect(await failuresOf({ environmentId: env, sourceEnvironmentId: env })).toEqual({
      sourceEnvironmentId: expect.stringMatching(/cannot be deployed to itself/),
    });
    expect(await failuresOf({ environmentId: env, sourceEnvironmentId: SEED.nodeEnvironments.dev })).toEqual({
      sourceEnvironmentId: expect.stringMatching(/same application/),
    });
    expect(await failuresOf({ environmentId: env, ref: "main", message: "x" })).toEqual({
      message: expect.stringMatching(/only to a deploy from sourceEnvironmentId/),
    });
  });

  it("fails the update with the task's message and deploys again on the next run", async () => {
    const state = await up("CodeDeployment", promote({ release: "1" }));
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/environments/*/code", failTask: "Deployment failed: disk full." },
    ]);
    await expect(up("CodeDeployment", promote({ release: "2" }), state)).rejects.toThrow(/disk full/);
    const retried = await up("CodeDeployment", promote({ release: "2" }), state);
    expect(retried.action).toBe("update");
    expect((await mutations(sim))[PROMOTE]).toBe(3);
  });
});

describe("CodeDeployment's Cloud Actions", () => {
  const deployed = async () => {
    const task = (await sim.control.stats()).tasks.find((t) => t.event === "CodeDeployed");
    return (await api().getNotification(task?.uuid ?? "")).description ?? "";
  };
  const promote = (cloudActions?: string[]) => ({
    connection: connectionOf(sim),
    environmentId: sim.environments.prod,
    sourceEnvironmentId: sim.environments.test,
    ...(cloudActions ? { cloudActions } : {}),
  });

  it("runs the actions named by label or id, none for [], and the environment's defaults without the input", async () => {
    await up("CodeDeployment", promote(["clear all drupal caches", "9440be70-c042-47ae-9134-e85acbbd6edf"]));
    expect(await deployed()).toMatch(/Cloud Actions run: Clear all Drupal caches, Run database updates\.$/);

    await control(sim, "POST", "reset");
    await up("CodeDeployment", promote([]));
    expect(await deployed()).not.toMatch(/Cloud Actions/);

    await control(sim, "POST", "reset");
    await up("CodeDeployment", promote());
    expect(await deployed()).toMatch(
      /Cloud Actions run: Backup all databases, Run database updates, Clear all Drupal caches/,
    );
  });

  it("changing only the actions deploys nothing; they apply to the next deploy", async () => {
    const state = await up("CodeDeployment", promote(["Clear all Drupal caches"]));
    const next = await up("CodeDeployment", promote(["Import configuration"]), state);
    expect(next.action).toBe("update");
    expect((await mutations(sim))[PROMOTE]).toBe(1);
  });

  it("refuses an action the environment does not offer in preview, listing those it does", async () => {
    expect(await failuresOf(promote(["Warm the caches"]))).toEqual({
      cloudActions: expect.stringMatching(/no Cloud Action "Warm the caches".*"Clear all Drupal caches"/),
    });
    expect(
      await failuresOf({
        ...promote(["Clear all Drupal caches"]),
        sourceEnvironmentId: undefined,
        artifactId: "1",
      }),
    ).toEqual({ cloudActions: expect.stringMatching(/not to artifacts/) });
    expect(await mutations(sim)).toEqual({});
  });
});

describe("CodeDeployment of a build artifact", () => {
  const artifact = (artifactId: string, triggers?: Record<string, string>) => ({
    connection: connectionOf(sim),
    environmentId: SEED.nodeEnvironments.prod,
    artifactId,
    ...(triggers ? { triggers } : {}),
  });
  const running = async () => (await api().environments.get(SEED.nodeEnvironments.prod)).artifact?.id;

  it("deploys the artifact, redeploys on a trigger, and shows another deploy as drift", async () => {
    const state = await up("CodeDeployment", artifact(SEED.artifacts.ready, { build: "1" }));
    expect(await running()).toBe(SEED.artifacts.ready);
    expect((await up("CodeDeployment", artifact(SEED.artifacts.ready, { build: "1" }), state)).action).toBe(
      "same",
    );
    await up("CodeDeployment", artifact(SEED.artifacts.ready, { build: "2" }), state);
    expect((await mutations(sim))[ARTIFACT]).toBe(2);

    // Code deployed by other means leaves no artifact: the next up deploys it again.
    await control(sim, "POST", "reset");
    expect((await read("CodeDeployment", state)).props).toMatchObject({ artifactId: "" });
  });

  it("refuses an artifact that is not ready or does not exist, in preview", async () => {
    const conn = connectionOf(sim);
    expect(await failuresOf({ ...artifact(SEED.artifacts.failed), connection: conn })).toEqual({
      artifactId: expect.stringMatching(/is upload-failed, and only ready artifacts can be deployed/),
    });
    expect(await failuresOf({ ...artifact("999"), connection: conn })).toEqual({
      artifactId: expect.stringMatching(/artifact 999 was not found in application/),
    });
    expect(await failuresOf({ ...artifact("build-1"), connection: conn })).toEqual({
      artifactId: expect.stringMatching(/numeric id/),
    });
  });

  it("relays Acquia's refusal of an artifact on a Git application", async () => {
    await expect(
      up("CodeDeployment", { ...artifact(SEED.artifacts.ready), environmentId: sim.environments.prod }),
    ).rejects.toThrow(/artifact/i);
    expect(await mutations(sim)).toEqual({});
  });
});
