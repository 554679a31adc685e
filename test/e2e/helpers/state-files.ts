// What the file:// backend holds: every file (checkpoints, backups, history) as text, and the
// resources of a stack's checkpoint.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface StateFile {
  path: string;
  text: string;
}

export function stateFiles(backendDir: string): StateFile[] {
  return readdirSync(backendDir, { recursive: true, encoding: "utf8" })
    .map((f) => join(backendDir, f))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

export interface CheckpointResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export function checkpointResources(
  backendDir: string,
  project: string,
  stack: string,
): CheckpointResource[] {
  const file = join(backendDir, ".pulumi", "stacks", project, `${stack}.json`);
  const checkpoint = JSON.parse(readFileSync(file, "utf8")) as {
    checkpoint: { latest?: { resources?: CheckpointResource[] } };
  };
  return checkpoint.checkpoint.latest?.resources ?? [];
}

/** Every string anywhere in a JSON text, for comparing against secrets by digest. */
export function jsonStrings(text: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  try {
    walk(JSON.parse(text));
  } catch {
    // Not JSON (a lock file, say): the plaintext checks still cover it.
  }
  return found;
}

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
