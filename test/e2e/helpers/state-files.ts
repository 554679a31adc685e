// What the file:// backend holds: every file (checkpoints, backups, history) as text, a stack's
// checkpoint (resources, operations a killed run left pending) and the locks a run holds.
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
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** An operation the engine started and never saw end (a run killed mid-way records them). */
export interface PendingOperation {
  resource: { urn: string; type: string };
  /** "creating", "updating", "deleting", … */
  type: string;
}

interface Checkpoint {
  resources: CheckpointResource[];
  pendingOperations: PendingOperation[];
}

export function checkpoint(backendDir: string, project: string, stack: string): Checkpoint {
  const file = join(backendDir, ".pulumi", "stacks", project, `${stack}.json`);
  const parsed = JSON.parse(readFileSync(file, "utf8")) as {
    checkpoint: { latest?: { resources?: CheckpointResource[]; pending_operations?: PendingOperation[] } };
  };
  const latest = parsed.checkpoint.latest;
  return { resources: latest?.resources ?? [], pendingOperations: latest?.pending_operations ?? [] };
}

export function checkpointResources(
  backendDir: string,
  project: string,
  stack: string,
): CheckpointResource[] {
  return checkpoint(backendDir, project, stack).resources;
}

/** The lock files a run holds on a stack (the file:// backend's locking). */
export function stackLocks(backendDir: string, project: string, stack: string): string[] {
  const dir = join(backendDir, ".pulumi", "locks", "organization", project, stack);
  try {
    return readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
}

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * Every 43-character base64url window of a text (the simulator's tokens are 32 random bytes in
 * base64url), so a token inside a longer string ("Bearer …", an error message) is found as well.
 */
export function tokenCandidates(text: string): string[] {
  const windows: string[] = [];
  for (const run of text.match(/[A-Za-z0-9_-]{43,}/g) ?? []) {
    for (let i = 0; i + 43 <= run.length; i++) windows.push(run.slice(i, i + 43));
  }
  return windows;
}
