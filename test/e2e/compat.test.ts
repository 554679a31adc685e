// Proof for the compatibility run (scripts/compat-node22.sh): a throwaway project beside the packed
// package, run by the real CLI, reports the Node.js and @pulumi/pulumi its program and its dynamic
// provider really ran on. They must be the `node` in $E2E_NODE_DIR and the SDK installPackage installed
// ($E2E_PULUMI_VERSION), not the Node running Jest or the SDK this repository develops against.
// Without $E2E_NODE_DIR there is nothing to prove, and the suite is skipped.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installPackage, programsPulumiVersion, projectStack } from "./helpers/project";
import {
  REPO_ROOT,
  createSandbox,
  describeWithPulumi,
  e2eNodeDir,
  type PulumiSandbox,
} from "./helpers/pulumi-cli";

/** The dynamic provider reads its SDK's package.json beside the script the plugin runs. */
const PROGRAM = `"use strict";
const fs = require("fs");
const path = require("path");
const pulumi = require("@pulumi/pulumi");

const probe = {
  async create() {
    // process.argv[1]: <@pulumi/pulumi>/cmd/dynamic-provider/index.js, resolved in the provider process.
    const sdk = path.join(path.dirname(process.argv[1]), "..", "..", "package.json");
    const outs = { node: process.version, sdk: JSON.parse(fs.readFileSync(sdk, "utf8")).version };
    return { id: "probe", outs };
  },
};

class Probe extends pulumi.dynamic.Resource {
  constructor(name) {
    super(probe, name, { node: undefined, sdk: undefined });
  }
}

const resource = new Probe("probe");
module.exports = {
  programNode: process.version,
  programSdk: require("@pulumi/pulumi/package.json").version,
  packageVersion: require("pulumi-acquia-cloud/package.json").version,
  packageExports: Object.keys(require("pulumi-acquia-cloud")).length,
  providerNode: resource.node,
  providerSdk: resource.sdk,
};
`;

const nodeDir = e2eNodeDir();

if (!nodeDir) {
  describe("compatibility run", () => {
    test.skip("only under `npm run test:compat` (E2E_NODE_DIR unset: programs run on Jest's own Node)", () => {
      return undefined;
    });
  });
} else {
  describeWithPulumi("compatibility run: the program and the provider run on E2E_NODE_DIR's node", (cli) => {
    let sandbox: PulumiSandbox;
    const node = execFileSync(join(nodeDir, "node"), ["--version"], { encoding: "utf8" }).trim();
    const sdk = programsPulumiVersion();
    const ours = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string })
      .version;

    beforeAll(async () => {
      sandbox = await createSandbox(cli);
    });

    afterAll(async () => {
      await sandbox?.cleanup();
    });

    it(`runs on node ${node} (${nodeDir}) with @pulumi/pulumi ${sdk}`, async () => {
      const programs = installPackage(sandbox.root);
      const dir = join(programs, "compat");
      mkdirSync(dir);
      writeFileSync(
        join(dir, "Pulumi.yaml"),
        "name: acquia-compat\nmain: index.js\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
      );
      writeFileSync(join(dir, "index.js"), PROGRAM);
      const stack = await projectStack(sandbox, dir, "compat");
      const { outputs } = await stack.up();
      const value = (key: string): unknown => outputs[key]?.value;
      expect({
        programNode: value("programNode"),
        providerNode: value("providerNode"),
        programSdk: value("programSdk"),
        providerSdk: value("providerSdk"),
        packageVersion: value("packageVersion"),
      }).toEqual({
        programNode: node,
        providerNode: node,
        programSdk: sdk,
        providerSdk: sdk,
        packageVersion: ours,
      });
      expect(value("packageExports")).toBeGreaterThan(0);
      console.log(`compat: program and dynamic provider ran on node ${node} with @pulumi/pulumi ${sdk}`);
    });
  });
}
