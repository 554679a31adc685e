// What the reliability program declares for a given size, shared by the program and the suite (which
// counts the objects Acquia should hold). No imports: the program's copy compiles on its own.

/** Resources every size has: Connection, Team, TeamApplication, SshKey, EnvironmentSettings, Environment. */
export const FIXED_RESOURCES = 6;
export const MIN_SIZE = FIXED_RESOURCES + 1;

export const TEAM_NAME = "Reliability Team";
export const SSH_KEY_LABEL = "reliability_key";
export const CDE_LABEL = "Reliability";
export const CDE_BRANCH = "develop";

export interface Layout {
  /** Variables on the given (seeded) environment, by name. */
  variables: string[];
  /** Cron jobs on the program's CD environment, by label. */
  crons: string[];
  /** Domains on the given (seeded) environment, by hostname. */
  domains: string[];
}

/**
 * `size` resources in all (the Pulumi stack itself not counted): the fixed six, then a tenth each of
 * the rest as crons and domains, and variables for the remainder (20 of them at the usual size 30).
 */
export function layout(size: number): Layout {
  if (!Number.isInteger(size) || size < MIN_SIZE) throw new Error(`size must be an integer ≥ ${MIN_SIZE}`);
  const rest = size - FIXED_RESOURCES;
  const crons = Math.floor(rest / 10);
  const domains = Math.floor(rest / 10);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return {
    variables: range(rest - crons - domains).map((i) => `RELIABILITY_${i}`),
    crons: range(crons).map((i) => `Reliability cron ${i}`),
    domains: range(domains).map((i) => `r${i}.reliability.example.com`),
  };
}

/** A variable's value: the secret seed, the variable's name and the generation (bumped to update all). */
export function variableValue(seed: string, name: string, generation: string): string {
  return `${seed}-${name.toLowerCase()}-g${generation}`;
}
