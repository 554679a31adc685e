import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, maybe } from "../hal/schemas";
import { registerSecret } from "../http/redact";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

/** Acquia returns values in clear text: callers must treat `value` as a secret. */
export const variableSchema = z.looseObject({
  name: z.string(),
  value: maybe(z.string()),
  _links: maybe(halLinks),
});
export type Variable = z.infer<typeof variableSchema>;

export interface VariableInput {
  name: string;
  value: string;
}

export class VariablesApi extends ApiResource {
  async list(environmentId: string, options?: RequestOptions): Promise<Variable[]> {
    const all = await this.client.list(path`/environments/${environmentId}/variables`, variableSchema, {
      ...options,
      paged: true,
    });
    all.forEach((v) => registerSecret(v.value));
    return all;
  }

  async get(environmentId: string, name: string, options?: RequestOptions): Promise<Variable> {
    const variable = await this.client.request(
      "GET",
      path`/environments/${environmentId}/variables/${name}`,
      {
        ...options,
        schema: variableSchema,
      },
    );
    registerSecret(variable.value);
    return variable;
  }

  create(environmentId: string, input: VariableInput, options?: RequestOptions): Promise<Operation> {
    registerSecret(input.value);
    return this.client.mutate("POST", path`/environments/${environmentId}/variables`, input, options);
  }

  update(environmentId: string, input: VariableInput, options?: RequestOptions): Promise<Operation> {
    registerSecret(input.value);
    return this.client.mutate(
      "PUT",
      path`/environments/${environmentId}/variables/${input.name}`,
      input,
      options,
    );
  }

  delete(environmentId: string, name: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/variables/${name}`,
      undefined,
      options,
    );
  }
}
