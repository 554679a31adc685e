/**
 * Every kind, found by its folder: a folder under provider/kinds with a definition is a kind. Lists
 * derived from this (tests, the README reference, the plugin schema) never need a line per kind.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { AnyKind } from "./kind";

/** The kind folders, in name order. */
export function kindFolders(): string[] {
  return readdirSync(__dirname, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) =>
      ["definition.js", "definition.ts"].some((f) => existsSync(join(__dirname, entry.name, f))),
    )
    .map((entry) => entry.name)
    .sort();
}

/** Every kind's definition, in folder order. */
export function allKinds(): AnyKind[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one module per folder, found at run time
  return kindFolders().map((folder) => (require(`./${folder}/definition`) as { kind: AnyKind }).kind);
}
