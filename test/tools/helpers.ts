// The tools the plugin mode is built with, found the way scripts/test-e2e.sh and .ci/run provide them,
// and a `describe` that runs a suite only when its tool is there: without it the suite is skipped with
// a loud message, except under CI=true, where it fails (as the end-to-end suites do without a CLI).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { cachedCliDir, isCI } from "../e2e/helpers/pulumi-cli";

export const REPO_ROOT = join(__dirname, "..", "..");
export const GENERATOR = "gen-nodejs-sdk";

/** A tool's path, or why there is none and how to get it. */
export type Found = { path: string } | { missing: string; remedy: string };

/**
 * The hash scripts/lib/go-build.sh stamps a build with: sha256 over `sha256sum`'s lines for the
 * module's go.mod, go.sum and Go files, sorted by path as `LC_ALL=C sort` sorts them.
 */
export function sourceHash(moduleDir: string): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.go$|^go\.(mod|sum)$/.test(entry.name)) files.push(`./${relative(moduleDir, path)}`);
    }
  };
  walk(moduleDir);
  const lines = files
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map(
      (file) =>
        `${createHash("sha256")
          .update(readFileSync(join(moduleDir, file)))
          .digest("hex")}  ${file}\n`,
    );
  return createHash("sha256").update(lines.join("")).digest("hex");
}

/**
 * gen-nodejs-sdk: `$GEN_NODEJS_SDK` (scripts/test-e2e.sh and .ci/run set it after building or finding
 * it), else the cached build, if it was built from the current scripts/gen-nodejs-sdk.
 */
export function findGenerator(env: NodeJS.ProcessEnv = process.env): Found {
  const remedy =
    "run `bash scripts/install-gen-nodejs-sdk.sh` (builds it from the Go module proxy; Go 1.26+), " +
    "or set GEN_NODEJS_SDK to its path";
  if (env.GEN_NODEJS_SDK) {
    return existsSync(env.GEN_NODEJS_SDK)
      ? { path: env.GEN_NODEJS_SDK }
      : { missing: `GEN_NODEJS_SDK=${env.GEN_NODEJS_SDK} does not exist`, remedy };
  }
  const dir = cachedCliDir(env);
  const path = join(dir, GENERATOR);
  if (!existsSync(path)) return { missing: `no ${GENERATOR} in ${dir} and GEN_NODEJS_SDK is unset`, remedy };
  const stamp = join(dir, `.${GENERATOR}.sha256`);
  const built = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "(no stamp)";
  if (built !== sourceHash(join(REPO_ROOT, "scripts", GENERATOR))) {
    return { missing: `${path} was built from other sources than scripts/${GENERATOR}`, remedy };
  }
  return { path };
}

/** `describe` for a suite that needs a tool: skipped loudly without it, failed under CI=true. */
export function describeWith(name: string, found: Found, fn: (path: string) => void): void {
  if ("path" in found) {
    describe(name, () => fn(found.path));
    return;
  }
  const bar = "!".repeat(100);
  const message = [
    bar,
    `!! ${name}: cannot run: ${found.missing}.`,
    `!! To get it: ${found.remedy}.`,
    isCI()
      ? "!! CI=true: a missing tool is a FAILURE, not a skip."
      : "!! Skipping (under CI=true it would fail).",
    bar,
  ].join("\n");
  describe(name, () => {
    if (isCI()) {
      test("its tool is available", () => {
        throw new Error(message);
      });
    } else {
      console.warn(message);
      test.skip(`needs a tool: ${found.missing}`, () => undefined);
    }
  });
}
