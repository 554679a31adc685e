/**
 * The one home of connection and provider settings, shared by the program (resource classes,
 * lookups) and the provider process (runtime): their names, where each comes from, in which order,
 * and their defaults.
 *
 * Order: the Connection's own inputs, then stack config (`acquia:*`), then the environment variables
 * Acquia CLI users already have (`ACLI_*`). Defaults apply last, once, in `withDefaults`.
 */
import { z } from "zod";
import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from "../sdk/defaults";

/** Reads one stack config value (`acquia:clientId`), or undefined. */
export type ConfigReader = (key: string) => string | undefined;

interface Source {
  /** Stack config key. */
  config: string;
  /** Environment variables, first set wins. */
  env: readonly string[];
  /** Turns an environment value into the setting (Acquia CLI's variables do not always match). */
  fromEnv?: (value: string) => string;
}

/** Acquia CLI's ACLI_CLOUD_API_ACCOUNTS_URI names the accounts host, not the token endpoint. */
export function tokenUrlFromAccountsUri(uri: string): string {
  return /\/oauth\//.test(uri) ? uri : `${uri.replace(/\/+$/, "")}/api/auth/oauth/token`;
}

/** Where each connection setting comes from when the Connection does not say. */
export const CONNECTION_SOURCES = {
  clientId: { config: "acquia:clientId", env: ["ACLI_KEY"] },
  clientSecret: { config: "acquia:clientSecret", env: ["ACLI_SECRET"] },
  organizationUuid: { config: "acquia:organizationUuid", env: ["AH_ORGANIZATION_UUID"] },
  apiUrl: { config: "acquia:apiUrl", env: ["ACLI_CLOUD_API_BASE_URI"] },
  tokenUrl: {
    config: "acquia:tokenUrl",
    env: ["ACLI_CLOUD_API_ACCOUNTS_URI"],
    fromEnv: tokenUrlFromAccountsUri,
  },
} as const satisfies Record<string, Source>;
export type ConnectionField = keyof typeof CONNECTION_SOURCES;

/** Provider-wide options (not part of a connection). */
export const OPTION_SOURCES = {
  /** How long to wait for an Acquia task, in seconds. */
  timeoutSeconds: { config: "acquia:timeoutSeconds", env: [] },
  /** The first delay between looks at a task, and the shortest, in milliseconds. */
  pollIntervalMs: { config: "acquia:pollIntervalMs", env: ["ACQUIA_POLL_INTERVAL_MS"] },
  /** How long one request keeps retrying through 429s and outages, in seconds. */
  retryBudgetSeconds: { config: "acquia:retryBudgetSeconds", env: ["ACQUIA_RETRY_BUDGET_SECONDS"] },
} as const satisfies Record<string, Source>;
export type OptionField = keyof typeof OPTION_SOURCES;

const OPTION_DEFAULTS: Record<OptionField, number> = {
  timeoutSeconds: 30 * 60,
  pollIntervalMs: 1_000,
  retryBudgetSeconds: 5 * 60,
};

/** Every stack config key the provider reads. */
export const CONFIG_KEYS: readonly string[] = [
  ...Object.values(CONNECTION_SOURCES),
  ...Object.values(OPTION_SOURCES),
].map((s) => s.config);

function present(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** A setting from the environment variables alone. */
export function environmentValue(source: Source): string | undefined {
  for (const name of source.env) {
    const value = present(process.env[name]);
    if (value !== undefined) return source.fromEnv ? source.fromEnv(value) : value;
  }
  return undefined;
}

/** A setting from stack config, then from the environment; undefined when neither names it. */
export function ambientValue(source: Source, config: ConfigReader): string | undefined {
  return present(config(source.config)) ?? environmentValue(source);
}

/** A provider-wide option as a positive number: stack config, then environment, then the default. */
export function optionValue(field: OptionField, config: ConfigReader): number {
  const value = Number(ambientValue(OPTION_SOURCES[field], config));
  return Number.isFinite(value) && value > 0 ? value : OPTION_DEFAULTS[field];
}

/** What a resource needs to reach Acquia: a Connection's settings, resolved. */
export const connectionSettingsSchema = z.object({
  clientId: z.string().min(1, "clientId (the API key) is empty"),
  clientSecret: z.string().min(1, "clientSecret (the API secret) is empty"),
  organizationUuid: z.string().optional(),
  apiUrl: z.url({ message: "apiUrl must be an absolute URL such as https://cloud.acquia.com/api" }),
  tokenUrl: z.url({ message: "tokenUrl must be an absolute URL" }),
});
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

/** Connection settings as given, each possibly missing. */
export type PartialSettings = { [K in ConnectionField]?: string | undefined };

/** The only settings with defaults: Acquia's public endpoints. */
export const SETTING_DEFAULTS = { apiUrl: DEFAULT_API_URL, tokenUrl: DEFAULT_TOKEN_URL } as const;

/** Fills in the API and token URLs. */
export function withDefaults<T extends PartialSettings>(given: T): T & { apiUrl: string; tokenUrl: string } {
  return {
    ...given,
    apiUrl: given.apiUrl || SETTING_DEFAULTS.apiUrl,
    tokenUrl: given.tokenUrl || SETTING_DEFAULTS.tokenUrl,
  };
}

/** Each setting not given, from stack config then the environment. */
export function ambientSettings(config: ConfigReader, given: PartialSettings = {}): PartialSettings {
  const out: PartialSettings = {};
  for (const field of Object.keys(CONNECTION_SOURCES) as ConnectionField[]) {
    out[field] = present(given[field]) ?? ambientValue(CONNECTION_SOURCES[field], config);
  }
  return out;
}

/**
 * Complete settings from what was given, stack config and the environment, or undefined when no API
 * key and secret can be found anywhere.
 */
export function resolveSettings(
  config: ConfigReader,
  given: PartialSettings = {},
): ConnectionSettings | undefined {
  const found = ambientSettings(config, given);
  if (!found.clientId || !found.clientSecret) return undefined;
  const { organizationUuid, ...rest } = withDefaults(found);
  return {
    ...rest,
    clientId: found.clientId,
    clientSecret: found.clientSecret,
    ...(organizationUuid ? { organizationUuid } : {}),
  };
}

/** The fix to suggest when no credentials are found. */
export const MISSING_CREDENTIALS_HINT =
  "pass a Connection to the resource (connection input), or set stack config acquia:clientId and " +
  "acquia:clientSecret (pulumi config set --secret acquia:clientSecret …), or the environment variables " +
  "ACLI_KEY and ACLI_SECRET";
