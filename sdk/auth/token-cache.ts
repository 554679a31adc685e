import { createHash } from "node:crypto";

export interface IssuedToken {
  accessToken: string;
  /** Life of the token in seconds, as the token endpoint's `expires_in` said. */
  expiresInSeconds: number;
}

interface CachedToken {
  accessToken: string;
  renewAt: number;
}

interface Entry {
  token?: CachedToken;
  pending?: Promise<CachedToken>;
}

/** Renew ahead of expiry by a fifth of the token's life, at most a minute: 240 s of a 300 s token. */
export function renewalDelayMs(expiresInSeconds: number): number {
  const lifeMs = expiresInSeconds * 1000;
  return lifeMs - Math.min(60_000, lifeMs * 0.2);
}

/**
 * What identifies a token: where it came from, whose it is and its scope. The secret enters only as a
 * fingerprint, so a rotated secret gets a fresh token while the secret itself is never kept here.
 */
export function tokenCacheKey(parts: {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string | undefined;
}): string {
  const fingerprint = createHash("sha256").update(parts.clientSecret).digest("hex").slice(0, 16);
  return [parts.tokenUrl, parts.clientId, parts.scope ?? "", fingerprint].join("\n");
}

/**
 * Access tokens by credential set. Concurrent callers share one in-flight request; a token is reused
 * until its renewal time; a token the API refused is dropped so the next caller fetches a new one.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  async getToken(key: string, issue: () => Promise<IssuedToken>): Promise<string> {
    const entry = this.entries.get(key) ?? {};
    this.entries.set(key, entry);
    if (entry.token && this.now() < entry.token.renewAt) return entry.token.accessToken;
    entry.pending ??= this.fetch(entry, issue);
    return (await entry.pending).accessToken;
  }

  /** Drops `accessToken` if it is still the cached one; a caller that already renewed keeps its token. */
  invalidate(key: string, accessToken: string): void {
    const entry = this.entries.get(key);
    if (entry?.token?.accessToken === accessToken) delete entry.token;
  }

  clear(): void {
    this.entries.clear();
  }

  private async fetch(entry: Entry, issue: () => Promise<IssuedToken>): Promise<CachedToken> {
    try {
      const issuedAt = this.now();
      const issued = await issue();
      const token = {
        accessToken: issued.accessToken,
        renewAt: issuedAt + renewalDelayMs(issued.expiresInSeconds),
      };
      entry.token = token;
      return token;
    } finally {
      delete entry.pending;
    }
  }
}

const KEY = Symbol.for("pulumi-acquia-cloud.token-cache");

/** The cache every client in this process shares: one token per credential set per process. */
export function sharedTokenCache(): TokenCache {
  const store = globalThis as Record<symbol, unknown>;
  const existing = store[KEY];
  if (existing instanceof TokenCache) return existing;
  const cache = new TokenCache();
  store[KEY] = cache;
  return cache;
}
