// What a section reports: tables, and the targets as PASS/FAIL lines; rendered as aligned
// text for the terminal and as markdown for `--out`.

export interface Table {
  title: string;
  /** One paragraph under the title: what was run and how to read it. */
  note?: string;
  head: string[];
  rows: string[][];
}

export interface Target {
  /** The target as the issue states it. */
  name: string;
  /** undefined: not measured in this run (a section left out). */
  pass: boolean | undefined;
  /** The figures the verdict rests on. */
  detail: string;
}

export interface SectionReport {
  tables: Table[];
  targets: Target[];
}

const verdict = (t: Target) => (t.pass === undefined ? "SKIP" : t.pass ? "PASS" : "FAIL");

/** Columns of figures are right-aligned, columns with words left-aligned. */
function leftAligned(table: Table): boolean[] {
  return table.head.map((_, i) => i === 0 || table.rows.some((r) => /[A-Za-z]/.test(r[i] ?? "")));
}

function textTable(table: Table): string {
  const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? "").length)));
  const left = leftAligned(table);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (left[i] ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [
    `== ${table.title}`,
    ...(table.note ? [table.note] : []),
    line(table.head),
    line(widths.map((w) => "-".repeat(w))),
    ...table.rows.map(line),
  ].join("\n");
}

export function renderText(header: string[], tables: Table[], targets: Target[]): string {
  return [
    ...header,
    "",
    ...tables.flatMap((t) => [textTable(t), ""]),
    "== Targets",
    ...targets.map((t) => `${verdict(t)}  ${t.name} — ${t.detail}`),
    "",
  ].join("\n");
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function renderMarkdown(header: string[], tables: Table[], targets: Target[]): string {
  const md = (table: Table) => [
    `### ${table.title}`,
    "",
    ...(table.note ? [table.note, ""] : []),
    `| ${table.head.map(cell).join(" | ")} |`,
    `| ${leftAligned(table)
      .map((left) => (left ? "---" : "---:"))
      .join(" | ")} |`,
    ...table.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
    "",
  ];
  return [
    ...header.map((h) => `${h}  `),
    "",
    ...tables.flatMap(md),
    "### Targets",
    "",
    ...targets.map((t) => `- **${verdict(t)}** ${t.name} — ${t.detail}`),
    "",
  ].join("\n");
}
