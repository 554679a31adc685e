import { validationFailed } from "./errors";

// Acquia's collection query language (spec: components.parameters …_filter / …_sort):
// `;` is AND, `,` is OR inside an AND group, operators = != > < >= <= =@ (contains, `*` wildcard) !@.

type Operator = "=" | "!=" | ">" | "<" | ">=" | "<=" | "=@" | "!@";

interface Term {
  field: string;
  operator: Operator;
  value: string;
}

const TERM = /^([A-Za-z0-9_.-]+)(!=|>=|<=|=@|!@|=|>|<)(.*)$/s;

export type Filter = Term[][];

export function parseFilter(expression: string): Filter {
  return expression.split(";").map((group) =>
    group.split(",").map((raw) => {
      const match = TERM.exec(raw.trim());
      if (match === null) {
        throw validationFailed({ filter: `The filter "${raw}" is invalid.` });
      }
      return { field: match[1] ?? "", operator: (match[2] ?? "=") as Operator, value: match[3] ?? "" };
    }),
  );
}

export function valueAt(item: unknown, path: string): unknown {
  let current: unknown = item;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function wildcard(pattern: string): RegExp {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "i");
}

function contains(actual: string, expected: string): boolean {
  return expected.includes("*")
    ? wildcard(expected).test(actual)
    : actual.toLowerCase().includes(expected.toLowerCase());
}

function compare(actual: string, expected: string): number {
  const a = Number(actual);
  const b = Number(expected);
  if (actual !== "" && expected !== "" && !Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  return actual.localeCompare(expected);
}

function testScalar(actual: unknown, term: Term): boolean {
  if (actual === undefined) return term.operator === "!=" || term.operator === "!@";
  const text = actual === null ? "null" : String(actual);
  switch (term.operator) {
    case "=":
      return text === term.value;
    case "!=":
      return text !== term.value;
    case "=@":
      return contains(text, term.value);
    case "!@":
      return !contains(text, term.value);
    case ">":
      return compare(text, term.value) > 0;
    case "<":
      return compare(text, term.value) < 0;
    case ">=":
      return compare(text, term.value) >= 0;
    case "<=":
      return compare(text, term.value) <= 0;
  }
}

function testTerm(item: unknown, term: Term): boolean {
  const actual = valueAt(item, term.field);
  if (Array.isArray(actual)) {
    const negative = term.operator === "!=" || term.operator === "!@";
    return negative ? actual.every((v) => testScalar(v, term)) : actual.some((v) => testScalar(v, term));
  }
  return testScalar(actual, term);
}

export function matchesFilter(item: unknown, filter: Filter): boolean {
  return filter.every((group) => group.some((term) => testTerm(item, term)));
}

export function sortItems<T>(items: T[], expression: string): T[] {
  const keys = expression
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "")
    .map((k) => (k.startsWith("-") ? { field: k.slice(1), direction: -1 } : { field: k, direction: 1 }));
  return [...items].sort((left, right) => {
    for (const { field, direction } of keys) {
      const a = valueAt(left, field);
      const b = valueAt(right, field);
      const order = compare(a === undefined ? "" : String(a), b === undefined ? "" : String(b));
      if (order !== 0) return order * direction;
    }
    return 0;
  });
}

export function parseNonNegativeInteger(name: string, raw: string | null): number | undefined {
  if (raw === null || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) {
    throw validationFailed({ [name]: `The ${name} parameter must be a non-negative integer.` });
  }
  return Number(raw);
}
