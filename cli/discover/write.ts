/**
 * Puts the generated files on disk all at once or not at all: they are written into a temporary
 * folder beside the target and moved into place only when every write succeeded.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { DiscoverError } from "./errors";

/** Refuses a target that holds anything, unless `force`: discover never mixes into someone's files silently. */
export function checkOutDir(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory())
    throw new DiscoverError("OUT_DIR_NOT_EMPTY", `--out ${dir} is a file: name a new or empty directory.`);
  if (!force && readdirSync(dir).length > 0)
    throw new DiscoverError(
      "OUT_DIR_NOT_EMPTY",
      `--out ${dir} is not empty: name a new or empty directory, or pass --force to overwrite the generated files in it.`,
    );
}

export function writeProject(dir: string, files: Record<string, string>, force: boolean): void {
  checkOutDir(dir, force);
  const parent = dirname(dir);
  let staging: string | undefined;
  try {
    mkdirSync(parent, { recursive: true });
    staging = mkdtempSync(join(parent, `.${basename(dir)}.discover-`));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, file)), { recursive: true });
      writeFileSync(join(staging, file), text, { mode: 0o644 });
    }
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    if (!existsSync(dir)) {
      renameSync(staging, dir);
      staging = undefined;
      return;
    }
    // --force into a folder with other files: only the generated files are replaced.
    for (const file of Object.keys(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      renameSync(join(staging, file), join(dir, file));
    }
  } catch (error) {
    throw new DiscoverError(
      "WRITE_FAILED",
      `Could not write the project to ${dir}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}
