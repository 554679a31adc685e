/**
 * The `pulumi import --file` document for plugin mode: the same resources as the program, under the
 * plugin's type tokens (`acquia:index:<Type>`) and the ids README's Reference documents, made from each
 * kind's own id format so the two never disagree.
 */
import { allKinds } from "../../provider/kinds/catalog";
import { formatId, type AnyKind } from "../../provider/kinds/kind";

export interface ImportEntry {
  /** The kind's type name (`CronJob`). */
  type: string;
  /** The resource's name in the program. */
  name: string;
  /** The outputs its id format names (`environmentId`, `cronId`). */
  idParts: Record<string, string>;
}

let byName: Map<string, AnyKind> | undefined;

export function importFile(entries: readonly ImportEntry[]): string {
  byName ??= new Map(allKinds().map((k) => [k.name, k]));
  const resources = entries.map(({ type, name, idParts }) => {
    const kind = byName?.get(type);
    if (!kind) throw new TypeError(`discover: no kind named ${type}`);
    return { type: `acquia:index:${type}`, name, id: formatId(kind, idParts) };
  });
  return `${JSON.stringify({ resources }, null, 2)}\n`;
}
