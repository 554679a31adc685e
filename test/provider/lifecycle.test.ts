import { z } from "zod";
import { getAccount, getApplication, getEnvironment } from "../../provider";
import { AlreadyExistsError, ResourceInitError } from "../../provider/runtime/errors";
import type { ResourceHandler } from "../../provider/runtime/handler";
import * as lifecycle from "../../provider/runtime/lifecycle";
import { NotificationFailedError, ValidationError } from "../../sdk";
import type { Simulator } from "../../simulator";
import { connectionOf, simulator } from "./harness";

let sim: Simulator;
beforeAll(async () => {
  sim = await simulator();
});
afterAll(() => sim.stop());

describe("create when the object exists but its task failed", () => {
  // Acquia can hold an object whose follow-up task failed; the simulator never does, so this case is
  // driven through a handler whose create fails after the object appeared.
  const inputs = z.object({ name: z.string(), connection: z.unknown().optional() });
  const handler = (found: boolean): ResourceHandler<{ name: string }, { name: string }> => ({
    kind: "Probe",
    inputs: inputs as never,
    replaceOn: [],
    deleteBeforeReplace: false,
    find: async (_ctx, p) => (found ? { id: `probe/${p.name}`, outs: { name: p.name } } : undefined),
    create: async (ctx) => {
      ctx.created = true;
      throw new NotificationFailedError({
        notificationUuid: "n-1",
        label: "Probe added",
        detail: "Disk full.",
      });
    },
    read: async () => undefined,
    parentVisible: async () => true,
    update: async (_c, _i, _o, n) => n,
    delete: async () => undefined,
  });
  const props = () => ({ name: "x", connection: connectionOf(sim), __provider: "shim-text" });

  it("raises ResourceInitError carrying the id, outputs and __provider, so Pulumi keeps it in state", async () => {
    const error = await lifecycle.create(handler(true), props()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error).toMatchObject({ id: "probe/x", properties: { name: "x", __provider: "shim-text" } });
    expect((error as Error).message).toMatch(/Disk full.*n-1/);
  });

  it("never takes over someone else's object when the create itself was refused", async () => {
    const refusing = {
      ...handler(true),
      create: async () => {
        throw new ValidationError({
          status: 400,
          code: "validation_failed",
          detail: "Taken.",
          fieldErrors: undefined,
          requestId: undefined,
          method: "POST",
          path: "/x",
        });
      },
    };
    const error = await lifecycle.create(refusing, props()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlreadyExistsError);
    expect(error).not.toHaveProperty("id");
    expect((error as Error).message).toMatch(
      /Probe "x" already exists in Acquia \(probe\/x\): .*400 validation_failed: Taken\..*adopt: true/,
    );
  });

  it("rethrows the task failure when nothing was created", async () => {
    const error = await lifecycle.create(handler(false), props()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationFailedError);
  });
});

describe("lookups", () => {
  const connection = () => connectionOf(sim);

  it("finds the account, an application by name or uuid, and an environment by name or label", async () => {
    expect((await getAccount({ connection: connection() })).uuid).toEqual(expect.any(String));
    const app = await getApplication({ name: "Acme Web", connection: connection() });
    expect(app.uuid).toBe(sim.applicationUuid);
    expect((await getApplication({ uuid: sim.applicationUuid, connection: connection() })).name).toBe(
      "Acme Web",
    );
    const dev = await getEnvironment({ applicationUuid: app.uuid, name: "dev", connection: connection() });
    expect(dev.id).toBe(sim.environments.dev);
    expect(
      (await getEnvironment({ applicationUuid: app.uuid, name: dev.label, connection: connection() })).id,
    ).toBe(dev.id);
  });

  it("says what is wrong when nothing matches", async () => {
    await expect(getApplication({ name: "No Such App", connection: connection() })).rejects.toThrow(
      /No application named "No Such App"/,
    );
    await expect(
      getEnvironment({ applicationUuid: sim.applicationUuid, name: "qa", connection: connection() }),
    ).rejects.toThrow(/has no environment named "qa"/);
  });
});
