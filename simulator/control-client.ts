import type { IssuedToken } from "./auth";
import type { FaultRule } from "./faults";
import type { SimulatorReadyLine } from "./index";
import type { State } from "./model";
import { REALISM_RULES, type RealismRule } from "./realism";
import type { StatsSnapshot } from "./stats";

/** A fault rule as posted; the simulator validates it (see simulator/README.md). */
export interface FaultRuleInput {
  method?: string;
  path?: string;
  status?: number;
  body?: unknown;
  retryAfter?: number;
  delayMs?: number;
  resetConnection?: "before" | "after";
  failTask?: boolean | string;
  stallTask?: boolean;
  taskDurationMs?: number;
  times?: number;
}

/** An active fault rule; `remaining` is null for rules without a limit (`times: 0`). */
export type ActiveFaultRule = FaultRule & { remaining: number | null };

export interface ControlResponse {
  status: number;
  body: unknown;
}

/** A control endpoint answered other than 2xx. */
export class SimulatorControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
    this.name = "SimulatorControlError";
  }
}

/**
 * A typed client of the simulator's control endpoints (`<url>/__simulator/…`), for tests, scripts
 * and benchmarks driving a simulator in this process or another one.
 */
export class SimulatorControl {
  private readonly base: string;

  /** `url` is the simulator's base URL (the ready line's `url`), not its API URL. */
  constructor(url: string) {
    this.base = `${url.replace(/\/+$/, "")}/__simulator`;
  }

  /** Any control endpoint, whatever its answer: the escape hatch for tests of the endpoints themselves. */
  async send(method: string, path: string, body?: unknown): Promise<ControlResponse> {
    const response = await fetch(`${this.base}/${path.replace(/^\/+/, "")}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
  }

  /** Any control endpoint; throws SimulatorControlError unless it answers 2xx. */
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    if (response.status < 200 || response.status > 299) {
      throw new SimulatorControlError(response.status, response.body, `${method} __simulator/${path}`);
    }
    return response.body as T;
  }

  /** The ready line: URLs, current demo credentials, seeded ids. */
  info(): Promise<SimulatorReadyLine> {
    return this.request("GET", "info");
  }

  stats(): Promise<StatsSnapshot> {
    return this.request("GET", "stats");
  }

  listFaults(): Promise<ActiveFaultRule[]> {
    return this.request("GET", "faults");
  }

  addFaults(rules: readonly FaultRuleInput[]): Promise<{ added: number; active: number }> {
    return this.request("POST", "faults", rules);
  }

  async clearFaults(): Promise<void> {
    await this.request("DELETE", "faults");
  }

  /** Every issued token, as its SHA-256 digest. */
  tokens(): Promise<IssuedToken[]> {
    return this.request("GET", "tokens");
  }

  /** Every issued token answers as expired from now on; resolves to how many there were. */
  async expireTokens(): Promise<number> {
    return (await this.request<{ expired: number }>("POST", "tokens/expire")).expired;
  }

  /** A new demo secret; the old one is refused from now on. */
  async rotateCredentials(): Promise<string> {
    return (await this.request<{ clientSecret: string }>("POST", "credentials/rotate")).clientSecret;
  }

  /** Every stored object. */
  state(): Promise<State> {
    return this.request("GET", "state");
  }

  /** Back to the seed and the start-up options; clears faults and stats. */
  async reset(): Promise<void> {
    await this.request("POST", "reset");
  }

  async realism(): Promise<RealismRule[]> {
    return (await this.request<{ rules: RealismRule[] }>("GET", "realism")).rules;
  }

  /** The realism rules to apply from now on (`true`: all, `false`: none); resolves to the rules in force. */
  async setRealism(rules: boolean | readonly RealismRule[]): Promise<RealismRule[]> {
    const list = rules === true ? REALISM_RULES : rules === false ? [] : rules;
    return (await this.request<{ rules: RealismRule[] }>("POST", "realism", { rules: list })).rules;
  }

  async rateLimit(): Promise<number | null> {
    return (await this.request<{ requestsPerSecond: number | null }>("GET", "rate-limit")).requestsPerSecond;
  }

  /** API requests per second before 429s; null switches the limit off. */
  async setRateLimit(requestsPerSecond: number | null): Promise<number | null> {
    return (
      await this.request<{ requestsPerSecond: number | null }>("POST", "rate-limit", { requestsPerSecond })
    ).requestsPerSecond;
  }
}
