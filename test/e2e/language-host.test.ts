// Pulumi.yaml projects through the `pulumi` CLI binary, as a user runs them (not the Automation API): this
// needs the Node.js language host, `pulumi-language-nodejs`, which scripts/install-pulumi-cli.sh builds
// from scripts/pulumi-language-nodejs beside the CLI. Each project is a temp dir whose node_modules links
// to the repository's, with a TypeScript program (run by the SDK's ts-node) that creates a dynamic
// resource and reads stack config, plain and secret. The suite checks up, a no-change preview, outputs,
// a program error (a clear failure, not a hang), a project whose `main` is a subdirectory, a project
// without @pulumi/pulumi, and destroy. The dynamic resources touch nothing outside the sandbox, whose
// removal also drops the file:// backend holding their state.
import { execFile } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import {
  createSandbox,
  describeWithPulumi,
  findLanguageHost,
  isCI,
  LANGUAGE_HOST,
  REPO_ROOT,
  type PulumiCli,
  type PulumiSandbox,
} from "./helpers/pulumi-cli";

/** Long enough for a cold ts-node compile on two cores; a hang fails instead of stalling the suite. */
const COMMAND_TIMEOUT_MS = 4 * 60_000;

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const x = config.require("x");
const token = config.requireSecret("token");

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: \`thing-\${inputs.x}\`, outs: { ...inputs, made: \`made \${inputs.x}\` } };
  },
  async diff(_id, olds, news) {
    return { changes: olds.x !== news.x };
  },
};

class Thing extends pulumi.dynamic.Resource {
  declare readonly made: pulumi.Output<string>;
  constructor(name: string, x: pulumi.Input<string>) {
    super(provider, name, { x, made: undefined });
  }
}

if (process.env.LH_E2E_THROW) throw new Error(process.env.LH_E2E_THROW);

const thing = new Thing("thing", x);
export const id = thing.id;
export const made = thing.made;
export const tokenLength = token.apply((t) => t.length);
export const stack = pulumi.getStack();
export const project = pulumi.getProject();
export const typescript = process.env.PULUMI_NODEJS_TYPESCRIPT ?? "unset";
export const cwd = process.cwd();
`;

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Writes a project dir: Pulumi.yaml, the given files, and node_modules linked to the repository's. */
function writeProject(
  dir: string,
  pulumiYaml: string,
  files: Record<string, string>,
  linkModules = true,
): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Pulumi.yaml"), pulumiYaml);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  if (linkModules) symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
}

function describeWithLanguageHost(name: string, fn: (cli: PulumiCli, hostDir: string) => void): void {
  describeWithPulumi(name, (cli) => {
    const hostDir = findLanguageHost(cli);
    if (hostDir) {
      fn(cli, hostDir);
      return;
    }
    const message =
      `${LANGUAGE_HOST} not found beside ${cli.pulumi}, on PATH, or in the install script's cache: ` +
      "run `npm run setup:pulumi` (it builds it from scripts/pulumi-language-nodejs).";
    if (isCI()) {
      test("the Node.js language host is available", () => {
        throw new Error(message);
      });
    } else {
      console.warn(message);
      test.skip(`needs ${LANGUAGE_HOST} (run \`npm run setup:pulumi\`)`, () => undefined);
    }
  });
}

describeWithLanguageHost("pulumi-language-nodejs: Pulumi.yaml projects through the CLI", (cli, hostDir) => {
  let sandbox: PulumiSandbox;
  let projectDir: string;

  /** Runs `pulumi <args>` in `cwd`; never rejects, so tests assert on the exit code and output. */
  const pulumi = (cwd: string, args: string[], env: Record<string, string> = {}): Promise<CommandResult> =>
    new Promise((resolve) => {
      const path = [hostDir, sandbox.env.PATH].join(delimiter);
      execFile(
        cli.pulumi,
        [...args, "--non-interactive", "--color", "never"],
        { cwd, env: { ...process.env, ...sandbox.env, PATH: path, ...env }, timeout: COMMAND_TIMEOUT_MS },
        (error, stdout, stderr) => {
          const timedOut = error?.killed ? `\n[killed after ${COMMAND_TIMEOUT_MS} ms]` : "";
          const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
          resolve({ code, stdout, stderr: stderr + timedOut });
        },
      );
    });

  const outputs = async (cwd: string, ...flags: string[]): Promise<Record<string, unknown>> => {
    const result = await pulumi(cwd, ["stack", "output", "--json", "--stack", "dev", ...flags]);
    expect(result).toMatchObject({ code: 0 });
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  beforeAll(async () => {
    sandbox = await createSandbox(cli);
    projectDir = join(sandbox.root, "lh-e2e");
    writeProject(projectDir, "name: lh-e2e\nruntime: nodejs\n", {
      "package.json": JSON.stringify({ name: "lh-e2e", private: true }),
      "index.ts": PROGRAM,
    });
    for (const args of [
      ["stack", "init", "dev"],
      ["config", "set", "x", "1", "--stack", "dev"],
      ["config", "set", "--secret", "token", "abcdef", "--stack", "dev"],
    ]) {
      expect(await pulumi(projectDir, args)).toMatchObject({ code: 0 });
    }
  });

  afterAll(async () => {
    await sandbox?.cleanup();
  });

  test("up runs the TypeScript program through the language host and creates the resource", async () => {
    const up = await pulumi(projectDir, ["up", "--yes", "--stack", "dev"]);

    expect(up).toMatchObject({ code: 0 });
    expect(up.stdout).toContain("2 created");
    expect(await outputs(projectDir, "--show-secrets")).toEqual({
      id: "thing-1",
      made: "made 1",
      tokenLength: 6,
      stack: "dev",
      project: "lh-e2e",
      typescript: "true",
      cwd: projectDir,
    });
    // The output derived from a secret config value stays secret.
    expect(await outputs(projectDir)).toMatchObject({ tokenLength: "[secret]" });
  });

  test("preview --expect-no-changes passes while nothing changed", async () => {
    const preview = await pulumi(projectDir, ["preview", "--expect-no-changes", "--stack", "dev"]);

    expect(preview).toMatchObject({ code: 0 });
    expect(preview.stdout).toContain("2 unchanged");
  });

  test("preview --expect-no-changes fails after a config change (so the check above means something)", async () => {
    expect(await pulumi(projectDir, ["config", "set", "x", "2", "--stack", "dev"])).toMatchObject({
      code: 0,
    });
    try {
      const preview = await pulumi(projectDir, ["preview", "--expect-no-changes", "--stack", "dev"]);
      expect(preview.code).not.toBe(0);
      expect(preview.stdout).toMatch(/1 to update|1 to replace/);
    } finally {
      expect(await pulumi(projectDir, ["config", "set", "x", "1", "--stack", "dev"])).toMatchObject({
        code: 0,
      });
    }
  });

  test("a program that throws fails the update with its own message and deletes nothing", async () => {
    const up = await pulumi(projectDir, ["up", "--yes", "--stack", "dev"], {
      LH_E2E_THROW: "boom from the e2e program",
    });

    expect(up.code).not.toBe(0);
    const output = up.stdout + up.stderr;
    expect(output).toContain("boom from the e2e program");
    // The SDK reported it and exited with 32, so the host adds no vaguer second error.
    expect(output).not.toContain("Program exited with non-zero exit code");
    // An update whose program failed must not delete what the program did not get to declare.
    expect(await outputs(projectDir)).toMatchObject({ id: "thing-1" });
  });

  test("a project whose main is a subdirectory runs from that subdirectory", async () => {
    const dir = join(sandbox.root, "lh-e2e-main");
    writeProject(dir, "name: lh-e2e-main\nruntime: nodejs\nmain: app/\n", {
      "package.json": JSON.stringify({ name: "lh-e2e-main", private: true }),
      "app/package.json": JSON.stringify({ name: "lh-e2e-main-app", private: true, main: "index.ts" }),
      "app/index.ts": PROGRAM,
    });
    for (const args of [
      ["stack", "init", "dev"],
      ["config", "set", "x", "7", "--stack", "dev"],
      ["config", "set", "--secret", "token", "abc", "--stack", "dev"],
    ]) {
      expect(await pulumi(dir, args)).toMatchObject({ code: 0 });
    }

    expect(await pulumi(dir, ["up", "--yes", "--stack", "dev"])).toMatchObject({ code: 0 });
    expect(await outputs(dir, "--show-secrets")).toMatchObject({
      id: "thing-7",
      tokenLength: 3,
      project: "lh-e2e-main",
      cwd: join(dir, "app"),
    });
    expect(await pulumi(dir, ["preview", "--expect-no-changes", "--stack", "dev"])).toMatchObject({
      code: 0,
    });
    expect(await pulumi(dir, ["destroy", "--yes", "--stack", "dev"])).toMatchObject({ code: 0 });
  });

  test("a project without @pulumi/pulumi installed fails with what to do", async () => {
    const dir = join(sandbox.root, "lh-e2e-no-sdk");
    writeProject(dir, "name: lh-e2e-no-sdk\nruntime: nodejs\n", { "index.ts": PROGRAM }, false);
    expect(await pulumi(dir, ["stack", "init", "dev"])).toMatchObject({ code: 0 });

    const preview = await pulumi(dir, ["preview", "--stack", "dev"]);

    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toContain(`@pulumi/pulumi is not installed in ${dir}`);
    expect(preview.stdout + preview.stderr).toContain("run `npm install`");
  });

  test("destroy deletes the resource and leaves no outputs", async () => {
    const destroy = await pulumi(projectDir, ["destroy", "--yes", "--stack", "dev"]);

    expect(destroy).toMatchObject({ code: 0 });
    expect(destroy.stdout).toContain("2 deleted");
    expect(await outputs(projectDir)).toEqual({});
  });
});
