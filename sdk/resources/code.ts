import { z } from "zod";
import type { RequestOptions } from "../client";
import { maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const codeRefSchema = z.looseObject({
  name: z.string(),
  flags: maybe(z.looseObject({ tag: maybe(z.boolean()) })),
});
export type CodeRef = z.infer<typeof codeRefSchema>;

export class CodeApi extends ApiResource {
  /** Branches and tags (tags are named `tags/<name>`). */
  listRefs(applicationUuid: string, options?: RequestOptions): Promise<CodeRef[]> {
    return this.client.list(path`/applications/${applicationUuid}/code`, codeRefSchema, options);
  }

  /** Deploys a branch or tag to the environment (read back as the environment's `vcs.path`). */
  switch(environmentId: string, input: { branch: string }, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/code/actions/switch`,
      input,
      options,
    );
  }

  /** Deploys the code of environment `source` to this environment. */
  deploy(
    environmentId: string,
    input: { source: string; message?: string },
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate("POST", path`/environments/${environmentId}/code`, input, options);
  }
}
