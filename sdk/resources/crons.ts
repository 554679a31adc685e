import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, idString, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const cronSchema = z.looseObject({
  id: idString,
  /** Null on some crons (Acquia's PHP SDK types it `?string`). */
  label: maybe(z.string()),
  command: z.string(),
  minute: z.string(),
  hour: z.string(),
  day_month: z.string(),
  month: z.string(),
  day_week: z.string(),
  /** The server the job runs on; `[]` for a platform cron that runs on any web server. */
  server: maybe(
    z.union([
      z.looseObject({ id: maybe(idString), name: maybe(z.string()) }),
      z.array(z.unknown()).transform(() => undefined),
    ]),
  ),
  flags: maybe(
    z.looseObject({
      enabled: maybe(z.boolean()),
      system: maybe(z.boolean()),
      on_any_web: maybe(z.boolean()),
    }),
  ),
  _links: maybe(halLinks),
});
export type Cron = z.infer<typeof cronSchema>;

export interface CronInput {
  command: string;
  /** A five-field cron expression, e.g. `0 * * * *`. */
  frequency: string;
  label: string;
}

/** Acquia stores the schedule as five fields; this joins them back into one expression. */
export function cronFrequency(
  cron: Pick<Cron, "minute" | "hour" | "day_month" | "month" | "day_week">,
): string {
  return [cron.minute, cron.hour, cron.day_month, cron.month, cron.day_week].join(" ");
}

export class CronsApi extends ApiResource {
  list(environmentId: string, options?: RequestOptions): Promise<Cron[]> {
    return this.client.list(path`/environments/${environmentId}/crons`, cronSchema, options);
  }

  get(environmentId: string, cronId: string, options?: RequestOptions): Promise<Cron> {
    return this.client.request("GET", path`/environments/${environmentId}/crons/${cronId}`, {
      ...options,
      schema: cronSchema,
    });
  }

  /** Labels are unique per environment (Acquia refuses a second cron with the same label). */
  async find(environmentId: string, label: string, options?: RequestOptions): Promise<Cron | undefined> {
    return (await this.list(environmentId, options)).find((c) => c.label === label);
  }

  /** Starts creating a cron; the answer names the new cron (`operation.createdId`). */
  create(environmentId: string, input: CronInput, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/environments/${environmentId}/crons`, input, options);
  }

  update(
    environmentId: string,
    cronId: string,
    input: Partial<CronInput>,
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate("PUT", path`/environments/${environmentId}/crons/${cronId}`, input, options);
  }

  delete(environmentId: string, cronId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/crons/${cronId}`,
      undefined,
      options,
    );
  }

  enable(environmentId: string, cronId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/crons/${cronId}/actions/enable`,
      undefined,
      options,
    );
  }

  disable(environmentId: string, cronId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/crons/${cronId}/actions/disable`,
      undefined,
      options,
    );
  }
}
