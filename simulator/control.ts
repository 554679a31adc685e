import type { SimulatorCore } from "./core";
import { FaultRuleError, parseFaultRules } from "./faults";
import { rateLimitProblem } from "./rate-limit";
import { REALISM_RULES, isRealismRule } from "./realism";

export const CONTROL_PREFIX = "/__simulator";

export interface ControlResult {
  status: number;
  body: unknown;
}

function error(status: number, code: string, message: string): ControlResult {
  return { status, body: { error: code, message } };
}

class ControlBodyError extends Error {}

/** The request body as JSON; an empty body is `null`. */
function json(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody === "" ? "null" : rawBody);
  } catch {
    throw new ControlBodyError("The body is not valid JSON.");
  }
}

function addFaults(core: SimulatorCore, rawBody: string): ControlResult {
  try {
    const rules = parseFaultRules(json(rawBody));
    core.faults.add(rules);
    return { status: 200, body: { added: rules.length, active: core.faults.list().length } };
  } catch (caught) {
    if (caught instanceof FaultRuleError) return error(400, "invalid_fault", caught.message);
    if (caught instanceof ControlBodyError) {
      return error(400, "invalid_fault", "The body must be a JSON array of fault rules.");
    }
    throw caught;
  }
}

/** `{"rules": [...]}` with known rule names only. */
function setRealism(core: SimulatorCore, rawBody: string): ControlResult {
  const body = json(rawBody);
  const rules = typeof body === "object" && body !== null ? (body as { rules?: unknown }).rules : undefined;
  if (!Array.isArray(rules)) {
    return error(400, "invalid_realism", 'The body must be {"rules": [...]}, a list of realism rules.');
  }
  const unknown = rules.filter((rule) => !isRealismRule(rule));
  if (unknown.length > 0) {
    return error(
      400,
      "invalid_realism",
      `Unknown realism rule ${unknown.map((rule) => JSON.stringify(rule)).join(", ")}: known rules are ${REALISM_RULES.join(", ")}.`,
    );
  }
  core.realism.rules = rules.filter(isRealismRule);
  return { status: 200, body: { rules: core.realism.rules } };
}

/** `{"requestsPerSecond": n}`; `null` (or `{"requestsPerSecond": null}`) switches the limit off. */
function setRateLimit(core: SimulatorCore, rawBody: string): ControlResult {
  const body = json(rawBody);
  const value = body === null ? null : (body as { requestsPerSecond?: unknown }).requestsPerSecond;
  const problem =
    typeof body !== "object" || value === undefined
      ? 'The body must be {"requestsPerSecond": n}, or null for no limit.'
      : rateLimitProblem(value);
  if (problem !== null) return error(400, "invalid_rate_limit", problem);
  core.rateLimiter.limit = value as number | null;
  return { status: 200, body: { requestsPerSecond: core.rateLimiter.limit } };
}

/**
 * The simulator's own endpoints (never part of Acquia's API): counters, fault injection, realism, the
 * rate limit, token expiry, credential rotation, state dump and reset. No authentication, no faults,
 * not counted.
 */
export function handleControl(
  core: SimulatorCore,
  method: string,
  path: string,
  rawBody: string,
  info: () => unknown,
): ControlResult {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length).replace(/\/+$/, "") || "/"}`;
  try {
    switch (route) {
      case "GET /":
      case "GET /info":
        return { status: 200, body: info() };
      case "GET /stats":
        return { status: 200, body: core.stats.snapshot() };
      case "GET /faults":
        return { status: 200, body: core.faults.list() };
      case "POST /faults":
        return addFaults(core, rawBody);
      case "DELETE /faults":
        core.faults.clear();
        return { status: 200, body: { message: "All faults cleared." } };
      case "GET /realism":
        return { status: 200, body: { rules: core.realism.rules } };
      case "POST /realism":
        return setRealism(core, rawBody);
      case "GET /rate-limit":
        return { status: 200, body: { requestsPerSecond: core.rateLimiter.limit } };
      case "POST /rate-limit":
        return setRateLimit(core, rawBody);
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
  } catch (caught) {
    if (caught instanceof ControlBodyError) return error(400, "invalid_body", caught.message);
    throw caught;
  }
}
