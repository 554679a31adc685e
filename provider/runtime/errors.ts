/**
 * Thrown from create when Acquia holds the object but its task failed or timed out. The dynamic
 * provider host reports an error carrying `id` as "created but failed to initialize", so Pulumi keeps
 * the resource in state (no orphan) and the next `up` converges it.
 */
export class ResourceInitError extends Error {
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

/** Refresh found the object missing but could not see its parent either: refuse to guess. */
export class ParentNotVisibleError extends Error {
  constructor(kind: string, id: string) {
    super(
      `${kind} ${id}: Acquia reports neither the object nor its parent. The credentials may have lost ` +
        "access, so the resource stays in state. Check the key's permissions (or that the environment still " +
        "exists), then refresh again; use `pulumi state delete` if the parent was removed on purpose.",
    );
    this.name = "ParentNotVisibleError";
  }
}

/** Create refused because the object exists: say how to take it over instead of only relaying Acquia. */
export class AlreadyExistsError extends Error {
  constructor(what: string, id: string, cause: Error) {
    super(
      `${what} already exists in Acquia (${id}): ${cause.message} Set \`adopt: true\` to manage the ` +
        "existing object with this stack, or choose another name or label.",
      { cause },
    );
    this.name = "AlreadyExistsError";
  }
}
