/**
 * What a resource kind is, said once: its inputs (one zod schema: validation, defaults and
 * descriptions), its outputs, which values are secret, which input changes replace the object, and how
 * its id is made. The Pulumi class, the runtime's validation, the README reference and the plugin
 * schema are all derived from it. Shared by the program and the provider process: no Pulumi or SDK
 * imports here.
 */
import { z } from "zod";
import { connectionSettingsSchema } from "../settings";

/** The inputs every resource accepts besides its own; changing them never replaces or calls Acquia. */
export const metaShape = {
  connection: connectionSettingsSchema
    .optional()
    .describe(
      "The Connection to use; without one, stack config (acquia:*) and then the ACLI_* variables apply.",
    ),
  adopt: z
    .boolean()
    .optional()
    .describe(
      "Take over an existing object with the same natural key instead of failing on the conflict " +
        "(Pulumi cannot import dynamic resources). Never replaces.",
    ),
  timeoutSeconds: z
    .number()
    .int()
    .positive("timeoutSeconds must be a positive number of seconds")
    .optional()
    .describe("How long to wait for Acquia's task, in seconds (default acquia:timeoutSeconds, else 1800)."),
};
export const META_KEYS = ["connection", "adopt", "timeoutSeconds"] as const;
export type MetaKey = (typeof META_KEYS)[number];

export type Shape = z.ZodRawShape;

export interface KindDefinition<I extends Shape = Shape, O extends Shape = Shape> {
  /** The type name: `CronJob` (token `pulumi-nodejs:dynamic/acquia-cloud:CronJob`). */
  name: string;
  /** What the resource is, for the class's documentation and the README. */
  description: string;
  /** The kind's own inputs (the meta inputs are added for every kind), each `.describe()`d. */
  inputs: z.ZodObject<I>;
  /** What Acquia reports besides the inputs, each `.describe()`d. */
  outputs: z.ZodObject<O>;
  /** Input or output keys whose values are secret: encrypted in state, never printed. */
  secrets: readonly (keyof I | (keyof O & string))[];
  /** Inputs whose change replaces the object; the rest update in place. */
  replaceOn: readonly (keyof I & string)[];
  /** Delete the old object first when replacing (its natural key would collide otherwise). */
  deleteBeforeReplace: boolean;
  /**
   * The inputs that identify the object at Acquia (label, name, hostname …). Kinds without one
   * (settings, deployments) have nothing to adopt or take over.
   */
  naturalKey: readonly (keyof I & string)[];
  /**
   * How the resource id is made from outputs, e.g. `<environmentId>/<name>`: every part an object
   * needs to be read back from its id alone (`pulumi import`). Placeholders name outputs; parts are
   * separated by `/`.
   */
  idFormat: string;
  /** Say-once facts for the README: how replacements happen, what delete does. */
  notes?: string;
}

/** Declares a kind; the identity function keeps the literal key types for replaceOn and secrets. */
export function defineKind<I extends Shape, O extends Shape>(
  definition: KindDefinition<I, O>,
): KindDefinition<I, O> {
  return definition;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions are stored type-erased
export type AnyKind = KindDefinition<any, any>;

/** A kind's inputs as the runtime validates them: its own plus the meta inputs. */
export type InputsOf<K extends AnyKind> = z.output<K["inputs"]> & MetaInputs;
/** What Acquia reports besides the inputs (nothing, for kinds whose outputs are their inputs). */
type ReportedOf<K extends AnyKind> =
  z.output<K["outputs"]> extends Record<string, never> ? unknown : z.output<K["outputs"]>;
/** A kind's outputs: every input plus what Acquia reports. */
export type OutputsOf<K extends AnyKind> = InputsOf<K> & ReportedOf<K>;

export interface MetaInputs {
  connection?: z.output<typeof connectionSettingsSchema> | undefined;
  adopt?: boolean | undefined;
  timeoutSeconds?: number | undefined;
}

/** The runtime's schema for a kind's inputs (its own and the meta inputs). */
export function runtimeInputs<K extends AnyKind>(kind: K) {
  return kind.inputs.safeExtend(metaShape);
}

/** The names of a kind's inputs (meta included). */
export function inputKeys(kind: AnyKind): string[] {
  return [...Object.keys(kind.inputs.shape), ...META_KEYS];
}

/** The description a schema field carries (zod's `.describe()`). */
export function describedAs(schema: z.ZodType): string {
  return schema.description ?? "";
}

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** A PEM or OpenSSH private key: a value that must never be shown, wherever it was pasted. */
export function looksLikePrivateKey(value: unknown): boolean {
  return typeof value === "string" && PRIVATE_KEY.test(value);
}

const PLACEHOLDER = /<([A-Za-z]+)>/g;

/** A kind's id for an object: its id format with the outputs filled in. */
export function formatId(kind: AnyKind, values: Record<string, unknown>): string {
  return kind.idFormat.replace(PLACEHOLDER, (_, key: string) => String(values[key]));
}

/** The outputs an id names (`pulumi import`), or undefined when it is not of the kind's format. */
export function parseId(kind: AnyKind, id: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = kind.idFormat
    .split(PLACEHOLDER)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(part);
      return "([^/]+)";
    })
    .join("");
  const match = new RegExp(`^${source}$`).exec(id);
  return match ? Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ""])) : undefined;
}
