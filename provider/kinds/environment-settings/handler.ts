import type { Environment, EnvironmentSettings as ApiSettings } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { environmentParentVisible, settle, unlessNotFound } from "../../runtime/common";
import { environmentMissing } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import { API_KEYS, SETTINGS, currentSettings, kind, type Setting, type SettingValue } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;
type Values = Partial<Record<Setting, SettingValue>>;

const managed = (p: Partial<Record<Setting, unknown>>) => SETTINGS.filter((k) => p[k] !== undefined);

const environment = (ctx: Context, id: string) => unlessNotFound(ctx.client.environments.get(id));

/** Sends exactly the wanted values that differ: Acquia refuses a PUT that would change nothing. */
async function apply(ctx: Context, id: string, want: Values, have: Values): Promise<void> {
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

function outsOf(p: Inputs, env: Environment, previous: Values): Outputs {
  const now = currentSettings(env);
  // A setting Acquia reports as null (not offered on this platform) keeps the program's value rather
  // than showing a difference on every run. An import (nothing managed yet) records every setting.
  const keys = managed(p).length > 0 ? managed(p) : SETTINGS;
  const read = Object.fromEntries(keys.map((k) => [k, now[k] ?? p[k]]));
  return { ...p, ...read, previousSettings: previous } as Outputs;
}

/**
 * Runtime settings of an environment that exists anyway (dev, stage, prod or a CD environment).
 * Only the settings named in the program are managed. Deleting the resource leaves the environment
 * as it is unless `restoreOnDelete` is set: silently rolling a live site back to an old PHP version
 * is a worse surprise than settings that outlive the stack.
 */
export const handler = applyHandler({
  kind,
  // A setting in state that this stack never changed (recorded by an import) is not the program's to
  // track: leaving it out of the program is no change.
  equivalent: (key, _held, given, olds) =>
    given === undefined && (SETTINGS as string[]).includes(key) && !(key in (olds.previousSettings ?? {})),

  // Acquia lists the PHP versions and operating systems an environment may switch to: a value it does
  // not offer fails the preview instead of the update.
  async preflight(ctx, p, olds) {
    const failures: { property: string; reason: string }[] = [];
    const env = p.environmentId;
    if (!(await environment(ctx, env)))
      return [{ property: "environmentId", reason: environmentMissing(env).message }];
    if (p.phpVersion !== undefined && p.phpVersion !== olds.phpVersion) {
      const { runtime, versions } = await ctx.client.environments.availableRuntimes(env);
      if (runtime !== undefined && runtime !== "php")
        failures.push({
          property: "phpVersion",
          reason: `environment ${env} runs ${runtime === "node" ? "Node.js" : runtime}, not PHP: remove phpVersion`,
        });
      else if (versions.length > 0 && !versions.includes(p.phpVersion))
        failures.push({
          property: "phpVersion",
          reason: `phpVersion ${p.phpVersion} is not offered on environment ${env}: choose one of ${versions.join(", ")}`,
        });
    }
    if (p.operatingSystem !== undefined && p.operatingSystem !== olds.operatingSystem) {
      const offered = (await ctx.client.environments.operatingSystems(env)).versions
        .filter((os) => os.available !== false)
        .flatMap((os) => (os.name ? [os.name] : []));
      if (offered.length > 0 && !offered.includes(p.operatingSystem))
        failures.push({
          property: "operatingSystem",
          reason: `operatingSystem ${p.operatingSystem} is not offered on environment ${env}: choose one of ${offered.join(", ")}`,
        });
    }
    return failures;
  },

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
    const recorded: Values = olds.previousSettings ?? {};
    const previous = Object.fromEntries(managed(news).map((k) => [k, k in recorded ? recorded[k] : have[k]]));
    await apply(ctx, id, news, have);
    const after = (await environment(ctx, id)) ?? before;
    return outsOf(news, after, previous);
  },

  async delete(ctx, id, props) {
    if (!props.restoreOnDelete) return;
    const env = await environment(ctx, id);
    const recorded: Values = props.previousSettings ?? {};
    const restore = Object.fromEntries(managed(props).map((k) => [k, recorded[k]]));
    if (env) await apply(ctx, id, restore, currentSettings(env));
  },
});
