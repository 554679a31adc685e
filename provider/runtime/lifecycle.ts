import { isDeepStrictEqual } from "node:util";
import {
  AcquiaApiError,
  AuthenticationError,
  NotificationTimeoutError,
  OperationTimeoutError,
  isNotFound,
} from "../../sdk";
import { clientFor } from "./clients";
import { AlreadyExistsError, ParentNotVisibleError, ResourceInitError } from "./errors";
import { META_KEYS, type AnyHandler, type Context, type MetaInputs } from "./handler";
import { ambientSettings, configValue, resolveSettings, type ResolvedSettings } from "./settings";
import { progressReporter } from "./progress";
import { containsUnknown } from "./unknowns";

type Props = Record<string, unknown>;
const PROVIDER_KEY = "__provider";
const DEFAULT_TIMEOUT_SECONDS = 30 * 60;

export interface CheckFailure {
  property: string;
  reason: string;
}

function inputKeys(handler: AnyHandler): string[] {
  return Object.keys(handler.inputs.shape);
}

function pick(props: Props, keys: readonly string[]): Props {
  return Object.fromEntries(keys.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

/** Struct conversion rejects `undefined`; outputs drop absent keys instead. */
function clean(props: Props): Props {
  return JSON.parse(JSON.stringify(props)) as Props;
}

function settingsOf(handler: AnyHandler, props: Props): ResolvedSettings {
  return resolveSettings(handler.settings ? handler.settings(props) : (props as MetaInputs).connection);
}

/** How progress lines name the resource: its kind and natural key when it has one. */
function describe(handler: AnyHandler, props: Props): string {
  const key = ["label", "name", "hostname"].map((k) => props[k]).find((v) => typeof v === "string");
  return key === undefined ? handler.kind : `${handler.kind} "${String(key)}"`;
}

function contextFor(handler: AnyHandler, settings: ResolvedSettings, inputs: Props): Context {
  const timeoutSeconds =
    (inputs as MetaInputs).timeoutSeconds ??
    Number(configValue("acquia:timeoutSeconds") ?? DEFAULT_TIMEOUT_SECONDS);
  const poll = Number(
    configValue("acquia:pollIntervalMs") ?? process.env["ACQUIA_POLL_INTERVAL_MS"] ?? 1_000,
  );
  return {
    client: clientFor(settings),
    wait: {
      timeoutMs: timeoutSeconds * 1000,
      pollIntervalMs: poll,
      maxPollIntervalMs: Math.max(poll, 60_000),
      onProgress: progressReporter(describe(handler, inputs)),
    },
  };
}

/**
 * Runs `fn` with the resource's stored credentials. When Acquia refuses them (a rotated secret) and
 * stack config or the environment name other credentials, runs again with those, so `refresh` and
 * `destroy` work right after a rotation without an `up` first.
 */
async function withCredentials<T>(
  handler: AnyHandler,
  props: Props,
  fn: (ctx: Context) => Promise<T>,
): Promise<T> {
  const primary = settingsOf(handler, props);
  try {
    return await fn(contextFor(handler, primary, props));
  } catch (error) {
    const fallback =
      error instanceof AuthenticationError && !handler.settings ? ambientSettings() : undefined;
    if (!fallback || isDeepStrictEqual(fallback, primary)) throw error;
    console.error(
      `[acquia-cloud] stored credentials for ${primary.clientId} were refused; retrying with the configured ones (${fallback.clientId})`,
    );
    return fn(contextFor(handler, fallback, props));
  }
}

export async function check(
  handler: AnyHandler,
  news: Props,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const candidate = pick(news, inputKeys(handler));
  const parsed = handler.inputs.safeParse(candidate);
  if (parsed.success) {
    const inputs = clean(parsed.data as Props);
    const failures = handler.verify && !containsUnknown(inputs) ? await handler.verify(inputs) : [];
    return { inputs: { ...inputs, [PROVIDER_KEY]: news[PROVIDER_KEY] }, failures };
  }
  // During preview some inputs are still unknown: those are checked once known, never now.
  const failures = parsed.error.issues
    .filter(
      (issue) =>
        !containsUnknown(
          issue.path.reduce<unknown>((v, k) => (v as Props | undefined)?.[k as string], candidate),
        ),
    )
    .filter((issue) => !(issue.path[0] === "connection" && containsUnknown(candidate["connection"])))
    .map((issue) => ({
      property: issue.path.map(String).join(".") || "(inputs)",
      reason: issue.path[0] === "connection" ? `connection: ${issue.message}` : issue.message,
    }));
  return { inputs: news, failures };
}

/** Old outputs normalized like new inputs, so a default added by a newer version is no change. */
function normalizedOlds(handler: AnyHandler, olds: Props): Props {
  const parsed = handler.inputs.safeParse(pick(olds, inputKeys(handler)));
  return parsed.success ? clean(parsed.data as Props) : olds;
}

export function changedKeys(handler: AnyHandler, olds: Props, news: Props): string[] {
  const old = normalizedOlds(handler, olds);
  return inputKeys(handler).filter((k) => containsUnknown(news[k]) || !isDeepStrictEqual(old[k], news[k]));
}

/** Changed inputs that Acquia holds: a change of connection, adopt or timeoutSeconds alone needs no call. */
function acquiaChanges(handler: AnyHandler, olds: Props, news: Props): string[] {
  return changedKeys(handler, olds, news).filter((k) => !(META_KEYS as readonly string[]).includes(k));
}

export function diff(handler: AnyHandler, olds: Props, news: Props) {
  const changed = changedKeys(handler, olds, news);
  const replaces = changed.filter((k) => handler.replaceOn.includes(k));
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && handler.deleteBeforeReplace,
  };
}

function initFailed(error: unknown, found: { id: string; outs: Props }, provider: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  throw new ResourceInitError(message, found.id, { ...clean(found.outs), [PROVIDER_KEY]: provider });
}

export async function create(handler: AnyHandler, inputs: Props): Promise<{ id: string; outs: Props }> {
  const meta = inputs as MetaInputs;
  const ctx = contextFor(handler, settingsOf(handler, inputs), inputs);
  if (meta.adopt) {
    const existing = await handler.find(ctx, inputs);
    if (existing) {
      const outs =
        acquiaChanges(handler, existing.outs, inputs).length > 0
          ? await handler.update(ctx, existing.id, existing.outs, inputs)
          : existing.outs;
      return { id: existing.id, outs: clean({ ...outs, ...pick(inputs, META_KEYS) }) };
    }
  }
  try {
    const created = await handler.create(ctx, inputs);
    return { id: created.id, outs: clean(created.outs) };
  } catch (error) {
    const found = await handler.find(ctx, inputs).catch(() => undefined);
    if (!ctx.created) {
      // Refused before or by the create request: an object found now belongs to someone else.
      if (found && error instanceof AcquiaApiError && error.status < 500 && !meta.adopt) {
        throw new AlreadyExistsError(describe(handler, inputs), found.id, error);
      }
      throw error;
    }
    // Acquia accepted the create: the object is ours and stays in state, and the next `up` converges it.
    if (found) initFailed(error, found, inputs[PROVIDER_KEY]);
    if (error instanceof NotificationTimeoutError || error instanceof OperationTimeoutError) {
      const next =
        handler.adoptable === false
          ? "Run `pulumi up` again: it sends only what still differs."
          : "If it completes after all, the object exists without being in this stack: run `pulumi up` with `adopt: true` to take it over.";
      throw new Error(`${describe(handler, inputs)}: ${error.message} ${next}`, { cause: error });
    }
    throw error;
  }
}

export async function read(
  handler: AnyHandler,
  id: string,
  props: Props,
): Promise<{ id?: string; props?: Props; inputs?: Props }> {
  return withCredentials(handler, props, async (ctx) => {
    const current = await handler.read(ctx, id, props);
    if (current === undefined) {
      if (!(await handler.parentVisible(ctx, props))) throw new ParentNotVisibleError(handler.kind, id);
      return {};
    }
    const outs = clean({ ...current, ...pick(props, META_KEYS) });
    return { id, props: outs, inputs: pick(outs, inputKeys(handler)) };
  });
}

export async function update(
  handler: AnyHandler,
  id: string,
  olds: Props,
  news: Props,
): Promise<{ outs: Props }> {
  if (acquiaChanges(handler, olds, news).length === 0 && !handler.settings)
    return { outs: clean({ ...olds, ...pick(news, inputKeys(handler)) }) };
  const ctx = contextFor(handler, settingsOf(handler, news), news);
  const outs = await handler.update(ctx, id, olds, news);
  return { outs: clean({ ...outs, ...pick(news, META_KEYS) }) };
}

export async function remove(handler: AnyHandler, id: string, props: Props): Promise<void> {
  await withCredentials(handler, props, async (ctx) => {
    try {
      await handler.delete(ctx, id, props);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  });
}
