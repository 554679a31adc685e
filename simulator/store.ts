import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import type { CollectionName, Credentials, State, StoreOp, TokenRecord } from "./model";
import { SEED_CREDENTIALS, createSeedState } from "./seed";
import { isoNow } from "./time";

const FORMAT = "acquia-cloud-simulator-state";
// Version 2: organizations list their members, applications carry their type. Version 3: roles, people,
// team members, organization admins and invites; account API tokens, Shield ACL rules, identity
// providers, and whether a subscription has Shield.
const VERSION = 5;

interface PersistedFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  credentials: Credentials;
  tokens: TokenRecord[];
  state: State;
}

/**
 * All mutable data of one simulator: the Acquia objects, the demo credentials and issued tokens.
 * With a state file every change is written through atomically (tmp + rename), so separate simulator
 * processes — e.g. one for `pulumi up`, one for `pulumi destroy` — see one continuous world.
 */
export class Store {
  state: State;
  credentials: Credentials;
  tokens: TokenRecord[];
  readonly file: string | undefined;

  constructor(file?: string) {
    this.file = file;
    this.state = createSeedState();
    this.credentials = { ...SEED_CREDENTIALS };
    this.tokens = [];
    if (file !== undefined && existsSync(file)) {
      this.load(file);
    } else {
      this.save();
    }
  }

  private load(file: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`Cannot read simulator state file ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (isPlainObject(parsed) && parsed.format === FORMAT && parsed.version !== VERSION) {
      throw new Error(
        `${file} was written by another simulator version (state v${String(parsed.version)}; this one reads v${VERSION}): delete it to start from the seed.`,
      );
    }
    if (!isPersistedFile(parsed)) {
      throw new Error(`${file} is not an acquia-cloud-simulator state file (format ${FORMAT} v${VERSION}).`);
    }
    this.state = parsed.state;
    this.credentials = parsed.credentials;
    this.tokens = parsed.tokens;
  }

  save(): void {
    if (this.file === undefined) return;
    const document: PersistedFile = {
      format: FORMAT,
      version: VERSION,
      credentials: this.credentials,
      tokens: this.tokens,
      state: this.state,
    };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch (error) {
      if (existsSync(tmp)) unlinkSync(tmp);
      throw error;
    }
  }

  /** Back to the seed, including the demo secret. Issued tokens stay valid: clients keep working. */
  reset(): void {
    this.state = createSeedState();
    this.credentials = { ...SEED_CREDENTIALS };
    this.save();
  }

  apply(ops: readonly StoreOp[]): void {
    for (const op of ops) applyOp(this.state, op);
  }
}

function collection(state: State, name: CollectionName): Record<string, unknown> {
  // Every collection is a string-keyed record; the op's own typing already ties value to collection.
  return state[name] as Record<string, unknown>;
}

export function applyOp(state: State, op: StoreOp): void {
  const records = collection(state, op.collection);
  switch (op.op) {
    case "put": {
      const value: Record<string, unknown> = { ...structuredClone(op.value) };
      for (const field of op.stamp ?? []) value[field] = isoNow();
      records[op.key] = value;
      return;
    }
    case "patch": {
      const current = records[op.key];
      // The object may have been deleted while the task ran; Acquia would fail the task, we skip it.
      if (isPlainObject(current)) records[op.key] = deepMerge(current, op.patch);
      return;
    }
    case "delete":
      delete records[op.key];
      return;
    case "deleteWhere":
      for (const [key, value] of Object.entries(records)) {
        if (isPlainObject(value) && value[op.field] === op.equals) delete records[key];
      }
      return;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepMerge(target: Record<string, unknown>, patch: object): Record<string, unknown> {
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const existing = result[key];
    result[key] =
      isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : structuredClone(value);
  }
  return result;
}

function isPersistedFile(value: unknown): value is PersistedFile {
  if (!isPlainObject(value)) return false;
  if (value.format !== FORMAT || value.version !== VERSION) return false;
  const credentials = value.credentials;
  return (
    isPlainObject(credentials) &&
    typeof credentials.clientId === "string" &&
    typeof credentials.clientSecret === "string" &&
    Array.isArray(value.tokens) &&
    isPlainObject(value.state) &&
    isPlainObject(value.state.environments)
  );
}
