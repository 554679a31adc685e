// Repetitions summed up as min / median / max, and the number formats the tables use.

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { min: sorted[0] ?? 0, median, max: sorted[sorted.length - 1] ?? 0 };
}

/** Values that were measured, without the runs that had none. */
export function present(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

export type Format = (value: number) => string;

export const integer: Format = (v) => String(Math.round(v));
export const seconds: Format = (v) => (v / 1000).toFixed(v < 10_000 ? 2 : 1);
export const millis: Format = (v) => String(Math.round(v));
export const megabytes: Format = (v) => (v / 2 ** 20).toFixed(0);
export const oneDecimal: Format = (v) => v.toFixed(1);

/** "min / median / max", or the single value when they agree, or "–" when nothing was measured. */
export function showSpread(s: Spread | undefined, format: Format): string {
  if (!s) return "–";
  if (s.min === s.max) return format(s.min);
  return `${format(s.min)} / ${format(s.median)} / ${format(s.max)}`;
}

/** The ratio of two medians, e.g. "×1.07". */
export function ratio(a: Spread | undefined, b: Spread | undefined): string {
  if (!a || !b || b.median === 0) return "–";
  return `×${(a.median / b.median).toFixed(2)}`;
}
