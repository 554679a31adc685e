import type { RequestOptions } from "../client";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export class FilesApi extends ApiResource {
  /** Copies the files of environment `source` (same application) into this environment. */
  copy(environmentId: string, input: { source: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate("POST", path`/environments/${environmentId}/files`, input, options);
  }
}
