/**
 * Estate → the files of a Pulumi project (index.ts, Pulumi.yaml, package.json, tsconfig.json and the
 * public certificates it reads), with no I/O: what the command writes, and what a unit test reads.
 *
 * Each resource describes an object as it is, those Acquia knows by a name or label with `adopt: true`,
 * and every one is protected (`protect: true`): the first `up` takes the estate over without a change,
 * and neither an edit nor `pulumi destroy` can delete what was running before the stack existed. Secret
 * values never reach a file: the program reads them from stack config, and `configCommands` says what
 * to set. `import.json` lists the same resources for plugin mode's `pulumi import --file`.
 */
import { FLAGS } from "../../provider/kinds/environment-flags/definition";
import type { DiscoverKind, DiscoveredApplication, DiscoveredEnvironment, Estate, Scope } from "./estate";
import { allowlistsSection, membersSection, RoleRefs } from "./generate-access";
import { importFile, type ImportEntry } from "./import-file";
import { IdentifierAllocator, NameAllocator, camel, kebab } from "./names";
import { code, newResource, type Code, type Value } from "./typescript";

export interface SecretSetting {
  /** Stack config key in the project's namespace (`config.requireSecret(key)`). */
  key: string;
  /** What it holds, for the printed command. */
  what: string;
  /** A PEM text, set from a file rather than typed. */
  pem: boolean;
}

export interface GenerateOptions {
  /** Dependency ranges for the project's package.json. */
  versions: { pulumiAcquiaCloud: string; pulumi: string; typescript: string; nodeTypes: string };
  /** When the estate was read, for the header; omitted, the output does not depend on the clock. */
  generatedAt?: string | undefined;
}

export interface GeneratedProject {
  /** File path relative to the project directory → text. */
  files: Record<string, string>;
  secrets: SecretSetting[];
  /** What to run before `pulumi up`: the connection's settings, then every secret. */
  configCommands: string[];
  /** Resources written, by type name (`EnvironmentVariable`). */
  counts: Record<string, number>;
  projectName: string;
}

/** A label on one line: it is printed in comments and in a quoted placeholder. */
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, " ");

/** The command that sets one secret, with a placeholder where the value goes. */
export function secretCommand(secret: SecretSetting): string {
  return secret.pem
    ? `pulumi config set --secret ${secret.key} < ${kebab(secret.key)}.pem   # ${oneLine(secret.what)}`
    : `pulumi config set --secret ${secret.key} '<${oneLine(secret.what).replace(/'/g, "")}>'`;
}

function connectionCommands(estate: Estate): string[] {
  const c = estate.connection;
  return [
    `pulumi config set acquia:clientId ${c.clientId}`,
    "pulumi config set --secret acquia:clientSecret '<the API secret of that key>'",
    ...(c.organizationUuid ? [`pulumi config set acquia:organizationUuid ${c.organizationUuid}`] : []),
    ...(c.apiUrl ? [`pulumi config set acquia:apiUrl ${c.apiUrl}`] : []),
    ...(c.tokenUrl ? [`pulumi config set acquia:tokenUrl ${c.tokenUrl}`] : []),
  ];
}

/** Builds the program text section by section, naming things as it goes. */
export class ProgramWriter {
  readonly sections: string[] = [];
  readonly secrets: SecretSetting[] = [];
  readonly files: Record<string, string> = {};
  readonly counts: Record<string, number> = {};
  readonly imports: ImportEntry[] = [];
  private readonly resourceNames = new NameAllocator();
  private readonly configKeys = new NameAllocator("");
  private readonly fileNames = new NameAllocator();
  readonly identifiers = new IdentifierAllocator();

  constructor(private readonly kinds: readonly DiscoverKind[]) {}

  has(kind: DiscoverKind): boolean {
    return this.kinds.includes(kind);
  }

  /** One adopted, protected resource; returns its Pulumi name. */
  resource(
    type: string,
    labels: string[],
    idParts: Record<string, string>,
    args: [string, Value | undefined][],
    options: { adopt: boolean; bind?: string } = { adopt: true },
  ): string {
    const name = this.resourceNames.take(kebab(...labels));
    this.imports.push({ type, name, idParts });
    const meta: [string, Value][] = [["connection", code("connection")]];
    if (options.adopt) meta.push(["adopt", true]);
    this.sections.push(newResource(type, name, [...meta, ...args], { bind: options.bind, protect: true }));
    this.counts[type] = (this.counts[type] ?? 0) + 1;
    return name;
  }

  /** `config.requireSecret("<key>")`, recording what to set. */
  secret(labels: string[], what: string, pem = false): Code {
    const key = this.configKeys.take(camel(...labels));
    this.secrets.push({ key, what, pem });
    return code(`config.requireSecret(${JSON.stringify(key)})`);
  }

  /** A public PEM text as a file beside the program: `pem("certificates/<stem>.crt")`. */
  pemFile(stem: string, text: string): Code {
    const file = `certificates/${this.fileNames.take(stem)}.crt`;
    this.files[file] = text.endsWith("\n") ? text : `${text}\n`;
    return code(`pem(${JSON.stringify(file)})`);
  }

  comment(text: string): void {
    this.sections.push(`\n// ${oneLine(text)}`);
  }
}

function environmentSection(w: ProgramWriter, env: DiscoveredEnvironment): void {
  const where = `${env.label} (${env.name})`;
  // Names start with what people call the environment: its machine name (dev), or a CD environment's
  // label (its machine name, ode40, says nothing).
  const slug = env.cde ? env.label : env.name;
  w.comment(`${where}${env.cde ? ": a continuous-delivery environment" : ""}`);
  const ident = w.identifiers.take(slug);
  let environmentId: Code;
  if (env.cde && w.has("environment")) {
    w.resource(
      "Environment",
      [slug],
      { environmentId: env.id },
      [
        ["applicationUuid", code("applicationUuid")],
        ["label", env.label],
        ["branch", env.branch],
        ["databases", env.databases],
      ],
      { adopt: true, bind: ident },
    );
    environmentId = code(`${ident}.environmentId`);
  } else {
    w.sections.push(
      `const ${ident} = application.apply((a) => acquia.getEnvironment({ applicationUuid: a.uuid, name: ${JSON.stringify(env.name)} }));`,
    );
    environmentId = code(`${ident}.id`);
  }
  const inEnv: [string, Value][] = [["environmentId", environmentId]];
  const envId = { environmentId: env.id };

  if (w.has("environment-settings") && Object.keys(env.settings).length > 0)
    w.resource(
      "EnvironmentSettings",
      [slug, "settings"],
      envId,
      [...inEnv, ...Object.entries(env.settings)],
      {
        adopt: false,
      },
    );
  // A CD environment's branch is its Environment's: a CodeDeployment beside it would fight it. A
  // Node.js environment that runs a build artifact is deployed by artifact, not by branch.
  const deployed: [string, string] | undefined = env.artifactId
    ? ["artifactId", env.artifactId]
    : env.branch
      ? ["ref", env.branch]
      : undefined;
  if (w.has("code-deployment") && deployed && !(env.cde && w.has("environment")))
    w.resource("CodeDeployment", [slug, "code"], envId, [...inEnv, deployed], { adopt: false });
  // Flags and Cloud Actions exist on every environment: the values found, applied, switch nothing.
  if (w.has("environment-flags") && Object.keys(env.flags).length > 0)
    w.resource(
      "EnvironmentFlags",
      [slug, "flags"],
      envId,
      [...inEnv, ...FLAGS.map((k): [string, boolean | undefined] => [k, env.flags[k]])],
      { adopt: false },
    );
  if (w.has("environment-cloud-actions") && env.cloudActions)
    w.resource(
      "EnvironmentCloudActions",
      [slug, "cloud actions"],
      envId,
      [...inEnv, ["actions", env.cloudActions]],
      { adopt: false },
    );
  for (const v of env.variables)
    w.resource("EnvironmentVariable", [slug, v.name], { ...envId, name: v.name }, [
      ...inEnv,
      ["name", v.name],
      ["value", w.secret([slug, v.name], `value of ${v.name} on ${where}`)],
    ]);
  for (const c of env.crons)
    w.resource("CronJob", [slug, c.label], { ...envId, cronId: c.id }, [
      ...inEnv,
      ["label", c.label],
      ["command", c.command],
      ["frequency", c.frequency],
      ["enabled", c.enabled ? undefined : false],
    ]);
  for (const hostname of env.domains)
    w.resource("Domain", [slug, hostname], { ...envId, hostname }, [...inEnv, ["hostname", hostname]]);
  for (const c of env.certificates) {
    const stem = kebab(slug, c.label);
    w.resource("SslCertificate", [slug, c.label, "certificate"], { ...envId, certificateId: c.id }, [
      ...inEnv,
      ["label", c.label],
      ["certificate", w.pemFile(stem, c.certificate)],
      [
        "privateKey",
        w.secret([slug, c.label, "private key"], `private key of certificate "${c.label}" on ${where}`, true),
      ],
      [
        "caCertificates",
        c.caCertificates === undefined ? undefined : w.pemFile(`${stem}-ca`, c.caCertificates),
      ],
      ["activate", c.active ? undefined : false],
    ]);
  }
  for (const d of env.logDestinations) {
    const stem = kebab(slug, d.label);
    const credentials: [string, Value | undefined][] = [
      ["certificate", d.certificate === undefined ? undefined : w.pemFile(`${stem}-logs`, d.certificate)],
      [
        "key",
        d.hasKey
          ? w.secret([slug, d.label, "key"], `private key of log destination "${d.label}" on ${where}`, true)
          : undefined,
      ],
      [
        "token",
        d.hasToken
          ? w.secret([slug, d.label, "token"], `token of log destination "${d.label}" on ${where}`)
          : undefined,
      ],
    ];
    const written = credentials
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${(v as Code).code}`);
    w.resource("LogForwardingDestination", [slug, d.label, "logs"], { ...envId, destinationUuid: d.uuid }, [
      ...inEnv,
      ["label", d.label],
      ["consumer", d.consumer],
      ["sources", d.sources],
      ["address", d.address],
      ["credentials", code(`{ ${written.join(", ")} }`)],
      ["enabled", d.enabled ? undefined : false],
    ]);
  }
}

/** `{ name: "Acme Web" }`, or the UUID when another visible application has the same name. */
function applicationLookup(app: DiscoveredApplication): string {
  return app.nameIsUnique ? `{ name: ${JSON.stringify(app.name)} }` : `{ uuid: ${JSON.stringify(app.uuid)} }`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the program describes, in words, and the name of its project. */
function subject(scope: Scope): { what: string; name: string } {
  return "application" in scope
    ? {
        what: `the Acquia application "${oneLine(scope.application.name)}" (${scope.application.uuid})`,
        name: scope.application.name,
      }
    : {
        what: `the teams and access of the Acquia organization "${oneLine(scope.organization.name)}" (${scope.organization.uuid})`,
        name: scope.organization.name,
      };
}

function header(estate: Estate, options: GenerateOptions, commands: string[]): string {
  const when = options.generatedAt ? ` on ${options.generatedAt}` : "";
  return [
    `// ${capitalized(subject(estate.scope).what)},`,
    `// as \`acquia-cloud discover\` found it${when}.`,
    "//",
    "// Each resource describes an object as it is: one Acquia knows by a name or label is adopted",
    "// (adopt: true), runtime settings, flags, Cloud Actions and deployed code are already what they",
    "// say, so the first `pulumi up` takes everything over without a change at Acquia. Every one is",
    "// protected (protect: true): neither an edit of this program nor `pulumi destroy` can delete what",
    "// was running before the stack existed. Remove `protect` from a resource (then `pulumi up`) once",
    "// this stack should be allowed to delete it.",
    "//",
    "// Secret values are read from stack config, never written here. Before the first `pulumi up`, run:",
    ...commands.map((c) => `//   ${c}`),
  ].join("\n");
}

/** The lookups everything else refers to: the application, or the organization. */
function scopeLines(estate: Estate): string[] {
  const { scope } = estate;
  if ("organization" in scope)
    return [
      "// getOrganization finds an organization by its UUID alone; it fails the preview if the key cannot see it.",
      `const organizationUuid = pulumi.output(acquia.getOrganization({ uuid: ${JSON.stringify(scope.organization.uuid)} })).uuid;`,
    ];
  return [
    `const application = pulumi.output(acquia.getApplication(${applicationLookup(scope.application)}));`,
    "const applicationUuid = application.uuid;",
    ...(estate.teams.length > 0
      ? ['const organizationUuid = application.apply((a) => a.organization?.uuid ?? "");']
      : []),
  ];
}

function indexTs(w: ProgramWriter, estate: Estate, options: GenerateOptions, commands: string[]): string {
  const usesPem = Object.keys(w.files).length > 0;
  const lines = [
    header(estate, options, commands),
    ...(usesPem ? ['import { readFileSync } from "node:fs";', 'import { join } from "node:path";'] : []),
    'import * as pulumi from "@pulumi/pulumi";',
    'import * as acquia from "pulumi-acquia-cloud";',
    "",
    "const config = new pulumi.Config();",
    ...(usesPem
      ? [
          "/** A public certificate kept beside this program. */",
          'const pem = (file: string) => readFileSync(join(__dirname, file), "utf8");',
        ]
      : []),
    "// Credentials from stack config (acquia:clientId, acquia:clientSecret, …) or ACLI_KEY/ACLI_SECRET.",
    'const connection = new acquia.Connection("acquia");',
    ...scopeLines(estate),
    ...w.sections,
  ];
  return `${lines.join("\n")}\n`;
}

function teamsSection(w: ProgramWriter, estate: Estate, refs: RoleRefs): void {
  const discovered = "application" in estate.scope ? estate.scope.application : undefined;
  // With only TeamMember wanted, a team without people writes nothing, not even its heading.
  if (!estate.teams.some((t) => w.has("team") || (w.has("team-member") && t.members.length > 0))) return;
  w.comment(
    discovered
      ? "Teams with access to the application"
      : `Teams${w.has("team") ? ", the applications on each" : ""}${w.has("team-member") ? ", their people (members and invitations)" : ""}`,
  );
  // The application discovered is `applicationUuid`; with --organization each one gets a lookup.
  const uuidOf = new Map<string, Code>(discovered ? [[discovered.uuid, code("applicationUuid")]] : []);
  for (const app of estate.teams.flatMap((t) => t.applications)) {
    if (uuidOf.has(app.uuid)) continue;
    const ident = w.identifiers.take(app.name, "application");
    w.sections.push(`const ${ident} = pulumi.output(acquia.getApplication(${applicationLookup(app)}));`);
    uuidOf.set(app.uuid, code(`${ident}.uuid`));
  }
  for (const team of estate.teams) {
    const ident = w.identifiers.take("team", team.name);
    if (!w.has("team")) {
      // Only its people are wanted: the team is looked up, not adopted.
      if (team.members.length === 0) continue;
      w.sections.push(
        `const ${ident} = pulumi.output(acquia.getTeam({ uuid: ${JSON.stringify(team.uuid)} }));`,
      );
      membersSection(w, refs, team, code(`${ident}.uuid`));
      continue;
    }
    w.resource(
      "Team",
      ["team", team.name],
      { teamUuid: team.uuid },
      [
        ["organizationUuid", code("organizationUuid")],
        ["name", team.name],
      ],
      { adopt: true, bind: ident },
    );
    for (const app of team.applications)
      w.resource(
        "TeamApplication",
        ["team", team.name, discovered ? "application" : app.name],
        { teamUuid: team.uuid, applicationUuid: app.uuid },
        [
          ["teamUuid", code(`${ident}.teamUuid`)],
          ["applicationUuid", uuidOf.get(app.uuid) ?? app.uuid],
        ],
      );
    membersSection(w, refs, team, code(`${ident}.teamUuid`));
  }
}

function collect(w: ProgramWriter, estate: Estate): void {
  if (estate.databases.length > 0) w.comment("Databases (each exists in every environment)");
  const applicationUuid = "application" in estate.scope ? estate.scope.application.uuid : "";
  for (const name of estate.databases)
    w.resource("Database", ["database", name], { applicationUuid, name }, [
      ["applicationUuid", code("applicationUuid")],
      ["name", name],
    ]);
  for (const env of estate.environments) environmentSection(w, env);
  const refs = new RoleRefs(w);
  if ("organization" in estate.scope) refs.write(estate.roles, estate.scope.organization.uuid);
  teamsSection(w, estate, refs);
  allowlistsSection(w, estate.allowlists);
  if (estate.sshKeys.length > 0) w.comment("SSH keys of the account that owns the API key");
  for (const key of estate.sshKeys)
    w.resource("SshKey", ["ssh key", key.label], { sshKeyUuid: key.uuid }, [
      ["label", key.label],
      ["publicKey", key.publicKey],
    ]);
}

/** The project for an estate: pure, so the same estate always gives the same files. */
export function generateProject(estate: Estate, options: GenerateOptions): GeneratedProject {
  const w = new ProgramWriter(estate.kinds);
  collect(w, estate);
  const configCommands = [...connectionCommands(estate), ...w.secrets.map(secretCommand)];
  const { what, name } = subject(estate.scope);
  const projectName = kebab(name);
  const files: Record<string, string> = {
    "index.ts": indexTs(w, estate, options, configCommands),
    "Pulumi.yaml": [
      `name: ${projectName}`,
      `description: ${JSON.stringify(`${what}, adopted by acquia-cloud discover`)}`,
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: true",
      "",
    ].join("\n"),
    "package.json": `${JSON.stringify(
      {
        name: projectName,
        private: true,
        main: "index.ts",
        dependencies: {
          "@pulumi/pulumi": options.versions.pulumi,
          "pulumi-acquia-cloud": options.versions.pulumiAcquiaCloud,
        },
        devDependencies: {
          "@types/node": options.versions.nodeTypes,
          typescript: options.versions.typescript,
        },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "commonjs",
          moduleResolution: "node",
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          types: ["node"],
        },
        files: ["index.ts"],
      },
      null,
      2,
    )}\n`,
    ...w.files,
    // Plugin mode's way in: `pulumi import --file import.json` (README, "Bringing an existing estate …").
    "import.json": importFile(w.imports),
  };
  return { files, secrets: w.secrets, configCommands, counts: w.counts, projectName };
}
