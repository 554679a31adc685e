/**
 * What every kind gets from the runtime, around its handler: validation (and read-only lookups for a
 * resource about to be created), diffing, credentials and their fallback after a rotation, adoption,
 * the create protocol (sent once in effect, awaited, kept in state once accepted, an identical object
 * left by an interrupted run taken over), and errors that say what to do.
 */
import { isDeepStrictEqual } from "node:util";
import {
  AuthenticationError,
  FederatedAuthenticationRequiredError,
  NotificationTimeoutError,
  OperationTimeoutError,
  isAlreadyExists,
  isNotFound,
  type Operation,
} from "../../sdk";
import { createOnce } from "../../sdk/internal";
import { META_KEYS, formatId, inputKeys, looksLikePrivateKey, parseId, runtimeInputs } from "../kinds/kind";
import { containsUnknown } from "../kinds/unknowns";
import {
  optionValue,
  resolveSettings,
  withDefaults,
  type ConnectionSettings,
  MISSING_CREDENTIALS_HINT,
} from "../settings";
import { clientFor } from "./clients";
import { forgetListings, readBack } from "./common";
import { ProviderError, ResourceInitError, alreadyExists, parentNotVisible } from "./errors";
import { isKeyed, type AnyHandler, type AnyKeyedHandler, type Context, type Found } from "./handler";
import { log } from "./log";
import { progressReporter } from "./progress";
import { stackConfig } from "./stack-config";

type Props = Record<string, unknown>;
const PROVIDER_KEY = "__provider";

export interface CheckFailure {
  property: string;
  reason: string;
}

function pick(props: Props, keys: readonly string[]): Props {
  return Object.fromEntries(keys.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

/** `props` without `keys`. */
function omit(props: Props, keys: readonly string[]): Props {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !keys.includes(k)));
}

/** Struct conversion rejects `undefined`; outputs drop absent keys instead. */
function clean(props: Props): Props {
  return JSON.parse(JSON.stringify(props)) as Props;
}

function settingsOf(handler: AnyHandler, props: Props): ConnectionSettings {
  if (!isKeyed(handler) && handler.settings) return handler.settings(props);
  // A Connection's settings are complete: stack config and environment fill in only without one.
  const connection = props["connection"] as ConnectionSettings | undefined;
  if (connection) return withDefaults(connection);
  const ambient = resolveSettings(stackConfig);
  if (!ambient)
    throw new ProviderError("MISSING_CREDENTIALS", `No Acquia credentials: ${MISSING_CREDENTIALS_HINT}.`);
  return ambient;
}

/** The input that names the object in messages: its label, name, hostname or e-mail address. */
function namingKey(handler: AnyHandler): string | undefined {
  return ["label", "name", "hostname", "email"].find((k) =>
    (handler.kind.naturalKey as readonly string[]).includes(k),
  );
}

/** How messages name the resource: its kind and its label, name or hostname. */
function describe(handler: AnyHandler, props: Props): string {
  const key = namingKey(handler);
  const value = key === undefined ? undefined : props[key];
  return typeof value === "string" ? `${handler.kind.name} "${value}"` : handler.kind.name;
}

function contextFor(handler: AnyHandler, settings: ConnectionSettings, inputs: Props): Context {
  const timeoutSeconds =
    (inputs["timeoutSeconds"] as number | undefined) ?? optionValue("timeoutSeconds", stackConfig);
  const poll = optionValue("pollIntervalMs", stackConfig);
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
    if (!(error instanceof AuthenticationError) || (!isKeyed(handler) && handler.settings)) throw error;
    const fallback = resolveSettings(stackConfig);
    if (!fallback || isDeepStrictEqual(fallback, primary)) {
      throw new ProviderError(
        "CREDENTIALS_REFUSED",
        `${error.message} The credentials recorded in this stack for ${describe(handler, props)} were refused. ` +
          "After a key rotation: run `pulumi destroy --run-program` (or `pulumi refresh --run-program`) so the " +
          "program's current credentials apply, or set ACLI_KEY and ACLI_SECRET to the new pair, or run " +
          "`pulumi up` first so the stack records them.",
        { cause: error },
      );
    }
    log(
      `stored credentials for ${primary.clientId} were refused; retrying with the configured ones (${fallback.clientId})`,
    );
    return fn(contextFor(handler, fallback, props));
  }
}

/** Old outputs normalized like new inputs, so a default added by a newer version is no change. */
function normalizedOlds(handler: AnyHandler, olds: Props): Props {
  const parsed = runtimeInputs(handler.kind).safeParse(pick(olds, inputKeys(handler.kind)));
  return parsed.success ? clean(parsed.data as Props) : olds;
}

/**
 * Whether an imported resource (state without a connection, so the stack's credentials) is now given a
 * Connection made of those same credentials: that is as it was. The other way round (a connection the
 * program drops) is a change, so the outputs stop carrying it.
 */
function sameCredentials(handler: AnyHandler, olds: Props, news: Props): boolean {
  if (olds["connection"] !== undefined) return false;
  try {
    const of = (props: Props) => settingsOf(handler, pick(props, ["connection"]));
    return isDeepStrictEqual(of(olds), of(news));
  } catch {
    return false;
  }
}

export function changedKeys(handler: AnyHandler, olds: Props, news: Props): string[] {
  const old = normalizedOlds(handler, olds);
  return inputKeys(handler.kind).filter(
    (k) =>
      containsUnknown(news[k]) ||
      !(
        isDeepStrictEqual(old[k], news[k]) ||
        (k === "connection" && sameCredentials(handler, olds, news)) ||
        handler.equivalent?.(k, old[k], news[k], olds) === true
      ),
  );
}

/** Changed inputs that Acquia holds: a change of connection, adopt or timeoutSeconds alone needs no call. */
function acquiaChanges(handler: AnyHandler, olds: Props, news: Props): string[] {
  return changedKeys(handler, olds, news).filter((k) => !(META_KEYS as readonly string[]).includes(k));
}

/** Inputs holding a private key where none belongs: refused, and never repeated in the answer. */
function misplacedSecrets(handler: AnyHandler, candidate: Props): string[] {
  const secrets: readonly string[] = handler.kind.secrets;
  return Object.keys(candidate).filter(
    (k) => k !== "connection" && !secrets.includes(k) && looksLikePrivateKey(candidate[k]),
  );
}

export async function check(
  handler: AnyHandler,
  olds: Props,
  news: Props,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const candidate = pick(news, inputKeys(handler.kind));
  // In a new stack's preview the Connection is not created yet, so its settings are unknown: the other
  // inputs are checked all the same, and the connection is handed back unknown.
  const pending = containsUnknown(candidate["connection"]);
  // A private key pasted where none belongs is refused by name, and its value masked in the answer.
  const misplaced = misplacedSecrets(handler, candidate);
  const parsed = runtimeInputs(handler.kind).safeParse(pending ? omit(candidate, ["connection"]) : candidate);
  // The kind's own message for the field wins (it knows what belongs there); else a generic refusal.
  const named = new Set(parsed.error?.issues.map((issue) => String(issue.path[0])) ?? []);
  const refused = misplaced
    .filter((k) => !named.has(k))
    .map((property) => ({
      property,
      reason:
        `${property} holds a private key, which never belongs there (its value is not repeated here). ` +
        "Pass the value this input asks for; keep private keys in secret inputs or out of the program.",
    }));
  const masked = { ...news, ...Object.fromEntries(misplaced.map((k) => [k, "[REDACTED]"])) };
  if (!parsed.success) {
    // During preview some inputs are still unknown: those are checked once known, never now.
    const failures = parsed.error.issues
      .filter(
        (issue) =>
          !containsUnknown(
            issue.path.reduce<unknown>((v, k) => (v as Props | undefined)?.[k as string], candidate),
          ),
      )
      .map((issue) => ({
        property: issue.path.map(String).join(".") || "(inputs)",
        reason: issue.path[0] === "connection" ? `connection: ${issue.message}` : issue.message,
      }));
    return { inputs: masked, failures: [...refused, ...failures] };
  }
  if (refused.length > 0) return { inputs: masked, failures: refused };
  const inputs = clean(parsed.data as Props);
  let failures: CheckFailure[] = [];
  if (!containsUnknown(inputs)) {
    if (!pending) failures = await preflight(handler, olds, inputs, settingsOf(handler, inputs));
    else {
      const provisional = provisionalSettings(handler);
      if (provisional) failures = await provisionalPreflight(handler, olds, inputs, provisional);
    }
  }
  const connection = pending ? { connection: candidate["connection"] } : {};
  return { inputs: { ...inputs, ...connection, [PROVIDER_KEY]: news[PROVIDER_KEY] }, failures };
}

/** Inputs naming a parent whose id is the same for every credential set that can see it. */
const PARENT_KEYS = ["environmentId", "applicationUuid", "organizationUuid", "teamUuid"];

/**
 * What the lookups of check may use while the resource's connection is still unknown: the stack's own
 * credentials (stack config, then ACLI_*), when there are any — what a resource without a connection
 * uses anyway. Only for kinds whose objects live under a parent with a global id (an environment,
 * application, organization or team): whoever can see that parent sees the same objects there. An SSH
 * key's label is per account: other credentials could find another account's key under it.
 */
function provisionalSettings(handler: AnyHandler): ConnectionSettings | undefined {
  if (!isKeyed(handler) && handler.settings) return undefined;
  if (!Object.keys(handler.kind.inputs.shape).some((k) => PARENT_KEYS.includes(k))) return undefined;
  return resolveSettings(stackConfig);
}

/**
 * The lookups of check with provisional credentials: what they find is reported, what they cannot do
 * is not. A parent they cannot see, credentials Acquia refuses, an outage: the program's own connection
 * may fare better, and the create meets whatever is really wrong.
 */
async function provisionalPreflight(
  handler: AnyHandler,
  olds: Props,
  inputs: Props,
  settings: ConnectionSettings,
): Promise<CheckFailure[]> {
  try {
    const failures = await preflight(handler, olds, inputs, settings);
    return failures.filter((f) => f.property !== "connection" && !PARENT_KEYS.includes(f.property));
  } catch {
    return [];
  }
}

/**
 * Read-only checks against Acquia, made where they can save a failed `up`: for a resource about to be
 * created, whether its natural key is taken by an object that differs from the program; for kinds
 * that apply settings, what the handler checks. Unchanged resources make no call, so a no-change
 * preview costs nothing.
 */
async function preflight(
  handler: AnyHandler,
  olds: Props,
  inputs: Props,
  settings: ConnectionSettings,
): Promise<CheckFailure[]> {
  const creating = Object.keys(olds).length === 0;
  try {
    if (!isKeyed(handler)) {
      if (!handler.preflight || (!creating && acquiaChanges(handler, olds, inputs).length === 0)) return [];
      return await handler.preflight(contextFor(handler, settings, inputs), inputs, olds);
    }
    const ctx = contextFor(handler, settings, inputs);
    if (handler.preflight && (creating || acquiaChanges(handler, olds, inputs).length > 0)) {
      const refused = await handler.preflight(ctx, inputs, olds);
      if (refused.length > 0) return refused;
    }
    if (!creating || inputs["adopt"]) return [];
    if (handler.taken && !(await handler.taken(ctx, inputs))) return [];
    const found = await handler.find(ctx, inputs);
    const differs = found ? acquiaChanges(handler, found.outs, inputs) : [];
    if (!found || differs.length === 0) return [];
    const property = namingKey(handler) ?? handler.kind.naturalKey.at(-1) ?? "(inputs)";
    return [{ property, reason: alreadyExists(describe(handler, inputs), found.id, differs).message }];
  } catch (error) {
    if (error instanceof AuthenticationError || error instanceof FederatedAuthenticationRequiredError)
      return [{ property: "connection", reason: error.message }];
    // A lookup that cannot run yet (a parent being created, a passing outage) is for the create to meet.
    if (isKeyed(handler)) return [];
    throw error;
  }
}

export function diff(handler: AnyHandler, olds: Props, news: Props) {
  // `adopt` matters only to a create: toggling it is not a change anyone needs to see.
  const changed = changedKeys(handler, olds, news).filter((k) => k !== "adopt");
  const replaces = changed.filter((k) => (handler.kind.replaceOn as readonly string[]).includes(k));
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && handler.kind.deleteBeforeReplace,
  };
}

function result(found: Found<Props>, inputs: Props): { id: string; outs: Props } {
  return { id: found.id, outs: clean({ ...found.outs, ...pick(inputs, META_KEYS) }) };
}

export async function create(handler: AnyHandler, inputs: Props): Promise<{ id: string; outs: Props }> {
  const ctx = contextFor(handler, settingsOf(handler, inputs), inputs);
  if (!isKeyed(handler)) return result(await handler.create(ctx, inputs), inputs);
  try {
    if (inputs["adopt"]) {
      const existing = await handler.find(ctx, inputs);
      if (existing) return result(await converge(handler, ctx, existing, inputs), inputs);
    }
    return result(await createKeyed(handler, ctx, inputs), inputs);
  } finally {
    forgetListings(ctx);
  }
}

/** Brings an object found at Acquia to the inputs (adopt, or a takeover of an identical one). */
async function converge(
  handler: AnyKeyedHandler,
  ctx: Context,
  found: Found<Props>,
  inputs: Props,
): Promise<Found<Props>> {
  if (acquiaChanges(handler, found.outs, inputs).length === 0) return found;
  return { id: found.id, outs: await handler.update(ctx, found.id, found.outs, inputs) };
}

/**
 * An object holding the natural key: taken over when it is exactly what the program asks for (a run
 * interrupted after Acquia created it leaves such an object with nothing in state), refused otherwise.
 */
function takeOverOrRefuse(
  handler: AnyKeyedHandler,
  found: Found<Props>,
  inputs: Props,
  cause?: Error,
): Found<Props> {
  const differs = acquiaChanges(handler, found.outs, inputs);
  if (differs.length > 0) throw alreadyExists(describe(handler, inputs), found.id, differs, cause);
  log(
    `${describe(handler, inputs)}: took over the existing object ${found.id}, which matches the program ` +
      "exactly (left by an interrupted run?)",
  );
  return found;
}

async function createKeyed(handler: AnyKeyedHandler, ctx: Context, inputs: Props): Promise<Found<Props>> {
  const family = handler.family;
  // Acquia does not refuse a duplicate of every kind: look first where it would not tell.
  if (!isAlreadyExistsEnforced(handler)) {
    const existing = await handler.find(ctx, inputs);
    if (existing) return takeOverOrRefuse(handler, existing, inputs);
  }
  let createdId: string | undefined;
  const find = () => handler.find(ctx, inputs, createdId);
  // Found after an answer was lost, an object is the one this create made only if its whole natural
  // key matches (an SSH key with our label but another public key is someone else's).
  const ours = async () => {
    const found = await find();
    const held = found && normalizedOlds(handler, found.outs);
    const keys: readonly string[] = handler.kind.naturalKey;
    return held && keys.every((k) => isDeepStrictEqual(held[k], inputs[k])) ? found : undefined;
  };
  let outcome;
  try {
    outcome = await createOnce({
      family,
      send: async () => {
        const operation = await handler.send(ctx, inputs);
        createdId = operation.createdId;
        return operation;
      },
      find: ours,
    });
  } catch (error) {
    if (!isAlreadyExists(error, family)) throw error;
    // Refused as a duplicate before anything was created: whatever holds the key is not ours yet.
    const existing = await find();
    if (!existing) throw error;
    return takeOverOrRefuse(handler, existing, inputs, error as Error);
  }
  // From here on Acquia has accepted the create: whatever fails next, the object must stay in state.
  try {
    const found =
      outcome.kind === "found"
        ? outcome.existing
        : await awaitCreated(ctx, handler, inputs, outcome.operation, ours);
    return await converge(handler, ctx, found, inputs);
  } catch (error) {
    const found = await ours().catch((lookup: unknown) => {
      throw new ProviderError(
        "CREATE_UNCONFIRMED",
        `${describe(handler, inputs)}: Acquia accepted the create, then ${errorMessage(error)} Looking the ` +
          `object up failed too (${errorMessage(lookup)}). Run \`pulumi up\` again: it takes the object over ` +
          "when it matches the program.",
        { cause: error },
      );
    });
    if (found)
      throw new ResourceInitError(errorMessage(error), found.id, {
        ...clean(found.outs),
        [PROVIDER_KEY]: inputs[PROVIDER_KEY],
      });
    if (error instanceof NotificationTimeoutError || error instanceof OperationTimeoutError) {
      throw new ProviderError(
        "CREATE_TIMED_OUT",
        `${describe(handler, inputs)}: ${error.message} If it completes after all, the next \`pulumi up\` takes ` +
          "the object over when it matches the program (or run it with `adopt: true`).",
        { cause: error },
      );
    }
    throw error;
  }
}

/** Waits for the create's task (or, without one, for the object to show) and reads the object back. */
async function awaitCreated(
  ctx: Context,
  handler: AnyKeyedHandler,
  inputs: Props,
  operation: Operation,
  find: () => Promise<Found<Props> | undefined>,
): Promise<Found<Props>> {
  let found: Found<Props> | undefined;
  await operation.wait({ ...ctx.wait, until: async () => (found = await find()) !== undefined });
  // A completed task made exactly what was asked: where the outputs follow from the inputs, trust it.
  const known = handler.known?.(inputs);
  return (
    found ??
    (known ? { id: formatId(handler.kind, known), outs: known } : readBack(describe(handler, inputs), find))
  );
}

/** Log forwarding destinations are the one kind whose natural key Acquia does not enforce. */
function isAlreadyExistsEnforced(handler: AnyKeyedHandler): boolean {
  return handler.family !== "logForwardingDestination";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function read(
  handler: AnyHandler,
  id: string,
  props: Props,
): Promise<{ id?: string; props?: Props; inputs?: Props }> {
  // An import reads from the id alone: the parts the id carries stand in for the missing state.
  const known = { ...parseId(handler.kind, id), ...props };
  return withCredentials(handler, known, async (ctx) => {
    const current = await handler.read(ctx, id, known);
    if (current === undefined) {
      if (!(await handler.parentVisible(ctx, known))) throw parentNotVisible(handler.kind.name, id);
      return {};
    }
    const outs = clean({ ...current, ...pick(props, META_KEYS) });
    return { id, props: outs, inputs: pick(outs, inputKeys(handler.kind)) };
  });
}

export async function update(
  handler: AnyHandler,
  id: string,
  olds: Props,
  news: Props,
): Promise<{ outs: Props }> {
  const isConnection = !isKeyed(handler) && handler.settings !== undefined;
  // The outputs carry the inputs as the program now gives them: an input it dropped (a timeoutSeconds
  // or connection given once) must not linger, or every later diff would see it removed again, and a
  // dropped connection would go on being used for refresh and destroy.
  if (acquiaChanges(handler, olds, news).length === 0 && !isConnection) {
    const keys = inputKeys(handler.kind);
    return { outs: clean({ ...omit(olds, keys), ...pick(news, keys) }) };
  }
  const ctx = contextFor(handler, settingsOf(handler, news), news);
  try {
    const outs = await handler.update(ctx, id, olds, news);
    return { outs: clean({ ...omit(outs, META_KEYS), ...pick(news, META_KEYS) }) };
  } finally {
    forgetListings(ctx);
  }
}

export async function remove(handler: AnyHandler, id: string, props: Props): Promise<void> {
  await withCredentials(handler, props, async (ctx) => {
    try {
      await handler.delete(ctx, id, props);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    } finally {
      forgetListings(ctx);
    }
  });
}
