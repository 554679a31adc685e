/**
 * What a lookup is: its arguments, the documented fields it returns, and how it asks Acquia, said once.
 * The program runs lookups as plain async functions (dynamic mode); the provider plugin serves them as
 * invokes (`acquia:index:getApplication`, …) and describes them in its schema.
 */
import { z } from "zod";
import type * as Sdk from "../../sdk";
import type { AcquiaCloudClient } from "../../sdk";

/** Arguments naming an object by UUID, or by exact name (which must then be unique among those visible). */
export const uuidOrName = (what: string) =>
  z
    .object({
      uuid: z.string().optional().describe(`The ${what}'s UUID.`),
      name: z.string().optional().describe(`The ${what}'s exact name.`),
    })
    .refine((a) => (a.uuid === undefined) !== (a.name === undefined), {
      message: "pass either uuid or name",
      path: ["name"],
    });

/** The `{ uuid, name }` stub Acquia embeds for a parent object. */
export const nameAndUuid = z.object({ uuid: z.string(), name: z.string().optional() });

/** A lookup's argument names an object Acquia does not show to these credentials. */
export class LookupNotFoundError extends Error {
  readonly code = "LOOKUP_NOT_FOUND";

  constructor(
    readonly argument: string,
    readonly value: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LookupNotFoundError";
  }
}

/**
 * Runs a lookup's call to Acquia. Acquia's 404 says only "does not exist, or you do not have
 * permission"; a program needs to know which of its arguments was wrong and where a good value comes
 * from, so the error names the argument, its value and the lookup that gives one.
 */
export async function naming<T>(
  argument: { name: string; value: string; from: string },
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    // The SDK is loaded by now (the call made a client); requiring it here keeps it out of programs
    // that define lookups but never run one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { isNotFound } = require("../../sdk") as typeof Sdk;
    if (!isNotFound(error)) throw error;
    throw new LookupNotFoundError(
      argument.name,
      argument.value,
      `${argument.name} "${argument.value}" is not visible to these credentials (Acquia: ${error.message}); ` +
        `check it, e.g. take it from ${argument.from}`,
      { cause: error },
    );
  }
}

export interface FunctionDefinition<
  A extends z.ZodRawShape = z.ZodRawShape,
  R extends z.ZodRawShape = z.ZodRawShape,
> {
  /** `getApplication`: token `acquia:index:getApplication`. */
  name: string;
  description: string;
  args: z.ZodObject<A>;
  /** The documented fields of the answer (what the schema declares and the plugin returns). */
  result: z.ZodObject<R>;
  run(client: AcquiaCloudClient, args: z.output<z.ZodObject<A>>): Promise<z.output<z.ZodObject<R>>>;
}

export function defineFunction<A extends z.ZodRawShape, R extends z.ZodRawShape>(
  definition: FunctionDefinition<A, R>,
): FunctionDefinition<A, R> {
  return definition;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored type-erased, like the kinds
export type AnyFunction = FunctionDefinition<any, any>;
