import { z } from "zod";
import type { Environment, EnvironmentSettings as ApiSettings } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import {
  environmentId,
  environmentMissing,
  environmentParentVisible,
  metaShape,
  settle,
  unlessNotFound,
} from "./common";

type ApiKey = keyof ApiSettings;

const between = (field: string, minimum: number, maximum: number) =>
  z
    .number()
    .int(`${field} must be a whole number`)
    .min(minimum, `${field} must be between ${minimum} and ${maximum}`)
    .max(maximum, `${field} must be between ${minimum} and ${maximum}`)
    .optional();

// Ranges from the spec's `environment-configuration` schema, so a typo fails in preview, not mid-update.
const settingsShape = {
  phpVersion: z
    .string()
    .regex(/^\d+\.\d+$/, 'phpVersion must be a PHP minor version such as "8.3"')
    .optional(),
  memoryLimit: between("memoryLimit (MB)", 128, 1024),
  opcache: between("opcache (MB)", 96, 512),
  apcu: between("apcu (MB)", 32, 512),
  internedStringsBuffer: between("internedStringsBuffer (MB)", 8, 32),
  clientMaxBodySize: between("clientMaxBodySize (MB)", 0, 1024),
  uploadMaxFilesize: between("uploadMaxFilesize (MB)", 0, 1024),
  maxExecutionTime: between("maxExecutionTime (seconds)", 1, 300),
  maxPostSize: between("maxPostSize (MB)", 64, 1024),
  maxInputVars: between("maxInputVars", 500, 20000),
  memcachedLimit: between("memcachedLimit (MB)", 0, 12288),
  operatingSystem: z.string().min(1, 'operatingSystem must name a release such as "noble"').optional(),
};
type Setting = keyof typeof settingsShape;
type Value = string | number;

const API_KEYS: Record<Setting, ApiKey> = {
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
const SETTINGS = Object.keys(settingsShape) as Setting[];

const inputs = z
  .object({
    environmentId,
    ...settingsShape,
    /** Put back the values found before the first change when the resource is deleted. */
    restoreOnDelete: z.boolean().default(false),
    ...metaShape,
  })
  .refine((p) => SETTINGS.some((k) => p[k] !== undefined), {
    message: `set at least one setting (${SETTINGS.join(", ")})`,
    path: ["phpVersion"],
  });
type Inputs = z.infer<typeof inputs>;
export interface EnvironmentSettingsOutputs extends Inputs {
  /** What each managed setting was before this resource first changed it: restoreOnDelete puts these back. */
  previousSettings: Partial<Record<Setting, Value>>;
}

function currentSettings(env: Environment): Partial<Record<Setting, Value>> {
  const php = env.configuration?.php ?? {};
  const values: Partial<Record<Setting, Value | null | undefined>> = {
    operatingSystem: env.configuration?.operating_system,
  };
  for (const setting of SETTINGS) {
    if (setting !== "operatingSystem") values[setting] = php[API_KEYS[setting] as keyof typeof php] as Value;
  }
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}

const managed = (p: Partial<Record<Setting, unknown>>) => SETTINGS.filter((k) => p[k] !== undefined);

/** Sends exactly the wanted values that differ: Acquia refuses a PUT that would change nothing. */
async function apply(
  ctx: Context,
  id: string,
  want: Partial<Record<Setting, Value>>,
  have: Partial<Record<Setting, Value>>,
): Promise<void> {
  const changes = Object.fromEntries(
    managed(want)
      .filter((k) => want[k] !== have[k])
      .map((k) => [API_KEYS[k], want[k]]),
  ) as ApiSettings;
  if (Object.keys(changes).length === 0) return;
  await settle(ctx, ctx.client.environments.updateSettings(id, changes), async () => {
    const env = await environment(ctx, id);
    const now = env ? currentSettings(env) : {};
    // A setting Acquia does not report (null: not offered here) cannot be seen to change.
    return managed(want).every((k) => now[k] === undefined || now[k] === want[k]);
  });
}

async function environment(ctx: Context, id: string): Promise<Environment | undefined> {
  return unlessNotFound(ctx.client.environments.get(id));
}

function outsOf(p: Inputs, env: Environment, previous: Partial<Record<Setting, Value>>) {
  const now = currentSettings(env);
  // A setting Acquia reports as null (not offered on this platform) keeps the program's value rather
  // than showing a difference on every run.
  const read = Object.fromEntries(managed(p).map((k) => [k, now[k] ?? p[k]]));
  return { ...p, ...read, previousSettings: previous } as EnvironmentSettingsOutputs;
}

/**
 * Runtime settings of an environment that exists anyway (dev, stage, prod or a CD environment).
 * Only the settings named in the program are managed. Deleting the resource leaves the environment
 * as it is unless `restoreOnDelete` is set: silently rolling a live site back to an old PHP version
 * is a worse surprise than settings that outlive the stack.
 */
export const environmentSettingsHandler: ResourceHandler<Inputs, EnvironmentSettingsOutputs> = {
  kind: "EnvironmentSettings",
  inputs,
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  adoptable: false,

  // Settings always exist: there is nothing to conflict with or adopt.
  find: async () => undefined,

  async create(ctx, p) {
    const before = await environment(ctx, p.environmentId);
    if (!before) throw environmentMissing(p.environmentId);
    const have = currentSettings(before);
    const previous = Object.fromEntries(managed(p).map((k) => [k, have[k]]));
    await apply(ctx, p.environmentId, p, have);
    const after = (await environment(ctx, p.environmentId)) ?? before;
    return { id: p.environmentId, outs: outsOf(p, after, previous) };
  },

  async read(ctx, id, props) {
    const env = await environment(ctx, id);
    return env && outsOf(props, env, props.previousSettings ?? {});
  },

  parentVisible: (ctx, props) => environmentParentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const before = await environment(ctx, id);
    if (!before) throw environmentMissing(id);
    const have = currentSettings(before);
    // A setting managed for the first time records its value now; earlier records stay, and a
    // setting no longer in the program is no longer ours to restore.
    const recorded = olds.previousSettings ?? {};
    const previous = Object.fromEntries(managed(news).map((k) => [k, k in recorded ? recorded[k] : have[k]]));
    await apply(ctx, id, news, have);
    const after = (await environment(ctx, id)) ?? before;
    return outsOf(news, after, previous);
  },

  async delete(ctx, id, props) {
    if (!props.restoreOnDelete) return;
    const env = await environment(ctx, id);
    const recorded = props.previousSettings ?? {};
    const restore = Object.fromEntries(managed(props).map((k) => [k, recorded[k]]));
    if (env) await apply(ctx, id, restore, currentSettings(env));
  },
};
