import { AcquiaCloudClient } from "../../sdk";
import {
  check,
  create,
  connectionOf,
  control,
  destroy,
  diff,
  logged,
  mutations,
  read,
  useSimulator,
  up,
  type State,
} from "./harness";

const sim = useSimulator();
const api = () => new AcquiaCloudClient(connectionOf(sim));
const inputs = (label = "ci") => ({ connection: connectionOf(sim), label });

/** What the simulator holds: the account's tokens, revoked ones included. */
async function tokens(): Promise<{ uuid: string; label: string; active: boolean }[]> {
  return (await api().apiTokens.list()).map((t) => ({
    uuid: t.uuid,
    label: t.label,
    active: t.active ?? true,
  }));
}

/** Whether the simulator's token endpoint takes these credentials (asked directly: no token cache). */
async function accepts(key: unknown, secret: unknown): Promise<boolean> {
  const response = await fetch(sim.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: String(key),
      client_secret: String(secret),
    }).toString(),
  });
  return response.status === 200;
}

describe("ApiToken", () => {
  it("creates a token whose key and secret work, makes no call when nothing changed, and revokes on delete", async () => {
    const state = await up("ApiToken", inputs());
    expect(state.outs).toMatchObject({ label: "ci", tokenUuid: state.id });
    expect(await tokens()).toEqual([{ uuid: state.id, label: "ci", active: true }]);
    expect(await accepts(state.outs["apiKey"], state.outs["apiSecret"])).toBe(true);

    const before = await mutations(sim);
    expect((await up("ApiToken", inputs(), state)).action).toBe("same");
    expect((await up("ApiToken", { ...inputs(), timeoutSeconds: 60 }, state)).action).toBe("update");
    expect(await mutations(sim)).toEqual(before);

    await destroy("ApiToken", state);
    expect(await tokens()).toEqual([{ uuid: state.id, label: "ci", active: false }]);
    expect(await accepts(state.outs["apiKey"], state.outs["apiSecret"])).toBe(false);
  });

  it("replaces on a label change: the new token first, then the old one revoked", async () => {
    const first = await up("ApiToken", inputs("ci-2026-q3"));
    const d = await diff("ApiToken", first.id, first.outs, { ...inputs("ci-2026-q4") });
    expect(d).toMatchObject({ replaces: ["label"], deleteBeforeReplace: false });
    const second = await up("ApiToken", inputs("ci-2026-q4"), first);
    expect(second.action).toBe("replace");
    expect(second.id).not.toBe(first.id);
    expect(second.outs["apiSecret"]).not.toBe(first.outs["apiSecret"]);
    expect(await accepts(second.outs["apiKey"], second.outs["apiSecret"])).toBe(true);
    expect(await accepts(first.outs["apiKey"], first.outs["apiSecret"])).toBe(false);
  });

  it("shows a token revoked outside Pulumi as gone on refresh, and keeps the once-shown secret on refresh", async () => {
    const state: State = await up("ApiToken", inputs());
    await api().apiTokens.delete(state.id);
    expect(await read("ApiToken", state)).toEqual({});

    const other = await up("ApiToken", inputs("other"));
    const refreshed = await read("ApiToken", other);
    expect(refreshed.props).toMatchObject({ label: "other", apiKey: other.outs["apiKey"] });
  });

  it("refuses a label already taken, in preview too, naming label and adopt; adopt leaves the secret empty and says so", async () => {
    const made = await api().apiTokens.create({ label: "made-in-ui" });
    const failures = await check("ApiToken", inputs("made-in-ui"));
    expect(failures.failures).toEqual([
      { property: "label", reason: expect.stringMatching(/already exists in Acquia .*adopt: true/) },
    ]);
    await expect(
      create("ApiToken", { ...inputs("made-in-ui"), adopt: false, __provider: "shim" }),
    ).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
      message: expect.stringMatching(/adopt: true/),
    });

    const adopted = await logged(() => up("ApiToken", { ...inputs("made-in-ui"), adopt: true }));
    expect(adopted.lines.join("\n")).toMatch(/adopted the existing token .*apiKey and apiSecret stay empty/);
    expect(adopted.result.outs["apiKey"]).toBeUndefined();
    expect(adopted.result.outs["apiSecret"]).toBeUndefined();
    expect((await tokens()).filter((t) => t.label === "made-in-ui")).toHaveLength(1);
    // Adopted, it is still this stack's to revoke.
    await destroy("ApiToken", adopted.result);
    expect(await accepts(made.clientId, made.clientSecret)).toBe(false);
  });

  it("refuses an empty label by name", async () => {
    const result = await check("ApiToken", inputs("  "));
    expect(result.failures).toEqual([
      { property: "label", reason: expect.stringMatching(/label is required/) },
    ]);
  });

  it("reads an import from its id alone, without a secret", async () => {
    const state = await up("ApiToken", inputs("imported"));
    const imported = await read("ApiToken", { id: state.id, outs: { connection: connectionOf(sim) } });
    expect(imported.props).toMatchObject({ label: "imported", tokenUuid: state.id });
    expect(imported.props?.["apiSecret"]).toBeUndefined();
  });

  it("revokes the token a stack authenticates with without looking afterwards", async () => {
    const state = await up("ApiToken", inputs("self"));
    const own = {
      clientId: String(state.outs["apiKey"]),
      clientSecret: String(state.outs["apiSecret"]),
      apiUrl: sim.apiUrl,
      tokenUrl: sim.tokenUrl,
    };
    await destroy("ApiToken", { id: state.id, outs: { ...state.outs, connection: own } });
    expect(await tokens()).toEqual([{ uuid: state.id, label: "self", active: false }]);
  });

  it("after a lost answer, refuses the token whose secret it never saw instead of taking it over", async () => {
    await control(sim, "POST", "faults", [
      { method: "POST", path: "/api/account/tokens", resetConnection: "after" },
    ]);
    await expect(up("ApiToken", inputs("lost"))).rejects.toThrow();
    expect((await tokens()).filter((t) => t.label === "lost")).toHaveLength(1);
    await expect(up("ApiToken", inputs("lost"))).rejects.toThrow(
      /an interrupted run of this stack included.*adopt: true/,
    );
    expect((await tokens()).filter((t) => t.label === "lost")).toHaveLength(1);
  });

  it("never shows the secret in a log line or an error", async () => {
    const { result, lines } = await logged(() => up("ApiToken", inputs("quiet")));
    const secret = String(result.outs["apiSecret"]);
    await api().apiTokens.delete(result.id);
    await control(sim, "POST", "faults", [
      { method: "GET", path: "/api/account/tokens", status: 500, body: { error: "system", message: secret } },
    ]);
    const failure = await up("ApiToken", inputs("again")).catch((e: unknown) => String(e));
    expect(lines.join("\n")).not.toContain(secret);
    expect(failure).toMatch(/REDACTED/);
    expect(failure).not.toContain(secret);
  });

  it("treats a token already revoked as deleted", async () => {
    const state = await up("ApiToken", inputs());
    await api().apiTokens.delete(state.id);
    await expect(destroy("ApiToken", state)).resolves.toBeUndefined();
  });
});
