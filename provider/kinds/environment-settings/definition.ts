import { z } from "zod";
import type { Environment, EnvironmentSettings as ApiSettings } from "../../../sdk";
import { environmentId, restoreOnDelete } from "../fields";
import { defineKind } from "../kind";

const between = (field: string, unit: string, minimum: number, maximum: number) =>
  z
    .number()
    .int(`${field} must be a whole number`)
    .min(minimum, `${field} must be between ${minimum} and ${maximum}`)
    .max(maximum, `${field} must be between ${minimum} and ${maximum}`)
    .optional()
    .describe(`${unit}, ${minimum}–${maximum}.`);

// Ranges from the spec's `environment-configuration` schema, so a typo fails in preview, not mid-update.
export const settingsShape = {
  phpVersion: z
    .string()
    .regex(/^\d+\.\d+$/, 'phpVersion must be a PHP minor version such as "8.3"')
    .optional()
    .describe('PHP version, e.g. "8.3" (one the environment offers).'),
  memoryLimit: between("memoryLimit (MB)", "PHP memory limit in MB", 128, 1024),
  opcache: between("opcache (MB)", "OPcache size in MB", 96, 512),
  apcu: between("apcu (MB)", "APCu size in MB", 32, 512),
  internedStringsBuffer: between("internedStringsBuffer (MB)", "Interned strings buffer in MB", 8, 32),
  clientMaxBodySize: between("clientMaxBodySize (MB)", "Largest request body in MB", 0, 1024),
  uploadMaxFilesize: between("uploadMaxFilesize (MB)", "Largest upload in MB", 0, 1024),
  maxExecutionTime: between("maxExecutionTime (seconds)", "Script time limit in seconds", 1, 300),
  maxPostSize: between("maxPostSize (MB)", "Largest POST in MB", 64, 1024),
  maxInputVars: between("maxInputVars", "Input variables per request", 500, 20000),
  memcachedLimit: between("memcachedLimit (MB)", "Memcached size in MB", 0, 12288),
  operatingSystem: z
    .string()
    .min(1, 'operatingSystem must name a release such as "noble"')
    .optional()
    .describe('Operating system release, e.g. "noble".'),
};
export type Setting = keyof typeof settingsShape;
export type SettingValue = string | number;
export const SETTINGS = Object.keys(settingsShape) as Setting[];

export const kind = defineKind({
  name: "EnvironmentSettings",
  description:
    "Runtime settings (PHP version and limits, operating system) of an existing environment. Only the " +
    "settings given are managed, and only those that differ are sent. One per environment.",
  inputs: z
    .object({
      environmentId: environmentId.describe("Changing it manages another environment's settings instead."),
      ...settingsShape,
      restoreOnDelete: restoreOnDelete("values", "the environment"),
    })
    .refine((p) => SETTINGS.some((k) => p[k] !== undefined), {
      message: `set at least one setting (${SETTINGS.join(", ")})`,
      path: ["phpVersion"],
    }),
  outputs: z.object({
    previousSettings: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .describe(
        "The managed settings' values before this resource first changed them (restoreOnDelete puts these back).",
      ),
  }),
  secrets: [],
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "<environmentId>",
  notes:
    "Deleting it leaves the environment as it is: rolling a live site back to an older PHP version because " +
    "a stack was destroyed is the worse surprise. Set `restoreOnDelete: true` to put back the values recorded " +
    "before the first change (`previousSettings`).",
});

/** Each setting's field in Acquia's answers and in the settings PUT. */
export const API_KEYS: Record<Setting, keyof ApiSettings> = {
  phpVersion: "version",
  memoryLimit: "memory_limit",
  opcache: "opcache",
  apcu: "apcu",
  internedStringsBuffer: "interned_strings_buffer",
  clientMaxBodySize: "client_max_body_size",
  uploadMaxFilesize: "upload_max_filesize",
  maxExecutionTime: "max_execution_time",
  maxPostSize: "max_post_size",
  maxInputVars: "max_input_vars",
  memcachedLimit: "memcached_limit",
  operatingSystem: "operating_system",
};

/** The settings an environment reports, as this kind's inputs name them (null and absent left out). */
export function currentSettings(env: Environment): Partial<Record<Setting, SettingValue>> {
  const php = env.configuration?.php ?? {};
  const values: Partial<Record<Setting, SettingValue | undefined>> = {
    operatingSystem: env.configuration?.operating_system,
  };
  for (const setting of SETTINGS) {
    if (setting !== "operatingSystem")
      values[setting] = php[API_KEYS[setting] as keyof typeof php] as SettingValue;
  }
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}
