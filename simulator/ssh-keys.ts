import { createHash } from "node:crypto";

export interface ParsedPublicKey {
  type: string;
  /** The key blob, normalised to `type base64` without the comment, for duplicate detection. */
  canonical: string;
  /** Colon-separated MD5 of the key blob, as `ssh-keygen -E md5 -l` prints it and Acquia stores it. */
  fingerprint: string;
}

export type PublicKeyProblem = "invalid" | "unsupported" | "too-short";

export const PUBLIC_KEY_MESSAGES: Record<PublicKeyProblem, string> = {
  invalid: "The supplied public key is invalid.",
  unsupported: "The supplied public key type is unsupported: it must be RSA (ssh-rsa).",
  "too-short": "The supplied public key type is too short: it must be at least 4096 bits long.",
};

const MIN_RSA_BITS = 4096;

class BlobReader {
  private offset = 0;
  constructor(private readonly blob: Buffer) {}

  bytes(): Buffer {
    if (this.offset + 4 > this.blob.length) throw new Error("truncated");
    const length = this.blob.readUInt32BE(this.offset);
    this.offset += 4;
    if (this.offset + length > this.blob.length) throw new Error("truncated");
    const value = this.blob.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  done(): boolean {
    return this.offset === this.blob.length;
  }
}

function bitLength(mpint: Buffer): number {
  let start = 0;
  while (start < mpint.length && mpint[start] === 0) start++;
  if (start === mpint.length) return 0;
  const first = mpint[start] ?? 0;
  return (mpint.length - start - 1) * 8 + (32 - Math.clz32(first));
}

/**
 * Parses an OpenSSH public key line. Acquia documents RSA keys of at least 4096 bits; Ed25519 is
 * accepted as well because Cloud Platform takes it today.
 */
export function parsePublicKey(line: string): ParsedPublicKey | PublicKeyProblem {
  const parts = line.trim().split(/\s+/);
  const [type, encoded] = parts;
  if (type === undefined || encoded === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
    return "invalid";
  const blob = Buffer.from(encoded, "base64");
  try {
    const reader = new BlobReader(blob);
    const embeddedType = reader.bytes().toString("latin1");
    if (embeddedType !== type) return "invalid";
    if (type === "ssh-rsa") {
      const exponent = reader.bytes();
      const modulus = reader.bytes();
      if (!reader.done() || bitLength(exponent) === 0) return "invalid";
      if (bitLength(modulus) < MIN_RSA_BITS) return "too-short";
    } else if (type === "ssh-ed25519") {
      if (reader.bytes().length !== 32 || !reader.done()) return "invalid";
    } else if (/^(ssh-dss|ecdsa-sha2-|sk-)/.test(type)) {
      return "unsupported";
    } else {
      return "invalid";
    }
  } catch {
    return "invalid";
  }
  const digest = createHash("md5").update(blob).digest("hex");
  return {
    type,
    canonical: `${type} ${blob.toString("base64")}`,
    fingerprint: digest.match(/../g)?.join(":") ?? digest,
  };
}
