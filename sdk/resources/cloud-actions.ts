import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const cloudActionSchema = z.looseObject({
  /** Acquia's id of the action, the same on every environment. */
  id: z.string(),
  /** What the Cloud UI shows, e.g. "Backup all databases". */
  label: z.string(),
  description: maybe(z.string()),
  /** `pre-deployment` or `post-deployment`. */
  type: maybe(z.string()),
  /** `enabled`: deployments run it unless told otherwise; `default`: what a reset goes back to. */
  flags: maybe(z.looseObject({ enabled: maybe(z.boolean()), default: maybe(z.boolean()) })),
  _links: maybe(halLinks),
});
export type CloudAction = z.infer<typeof cloudActionSchema>;

/** Which actions deployments run by default, by action id: `true` runs it, `false` does not. */
export type CloudActionSwitches = Record<string, boolean>;

/**
 * The Cloud Actions of an environment: the steps a code deployment runs before and after switching
 * code (back up databases, run database updates …), and which of them run by default.
 */
export class CloudActionsApi extends ApiResource {
  list(environmentId: string, options?: RequestOptions): Promise<CloudAction[]> {
    return this.client.list(path`/environments/${environmentId}/cloud-actions`, cloudActionSchema, options);
  }

  /** Switches the actions named; the others stay as they are. */
  update(environmentId: string, switches: CloudActionSwitches, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "PUT",
      path`/environments/${environmentId}/cloud-actions`,
      { "cloud-actions": switches },
      options,
    );
  }

  /** Puts every action back to whether Acquia runs it by default (`flags.default`). */
  reset(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/cloud-actions/actions/reset`,
      undefined,
      options,
    );
  }

  /** Turns Cloud Actions on for the environment as a whole. */
  enable(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/cloud-actions/actions/enable`,
      undefined,
      options,
    );
  }

  /** Turns Cloud Actions off for the environment as a whole: deployments then run none. */
  disable(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/cloud-actions/actions/disable`,
      undefined,
      options,
    );
  }
}
