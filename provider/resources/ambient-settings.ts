import * as pulumi from "@pulumi/pulumi";
import { tokenUrlFromAccountsUri } from "../runtime/settings";

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Connection settings from stack config (acquia:*), then from the variables Acquia CLI uses. */
export function ambientArgs() {
  const config = new pulumi.Config("acquia");
  const accounts = env("ACLI_CLOUD_API_ACCOUNTS_URI");
  return {
    clientId: config.get("clientId") ?? env("ACLI_KEY"),
    clientSecret: config.getSecret("clientSecret") ?? env("ACLI_SECRET"),
    organizationUuid: config.get("organizationUuid") ?? env("AH_ORGANIZATION_UUID"),
    apiUrl: config.get("apiUrl") ?? env("ACLI_CLOUD_API_BASE_URI"),
    tokenUrl: config.get("tokenUrl") ?? (accounts ? tokenUrlFromAccountsUri(accounts) : undefined),
  };
}
