/**
 * Masks secrets in text bound for an error message or a log line. Two nets: patterns for the places
 * secrets travel (Authorization headers, OAuth form fields, secret-bearing JSON keys), and a registry
 * of the exact secret values this process has handled (client secrets, tokens, variable values,
 * private keys), because Acquia's messages can echo a value anywhere.
 */

const MASK = "[REDACTED]";
const SECRET_JSON_KEYS = [
  "client_secret",
  "access_token",
  "value",
  "private_key",
  "credentials",
  "token",
  "key",
  "certificate_key",
  "password",
  "api_secret",
];

const PATTERNS: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${MASK}`],
  [/\b(client_secret|access_token|refresh_token)=[^&\s"]*/gi, `$1=${MASK}`],
  [
    new RegExp(`"(${SECRET_JSON_KEYS.join("|")})"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|\\{[^{}]*\\})`, "gi"),
    `"$1":"${MASK}"`,
  ],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, MASK],
];

/** Shorter strings are too likely to occur by chance to be masked everywhere they appear. */
const MIN_REGISTERED_LENGTH = 6;
const registry: Set<string> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("pulumi-acquia-cloud.secrets")
] ??= new Set<string>()) as Set<string>;

/** Remembers a secret value so that `redact` masks it wherever it appears later in this process. */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value === "string" && value.length >= MIN_REGISTERED_LENGTH) registry.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...registry].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}
