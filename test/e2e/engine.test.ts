// The engine round trip with the real Pulumi CLI, before any of our resources exist: a minimal dynamic
// resource defined here goes through up, a no-change preview, and destroy on a file:// backend. It
// proves the pieces our real resources rely on: the CLI runs inline programs without a language host,
// the bundled `pulumi-resource-pulumi-nodejs` plugin starts our serialized provider in its own process
// (with the environment we pass and the project `main` as cwd), our diff decides "no change", and
// the serialized provider stored in state carries no path of this machine.
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type * as NodeFs from "node:fs";
import type * as NodePath from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { Stack } from "@pulumi/pulumi/automation";
import { createSandbox, describeWithPulumi, REPO_ROOT, type PulumiSandbox } from "./helpers/pulumi-cli";

interface EchoInputs {
  greeting: string;
  size: number;
}

/** One line per provider call, written by the provider process into $E2E_MARKER_DIR. */
interface ProviderCall {
  method: string;
  id: string;
  pid: number;
  cwd: string;
}

// Serialized into state as `__provider`. Captures only `recordCall` (a plain function); `fs` and
// `path` are required at run time inside the provider process, as our real shims will do.
function recordCall(method: string, id: string): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const fs = require("node:fs") as typeof NodeFs;
  const path = require("node:path") as typeof NodePath;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const dir = process.env.E2E_MARKER_DIR;
  if (!dir) throw new Error("E2E_MARKER_DIR is not set in the provider process");
  const call = { method, id, pid: process.pid, cwd: process.cwd() };
  fs.appendFileSync(path.join(dir, "calls.jsonl"), JSON.stringify(call) + "\n");
}

const echoProvider: pulumi.dynamic.ResourceProvider<EchoInputs> = {
  async create(inputs) {
    const id = `echo-${inputs.greeting}`;
    recordCall("create", id);
    return {
      id,
      outs: { greeting: inputs.greeting, size: inputs.size, echo: `${inputs.greeting} x${inputs.size}` },
    };
  },
  async diff(id, olds, news) {
    recordCall("diff", id);
    return { changes: olds.greeting !== news.greeting || olds.size !== news.size };
  },
  async update(id, _olds, news) {
    recordCall("update", id);
    return { outs: { greeting: news.greeting, size: news.size, echo: `${news.greeting} x${news.size}` } };
  },
  async delete(id) {
    recordCall("delete", id);
  },
};

class Echo extends pulumi.dynamic.Resource {
  declare readonly greeting: pulumi.Output<string>;
  declare readonly size: pulumi.Output<number>;
  declare readonly echo: pulumi.Output<string>;

  constructor(name: string, args: { greeting: pulumi.Input<string>; size: pulumi.Input<number> }) {
    super(echoProvider, name, { ...args, echo: undefined }, undefined, "e2e", "Echo");
  }
}

const ECHO_TYPE = "pulumi-nodejs:dynamic/e2e:Echo";

const program = async () => {
  const config = new pulumi.Config();
  const echo = new Echo("echo", { greeting: config.require("greeting"), size: 3 });
  return { id: echo.id, greeting: echo.greeting, size: echo.size, echo: echo.echo };
};

/** Absolute paths of this machine that must never end up in serialized provider code. */
function machinePaths(sandbox: PulumiSandbox): string[] {
  return [
    REPO_ROOT,
    process.cwd(),
    homedir(),
    tmpdir(),
    sandbox.root,
    dirname(process.execPath),
    dirname(require.resolve("@pulumi/pulumi/package.json")),
    "node_modules",
  ];
}

function leakedPaths(text: string, paths: string[]): string[] {
  return paths.filter((p) => text.includes(p));
}

interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

async function resourcesOf(stack: Stack): Promise<StateResource[]> {
  const state = await stack.exportStack();
  return (state.deployment?.resources ?? []) as StateResource[];
}

describeWithPulumi("Pulumi engine with a minimal dynamic resource (file:// backend)", (cli) => {
  let sandbox: PulumiSandbox;
  let stack: Stack;
  let markerDir: string;

  const calls = (): ProviderCall[] => {
    const file = join(markerDir, "calls.jsonl");
    if (!existsSync(file)) return [];
    return readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as ProviderCall);
  };

  beforeAll(async () => {
    sandbox = await createSandbox(cli);
    markerDir = mkdtempSync(join(sandbox.root, "markers-"));
    stack = await sandbox.createStack({
      program,
      projectName: "e2e",
      config: { "e2e:greeting": "hello" },
      env: { E2E_MARKER_DIR: markerDir },
    });
  });

  afterAll(async () => {
    await sandbox?.cleanup();
  });

  test("the sandbox uses the CLI found and keeps its state in a temp dir", async () => {
    expect(realpathSync(sandbox.pulumiCommand.command)).toBe(realpathSync(cli.pulumi));
    expect(sandbox.pulumiCommand.version?.format()).toMatch(/^3\.\d+\.\d+/);
    expect(await stack.workspace.whoAmI()).toMatchObject({ url: sandbox.backendUrl });
    expect(readdirSync(sandbox.root)).toEqual(expect.arrayContaining(["home", "state"]));
  });

  test("up creates the resource through the provider process and returns its outputs", async () => {
    const up = await stack.up();

    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.kind).toBe("update");
    // The stack itself and our resource (the default pulumi-nodejs provider is not counted).
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    expect(up.outputs.id?.value).toBe("echo-hello");
    expect(up.outputs.greeting?.value).toBe("hello");
    expect(up.outputs.size?.value).toBe(3);
    expect(up.outputs.echo?.value).toBe("hello x3");

    const created = calls().filter((c) => c.method === "create");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ id: "echo-hello", cwd: REPO_ROOT });
    // The provider ran out of process, started by the engine (not in this Jest worker).
    expect(created[0]?.pid).not.toBe(process.pid);
  });

  test("state holds the resource with a serialized provider free of this machine's paths", async () => {
    const resources = await resourcesOf(stack);
    expect(resources.map((r) => r.type)).toEqual([
      "pulumi:pulumi:Stack",
      "pulumi:providers:pulumi-nodejs",
      ECHO_TYPE,
    ]);
    const echo = resources.find((r) => r.type === ECHO_TYPE);
    expect(echo?.id).toBe("echo-hello");
    expect(echo?.inputs).toMatchObject({ greeting: "hello", size: 3 });
    expect(echo?.outputs).toMatchObject({ greeting: "hello", size: 3, echo: "hello x3" });

    const text = echo?.inputs?.__provider;
    if (typeof text !== "string") throw new Error(`__provider is not plain text: ${JSON.stringify(text)}`);
    // The host copies the provider text into the outputs too (it is stored twice).
    expect(echo?.outputs?.__provider).toBe(text);
    expect(text).toContain("exports.handler");
    expect(text).toContain("recordCall");
    expect(text).toContain('require("node:fs")');
    expect(leakedPaths(text, machinePaths(sandbox))).toEqual([]);
  });

  test("the path check would catch a captured absolute path", () => {
    const paths = machinePaths(sandbox);
    expect(leakedPaths(`const p = ${JSON.stringify(join(REPO_ROOT, "dist"))};`, paths)).toContain(REPO_ROOT);
    expect(leakedPaths('require("pkg/runtime")', paths)).toEqual([]);
  });

  test("preview with unchanged inputs reports no changes, decided by our diff", async () => {
    const diffsBefore = calls().filter((c) => c.method === "diff").length;

    const preview = await stack.preview();

    expect(preview.changeSummary).toEqual({ same: 2 });
    for (const op of ["create", "update", "replace", "delete"] as const) {
      expect(preview.changeSummary[op] ?? 0).toBe(0);
    }
    expect(calls().filter((c) => c.method === "diff").length).toBe(diffsBefore + 1);
  });

  test("preview with a changed input reports an update (so the no-change result is meaningful)", async () => {
    await stack.setConfig("e2e:greeting", { value: "changed" });
    try {
      const preview = await stack.preview();
      expect(preview.changeSummary).toEqual({ same: 1, update: 1 });
    } finally {
      await stack.setConfig("e2e:greeting", { value: "hello" });
    }
    // A preview never calls update.
    expect(calls().filter((c) => c.method === "update")).toEqual([]);
  });

  test("destroy deletes the resource through the provider and empties the state", async () => {
    const destroy = await stack.destroy();

    expect(destroy.summary.result).toBe("succeeded");
    expect(destroy.summary.kind).toBe("destroy");
    expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
    expect(calls().filter((c) => c.method === "delete")).toEqual([
      expect.objectContaining({ id: "echo-hello", cwd: REPO_ROOT }),
    ]);
    expect(await resourcesOf(stack)).toEqual([]);
  });
});
