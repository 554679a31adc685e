/**
 * The Pulumi package schema of the provider plugin, generated from the kind definitions and the
 * lookups: what `GetSchema` serves, what the typed SDKs are generated from, and what a test keeps
 * equal to the committed provider/plugin/schema.json.
 */
import { z } from "zod";
import { FUNCTIONS, type AnyFunction } from "../functions";
import { allKinds } from "../kinds/catalog";
import { metaShape, type AnyKind } from "../kinds/kind";
import { CONNECTION_SOURCES, OPTION_SOURCES, SETTING_DEFAULTS, connectionSettingsSchema } from "../settings";

export const PACKAGE = "acquia";
/** The type token of a kind or lookup in plugin mode: `acquia:index:CronJob`. */
export const token = (name: string) => `${PACKAGE}:index:${name}`;
/** The type token the dynamic provider gave a kind, which the plugin's resources alias. */
export const dynamicToken = (name: string) => `pulumi-nodejs:dynamic/acquia-cloud:${name}`;

interface PropertySpec {
  type?: string;
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  description?: string;
  secret?: boolean;
  replaceOnChanges?: boolean;
  default?: unknown;
}
interface ObjectSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required: string[];
}
type Types = Record<string, ObjectSpec>;

interface JsonSchema {
  type?: string | string[];
  description?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A JSON Schema (from zod) as a Pulumi property; nested objects become named types. */
function property(json: JsonSchema, typeName: string, types: Types): PropertySpec {
  const described = json.description ? { description: json.description } : {};
  const variants = json.anyOf?.filter((v) => v.type !== "null");
  if (variants?.length === 1 && variants[0])
    return { ...property(variants[0], typeName, types), ...described };
  const type = Array.isArray(json.type) ? json.type.find((t) => t !== "null") : json.type;
  if (type === "array")
    return { type: "array", items: property(json.items ?? {}, typeName, types), ...described };
  if (type === "object" && json.properties) {
    types[token(typeName)] = objectType(json, typeName, types);
    return { $ref: `#/types/${token(typeName)}`, ...described };
  }
  if (type === "object" && typeof json.additionalProperties === "object")
    return {
      type: "object",
      additionalProperties: property(json.additionalProperties, typeName, types),
      ...described,
    };
  if (type === "integer" || type === "number" || type === "boolean" || type === "string")
    return { type, ...described };
  // Anything else (a union of scalars, a free-form object) travels as JSON.
  return { $ref: "pulumi.json#/Any", ...described };
}

function objectType(json: JsonSchema, typeName: string, types: Types): ObjectSpec {
  const properties = Object.fromEntries(
    Object.entries(json.properties ?? {}).map(([k, v]) => [
      k,
      property(v, `${typeName}${capitalize(k)}`, types),
    ]),
  );
  return {
    type: "object",
    ...(json.description ? { description: json.description } : {}),
    properties,
    required: json.required ?? [],
  };
}

const jsonOf = (schema: z.ZodType, io: "input" | "output"): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;

/** Properties of an object schema; `required` lists those with neither a default nor optionality. */
function propertiesOf(shape: z.ZodRawShape, io: "input" | "output", prefix: string, types: Types) {
  const properties: Record<string, PropertySpec> = {};
  const required: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const field = schema as z.ZodType;
    properties[key] = property(jsonOf(field, io), `${prefix}${capitalize(key)}`, types);
    if (!field.safeParse(undefined).success) required.push(key);
  }
  return { properties, required };
}

const CONNECTION_TYPE = "ConnectionSettings";

function resourceSpec(kind: AnyKind, types: Types) {
  const secrets = new Set<string>(kind.secrets as readonly string[]);
  const replaces = new Set<string>(kind.replaceOn as readonly string[]);
  const { connection: _connection, ...meta } = metaShape;
  const inputs = propertiesOf({ ...kind.inputs.shape, ...meta }, "input", kind.name, types);
  inputs.properties["connection"] = {
    $ref: `#/types/${token(CONNECTION_TYPE)}`,
    description:
      "The credentials to use, e.g. a Connection's settings; without them, the provider's configuration.",
    secret: true,
  };
  const outputs = propertiesOf({ ...kind.inputs.shape, ...kind.outputs.shape }, "output", kind.name, types);
  if (kind.name === "Connection") {
    // What the program leaves out, the provider's configuration supplies (as stack config does in
    // dynamic mode); check reports what is missing from both.
    inputs.required = [];
    outputs.properties["settings"] = {
      $ref: `#/types/${token(CONNECTION_TYPE)}`,
      description: "The settings dependent resources take as `connection`.",
      secret: true,
    };
    outputs.required.push("settings");
  }
  const mark = (props: Record<string, PropertySpec>) => {
    for (const [key, spec] of Object.entries(props)) {
      if (secrets.has(key)) spec.secret = true;
      if (replaces.has(key)) spec.replaceOnChanges = true;
    }
    return props;
  };
  return {
    description: `${kind.description}${kind.notes ? ` ${kind.notes}` : ""}\n\nImport with the id \`${kind.idFormat}\`.`,
    inputProperties: mark(inputs.properties),
    requiredInputs: inputs.required,
    properties: mark(outputs.properties),
    required: outputs.required,
    aliases: [{ type: dynamicToken(kind.name) }],
  };
}

function functionSpec(fn: AnyFunction, types: Types) {
  const inputs = propertiesOf(fn.args.shape, "input", `${capitalize(fn.name)}Args`, types);
  const outputs = propertiesOf(fn.result.shape, "output", `${capitalize(fn.name)}Result`, types);
  return {
    description: fn.description,
    inputs: { properties: inputs.properties, required: inputs.required },
    outputs: { properties: outputs.properties, required: outputs.required },
  };
}

/** Provider configuration: the connection settings and the provider-wide options. */
function configuration() {
  const variables: Record<string, PropertySpec> = {};
  const describe: Record<string, string> = {
    clientId: "API key (Cloud UI › Account Settings › API Tokens).",
    clientSecret: "API secret.",
    organizationUuid:
      "For organizations with federated authentication: the token is requested with scope organization:<uuid>.",
    apiUrl: `Default ${SETTING_DEFAULTS.apiUrl}.`,
    tokenUrl: `Default ${SETTING_DEFAULTS.tokenUrl}.`,
    timeoutSeconds: "How long to wait for an Acquia task, in seconds (default 1800).",
    pollIntervalMs:
      "The first look at a task, and the shortest gap between looks, in milliseconds (default 1000).",
    retryBudgetSeconds:
      "How long one request keeps retrying through 429s and outages, in seconds (default 300).",
  };
  for (const [field, source] of Object.entries({ ...CONNECTION_SOURCES, ...OPTION_SOURCES })) {
    const numeric = field in OPTION_SOURCES;
    const env = source.env.length > 0 ? ` Environment: ${source.env.join(", ")}.` : "";
    variables[field] = {
      type: numeric ? "number" : "string",
      description: `${describe[field] ?? ""}${env}`,
      ...(field === "clientSecret" ? { secret: true } : {}),
    };
  }
  return variables;
}

/** The package schema (without a version: the plugin adds its own when it serves it). */
export function packageSchema() {
  const types: Types = {};
  types[token(CONNECTION_TYPE)] = objectType(
    { ...jsonOf(connectionSettingsSchema, "input"), description: "What a resource needs to reach Acquia." },
    CONNECTION_TYPE,
    types,
  );
  const resources = Object.fromEntries(allKinds().map((k) => [token(k.name), resourceSpec(k, types)]));
  const functions = Object.fromEntries(FUNCTIONS.map((f) => [token(f.name), functionSpec(f, types)]));
  const variables = configuration();
  return {
    name: PACKAGE,
    displayName: "Acquia Cloud",
    description:
      "Manage the Acquia Cloud Platform (API v2): environments, variables, crons, domains, certificates, teams and more.",
    keywords: ["pulumi", "acquia", "acquia-cloud", "category/cloud"],
    license: "Apache-2.0",
    config: { variables },
    provider: {
      description:
        "The Acquia Cloud provider: one per credential set (several accounts take several instances).",
      inputProperties: variables,
    },
    types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b))),
    resources,
    functions,
    language: { nodejs: { respectSchemaVersion: true } },
  };
}
