import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

/** `active` once provisioned; `installing`, `deleting` … while a change runs; the `…-failed` ones after. */
export const cdnStatusSchema = z.looseObject({ status: z.string(), _links: maybe(halLinks) });
export type CdnStatus = z.infer<typeof cdnStatusSchema>;

/** `active` or `inactive`. */
export const modProxyStatusSchema = z.looseObject({ status: z.string(), _links: maybe(halLinks) });
export type ModProxyStatus = z.infer<typeof modProxyStatusSchema>;

/**
 * An environment's switches outside its runtime settings: production mode (`flags.production_mode`
 * of the environment), Platform CDN and mod_proxy. Each has its own endpoints and its own answer.
 */
export class EnvironmentFlagsApi extends ApiResource {
  /**
   * Production mode refuses copying databases and files into the environment. Acquia answers with a
   * message only: read `flags.production_mode` of the environment to see the change.
   */
  enableProductionMode(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.post(path`/environments/${environmentId}/production-mode/actions/enable`, options);
  }

  disableProductionMode(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.post(path`/environments/${environmentId}/production-mode/actions/disable`, options);
  }

  /** The Platform CDN's status; Acquia answers 404 when the environment has none. */
  cdn(environmentId: string, options?: RequestOptions): Promise<CdnStatus> {
    return this.client.request("GET", path`/environments/${environmentId}/cdn`, {
      ...options,
      schema: cdnStatusSchema,
    });
  }

  /** Provisions Platform CDN (409 when already enabled, or not supported here). */
  enableCdn(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.post(path`/environments/${environmentId}/cdn`, options);
  }

  /** Deprovisions Platform CDN (409 when not enabled). */
  disableCdn(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("DELETE", path`/environments/${environmentId}/cdn`, undefined, options);
  }

  /** Whether mod_proxy is on; Acquia answers 409 where mod_proxy is not available. */
  modProxy(environmentId: string, options?: RequestOptions): Promise<ModProxyStatus> {
    return this.client.request("GET", path`/environments/${environmentId}/mod-proxy`, {
      ...options,
      schema: modProxyStatusSchema,
    });
  }

  /** Acquia answers with a message only: read `modProxy` to see the change. */
  enableModProxy(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.post(path`/environments/${environmentId}/mod-proxy/actions/enable`, options);
  }

  disableModProxy(environmentId: string, options?: RequestOptions): Promise<Operation> {
    return this.post(path`/environments/${environmentId}/mod-proxy/actions/disable`, options);
  }

  private post(apiPath: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", apiPath, undefined, options);
  }
}
