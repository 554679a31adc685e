import type { IncomingMessage } from "node:http";
import { validationFailed } from "./errors";

export class BodyError extends Error {}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError("The request body is too large.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

type FormValue = string | FormValue[] | { [key: string]: FormValue };

function assign(target: Record<string, FormValue>, path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    const existing = target[head];
    // A repeated plain field (a=1&a=2) becomes a list, as PHP-style `a[]` does.
    if (existing === undefined) target[head] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else target[head] = [existing as string, value];
    return;
  }
  const next = rest[0];
  if (next === "") {
    const list = target[head];
    const array: FormValue[] = Array.isArray(list) ? list : [];
    target[head] = array;
    if (rest.length === 1) array.push(value);
    return;
  }
  const child = target[head];
  const object: Record<string, FormValue> =
    typeof child === "object" && !Array.isArray(child) ? child : ({} as Record<string, FormValue>);
  target[head] = object;
  assign(object, rest, value);
}

/** application/x-www-form-urlencoded with PHP-style brackets: `databases[]=a`, `credentials[token]=t`. */
export function parseForm(text: string): Record<string, unknown> {
  const result: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (match?.[1] === undefined) {
      assign(result, [key], value);
      continue;
    }
    const path = [match[1], ...[...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "")];
    assign(result, path, value);
  }
  return result;
}

/**
 * requireBody: Acquia answers a POST or PUT without a body or without a content type with 400, even
 * where the operation takes no fields (actions such as cron enable): clients send `{}`.
 */
export function requireBody(method: string, raw: Buffer, contentType: string | undefined): void {
  if (method !== "POST" && method !== "PUT") return;
  if (raw.toString("utf8").trim() === "" || (contentType ?? "").trim() === "") {
    throw validationFailed({ general: "The request body is missing, or its content type is not set." });
  }
}

/** The API takes JSON (application/json, application/hal+json) and form-encoded bodies alike. */
export function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = raw.toString("utf8");
  if (text.trim() === "") return {};
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/x-www-form-urlencoded") return parseForm(text);
  if (type === "" || type.endsWith("/json") || type.endsWith("+json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      if (type === "") return parseForm(text);
      throw new BodyError("The request body is not valid JSON.");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new BodyError("The request body must be a JSON object.");
    }
    return parsed as Record<string, unknown>;
  }
  throw new BodyError(`Unsupported content type ${type}: send JSON or application/x-www-form-urlencoded.`);
}

// Field readers for parsed bodies: JSON and form bodies carry the same fields with different types.

/** A scalar field as text (form fields are text; JSON may send numbers or booleans). */
export function stringField(body: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = body[name];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A list field from JSON (`["a"]`) or a form (`databases[]=a`, or a single `databases=a`). */
export function listField(body: Readonly<Record<string, unknown>>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === "string") return value === "" ? [] : [value];
  return undefined;
}

/** A flag from JSON (`true`, `1`) or a form (`"true"`, `"1"`); anything else is false. */
export function booleanField(body: Readonly<Record<string, unknown>>, name: string): boolean {
  const value = body[name];
  return value === true || value === "true" || value === "1" || value === 1;
}
