#!/usr/bin/env node
import {
  DEFAULT_HOST,
  DEFAULT_TASK_DURATION_MS,
  DEFAULT_TOKEN_TTL_SECONDS,
  startSimulator,
  type SimulatorOptions,
} from "./index";

const USAGE = `Usage: acquia-cloud-simulator [options]

A local, stateful simulator of the Acquia Cloud Platform API v2 and its OAuth token endpoint.
When ready it prints one JSON line (url, apiUrl, tokenUrl, demo credentials, seeded ids) to stdout;
request logs go to stderr.

Options:
  --host HOST             interface to bind (default ${DEFAULT_HOST})
  --port PORT             port to bind, 0 for any free port (default 0)
  --token-ttl SECONDS     access token lifetime (default ${DEFAULT_TOKEN_TTL_SECONDS})
  --latency MS            delay added to every API and token request (default 0)
  --task-duration MS      how long asynchronous tasks stay in progress (default ${DEFAULT_TASK_DURATION_MS})
  --state FILE            load state from FILE if it exists and save every change to it
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

export function parseArguments(argv: readonly string[]): SimulatorOptions | "help" {
  const options: SimulatorOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h" || arg === "--help") return "help";
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const known = ["--host", "--port", "--token-ttl", "--latency", "--task-duration", "--state"];
    if (!known.includes(flag)) throw new UsageError(`unknown option ${flag}.`);
    let value: string | undefined;
    if (eq > 0 && arg.startsWith("--")) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--"))
        throw new UsageError(`option ${flag} requires a value.`);
      i++;
    }
    switch (flag) {
      case "--host":
        if (value.trim() === "") throw new UsageError("--host must not be empty.");
        options.host = value;
        break;
      case "--port":
        options.port = numberOption(flag, value, true, 0, 65535);
        break;
      case "--token-ttl":
        options.tokenTtlSeconds = numberOption(flag, value, false, 0.001, 86400 * 365);
        break;
      case "--latency":
        options.latencyMs = numberOption(flag, value, false, 0, 600_000);
        break;
      case "--task-duration":
        options.taskDurationMs = numberOption(flag, value, false, 0, 86_400_000);
        break;
      case "--state":
        if (value.trim() === "") throw new UsageError("--state must name a file.");
        options.stateFile = value;
        break;
    }
  }
  return options;
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
