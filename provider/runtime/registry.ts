import { ProviderError } from "./errors";
import type { AnyHandler } from "./handler";

const loaded = new Map<string, AnyHandler>();

/** `CronJob` → `cron-job`: a kind's folder under provider/kinds. */
export function folderOf(kind: string): string {
  return kind.replace(/(?<=[a-z0-9])([A-Z])/g, "-$1").toLowerCase();
}

/**
 * The handler of a kind, loaded from its folder (`kinds/<kind>/handler`) on first use: a kind is one
 * folder, and the provider process loads only the kinds its stack uses.
 */
export function handlerFor(kind: string): AnyHandler {
  let handler = loaded.get(kind);
  if (handler) return handler;
  try {
    if (!/^[A-Z][A-Za-z]*$/.test(kind)) throw new Error("not a kind name");
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, by name
    handler = (require(`../kinds/${folderOf(kind)}/handler`) as { handler: AnyHandler }).handler;
    if (handler?.kind.name !== kind) throw new Error("no handler");
  } catch (cause) {
    throw new ProviderError(
      "UNKNOWN_KIND",
      `pulumi-acquia-cloud has no resource kind "${kind}". The state was written by another version of the package: ` +
        "install that version (or a newer one) and run `pulumi up` before `destroy`.",
      { cause },
    );
  }
  loaded.set(kind, handler);
  return handler;
}
