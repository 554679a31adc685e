import { AcquiaCloudClient } from "../../sdk";
import type { Simulator } from "../../simulator";
import {
  check,
  configure,
  create,
  logged,
  connectionOf,
  control,
  destroy,
  read,
  useSimulator,
  up,
  type Props,
  type State,
} from "./harness";

/**
 * The lifecycle cases every natural-key resource must pass, run against each one: a failed create
 * task and the next run converging, drift or disappearance seen by refresh, a 404 during delete, and
 * delete with credentials rotated since the state was written.
 */
export interface MatrixCase {
  kind: string;
  inputs: (sim: Simulator) => Props;
  /**
   * Acquia answers the create at once, without a task (teams, team applications): a create refused
   * with a 500 stands in for the failed task.
   */
  synchronousCreate?: boolean;
  /**
   * Acquia answers the create with a message only (SSH keys, certificates, log forwarding): a task that
   * fails is invisible, so the create waits for the object until its timeout.
   */
  messageOnlyCreate?: boolean;
  /**
   * The inputs changed in something Acquia holds but not in the natural key, so an object created from
   * `inputs` differs from them; absent for kinds whose every input is the natural key.
   */
  differently?: (inputs: Props) => Props;
  /** Creates what the object needs besides the simulator's seed; returns inputs to merge. */
  prepare?: (api: AcquiaCloudClient, sim: Simulator) => Promise<Props>;
  createPath: string;
  deletePath: string;
  /** How many objects with this natural key Acquia holds right now. */
  count: (api: AcquiaCloudClient, sim: Simulator) => Promise<number>;
  /** Removes the object behind Pulumi's back. */
  remove: (api: AcquiaCloudClient, sim: Simulator, state: State) => Promise<unknown>;
}

/** Runs every lifecycle case against each resource kind, on a simulator of its own. */
export function lifecycleMatrix(cases: MatrixCase[]): void {
  const sim = useSimulator();
  const api = () => new AcquiaCloudClient(connectionOf(sim));

  describe.each(cases)("$kind lifecycle matrix", (c: MatrixCase) => {
    let prepared: Props = {};
    beforeEach(async () => {
      prepared = (await c.prepare?.(api(), sim)) ?? {};
    });
    const inputs = () => ({ connection: connectionOf(sim), ...c.inputs(sim), ...prepared });

    it("fails on a failed create, leaves nothing, and converges on the next run", async () => {
      const fault = c.synchronousCreate
        ? { status: 500, body: { error: "server_error", message: "Refused in matrix." } }
        : { failTask: "Task failed in matrix." };
      await control(sim, "POST", "faults", [{ method: "POST", path: c.createPath, ...fault }]);
      if (c.messageOnlyCreate) {
        await expect(up(c.kind, { ...inputs(), timeoutSeconds: 1 })).rejects.toThrow(/to show/);
      } else {
        await expect(up(c.kind, inputs())).rejects.toThrow(/in matrix/);
      }
      expect(await c.count(api(), sim)).toBe(0);
      await up(c.kind, inputs());
      expect(await c.count(api(), sim)).toBe(1);
    });

    it("creates nothing twice when the connection resets after the create was applied", async () => {
      await control(sim, "POST", "faults", [
        { method: "POST", path: c.createPath, resetConnection: "after" },
      ]);
      await up(c.kind, inputs());
      expect(await c.count(api(), sim)).toBe(1);
    });

    it("takes over an identical object left without state (a killed run), and says so", async () => {
      const first = await up(c.kind, inputs());
      const lines = await logged(() => up(c.kind, inputs()));
      expect(lines.result.id).toBe(first.id);
      expect(lines.lines.join("\n")).toMatch(/took over the existing object .*matches the program exactly/);
      expect(await c.count(api(), sim)).toBe(1);
    });

    if (c.differently) {
      const differently = c.differently;
      it("refuses an existing object that differs from the program, in preview too, unless adopt is set", async () => {
        const first = await up(c.kind, inputs());
        const other = () => differently(inputs());
        const failures = await check(c.kind, other());
        expect(failures.failures).toEqual([
          expect.objectContaining({
            reason: expect.stringMatching(/already exists in Acquia .* differs .*adopt: true/),
          }),
        ]);
        await expect(create(c.kind, { ...other(), __provider: "shim" })).rejects.toThrow(
          /already exists .*differs .*adopt: true/,
        );
        const adopted = await up(c.kind, { ...other(), adopt: true });
        expect(adopted.id).toBe(first.id);
        expect(await c.count(api(), sim)).toBe(1);
      });
    }

    it("reports an object removed behind Pulumi's back as gone on refresh", async () => {
      const state = await up(c.kind, inputs());
      expect((await read(c.kind, state)).id).toBe(state.id);
      await c.remove(api(), sim, state);
      expect(await read(c.kind, state)).toEqual({});
    });

    it("returns from delete only once Acquia no longer shows the object", async () => {
      const state = await up(c.kind, inputs());
      // Realism on: several families answer a delete with a message only; the task still runs.
      await destroy(c.kind, state);
      expect(await c.count(api(), sim)).toBe(0);
    });

    it("treats a 404 during delete as deleted", async () => {
      const state = await up(c.kind, inputs());
      await control(sim, "POST", "faults", [
        { method: "DELETE", path: c.deletePath, status: 404, body: { error: "not_found", message: "gone" } },
      ]);
      await expect(destroy(c.kind, state)).resolves.toBeUndefined();
    });

    it("deletes with the configured credentials after the stored secret was rotated", async () => {
      const state = await up(c.kind, inputs());
      const { clientSecret } = (await control(sim, "POST", "credentials/rotate")) as { clientSecret: string };
      await control(sim, "POST", "tokens/expire");
      configure({
        "acquia:clientId": sim.clientId,
        "acquia:clientSecret": clientSecret,
        "acquia:apiUrl": sim.apiUrl,
        "acquia:tokenUrl": sim.tokenUrl,
      });
      await destroy(c.kind, state);
      const fresh = new AcquiaCloudClient({ ...connectionOf(sim), clientSecret });
      expect(await c.count(fresh, sim)).toBe(0);
    });
  });
}
