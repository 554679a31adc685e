import { cronFrequency, type Cron } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { environmentVisible, found, gone, listed, settle, unlessNotFound } from "../../runtime/common";
import { keyedHandler, type Context } from "../../runtime/handler";
import { kind } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;

function outsOf(p: Inputs, cron: Cron): Outputs {
  return {
    ...p,
    label: cron.label ?? p.label,
    command: cron.command,
    frequency: cronFrequency(cron),
    enabled: cron.flags?.enabled ?? true,
    cronId: cron.id,
    ...(cron.server?.name ? { serverName: cron.server.name } : {}),
  };
}

async function byId(ctx: Context, p: Inputs, cronId: string): Promise<Outputs | undefined> {
  const cron = await unlessNotFound(ctx.client.crons.get(p.environmentId, cronId));
  return cron && outsOf(p, cron);
}

async function setEnabled(ctx: Context, p: Inputs, cronId: string, enabled: boolean): Promise<void> {
  const { crons } = ctx.client;
  await settle(
    ctx,
    enabled ? crons.enable(p.environmentId, cronId) : crons.disable(p.environmentId, cronId),
    async () => (await byId(ctx, p, cronId))?.enabled === enabled,
  );
}

const FIELDS = ["command", "frequency", "label"] as const;

export const handler = keyedHandler({
  kind,
  family: "cron",

  // The create's answer names the new cron; the label finds it when that answer was lost.
  async find(ctx, p, createdId) {
    const cron = createdId
      ? await unlessNotFound(ctx.client.crons.get(p.environmentId, createdId))
      : await ctx.client.crons.find(p.environmentId, p.label);
    return cron && found(kind, outsOf(p, cron));
  },

  send: (ctx, p) =>
    ctx.client.crons.create(p.environmentId, { command: p.command, frequency: p.frequency, label: p.label }),
  taken: (ctx, p) =>
    listed(
      ctx,
      `crons of ${p.environmentId}`,
      () => ctx.client.crons.list(p.environmentId),
      (c) => c.label,
      p.label,
    ),
  read: (ctx, id, props) => byId(ctx, props, props.cronId ?? id),
  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const cronId = olds.cronId ?? id;
    if (FIELDS.some((k) => olds[k] !== news[k])) {
      await settle(
        ctx,
        ctx.client.crons.update(news.environmentId, cronId, {
          command: news.command,
          frequency: news.frequency,
          label: news.label,
        }),
        async () => {
          const now = await byId(ctx, news, cronId);
          return now !== undefined && FIELDS.every((k) => now[k] === news[k]);
        },
      );
    }
    if (olds.enabled !== news.enabled) await setEnabled(ctx, news, cronId, news.enabled);
    return (await byId(ctx, news, cronId)) ?? { ...olds, ...news };
  },

  async delete(ctx, id, props) {
    const cronId = props.cronId ?? id;
    await settle(
      ctx,
      ctx.client.crons.delete(props.environmentId, cronId),
      gone(() => byId(ctx, props, cronId)),
    );
  },
});
