import { z } from "zod";
import type { RequestOptions } from "../client";
import { idString, maybe } from "../hal/schemas";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const codeRefSchema = z.looseObject({
  name: z.string(),
  flags: maybe(z.looseObject({ tag: maybe(z.boolean()) })),
});
export type CodeRef = z.infer<typeof codeRefSchema>;

/** A build artifact of a Node.js application; only `ready` ones can be deployed. */
export const artifactSchema = z.looseObject({
  id: idString,
  name: maybe(z.string()),
  state: maybe(z.string()),
  created_at: maybe(z.string()),
});
export type Artifact = z.infer<typeof artifactSchema>;

/**
 * What a deployment runs besides the code: Cloud Action ids (`[]` for none). Without it Acquia runs
 * the environment's enabled actions.
 */
export interface DeployOptions {
  "cloud-actions"?: string[];
}

export class CodeApi extends ApiResource {
  /** Branches and tags (tags are named `tags/<name>`). */
  listRefs(applicationUuid: string, options?: RequestOptions): Promise<CodeRef[]> {
    return this.client.list(path`/applications/${applicationUuid}/code`, codeRefSchema, options);
  }

  /** Deploys a branch or tag to the environment (read back as the environment's `vcs.path`). */
  switch(
    environmentId: string,
    input: { branch: string } & DeployOptions,
    options?: RequestOptions,
  ): Promise<Operation> {
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
    input: { source: string; message?: string } & DeployOptions,
    options?: RequestOptions,
  ): Promise<Operation> {
    return this.client.mutate("POST", path`/environments/${environmentId}/code`, input, options);
  }

  listArtifacts(applicationUuid: string, options?: RequestOptions): Promise<Artifact[]> {
    return this.client.list(path`/applications/${applicationUuid}/artifacts`, artifactSchema, {
      ...options,
      paged: true,
    });
  }

  getArtifact(applicationUuid: string, artifactId: string, options?: RequestOptions): Promise<Artifact> {
    return this.client.request("GET", path`/applications/${applicationUuid}/artifacts/${artifactId}`, {
      ...options,
      schema: artifactSchema,
    });
  }

  /** Deploys a build artifact (read back as the environment's `artifact`). */
  deployArtifact(environmentId: string, artifactId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/artifacts/actions/switch`,
      { artifact_id: artifactId },
      options,
    );
  }
}
