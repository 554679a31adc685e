import { readFileSync } from "node:fs";
import { locateAcquiaSpec } from "../helpers/acquia-spec";
import { operations } from "./helpers/spec-operations";
import { SpecSchemas, variants } from "./helpers/spec-variants";

/**
 * Every example the official spec gives for a successful answer of an operation this client
 * implements must parse with the client's schemas, and so must every answer the spec allows that its
 * examples do not show (nulls, absent optional fields, the other branch of a `oneOf`, ids as numbers
 * or strings): the schemas must be at least as lenient as Acquia.
 */
const SPEC = locateAcquiaSpec("Spec-example test");

interface Media {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, Media> }> }>>;
  components: Record<string, Record<string, unknown>>;
}

const describeSpec = SPEC ? describe : describe.skip;

describeSpec("spec examples parse with the client's schemas", () => {
  const spec = SPEC ? (JSON.parse(readFileSync(SPEC, "utf8")) as Spec) : { paths: {}, components: {} };
  const schemas = new SpecSchemas(spec.components);

  /** The 2xx examples of an operation, each with the schema its media type declares. */
  function examplesOf(method: string, path: string): { schema: unknown; example: unknown }[] {
    const op = spec.paths[path]?.[method];
    expect(op).toBeDefined();
    const found: { schema: unknown; example: unknown }[] = [];
    for (const [status, response] of Object.entries(op?.responses ?? {})) {
      if (!status.startsWith("2")) continue;
      for (const media of Object.values(response.content ?? {})) {
        if (media.example !== undefined) found.push({ schema: media.schema, example: media.example });
        for (const ex of Object.values(media.examples ?? {}))
          if (ex.value !== undefined) found.push({ schema: media.schema, example: ex.value });
      }
    }
    return found;
  }

  it.each(operations)("%s %s: the examples", (method, path, schema) => {
    for (const { example } of examplesOf(method, path)) {
      const result = schema.safeParse(example);
      if (!result.success)
        throw new Error(
          `${method.toUpperCase()} ${path}: ${JSON.stringify(result.error.issues.slice(0, 3))}`,
        );
    }
  });

  it.each(operations)("%s %s: every shape the spec allows", (method, path, schema) => {
    const refused: string[] = [];
    for (const { schema: declared, example } of examplesOf(method, path)) {
      for (const variant of variants(schemas, declared, example)) {
        const result = schema.safeParse(variant.value);
        if (!result.success) refused.push(`${variant.change}: ${result.error.issues[0]?.message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("covers examples for most operations", () => {
    const withExamples = operations.filter(([m, p]) =>
      Object.entries(spec.paths[p]?.[m]?.responses ?? {}).some(
        ([s, r]) =>
          s.startsWith("2") &&
          Object.values(r.content ?? {}).some((c) => c.example !== undefined || c.examples !== undefined),
      ),
    );
    expect(withExamples.length).toBeGreaterThan(operations.length * 0.8);
  });
});
