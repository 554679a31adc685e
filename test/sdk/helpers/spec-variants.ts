/**
 * Answers the spec allows but its examples do not show. Walks a response example together with the
 * operation's declared schema and derives, one change at a time: every nullable field set to null,
 * every optional field left out, every `oneOf`/`anyOf` array alternative as an empty array, and every
 * id sent as a number where the spec says string (and the other way round). A tolerant client parses
 * each of them.
 */

/**
 * Fields the spec declares non-null but Acquia sends as null: Acquia's own PHP SDK
 * (typhonius/acquia-php-sdk-v2, src/Response/*Response.php) types them nullable. Keyed by the spec's
 * component name without its `Acquia_Cloud_API_Documentation_` prefix (variants such as
 * `application-no-embedded` included).
 */
export const NULL_IN_PRACTICE: Record<string, readonly string[]> = {
  cron: ["label"],
  application: ["type", "hosting"],
  environment: ["image_url", "ssh_url", "region", "configuration", "artifact"],
  database: ["user_name", "password", "url", "ssh_host"],
  domain: ["ip_addresses", "cnames"],
  team: ["created_at", "updated_at", "organization"],
  certificate: ["label", "private_key"],
  notification: ["completed_at", "_links"],
};

type Json = unknown;
type Schema = Record<string, Json>;

export interface Variant {
  /** What was changed, e.g. `_embedded.items[0].label = null`. */
  change: string;
  value: Json;
}

export class SpecSchemas {
  constructor(private readonly components: Record<string, Record<string, Json>>) {}

  /** Follows `$ref`s and merges `allOf` so a schema's properties can be read directly. */
  /** The component a `$ref` names, e.g. `Acquia_Cloud_API_Documentation_cron`. */
  static refName(schema: Json): string | undefined {
    const ref = (schema as Schema | undefined)?.["$ref"];
    return typeof ref === "string" ? ref.split("/").pop() : undefined;
  }

  resolve(schema: Json, depth = 0): Schema {
    if (depth > 20 || typeof schema !== "object" || schema === null) return {};
    const s = schema as Schema;
    if (typeof s["$ref"] === "string") {
      const name = (s["$ref"] as string).split("/").pop() ?? "";
      return this.resolve(this.components["schemas"]?.[name], depth + 1);
    }
    if (Array.isArray(s["allOf"])) {
      const merged: Schema = { type: "object", properties: {}, required: [] };
      for (const part of s["allOf"] as Json[]) {
        const r = this.resolve(part, depth + 1);
        Object.assign(merged["properties"] as Schema, r["properties"] ?? {});
        (merged["required"] as string[]).push(...((r["required"] as string[] | undefined) ?? []));
        if (r["nullable"]) merged["nullable"] = true;
      }
      return merged;
    }
    return s;
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function setAt(root: Json, path: (string | number)[], value: Json | typeof REMOVE): Json {
  const copy = clone(root);
  let target = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (value === REMOVE) delete target[last];
  else target[last] = value;
  return copy;
}

const REMOVE = Symbol("remove");

function label(path: (string | number)[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
    .join("")
    .replace(/^\./, "");
}

/** The variants of `example` under `schema`, one change each. */
export function variants(schemas: SpecSchemas, schema: Json, example: Json): Variant[] {
  const out: Variant[] = [];
  const walk = (node: Json, nodeSchema: Json, path: (string | number)[]): void => {
    const s = schemas.resolve(nodeSchema);
    if (Array.isArray(node)) {
      const itemSchema = s["items"];
      node.forEach((item, i) => walk(item, itemSchema, [...path, i]));
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const properties = (s["properties"] ?? {}) as Record<string, Json>;
    const required = new Set((s["required"] as string[] | undefined) ?? []);
    const component = (SpecSchemas.refName(nodeSchema) ?? "").replace(/^Acquia_Cloud_API_Documentation_/, "");
    const nullInPractice = new Set(
      Object.entries(NULL_IN_PRACTICE).find(
        ([name]) => component === name || component.startsWith(`${name}-no-`),
      )?.[1] ?? [],
    );
    for (const [key, child] of Object.entries(node as Record<string, Json>)) {
      const childPath = [...path, key];
      const childSchema = schemas.resolve(properties[key]);
      if (properties[key] === undefined) continue;
      if ((childSchema["nullable"] === true || nullInPractice.has(key)) && child !== null)
        out.push({ change: `${label(childPath)} = null`, value: setAt(example, childPath, null) });
      if (!required.has(key))
        out.push({ change: `${label(childPath)} absent`, value: setAt(example, childPath, REMOVE) });
      for (const alternative of [
        ...((childSchema["oneOf"] as Json[] | undefined) ?? []),
        ...((childSchema["anyOf"] as Json[] | undefined) ?? []),
      ]) {
        if (schemas.resolve(alternative)["type"] === "array" && !Array.isArray(child))
          out.push({ change: `${label(childPath)} = []`, value: setAt(example, childPath, []) });
      }
      if (key === "id" && typeof child === "string" && /^\d+$/.test(child))
        out.push({
          change: `${label(childPath)} as a number`,
          value: setAt(example, childPath, Number(child)),
        });
      if (key === "id" && typeof child === "number")
        out.push({
          change: `${label(childPath)} as a string`,
          value: setAt(example, childPath, String(child)),
        });
      walk(child, properties[key], childPath);
    }
  };
  walk(example, schema, []);
  return out;
}
