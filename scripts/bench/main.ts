// `npm run bench`: pulumi-acquia-cloud against a null dynamic provider, through the real Pulumi CLI and
// the simulator (in this process, on 127.0.0.1). Progress goes to stderr; the tables and the issue's
// targets as PASS/FAIL lines to stdout, and as markdown to `--out FILE`. See bench/README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseOptions, USAGE, UsageError, type Options } from "./options";
import { interruptChildren, run } from "./process";
import { renderMarkdown, renderText, type Table, type Target } from "./report";
import { Scenarios } from "./scenarios";
import { SECTION_RUNNERS } from "./sections";
import type { SectionContext } from "./sections/section";
import { createWorkspace, REPO_ROOT, type Workspace } from "./workspace";

const started = Date.now();
const log = (line: string) =>
  process.stderr.write(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);

/** What the CLI runs with when not told: `--parallel` per its help text, and its version. */
async function cliFacts(workspace: Workspace): Promise<{ parallel: number; version: string }> {
  const { env } = workspace.sandbox();
  const help = await run(workspace.pulumi, ["up", "--help"], { env });
  const parallel = Number(/--parallel int32.*\(default (\d+)\)/.exec(help.stdout)?.[1]);
  if (!Number.isInteger(parallel))
    throw new Error("could not read the default --parallel from `pulumi up --help`");
  const version = (await run(workspace.pulumi, ["version"], { env })).stdout.trim();
  return { parallel, version };
}

function header(options: Options, facts: { parallel: number; version: string }, seconds: number): string[] {
  const { profile } = options;
  const pulumiSdk = (
    JSON.parse(
      readFileSync(join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"),
    ) as {
      version: string;
    }
  ).version;
  return [
    `# pulumi-acquia-cloud benchmark (npm run bench${profile.mode === "default" ? "" : ` -- --${profile.mode}`})`,
    `date ${new Date(started).toISOString()}, took ${Math.round(seconds / 60)} min; ${cpus().length} cores, ` +
      `Node ${process.version}, Pulumi CLI ${facts.version}, @pulumi/pulumi ${pulumiSdk}`,
    `${profile.reps} repetition(s), interleaved; every operation with the CLI's default --parallel ${facts.parallel}; ` +
      `simulator in process on 127.0.0.1, tasks of ${profile.taskMs / 1000} s unless a table says otherwise`,
    `sections: ${options.sections.join(", ")}`,
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const workspace = await createWorkspace(log);
  const stop = () => {
    log("interrupted: stopping the CLI, removing the temp folder");
    void interruptChildren().then(() => {
      workspace.dispose();
      process.exit(130);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const facts = await cliFacts(workspace);
    const scenarios = new Scenarios({ workspace, log }, options.profile);
    const ctx: SectionContext = {
      workspace,
      log,
      profile: options.profile,
      parallel: facts.parallel,
      scenarios,
    };
    const tables: Table[] = [];
    const targets: Target[] = [];
    for (const name of options.sections) {
      log(`section ${name}`);
      const report = await SECTION_RUNNERS[name](ctx);
      tables.push(...report.tables);
      targets.push(...report.targets);
    }
    const top = header(options, facts, (Date.now() - started) / 1000);
    process.stdout.write(renderText(top, tables, targets));
    if (options.out) {
      writeFileSync(options.out, renderMarkdown(top, tables, targets));
      log(`wrote ${options.out}`);
    }
  } finally {
    workspace.dispose();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message ? `${error.message}\n` : ""}${USAGE}\n`);
    process.exitCode = error.message ? 2 : 0;
    return;
  }
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
