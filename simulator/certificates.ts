import { X509Certificate, createPrivateKey, type KeyObject } from "node:crypto";
import { isoFromDate } from "./time";

export interface ParsedCertificate {
  x509: X509Certificate;
  notBefore: Date;
  notAfter: Date;
  expiresAt: string;
  /** DNS names from subjectAltName, else the subject's CN. */
  domains: string[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function parseCertificate(pem: string): ParsedCertificate | null {
  const blocks = pem.match(PEM_BLOCK);
  if (blocks === null || blocks.length !== 1 || blocks[0] === undefined) return null;
  try {
    const x509 = new X509Certificate(blocks[0]);
    const notBefore = new Date(x509.validFrom);
    const notAfter = new Date(x509.validTo);
    const sanNames = (x509.subjectAltName ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry.startsWith("DNS:"))
      .map((entry) => entry.slice(4));
    const commonName = /(?:^|\n)CN=([^\n]+)/.exec(x509.subject)?.[1];
    const domains = sanNames.length > 0 ? sanNames : commonName === undefined ? [] : [commonName];
    return { x509, notBefore, notAfter, expiresAt: isoFromDate(notAfter), domains };
  } catch {
    return null;
  }
}

/** True when the text holds one or more PEM certificates and each of them parses. */
export function isCertificateBundle(pem: string): boolean {
  const blocks = pem.match(PEM_BLOCK);
  if (blocks === null) return false;
  return blocks.every((block) => {
    try {
      new X509Certificate(block);
      return true;
    } catch {
      return false;
    }
  });
}

export function parsePrivateKey(pem: string): KeyObject | null {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) return null;
  try {
    return createPrivateKey(pem);
  } catch {
    return null;
  }
}

export function keyMatchesCertificate(certificate: ParsedCertificate, key: KeyObject): boolean {
  try {
    return certificate.x509.checkPrivateKey(key);
  } catch {
    return false;
  }
}
