/**
 * `acquia-cloud discover`: flags → API walk → generated project → disk, in that order, so a failure
 * at any step leaves nothing written. Progress and the summary go to stderr; stdout carries only the
 * `pulumi config set` commands, so it can be saved as a script.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { AcquiaCloudClient, DEFAULT_API_URL, DEFAULT_TOKEN_URL } from "../../sdk";
import { DiscoverError } from "./errors";
import type { DiscoveredConnection, Estate } from "./estate";
import { generateProject, type GenerateOptions, type GeneratedProject } from "./generate";
import { DISCOVER_USAGE, parseDiscoverArgs } from "./options";
import { walkEstate } from "./walk";
import { checkOutDir, writeProject } from "./write";

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** This package's own version, and the ranges it was developed against, for the project's package.json. */
function versions(): GenerateOptions["versions"] {
  // The folder depth differs between the sources and dist/: walk up to our package.json.
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    version: string;
    peerDependencies?: Record<string, string>;
  };
  return {
    pulumiAcquiaCloud: `^${pkg.version}`,
    pulumi: pkg.peerDependencies?.["@pulumi/pulumi"] ?? "^3.216.0",
    // The dynamic provider needs TypeScript 5.x in the project (README, Dynamic-provider caveats).
    typescript: "~5.9.3",
    nodeTypes: "^20.19.0",
  };
}

function summary(estate: Estate, project: GeneratedProject, out: string, cwd: string): string[] {
  const total = Object.values(project.counts).reduce((a, b) => a + b, 0);
  const where = relative(cwd, out) || ".";
  const lines = [
    `wrote ${where}/: ${Object.keys(project.files).join(", ")}`,
    `${total} resources, each adopt: true (keyed kinds) and protect: true:`,
    ...Object.entries(project.counts).map(([type, n]) => `  ${type}: ${n}`),
  ];
  if (estate.skipped.length > 0) {
    lines.push(`left out ${estate.skipped.length}:`);
    for (const s of estate.skipped) lines.push(`  ${s.kind}: ${s.what}: ${s.reason}`);
  }
  lines.push(
    `next: cd ${where} && npm install && pulumi stack init, run the ${project.configCommands.length} ` +
      "`pulumi config set` commands printed on stdout (replace each <…>), then `pulumi up`: it adopts " +
      "everything without a change at Acquia.",
  );
  return lines;
}

export async function runDiscover(argv: string[], io: CommandIo): Promise<number> {
  const note = (line: string) => io.stderr(`discover: ${line}\n`);
  try {
    const options = parseDiscoverArgs(argv);
    if (!options) {
      io.stdout(`${DISCOVER_USAGE}\n`);
      return 0;
    }
    if (options.out) checkOutDir(resolve(io.cwd, options.out), options.force);
    const { settings } = options;
    const connection: DiscoveredConnection = {
      clientId: settings.clientId,
      organizationUuid: settings.organizationUuid,
      apiUrl: settings.apiUrl === DEFAULT_API_URL ? undefined : settings.apiUrl,
      tokenUrl: settings.tokenUrl === DEFAULT_TOKEN_URL ? undefined : settings.tokenUrl,
    };
    const client = new AcquiaCloudClient({ ...settings, logger: { warn: (line: string) => note(line) } });
    const estate = await walkEstate(client, {
      scope: options.scope,
      kinds: options.kinds,
      environments: options.environments,
      connection,
      progress: note,
    });
    const project = generateProject(estate, { versions: versions(), generatedAt: new Date().toISOString() });
    const out = resolve(io.cwd, options.out ?? project.projectName);
    writeProject(out, project.files, options.force);
    for (const line of summary(estate, project, out, io.cwd)) note(line);
    io.stdout(
      [`# Before the first \`pulumi up\` in ${out} (replace each <…>):`, ...project.configCommands].join(
        "\n",
      ) + "\n",
    );
    return 0;
  } catch (error) {
    if (error instanceof DiscoverError) {
      io.stderr(`acquia-cloud discover: ${error.message} [${error.code}]\nNothing was written.\n`);
      return error.code === "USAGE" ? 2 : 1;
    }
    io.stderr(`acquia-cloud discover: ${(error as Error).message ?? String(error)}\nNothing was written.\n`);
    return 1;
  }
}
