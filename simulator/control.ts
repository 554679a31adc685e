import type { SimulatorCore } from "./core";
import { FaultRuleError, parseFaultRules } from "./faults";

export const CONTROL_PREFIX = "/__simulator";

export interface ControlResult {
  status: number;
  body: unknown;
}

function error(status: number, code: string, message: string): ControlResult {
  return { status, body: { error: code, message } };
}

/**
 * The simulator's own endpoints (never part of Acquia's API): counters, fault injection, token expiry,
 * credential rotation, state dump and reset. No authentication, no faults, not counted.
 */
export function handleControl(
  core: SimulatorCore,
  method: string,
  path: string,
  rawBody: string,
  info: () => unknown,
): ControlResult {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length).replace(/\/+$/, "") || "/"}`;
  switch (route) {
    case "GET /":
    case "GET /info":
      return { status: 200, body: info() };
    case "GET /stats":
      return { status: 200, body: core.stats };
    case "GET /faults":
      return { status: 200, body: core.faults.list() };
    case "POST /faults": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody === "" ? "null" : rawBody);
      } catch {
        return error(400, "invalid_fault", "The body must be a JSON array of fault rules.");
      }
      try {
        const rules = parseFaultRules(parsed);
        core.faults.add(rules);
        return { status: 200, body: { added: rules.length, active: core.faults.list().length } };
      } catch (caught) {
        if (caught instanceof FaultRuleError) return error(400, "invalid_fault", caught.message);
        throw caught;
      }
    }
    case "DELETE /faults":
      core.faults.clear();
      return { status: 200, body: { message: "All faults cleared." } };
    case "GET /tokens":
      // SHA-256 digests only: enough to prove a token was written somewhere, never usable.
      return { status: 200, body: core.auth.issued() };
    case "POST /tokens/expire":
      return { status: 200, body: { expired: core.auth.expireAll() } };
    case "POST /credentials/rotate":
      return { status: 200, body: { clientSecret: core.auth.rotateSecret() } };
    case "GET /state":
      return { status: 200, body: core.store.state };
    case "POST /reset":
      core.reset();
      return { status: 200, body: { message: "The simulator was reset to its seed." } };
    default:
      return error(404, "not_found", `Unknown simulator control endpoint: ${method} ${path}.`);
  }
}
