import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { findPulumiCli, type PulumiCli } from "../e2e/helpers/pulumi-cli";
import { REPO_ROOT, describeWith, type Found } from "./helpers";

// A smoke check of pulumi-language-yaml (built by scripts/install-pulumi-cli.sh from
// scripts/pulumi-language-yaml): the CLI runs a `runtime: yaml` program with it, found beside the CLI
// (so without the warning the engine prints for a host found on PATH). No provider is involved; the
// plugin's own YAML programs belong to the end-to-end suites.
const HOST = "pulumi-language-yaml";

function findYamlHost(cli: PulumiCli | undefined): Found {
  const remedy = "run `npm run setup:pulumi` (it builds the host beside the cached CLI)";
  if (!cli) return { missing: "no Pulumi CLI (PULUMI_CLI_DIR, PATH or the cache)", remedy };
  const path = join(cli.binDir, HOST);
  return existsSync(path) ? { path } : { missing: `no ${HOST} beside ${cli.pulumi}`, remedy };
}

const cli = findPulumiCli();

describeWith(`${HOST}: a YAML program through the CLI`, findYamlHost(cli), () => {
  let scratch: string;
  let project: string;
  let env: NodeJS.ProcessEnv;

  const pulumi = (...args: string[]) => {
    const run = spawnSync(cli!.pulumi, [...args, "--non-interactive"], {
      cwd: project,
      env,
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`pulumi ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
    return run.stdout + run.stderr;
  };

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "acquia-yaml-host-"));
    project = join(scratch, "project");
    for (const dir of [project, join(scratch, "home"), join(scratch, "state")]) mkdirSync(dir);
    env = {
      ...process.env,
      PATH: [cli!.binDir, process.env.PATH].join(delimiter),
      PULUMI_HOME: join(scratch, "home"),
      PULUMI_BACKEND_URL: `file://${join(scratch, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "yaml-smoke",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    writeFileSync(
      join(project, "Pulumi.yaml"),
      [
        "name: yaml-smoke",
        "runtime: yaml",
        "config:",
        "  greeting:",
        "    type: string",
        "    default: hello",
        "variables:",
        "  message:",
        '    fn::join: ["", ["${greeting}", ", yaml"]]',
        "outputs:",
        "  message: ${message}",
        "",
      ].join("\n"),
    );
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("runs `pulumi up` on a program with config, a variable and an output", () => {
    pulumi("stack", "init", "dev");
    pulumi("config", "set", "greeting", "hi");
    const up = pulumi("up", "--yes");
    expect(up).not.toMatch(/from \$PATH/);
    expect(JSON.parse(pulumi("stack", "output", "--json"))).toEqual({ message: "hi, yaml" });
  });

  it("is the language plugin the CLI reports (ours: at the version scripts/pulumi-language-yaml/go.mod pins)", () => {
    // A CLI installed by other means comes with its own host, at its own version.
    const ours = existsSync(join(cli!.binDir, `.${HOST}.sha256`));
    const pinned = /github\.com\/pulumi\/pulumi-yaml v(\S+)/.exec(
      readFileSync(join(REPO_ROOT, "scripts", HOST, "go.mod"), "utf8"),
    )?.[1];
    expect(pinned).toBeDefined();
    const version = /language\s+yaml\s+(\S+)/.exec(pulumi("about"))?.[1];
    if (ours) expect(version).toBe(pinned);
    else expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
