import { SimulatorControl } from "./control-client";
import { SimulatorCore } from "./core";
import { rateLimitProblem } from "./rate-limit";
import { realismRules, type RealismOption } from "./realism";
import { SEED } from "./seed";
import { API_PREFIX, HttpServer, TOKEN_PATH } from "./server";

export interface SimulatorOptions {
  /** Interface to bind. Default 127.0.0.1: the simulator never listens beyond loopback unless told to. */
  host?: string;
  /** Port to bind; 0 (default) picks a free one. */
  port?: number;
  /** Lifetime of issued access tokens, in seconds. Default 300, like Acquia. */
  tokenTtlSeconds?: number;
  /** Delay added to every API and token request, in milliseconds. Default 0. */
  latencyMs?: number;
  /** How long an asynchronous task stays in progress, in milliseconds. Default 1000. */
  taskDurationMs?: number;
  /** JSON file to load state from (if it exists) and write every change to. Default: in memory only. */
  stateFile?: string;
  /**
   * Answer like Acquia where it differs from the spec's examples: `true` (default) applies every
   * realism rule, `false` none, a list only those (see REALISM_RULES).
   */
  realism?: RealismOption;
  /** An API gateway's request limit: past it, API requests answer 429 with Retry-After. Default none. */
  rateLimit?: { requestsPerSecond: number };
  /** Receives one line per request (method, path, status, duration) — never a secret or token. */
  logger?: (line: string) => void;
}

export interface SimulatorEnvironments {
  dev: string;
  test: string;
  prod: string;
}

/** The JSON object the CLI prints on its single ready line. */
export interface SimulatorReadyLine {
  url: string;
  apiUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  organizationUuid: string;
  federatedOrganizationUuid: string;
  applicationUuid: string;
  federatedApplicationUuid: string;
  environments: SimulatorEnvironments;
  /** An application of the main organization whose type Acquia reports as null (nullFields). */
  legacyApplicationUuid: string;
  /** Objects of an organization the demo account is not a member of (hideInvisible: they answer 404). */
  foreignOrganizationUuid: string;
  foreignApplicationUuid: string;
  foreignEnvironmentId: string;
}

export interface Simulator {
  readonly url: string;
  readonly apiUrl: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  /** The current demo secret (changes after `POST /__simulator/credentials/rotate`). */
  readonly clientSecret: string;
  readonly organizationUuid: string;
  readonly federatedOrganizationUuid: string;
  readonly applicationUuid: string;
  readonly federatedApplicationUuid: string;
  readonly environments: SimulatorEnvironments;
  readonly legacyApplicationUuid: string;
  readonly foreignOrganizationUuid: string;
  readonly foreignApplicationUuid: string;
  readonly foreignEnvironmentId: string;
  /** A client of this simulator's control endpoints (stats, faults, realism, rate limit, reset, …). */
  readonly control: SimulatorControl;
  readyLine(): SimulatorReadyLine;
  /** Closes the server and every open connection; pending tasks are dropped (persisted ones resume). */
  stop(): Promise<void>;
}

export const DEFAULT_HOST = "127.0.0.1";

/** The seeded objects that exist for the realism rules, as the ready line names them. */
const SEEDED_EXTRAS = {
  legacyApplicationUuid: SEED.legacyApplicationUuid,
  foreignOrganizationUuid: SEED.foreignOrganizationUuid,
  foreignApplicationUuid: SEED.foreignApplicationUuid,
  foreignEnvironmentId: SEED.foreignEnvironments.prod,
};
export const DEFAULT_TOKEN_TTL_SECONDS = 300;
export const DEFAULT_TASK_DURATION_MS = 1000;

function check(name: string, value: number, integer: boolean, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be ${integer ? "an integer" : "a number"} between ${min} and ${max}.`);
  }
  return value;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? DEFAULT_HOST;
  const port = check("port", options.port ?? 0, true, 0, 65535);
  const tokenTtlSeconds = check(
    "tokenTtlSeconds",
    options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    false,
    0.001,
    86400 * 365,
  );
  const latencyMs = check("latencyMs", options.latencyMs ?? 0, false, 0, 600_000);
  const taskDurationMs = check(
    "taskDurationMs",
    options.taskDurationMs ?? DEFAULT_TASK_DURATION_MS,
    false,
    0,
    86_400_000,
  );

  const realism = realismRules(options.realism);
  const requestsPerSecond = options.rateLimit?.requestsPerSecond ?? null;
  const problem = rateLimitProblem(requestsPerSecond);
  if (problem !== null) throw new RangeError(`rateLimit.${problem}`);

  const core = new SimulatorCore({
    stateFile: options.stateFile,
    tokenTtlSeconds,
    taskDurationMs,
    realism,
    requestsPerSecond,
  });
  let readyLine: () => SimulatorReadyLine = () => {
    throw new Error("The simulator is not listening yet.");
  };
  const server = new HttpServer(core, {
    host,
    port,
    latencyMs,
    logger: options.logger,
    info: () => readyLine(),
  });
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    core.tasks.stop();
    throw error;
  }

  readyLine = () => ({
    url,
    apiUrl: `${url}${API_PREFIX}`,
    tokenUrl: `${url}${TOKEN_PATH}`,
    clientId: core.store.credentials.clientId,
    clientSecret: core.store.credentials.clientSecret,
    organizationUuid: SEED.organizationUuid,
    federatedOrganizationUuid: SEED.federatedOrganizationUuid,
    applicationUuid: SEED.applicationUuid,
    federatedApplicationUuid: SEED.federatedApplicationUuid,
    environments: { ...SEED.environments },
    ...SEEDED_EXTRAS,
  });

  let stopped: Promise<void> | undefined;
  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    tokenUrl: `${url}${TOKEN_PATH}`,
    get clientId() {
      return core.store.credentials.clientId;
    },
    get clientSecret() {
      return core.store.credentials.clientSecret;
    },
    organizationUuid: SEED.organizationUuid,
    federatedOrganizationUuid: SEED.federatedOrganizationUuid,
    applicationUuid: SEED.applicationUuid,
    federatedApplicationUuid: SEED.federatedApplicationUuid,
    environments: { ...SEED.environments },
    ...SEEDED_EXTRAS,
    control: new SimulatorControl(url),
    readyLine: () => readyLine(),
    stop: () => {
      stopped ??= (async () => {
        core.tasks.stop();
        await server.close();
      })();
      return stopped;
    },
  };
}

export { SEED, SEED_CREDENTIALS, SEED_IDP_CERTIFICATE } from "./seed";
export { MESSAGE_ONLY_OPERATIONS, REALISM_RULES, type RealismOption, type RealismRule } from "./realism";
export type { StatsSnapshot, TaskStats } from "./stats";
export type { IssuedToken } from "./auth";
export type { State as SimulatorState } from "./model";
export {
  SimulatorControl,
  SimulatorControlError,
  type ActiveFaultRule,
  type ControlResponse,
  type FaultRuleInput,
} from "./control-client";
