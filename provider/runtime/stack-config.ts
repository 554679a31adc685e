import { CONFIG_KEYS, type ConfigReader } from "../settings";

/** Stack config as `configure` received it, read when a resource has no Connection. */
let values: Record<string, string | undefined> = {};

export function setStackConfig(config: { get(key: string): string | undefined } | undefined): void {
  values = Object.fromEntries(CONFIG_KEYS.map((key) => [key, config?.get(key)]));
}

export const stackConfig: ConfigReader = (key) => values[key];
