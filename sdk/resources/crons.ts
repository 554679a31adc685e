import { z } from "zod";
import { halLinks, idString, lastSegment, maybe } from "../hal/schemas";
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
  list(environmentId: string, signal?: AbortSignal): Promise<Cron[]> {
    return this.client.list(path`/environments/${environmentId}/crons`, cronSchema, { signal });
  }

  get(environmentId: string, cronId: string, signal?: AbortSignal): Promise<Cron> {
    return this.client.request("GET", path`/environments/${environmentId}/crons/${cronId}`, {
      schema: cronSchema,
      signal,
    });
  }

  /** Labels are unique per environment (Acquia refuses a second cron with the same label). */
  async findByLabel(environmentId: string, label: string, signal?: AbortSignal): Promise<Cron | undefined> {
    return (await this.list(environmentId, signal)).find((c) => c.label === label);
  }

  /** Starts creating a cron; the answer's `_links.self` already names the new cron id. */
  async create(
    environmentId: string,
    input: CronInput,
    signal?: AbortSignal,
  ): Promise<{ operation: Operation; cronId: string | undefined }> {
    const operation = await this.client.mutate(
      "POST",
      path`/environments/${environmentId}/crons`,
      input,
      signal,
    );
    const self = operation.selfHref;
    const id = self ? lastSegment(self) : undefined;
    return { operation, cronId: id && id !== "crons" ? id : undefined };
  }

  update(
    environmentId: string,
    cronId: string,
    input: Partial<CronInput>,
    signal?: AbortSignal,
  ): Promise<Operation> {
    return this.client.mutate("PUT", path`/environments/${environmentId}/crons/${cronId}`, input, signal);
  }

  delete(environmentId: string, cronId: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/crons/${cronId}`,
      undefined,
      signal,
    );
  }

  enable(environmentId: string, cronId: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/crons/${cronId}/actions/enable`,
      undefined,
      signal,
    );
  }

  disable(environmentId: string, cronId: string, signal?: AbortSignal): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/crons/${cronId}/actions/disable`,
      undefined,
      signal,
    );
  }
}
