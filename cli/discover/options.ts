/** `acquia-cloud discover`'s flags, checked, with credentials completed from the ACLI_* variables. */
import { parseArgs } from "node:util";
import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from "../../sdk";
import { resolveSettings, type ConnectionSettings } from "../../provider/settings";
import { DiscoverError } from "./errors";
import { DISCOVER_KINDS, type DiscoverKind } from "./estate";

export const DISCOVER_USAGE = `Usage: acquia-cloud discover (--application NAME | --application-uuid UUID | --organization UUID) [options]

Reads an Acquia application's estate (or an organization's teams and access) and writes a Pulumi program (TypeScript, dynamic resources) that
adopts every object (adopt: true) and protects it (protect: true). Secrets are never written: the
\`pulumi config set --secret\` commands to run are printed on stdout; progress goes to stderr.

  --application NAME        the application's exact name
  --application-uuid UUID   the application's UUID
  --organization UUID       instead of an application: the organization's teams (with the applications
                            and people on each), custom roles, the Shield IP allowlists of its
                            subscriptions, and the account's SSH keys
  --environments LIST       only these environments (machine names or labels, comma-separated)
  --include KINDS           only these kinds (comma-separated; ${DISCOVER_KINDS.join(", ")})
  --exclude KINDS           every kind but these
  --out DIR                 where to write the project (default ./<application or organization name>);
                            must be new or empty
  --force                   write into a non-empty --out, replacing the generated files
  --client-id KEY           API key (default ACLI_KEY)
  --client-secret SECRET    API secret (default ACLI_SECRET; prefer the variable: flags show in ps)
  --organization-uuid UUID  the token's organization scope, for federated authentication (default
                            AH_ORGANIZATION_UUID)
  --api-url URL             default ACLI_CLOUD_API_BASE_URI, else ${DEFAULT_API_URL}
  --token-url URL           default from ACLI_CLOUD_API_ACCOUNTS_URI, else ${DEFAULT_TOKEN_URL}
  -h, --help                this text`;

export interface DiscoverOptions {
  /** An application by name or UUID, or an organization. */
  scope: { name: string } | { uuid: string } | { organizationUuid: string };
  kinds: DiscoverKind[];
  environments?: string[] | undefined;
  /** Absolute, or undefined for ./<application name>. */
  out?: string | undefined;
  force: boolean;
  settings: ConnectionSettings;
}

const usage = (message: string) => new DiscoverError("USAGE", `${message}\n\n${DISCOVER_USAGE}`);

const list = (values: string[] | undefined) =>
  values
    ?.flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);

/** `cron-job`, `CronJob` and `cronjob` all name the CronJob kind. */
const squash = (name: string) => name.toLowerCase().replace(/[^a-z]/g, "");

function kindsOf(flag: string, names: string[]): DiscoverKind[] {
  return names.map((name) => {
    const kind = DISCOVER_KINDS.find((k) => squash(k) === squash(name));
    if (!kind) throw usage(`${flag} names "${name}", which is not a kind: use ${DISCOVER_KINDS.join(", ")}.`);
    return kind;
  });
}

/** Parses the flags; `undefined` means help was asked for. */
export function parseDiscoverArgs(argv: string[]): DiscoverOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        application: { type: "string" },
        "application-uuid": { type: "string" },
        organization: { type: "string" },
        environments: { type: "string", multiple: true },
        include: { type: "string", multiple: true },
        exclude: { type: "string", multiple: true },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        "client-id": { type: "string" },
        "client-secret": { type: "string" },
        "organization-uuid": { type: "string" },
        "api-url": { type: "string" },
        "token-url": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw usage((error as Error).message);
  }
  if (values.help) return undefined;

  const name = values.application;
  const uuid = values["application-uuid"];
  const organization = values.organization;
  if ([name, uuid, organization].filter((v) => v !== undefined).length !== 1)
    throw usage(
      "Say what to discover with exactly one of --application NAME, --application-uuid UUID or --organization UUID.",
    );
  if (organization !== undefined && values.environments)
    throw usage(
      "--environments belongs to an application: --organization discovers teams, roles, people, allowlists and SSH keys only.",
    );
  const include = list(values.include);
  if (include && values.exclude) throw usage("Pass --include or --exclude, not both.");
  const excluded = kindsOf("--exclude", list(values.exclude) ?? []);
  const kinds = include ? kindsOf("--include", include) : DISCOVER_KINDS.filter((k) => !excluded.includes(k));

  // The order of the whole project (provider/settings.ts), flags in the place of stack config: then ACLI_*.
  const settings = resolveSettings(() => undefined, {
    clientId: values["client-id"],
    clientSecret: values["client-secret"],
    organizationUuid: values["organization-uuid"],
    apiUrl: values["api-url"],
    tokenUrl: values["token-url"],
  });
  if (!settings)
    throw new DiscoverError(
      "MISSING_CREDENTIALS",
      "No API key and secret: set ACLI_KEY and ACLI_SECRET (Cloud UI › Account Settings › API Tokens), or pass " +
        "--client-id and --client-secret.",
    );
  return {
    scope:
      organization !== undefined
        ? { organizationUuid: organization }
        : uuid !== undefined
          ? { uuid }
          : { name: name ?? "" },
    kinds,
    environments: list(values.environments),
    out: values.out,
    force: values.force,
    settings,
  };
}
