import type { InputsOf, OutputsOf } from "../kind";
import { environmentParentVisible, unlessNotFound } from "../../runtime/common";
import { environmentMissing } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import { FLAGS, FLAG_NAMES, kind, type Flag, type FlagValues } from "./definition";
import { readFlags, switchFlag } from "../../runtime/environment-flags";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

const managed = (p: Partial<Record<Flag, unknown>>) => FLAGS.filter((k) => p[k] !== undefined);

/** Switches exactly the wanted flags that differ, one at a time: each is its own request and task. */
async function apply(ctx: Context, id: string, want: FlagValues, have: FlagValues): Promise<void> {
  for (const flag of managed(want)) {
    const on = want[flag];
    if (on !== undefined && on !== have[flag]) await switchFlag(ctx, id, flag, on);
  }
}

async function current(ctx: Context, id: string, which: readonly Flag[]): Promise<FlagValues> {
  const values = await readFlags(ctx, id, which);
  if (!values) throw environmentMissing(id);
  return values;
}

function outsOf(p: Inputs, now: FlagValues, previous: FlagValues): Outputs {
  // An import (nothing managed yet) records every flag Acquia reports; a flag it does not offer here
  // keeps the program's value rather than showing a difference on every run.
  const keys = managed(p).length > 0 ? managed(p) : FLAGS;
  const read = Object.fromEntries(
    keys.flatMap((k) => ((now[k] ?? p[k]) === undefined ? [] : [[k, now[k] ?? p[k]]])),
  );
  return { ...p, ...read, previousFlags: previous } as Outputs;
}

/** The recorded value of each managed flag: earlier records stay, a flag managed anew records it now. */
function recordOf(p: Inputs, have: FlagValues, recorded: FlagValues = {}): FlagValues {
  return Object.fromEntries(
    managed(p).flatMap((k) => {
      const value = k in recorded ? recorded[k] : have[k];
      return value === undefined ? [] : [[k, value]];
    }),
  );
}

/**
 * Production mode, Platform CDN and mod_proxy of an environment that exists anyway. Only the flags
 * named in the program are managed. Deleting the resource leaves them as they are unless
 * `restoreOnDelete` is set: switching a live site's CDN or production lock off because a stack was
 * destroyed is the worse surprise.
 */
export const handler = applyHandler({
  kind,
  // A flag in state that this stack never changed (recorded by an import) is not the program's to
  // track: leaving it out of the program is no change.
  equivalent: (key, _held, given, olds) =>
    given === undefined && (FLAGS as string[]).includes(key) && !(key in (olds.previousFlags ?? {})),

  // What Acquia would refuse anyway, found in preview: mod_proxy where it is not offered, production
  // mode on an environment that is not a production one.
  async preflight(ctx, p, olds) {
    const id = p.environmentId;
    const env = await unlessNotFound(ctx.client.environments.get(id));
    if (!env) return [{ property: "environmentId", reason: environmentMissing(id).message }];
    const changing = managed(p).filter((k) => p[k] !== olds[k]);
    const now = (await readFlags(ctx, id, changing, env)) ?? {};
    const failures: { property: string; reason: string }[] = [];
    if (changing.includes("modProxy") && now.modProxy === undefined)
      failures.push({
        property: "modProxy",
        reason: `modProxy: ${FLAG_NAMES.modProxy} is not available on environment ${id}. Remove modProxy for this environment.`,
      });
    if (
      changing.includes("productionMode") &&
      now.productionMode !== p.productionMode &&
      env.flags?.production === false
    )
      failures.push({
        property: "productionMode",
        reason:
          `productionMode: environment ${id} (${env.label}) is not a production environment, and only those ` +
          "have production mode. Remove productionMode, or set it on the application's production environment.",
      });
    return failures;
  },

  async create(ctx, p) {
    const have = await current(ctx, p.environmentId, managed(p));
    const previous = recordOf(p, have);
    await apply(ctx, p.environmentId, p, have);
    return {
      id: p.environmentId,
      outs: outsOf(p, await current(ctx, p.environmentId, managed(p)), previous),
    };
  },

  async read(ctx, id, props) {
    const which = managed(props).length > 0 ? managed(props) : FLAGS;
    const now = await readFlags(ctx, id, which);
    return now && outsOf(props, now, props.previousFlags ?? {});
  },

  parentVisible: (ctx, props) => environmentParentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const have = await current(ctx, id, managed(news));
    const previous = recordOf(news, have, olds.previousFlags ?? {});
    await apply(ctx, id, news, have);
    return outsOf(news, await current(ctx, id, managed(news)), previous);
  },

  async delete(ctx, id, props) {
    if (!props.restoreOnDelete) return;
    const recorded: FlagValues = props.previousFlags ?? {};
    const restore = Object.fromEntries(
      managed(props).flatMap((k) => (k in recorded ? [[k, recorded[k]]] : [])),
    );
    const now = await readFlags(ctx, id, managed(restore));
    if (now) await apply(ctx, id, restore, now);
  },
});
