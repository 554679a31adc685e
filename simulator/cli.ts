#!/usr/bin/env node
import { parseArgs } from "node:util";
import {
  DEFAULT_HOST,
  DEFAULT_TASK_DURATION_MS,
  DEFAULT_TOKEN_TTL_SECONDS,
  startSimulator,
  type SimulatorOptions,
} from "./index";
import { MAX_REQUESTS_PER_SECOND } from "./rate-limit";
import { REALISM_RULES, isRealismRule, type RealismOption } from "./realism";

const USAGE = `Usage: acquia-cloud-simulator [options]

A local, stateful simulator of the Acquia Cloud Platform API v2 and its OAuth token endpoint.
When ready it prints one JSON line (url, apiUrl, tokenUrl, demo credentials, seeded ids) to stdout;
request logs go to stderr. Control endpoints (stats, faults, realism, rate-limit, tokens,
tokens/expire, credentials/rotate, state, reset, info) live under <url>/__simulator/.

Options:
  --host HOST             interface to bind (default ${DEFAULT_HOST})
  --port PORT             port to bind, 0 for any free port (default 0)
  --token-ttl SECONDS     access token lifetime (default ${DEFAULT_TOKEN_TTL_SECONDS})
  --latency MS            delay added to every API and token request (default 0)
  --task-duration MS      how long asynchronous tasks stay in progress (default ${DEFAULT_TASK_DURATION_MS})
  --state FILE            load state from FILE if it exists and save every change to it
  --realism RULES         answer like Acquia where it differs from the spec's examples: all
                          (default), none, or a comma-separated list of
                          ${REALISM_RULES.join(", ")}
  --rate-limit N          answer API requests past N per second with 429 and Retry-After
                          (default: no limit; token requests are never limited)
  -h, --help              show this help
`;

class UsageError extends Error {}

function numberOption(flag: string, raw: string, integer: boolean, min: number, max: number): number {
  const value = Number(raw);
  if (
    raw.trim() === "" ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new UsageError(
      `${flag} must be ${integer ? "an integer" : "a number"} between ${min} and ${max}, got "${raw}".`,
    );
  }
  return value;
}

/** The CLI's options as `node:util` parseArgs declares them; every value is validated below. */
const OPTIONS = {
  host: { type: "string" },
  port: { type: "string" },
  "token-ttl": { type: "string" },
  latency: { type: "string" },
  "task-duration": { type: "string" },
  state: { type: "string" },
  realism: { type: "string" },
  "rate-limit": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function parseFlags(argv: readonly string[]): ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>> {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    // parseArgs names the offending flag ("Unknown option '--bogus'"); those are usage errors.
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) {
      throw new UsageError((error as Error).message.split("\n")[0] ?? String(error));
    }
    throw error;
  }
}

export function parseArguments(argv: readonly string[]): SimulatorOptions | "help" {
  const { values } = parseFlags(argv);
  if (values.help === true) return "help";
  const options: SimulatorOptions = {};
  if (values.host !== undefined) {
    if (values.host.trim() === "") throw new UsageError("--host must not be empty.");
    options.host = values.host;
  }
  if (values.port !== undefined) options.port = numberOption("--port", values.port, true, 0, 65535);
  if (values["token-ttl"] !== undefined) {
    options.tokenTtlSeconds = numberOption("--token-ttl", values["token-ttl"], false, 0.001, 86400 * 365);
  }
  if (values.latency !== undefined) {
    options.latencyMs = numberOption("--latency", values.latency, false, 0, 600_000);
  }
  if (values["task-duration"] !== undefined) {
    options.taskDurationMs = numberOption("--task-duration", values["task-duration"], false, 0, 86_400_000);
  }
  if (values.state !== undefined) {
    if (values.state.trim() === "") throw new UsageError("--state must name a file.");
    options.stateFile = values.state;
  }
  if (values.realism !== undefined) options.realism = realismOption(values.realism);
  if (values["rate-limit"] !== undefined) {
    const requestsPerSecond = numberOption(
      "--rate-limit",
      values["rate-limit"],
      true,
      1,
      MAX_REQUESTS_PER_SECOND,
    );
    options.rateLimit = { requestsPerSecond };
  }
  return options;
}

/** `all`, `none`, or a comma-separated list of realism rules. */
function realismOption(raw: string): RealismOption {
  const value = raw.trim();
  if (value === "all") return true;
  if (value === "none") return false;
  const rules = value.split(",").map((rule) => rule.trim());
  const unknown = rules.filter((rule) => !isRealismRule(rule));
  if (value === "" || unknown.length > 0) {
    throw new UsageError(
      `--realism takes all, none or a comma-separated list of ${REALISM_RULES.join(", ")}; got "${raw}".`,
    );
  }
  return rules.filter(isRealismRule);
}

async function main(): Promise<void> {
  let parsed: SimulatorOptions | "help";
  try {
    parsed = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`acquia-cloud-simulator: ${error.message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  if (parsed === "help") {
    process.stdout.write(USAGE);
    return;
  }
  const simulator = await startSimulator({
    ...parsed,
    logger: (line) => process.stderr.write(`${line}\n`),
  }).catch((error: unknown) => {
    process.stderr.write(`acquia-cloud-simulator: cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  });
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void simulator.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  process.stdout.write(`${JSON.stringify(simulator.readyLine())}\n`);
}

if (require.main === module) {
  void main();
}
