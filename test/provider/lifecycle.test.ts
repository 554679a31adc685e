import { z } from "zod";
import { getAccount, getApplication, getEnvironment } from "../../provider";
import { defineKind } from "../../provider/kinds/kind";
import { ProviderError, ResourceInitError } from "../../provider/runtime/errors";
import { keyedHandler } from "../../provider/runtime/handler";
import * as lifecycle from "../../provider/runtime/lifecycle";
import { setLogSink } from "../../provider/runtime/log";
import { NotificationFailedError, Operation, ValidationError } from "../../sdk";
import type { Simulator } from "../../simulator";
import { connectionOf, simulator } from "./harness";

let sim: Simulator;
beforeAll(async () => {
  sim = await simulator();
});
afterAll(() => sim.stop());

describe("the create protocol, driven through a probe kind", () => {
  // Acquia can hold an object whose follow-up task failed, or one left by a run killed after its
  // create; the simulator never does the first, so these cases run through a probe handler.
  const probe = defineKind({
    name: "Probe",
    description: "A probe.",
    inputs: z.object({ name: z.string(), size: z.number().default(1) }),
    outputs: z.object({}),
    secrets: [],
    replaceOn: [],
    deleteBeforeReplace: false,
    naturalKey: ["name"],
    idFormat: "probe/<name>",
  });
  const failedTask = new Operation(
    {
      getNotification: async () => ({
        uuid: "n-1",
        status: "failed",
        label: "Probe added",
        description: "Disk full.",
      }),
    },
    { _links: { notification: { href: "https://cloud.acquia.com/api/notifications/n-1" } } },
    "POST /probes",
  );
  const duplicate = new ValidationError({
    status: 400,
    code: "validation_failed",
    detail: "The label for the cron is already used by another cron.",
    fieldErrors: undefined,
    requestId: undefined,
    method: "POST",
    path: "/probes",
  });
  /** A probe whose create answers `send` and which finds `existing` (a size, or nothing). */
  const handler = (existing: number | undefined, send: () => Promise<Operation>) => {
    const sent: number[] = [];
    return {
      sent,
      handler: keyedHandler({
        kind: probe,
        family: "cron",
        find: async (_ctx, p) =>
          existing === undefined ? undefined : { id: `probe/${p.name}`, outs: { ...p, size: existing } },
        send: async (_ctx, p) => {
          sent.push(p.size);
          return send();
        },
        read: async () => undefined,
        parentVisible: async () => true,
        update: async (_c, _i, _o, n) => n,
        delete: async () => undefined,
      }),
    };
  };
  const props = () => ({ name: "x", size: 1, connection: connectionOf(sim), __provider: "shim-text" });

  it("raises ResourceInitError carrying the id, outputs and __provider, so Pulumi keeps it in state", async () => {
    const { handler: h } = handler(1, async () => failedTask);
    const error = await lifecycle.create(h, props()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error).toMatchObject({ id: "probe/x", properties: { name: "x", __provider: "shim-text" } });
    expect((error as Error).message).toMatch(/Disk full.*n-1/);
  });

  it("never takes over someone else's object when the create itself was refused", async () => {
    const { handler: h } = handler(5, async () => {
      throw duplicate;
    });
    const error = await lifecycle.create(h, props()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "ALREADY_EXISTS" });
    expect(error).not.toHaveProperty("id");
    expect((error as Error).message).toMatch(
      /Probe "x" already exists in Acquia \(probe\/x\) and differs from the program in size\..*already used by another cron.*adopt: true/,
    );
  });

  it("takes over an object identical to the program (left by an interrupted run) and says so", async () => {
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    try {
      const { handler: h } = handler(1, async () => {
        throw duplicate;
      });
      await expect(lifecycle.create(h, props())).resolves.toMatchObject({ id: "probe/x" });
      expect(lines).toEqual([expect.stringMatching(/Probe "x": took over the existing object probe\/x/)]);
    } finally {
      setLogSink(previous);
    }
  });

  it("rethrows the task failure when nothing was created", async () => {
    const { handler: h } = handler(undefined, async () => failedTask);
    const error = await lifecycle.create(h, props()).catch((e: unknown) => e);
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
