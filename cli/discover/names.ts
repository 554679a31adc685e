/**
 * Names for what the generator writes, derived from Acquia's labels: Pulumi resource names
 * (`dev-app-mode`), TypeScript identifiers (`dev`) and stack config keys (`devAppMode`). Each
 * allocator hands out a name once, so two labels that sanitise alike still get distinct names.
 */

/** Lower-case words of a label: `"Drupal cron (hourly)"` → `["drupal", "cron", "hourly"]`. */
export function words(label: string): string[] {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** `dev-app-mode`: what `pulumi stack` lists and URNs carry. */
export function kebab(...labels: string[]): string {
  return labels.flatMap(words).join("-") || "resource";
}

/** `devAppMode`: a config key and the stem of an identifier. */
export function camel(...labels: string[]): string {
  const all = labels.flatMap(words);
  return all.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join("") || "value";
}

// Words the program cannot use as a const name, and the names the generated program itself declares.
const TAKEN = new Set([
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do"],
  ...["else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in"],
  ...["instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof"],
  ...["var", "void", "while", "with", "let", "static", "yield", "await", "implements", "interface"],
  ...["package", "private", "protected", "public", "arguments", "eval", "undefined"],
  ...["pulumi", "acquia", "config", "connection", "application", "applicationUuid", "organizationUuid"],
  "protectedOptions",
]);

/** Hands out unique names: the second `dev-cron` becomes `dev-cron-2`. */
export class NameAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly separator: "-" | "" = "-") {}

  take(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base}${this.separator}${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** Unique TypeScript identifiers: never a reserved word, never starting with a digit. */
export class IdentifierAllocator {
  private readonly names = new NameAllocator("");

  take(...labels: string[]): string {
    let base = camel(...labels);
    if (/^\d/.test(base) || TAKEN.has(base)) base = camel("env", ...labels);
    return this.names.take(base);
  }
}
