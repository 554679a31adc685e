/**
 * pulumi-acquia-cloud/runtime: what the serialized shim in Pulumi state calls. These names and their
 * arguments are a wire format: state written by any released version calls them, so they never change
 * shape. Behaviour lives in lifecycle.ts and the kinds' handlers.
 */
import { redact } from "../../sdk/internal";
import * as lifecycle from "./lifecycle";
import { handlerFor } from "./registry";
import { setStackConfig } from "./stack-config";

type Props = Record<string, unknown>;

/** Every message leaving the provider passes through redaction, whatever raised it. */
async function redacting<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) {
      error.message = redact(error.message);
      const reasons = (error as { reasons?: unknown }).reasons;
      if (Array.isArray(reasons)) Object.assign(error, { reasons: reasons.map((r) => redact(String(r))) });
    }
    throw error;
  }
}

type ConfigureRequest = { config?: { get(key: string): string | undefined } } | undefined;

/** `configure(request)` from the first shim, `configure(kind, request)` from later ones. */
export function configure(first: string | ConfigureRequest, second?: ConfigureRequest): void {
  setStackConfig((typeof first === "string" ? second : first)?.config);
}

export function check(kind: string, olds: Props, news: Props) {
  return redacting(async () => {
    const result = await lifecycle.check(handlerFor(kind), olds ?? {}, news);
    return { ...result, failures: result.failures.map((f) => ({ ...f, reason: redact(f.reason) })) };
  });
}

export async function diff(kind: string, _id: string, olds: Props, news: Props) {
  return redacting(async () => lifecycle.diff(handlerFor(kind), olds, news));
}

export function create(kind: string, inputs: Props) {
  return redacting(() => lifecycle.create(handlerFor(kind), inputs));
}

export function read(kind: string, id: string, props: Props) {
  return redacting(() => lifecycle.read(handlerFor(kind), id, props));
}

export function update(kind: string, id: string, olds: Props, news: Props) {
  return redacting(() => lifecycle.update(handlerFor(kind), id, olds, news));
}

// `delete` is a reserved word for a function declaration, so it is exported under that name here.
function remove(kind: string, id: string, props: Props) {
  return redacting(() => lifecycle.remove(handlerFor(kind), id, props));
}
export { remove as delete };
