import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const REPO_ROOT = resolve(__dirname, "..", "..");
const RELATIVE = join("shared", "acquia-cloud-api", "acquia-spec.json");

/**
 * Where the official Acquia spec may live: ACQUIA_SPEC_PATH when set, else a `shared/` folder beside
 * the clone or beside any folder above it (CI lays a copy of shared/ next to its clone).
 */
function candidates(): string[] {
  const fromEnv = process.env["ACQUIA_SPEC_PATH"];
  if (fromEnv) return [fromEnv];
  const found: string[] = [];
  for (let dir = dirname(REPO_ROOT); ; dir = dirname(dir)) {
    found.push(join(dir, RELATIVE));
    if (dirname(dir) === dir) return found;
  }
}

/**
 * The spec's path, or undefined after saying loudly why the suite cannot run. Under CI=true a missing
 * spec is an error: green CI must mean the suite ran.
 */
export function locateAcquiaSpec(suite: string): string | undefined {
  const looked = candidates();
  const path = looked.find((p) => existsSync(p));
  if (path) return path;
  const message =
    `\n*** ${suite} CANNOT RUN: the Acquia spec was not found (looked in ${looked.join(", ")}). ` +
    `Set ACQUIA_SPEC_PATH. ${process.env["CI"] === "true" ? "Failing because CI=true." : "Skipped."} ***\n`;
  if (process.env["CI"] === "true") throw new Error(message);
  console.warn(message);
  return undefined;
}
