/**
 * The few pieces of TypeScript syntax the generator writes. Values become literals through
 * JSON.stringify, which yields valid TypeScript string, number and boolean literals for any input, so
 * a label holding quotes or backslashes can never break out of its string.
 */

/** A reference to something the program declares (`dev.id`), written as is. */
export interface Code {
  code: string;
}

export const code = (text: string): Code => ({ code: text });

export type Value = string | number | boolean | Code | readonly string[];

export function literal(value: Value): string {
  if (typeof value === "object" && "code" in value) return value.code;
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
  return JSON.stringify(value);
}

/** `key` as an object key: bare when it is an identifier, quoted otherwise. */
function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** An object literal, one property a line; `connection: connection` is written `connection`. */
export function objectLiteral(entries: [string, Value | undefined][], indent = ""): string {
  const lines = entries
    .filter((e): e is [string, Value] => e[1] !== undefined)
    .map(([k, v]) => {
      const text = literal(v);
      return `${indent}  ${text === k && typeof v === "object" ? k : `${key(k)}: ${text}`},`;
    });
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** `new acquia.<Type>("<name>", { … }, { protect: true });`, optionally bound to a const. */
export function newResource(
  type: string,
  name: string,
  args: [string, Value | undefined][],
  options: { bind?: string | undefined; protect: boolean },
): string {
  const opts = options.protect ? ", { protect: true }" : "";
  const lead = options.bind ? `const ${options.bind} = ` : "";
  return `${lead}new acquia.${type}(${JSON.stringify(name)}, ${objectLiteral(args)}${opts});`;
}
