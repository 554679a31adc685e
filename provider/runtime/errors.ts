/**
 * The provider's own errors, each with a stable `code` so callers and tests can tell them apart
 * without reading their words. (Errors from Acquia itself are the SDK's typed errors.)
 */
export type ProviderErrorCode =
  /** The natural key is taken by an object that differs from the program. */
  | "ALREADY_EXISTS"
  /** Refresh could see neither the object nor its parent. */
  | "PARENT_NOT_VISIBLE"
  /** No credentials anywhere. */
  | "MISSING_CREDENTIALS"
  /** The credentials recorded in state were refused and no others are configured. */
  | "CREDENTIALS_REFUSED"
  /** The environment a resource belongs to does not exist. */
  | "ENVIRONMENT_MISSING"
  /** An object exists that the kind cannot manage (a non-CD environment, another key under a label). */
  | "NOT_MANAGEABLE"
  /** Acquia cannot create this kind of object: the resource must take over the existing one (`adopt`). */
  | "ADOPT_REQUIRED"
  /** The object vanished while being updated. */
  | "OBJECT_GONE"
  /** Acquia reported a change done but does not show it. */
  | "NOT_VISIBLE_YET"
  /** A create outlived its timeout; the object may still appear. */
  | "CREATE_TIMED_OUT"
  /** Acquia accepted a create, then neither the create nor a lookup of the object could be finished. */
  | "CREATE_UNCONFIRMED"
  /** The state names a kind this version does not know. */
  | "UNKNOWN_KIND"
  /** An input names something Acquia does not offer (a Cloud Action label, …); `field` says which. */
  | "INVALID_INPUT";

export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ProviderError";
  }
}

/**
 * An input Acquia cannot act on, found only by asking it (a name it does not offer): carries the input's
 * name so check can report it against that field, and the message says what to write instead.
 */
export class InvalidInputError extends ProviderError {
  constructor(
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("INVALID_INPUT", message, options);
    this.name = "InvalidInputError";
  }
}

/** A check's InvalidInputError as preview failures (none when it passes); other errors propagate. */
export async function inputFailures(
  check: () => Promise<unknown>,
): Promise<{ property: string; reason: string }[]> {
  try {
    await check();
    return [];
  } catch (error) {
    if (error instanceof InvalidInputError) return [{ property: error.field, reason: error.message }];
    throw error;
  }
}

/**
 * Thrown from create when Acquia holds the object but a later step failed or timed out. The dynamic
 * provider host reports an error carrying `id` as "created but failed to initialize", so Pulumi keeps
 * the resource in state (no orphan) and the next `up` converges it.
 */
export class ResourceInitError extends Error {
  readonly code = "RESOURCE_INIT_FAILED";

  constructor(
    message: string,
    readonly id: string,
    readonly properties: Record<string, unknown>,
    readonly reasons: string[] = [message],
  ) {
    super(message);
    this.name = "ResourceInitError";
  }
}

export function parentNotVisible(kind: string, id: string): ProviderError {
  return new ProviderError(
    "PARENT_NOT_VISIBLE",
    `${kind} ${id}: Acquia reports neither the object nor its parent. The credentials may have lost ` +
      "access, so the resource stays in state. Check the key's permissions (or that the environment still " +
      "exists), then refresh again; use `pulumi state delete` if the parent was removed on purpose.",
  );
}

/** Create refused because an object that differs holds the natural key: say how to take it over. */
export function alreadyExists(what: string, id: string, differs: string[], cause?: Error): ProviderError {
  const detail = cause ? `${cause.message} ` : "";
  return new ProviderError(
    "ALREADY_EXISTS",
    `${what} already exists in Acquia (${id}) and differs from the program in ${differs.join(", ")}. ${detail}` +
      "Set `adopt: true` to manage the existing object with this stack (the program's values are then " +
      "applied), or choose another name or label.",
    { cause },
  );
}

export function environmentMissing(id: string): ProviderError {
  return new ProviderError(
    "ENVIRONMENT_MISSING",
    `environment ${id} was not found: check environmentId (see getEnvironment)`,
  );
}
