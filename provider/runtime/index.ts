/**
 * pulumi-acquia-cloud/runtime: what the serialized shim in Pulumi state calls. These names and their
 * arguments are a wire format: state written by any released version calls them, so they never change
 * shape. Behaviour lives in lifecycle.ts and the handlers.
 */
import * as lifecycle from "./lifecycle";
import { handlerFor } from "./registry";
import { setStackConfig } from "./settings";

type Props = Record<string, unknown>;

export function configure(request: { config?: { get(key: string): string | undefined } } | undefined): void {
  setStackConfig(request?.config);
}

export function check(kind: string, _olds: Props, news: Props) {
  return lifecycle.check(handlerFor(kind), news);
}

export async function diff(kind: string, _id: string, olds: Props, news: Props) {
  return lifecycle.diff(handlerFor(kind), olds, news);
}

export function create(kind: string, inputs: Props) {
  return lifecycle.create(handlerFor(kind), inputs);
}

export function read(kind: string, id: string, props: Props) {
  return lifecycle.read(handlerFor(kind), id, props);
}

export function update(kind: string, id: string, olds: Props, news: Props) {
  return lifecycle.update(handlerFor(kind), id, olds, news);
}

// `delete` is a reserved word for a function declaration, so it is exported under that name here.
function remove(kind: string, id: string, props: Props) {
  return lifecycle.remove(handlerFor(kind), id, props);
}
export { remove as delete };
