import { z } from "zod";
import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from "../../sdk";

/** What a resource needs to reach Acquia: the Connection's settings, resolved. */
export const connectionSettingsSchema = z.object({
  clientId: z.string().min(1, "clientId (the API key) is empty"),
  clientSecret: z.string().min(1, "clientSecret (the API secret) is empty"),
  organizationUuid: z.string().optional(),
  apiUrl: z
    .url({ message: "apiUrl must be an absolute URL such as https://cloud.acquia.com/api" })
    .optional(),
  tokenUrl: z.url({ message: "tokenUrl must be an absolute URL" }).optional(),
});
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

export interface ResolvedSettings {
  clientId: string;
  clientSecret: string;
  organizationUuid: string | undefined;
  apiUrl: string;
  tokenUrl: string;
}

/** Stack config received by `configure`, and read when a resource has no Connection. */
interface ConfigReader {
  get(key: string): string | undefined;
}
let stackConfig: Record<string, string | undefined> = {};

export const CONFIG_KEYS = [
  "acquia:clientId",
  "acquia:clientSecret",
  "acquia:organizationUuid",
  "acquia:apiUrl",
  "acquia:tokenUrl",
  "acquia:timeoutSeconds",
  "acquia:pollIntervalMs",
  "acquia:retryBudgetSeconds",
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

export function setStackConfig(config: ConfigReader | undefined): void {
  stackConfig = Object.fromEntries(CONFIG_KEYS.map((key) => [key, config?.get(key)]));
}

export function configValue(key: ConfigKey): string | undefined {
  const value = stackConfig[key];
  return value === undefined || value === "" ? undefined : value;
}

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Acquia CLI's ACLI_CLOUD_API_ACCOUNTS_URI names the accounts host, not the token endpoint. */
export function tokenUrlFromAccountsUri(uri: string): string {
  return /\/oauth\//.test(uri) ? uri : `${uri.replace(/\/+$/, "")}/api/auth/oauth/token`;
}

/**
 * Settings from stack config, then from the environment variables Acquia CLI users already have.
 * Undefined when neither names a key and secret.
 */
export function ambientSettings(): ResolvedSettings | undefined {
  const clientId = configValue("acquia:clientId") ?? env("ACLI_KEY");
  const clientSecret = configValue("acquia:clientSecret") ?? env("ACLI_SECRET");
  if (!clientId || !clientSecret) return undefined;
  const accounts = env("ACLI_CLOUD_API_ACCOUNTS_URI");
  return {
    clientId,
    clientSecret,
    organizationUuid: configValue("acquia:organizationUuid") ?? env("AH_ORGANIZATION_UUID"),
    apiUrl: configValue("acquia:apiUrl") ?? env("ACLI_CLOUD_API_BASE_URI") ?? DEFAULT_API_URL,
    tokenUrl:
      configValue("acquia:tokenUrl") ?? (accounts ? tokenUrlFromAccountsUri(accounts) : DEFAULT_TOKEN_URL),
  };
}

export class MissingCredentialsError extends Error {
  constructor() {
    super(
      "No Acquia credentials: pass a Connection to the resource (connection input), or set stack config " +
        "acquia:clientId and acquia:clientSecret (pulumi config set --secret acquia:clientSecret …), or the " +
        "environment variables ACLI_KEY and ACLI_SECRET.",
    );
    this.name = "MissingCredentialsError";
  }
}

/** A resource's own connection wins; otherwise stack config and environment apply. */
export function resolveSettings(connection: ConnectionSettings | undefined): ResolvedSettings {
  if (connection) {
    return {
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      organizationUuid: connection.organizationUuid || undefined,
      apiUrl: connection.apiUrl ?? DEFAULT_API_URL,
      tokenUrl: connection.tokenUrl ?? DEFAULT_TOKEN_URL,
    };
  }
  const ambient = ambientSettings();
  if (!ambient) throw new MissingCredentialsError();
  return ambient;
}
