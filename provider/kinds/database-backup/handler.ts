import type { DatabaseBackup } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { environmentParentVisible, found, readBack, settle, unlessNotFound } from "../../runtime/common";
import { ProviderError, environmentMissing } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import { log } from "../../runtime/log";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

/**
 * The backup each create is waiting for, one at a time per database. Acquia's answer to a backup
 * request does not name the backup, so the create lists the backups before and after and takes the new
 * on-demand one. Two backups of one database in flight at once (two resources, or a replacement beside
 * its old self) would each see both as new: within this process they run one after the other instead.
 */
const inFlight = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const before = inFlight.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(run);
  inFlight.set(key, mine);
  try {
    return await mine;
  } finally {
    if (inFlight.get(key) === mine) inFlight.delete(key);
  }
}

const list = (ctx: Context, p: Inputs) => ctx.client.databaseBackups.list(p.environmentId, p.databaseName);

/**
 * The backup this create made, among those that were not there before. Another process (the Cloud UI,
 * another stack) may have asked for one meanwhile, which the lock above cannot prevent: then the
 * earliest one started since the request was sent is taken, assuming Acquia starts a database's backups
 * in the order they were asked for. That is a best guess, and logged as such; both backups exist.
 */
function ours(created: DatabaseBackup[], sentAt: number): DatabaseBackup | undefined {
  const started = (b: DatabaseBackup) => Date.parse(b.started_at ?? "") || Infinity;
  // Acquia's timestamps carry whole seconds: a backup started in the second of the request counts.
  const candidates = created.filter((b) => started(b) >= Math.floor(sentAt / 1000) * 1000);
  return [...(candidates.length > 0 ? candidates : created)].sort((a, b) => started(a) - started(b))[0];
}

async function takeBackup(ctx: Context, p: Inputs): Promise<DatabaseBackup> {
  const known = new Set((await list(ctx, p)).map((b) => b.id));
  const fresh = async () =>
    (await list(ctx, p)).filter((b) => b.type === "ondemand" && !known.has(b.id) && !b.flags?.deleted);
  const sentAt = Date.now();
  await settle(ctx, ctx.client.databaseBackups.create(p.environmentId, p.databaseName), async () => {
    return (await fresh()).length > 0;
  });
  const created = await readBack(`DatabaseBackup of ${p.databaseName} on ${p.environmentId}`, async () => {
    const found = await fresh();
    return found.length > 0 ? found : undefined;
  });
  if (created.length > 1)
    log(
      `DatabaseBackup of ${p.databaseName} on ${p.environmentId}: ${created.length} new backups appeared ` +
        "while this one was taken (another client asked for one); recording the earliest started since the request",
    );
  const backup = ours(created, sentAt);
  if (!backup) throw new ProviderError("NOT_VISIBLE_YET", "DatabaseBackup: Acquia shows no new backup");
  return backup;
}

function outsOf(p: Inputs, backup: DatabaseBackup): Outputs {
  return {
    ...p,
    backupId: backup.id,
    ...(backup.started_at ? { startedAt: backup.started_at } : {}),
    ...(backup.completed_at ? { completedAt: backup.completed_at } : {}),
  };
}

async function current(ctx: Context, props: Outputs): Promise<DatabaseBackup | undefined> {
  const backup = await unlessNotFound(
    ctx.client.databaseBackups.get(props.environmentId, props.databaseName, props.backupId),
  );
  return backup && !backup.flags?.deleted ? backup : undefined;
}

/**
 * An on-demand backup, taken when the resource is created. `triggers` (and the database's identity)
 * replace it, which takes a new one; `deleteOnDestroy` decides whether the old backup goes with it.
 */
export const handler = applyHandler({
  kind,

  async preflight(ctx, p) {
    const env = await unlessNotFound(ctx.client.environments.get(p.environmentId));
    if (!env) return [{ property: "environmentId", reason: environmentMissing(p.environmentId).message }];
    const names = (await ctx.client.databases.listForEnvironment(env.id)).map((d) => d.name);
    if (names.includes(p.databaseName)) return [];
    return [
      {
        property: "databaseName",
        reason: `environment ${env.id} has no database "${p.databaseName}": choose one of ${names.join(", ") || "(none)"}`,
      },
    ];
  },

  async create(ctx, p) {
    const key = `${ctx.client.apiUrl} ${p.environmentId}/${p.databaseName}`;
    const backup = await oneAtATime(key, () => takeBackup(ctx, p));
    return found(kind, outsOf(p, backup));
  },

  async read(ctx, _id, props) {
    const backup = await current(ctx, props);
    return backup && outsOf(props, backup);
  },

  parentVisible: (ctx, props) => environmentParentVisible(ctx, props.environmentId),

  // Only deleteOnDestroy (and meta inputs) change in place: it matters to delete alone, so no call.
  update: async (_ctx, _id, olds, news) => ({ ...olds, ...news }),

  async delete(ctx, id, props) {
    if (!props.deleteOnDestroy) {
      log(`DatabaseBackup ${id}: kept at Acquia (deleteOnDestroy is off)`);
      return;
    }
    await settle(
      ctx,
      ctx.client.databaseBackups.delete(props.environmentId, props.databaseName, props.backupId),
      async () => (await current(ctx, props)) === undefined,
    );
  },
});
