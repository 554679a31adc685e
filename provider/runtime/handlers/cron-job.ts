import { z } from "zod";
import { cronFrequency, type Cron } from "../../../sdk";
import type { Context, ResourceHandler } from "../handler";
import {
  createAndReadBack,
  environmentId,
  environmentVisible,
  gone,
  metaShape,
  settle,
  unlessNotFound,
} from "./common";

const field = "[\\w*/,\\-]+";
const inputs = z.object({
  environmentId,
  label: z.string().min(1, "label is required (Acquia requires a unique label per environment)").max(255),
  command: z.string().min(1, "command is required"),
  frequency: z
    .string()
    .transform((f) => f.trim().split(/\s+/).join(" "))
    .pipe(
      z
        .string()
        .regex(
          new RegExp(`^${field}( ${field}){4}$`),
          'frequency must be a five-field cron expression such as "0 */6 * * *"',
        ),
    ),
  enabled: z.boolean().default(true),
  ...metaShape,
});
type Inputs = z.infer<typeof inputs>;
export interface CronJobOutputs extends Inputs {
  cronId: string;
  serverName?: string;
}

function outsOf(p: Inputs, cron: Cron): CronJobOutputs {
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

async function byId(ctx: Context, p: Inputs, cronId: string): Promise<CronJobOutputs | undefined> {
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

export const cronJobHandler: ResourceHandler<Inputs, CronJobOutputs> = {
  kind: "CronJob",
  inputs,
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,

  async find(ctx, p) {
    const cron = await ctx.client.crons.findByLabel(p.environmentId, p.label);
    return cron && { id: cron.id, outs: outsOf(p, cron) };
  },

  async create(ctx, p) {
    let cronId: string | undefined;
    // The create answer names the new cron; the label finds it when that answer was lost.
    const created = async () =>
      (cronId ? await unlessNotFound(ctx.client.crons.get(p.environmentId, cronId)) : undefined) ??
      (await ctx.client.crons.findByLabel(p.environmentId, p.label));
    const send = async () => {
      const sent = await ctx.client.crons.create(p.environmentId, {
        command: p.command,
        frequency: p.frequency,
        label: p.label,
      });
      cronId = sent.cronId;
      return sent.operation;
    };
    const cron = await createAndReadBack(ctx, `Cron job ${p.label}`, "cron", send, created);
    let outs = outsOf(p, cron);
    if (outs.enabled !== p.enabled) {
      await setEnabled(ctx, p, cron.id, p.enabled);
      outs = { ...outs, enabled: p.enabled };
    }
    return { id: cron.id, outs };
  },

  read: (ctx, id, props) => byId(ctx, props, props.cronId ?? id),
  parentVisible: (ctx, props) => environmentVisible(ctx, props.environmentId),

  async update(ctx, id, olds, news) {
    const cronId = olds.cronId ?? id;
    const fields = ["command", "frequency", "label"] as const;
    if (fields.some((k) => olds[k] !== news[k])) {
      await settle(
        ctx,
        ctx.client.crons.update(news.environmentId, cronId, {
          command: news.command,
          frequency: news.frequency,
          label: news.label,
        }),
        async () => {
          const now = await byId(ctx, news, cronId);
          return now !== undefined && fields.every((k) => now[k] === news[k]);
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
};
