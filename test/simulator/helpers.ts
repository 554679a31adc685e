import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../simulator";

export type JsonObject = Record<string, unknown>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body ({} when empty). Tests narrow it with toMatchObject or small casts. */
  body: JsonObject;
  text: string;
}

/** Small task durations keep suites fast; nothing in the tests depends on exact timing. */
export function start(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ taskDurationMs: 30, ...options });
}

export interface RequestOptions {
  token?: string | null;
  form?: boolean;
  headers?: Record<string, string>;
}

function encodeForm(body: JsonObject): string {
  const params = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    if (Array.isArray(value)) value.forEach((v) => add(`${key}[]`, v));
    else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    } else params.append(key, String(value));
  };
  for (const [key, value] of Object.entries(body)) add(key, value);
  return params.toString();
}

async function toResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let body: JsonObject = {};
  if (text !== "") {
    try {
      body = JSON.parse(text) as JsonObject;
    } catch {
      body = {};
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}

export async function requestToken(
  sim: Simulator,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const response = await fetch(sim.tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: sim.clientId,
      client_secret: sim.clientSecret,
      ...fields,
    }).toString(),
  });
  return toResponse(response);
}

export async function token(sim: Simulator, scope?: string): Promise<string> {
  const response = await requestToken(sim, scope === undefined ? {} : { scope });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${response.text}`);
  return String(response.body.access_token);
}

/** A tiny API client over global fetch, holding one bearer token. */
export class Api {
  constructor(
    readonly sim: Simulator,
    public bearer: string,
  ) {}

  static async connect(sim: Simulator, scope?: string): Promise<Api> {
    return new Api(sim, await token(sim, scope));
  }

  async request(
    method: string,
    path: string,
    body?: JsonObject,
    options: RequestOptions = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { Accept: "application/hal+json, version=2", ...options.headers };
    const bearer = options.token === undefined ? this.bearer : options.token;
    if (bearer !== null) headers.Authorization = `Bearer ${bearer}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers["Content-Type"] = options.form ? "application/x-www-form-urlencoded" : "application/json";
      payload = options.form ? encodeForm(body) : JSON.stringify(body);
    }
    const url = path.startsWith("http") ? path : `${this.sim.apiUrl}${path}`;
    return toResponse(await fetch(url, { method, headers, body: payload }));
  }

  get(path: string, options?: RequestOptions): Promise<ApiResponse> {
    return this.request("GET", path, undefined, options);
  }

  post(path: string, body: JsonObject = {}, options?: RequestOptions): Promise<ApiResponse> {
    return this.request("POST", path, body, options);
  }

  put(path: string, body: JsonObject, options?: RequestOptions): Promise<ApiResponse> {
    return this.request("PUT", path, body, options);
  }

  delete(path: string, options?: RequestOptions): Promise<ApiResponse> {
    return this.request("DELETE", path, undefined, options);
  }

  /** Polls a notification until it leaves `in-progress` and returns its final body. */
  async waitForNotification(href: string, timeoutMs = 5000): Promise<JsonObject> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await this.get(href);
      if (response.status !== 200)
        throw new Error(`notification poll failed: ${response.status} ${response.text}`);
      if (response.body.status !== "in-progress") return response.body;
      if (Date.now() > deadline) throw new Error(`notification ${href} still in progress`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits for the task of an accepted (202) answer and returns its notification's final body. */
  async settle(accepted: ApiResponse): Promise<JsonObject> {
    if (accepted.status !== 202) throw new Error(`expected 202, got ${accepted.status}: ${accepted.text}`);
    return this.waitForNotification(await this.taskHref(accepted));
  }

  /**
   * The notification of an accepted answer: its link, or, for an answer without one (messageOnly), the
   * notification of the task the simulator started last. Tests run one request at a time, so that is it.
   */
  async taskHref(accepted: ApiResponse): Promise<string> {
    const links = accepted.body._links as { notification?: { href?: string } } | undefined;
    if (typeof links?.notification?.href === "string") return links.notification.href;
    const last = (await this.sim.control.stats()).tasks.at(-1);
    if (last === undefined) throw new Error(`no notification link and no task for ${accepted.text}`);
    return `${this.sim.apiUrl}/notifications/${last.uuid}`;
  }
}

export function notificationHref(response: ApiResponse): string {
  const links = response.body._links as { notification?: { href?: string } } | undefined;
  const href = links?.notification?.href;
  if (typeof href !== "string") throw new Error(`no notification link in ${response.text}`);
  return href;
}

export function items(response: ApiResponse): JsonObject[] {
  const embedded = response.body._embedded as { items?: JsonObject[] } | undefined;
  if (!Array.isArray(embedded?.items)) throw new Error(`no _embedded.items in ${response.text}`);
  return embedded.items;
}

/** Any control endpoint, whatever it answers (for tests of the endpoints themselves). */
export async function control(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: JsonObject }> {
  const response = await sim.control.send(method, path, body);
  return { status: response.status, body: (response.body ?? {}) as JsonObject };
}

// ---------------------------------------------------------------------------------------------
// Key and certificate material, generated per run so nothing expires in the repository.

/** The 4096-bit RSA key from the spec's POST /account/ssh-keys example; `ssh-keygen -l -E md5` gives FP. */
export const SPEC_EXAMPLE_PUBLIC_KEY =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQChwPHzTTDKDpSbpa2+d22LcbQmsw92eLsUK3Fmei1fiGDkd34NsYCN8m7lsi3NbvdMS83CtPQPWiCveYPzFs1/hHc4PYj8opD2CNnr5iWVVbyaulCYHCgVv4aB/ojcexg8q483A4xJeF15TiCr/gu34rK6ucTvC/tn/rCwJBudczvEwt0klqYwv8Cl/ytaQboSuem5KgSjO3lMrb6CWtfSNhE43ZOw+UBFBqxIninN868vGMkIv9VY34Pwj54rPn/ItQd6Ef4B0KHHaGmzK0vfP+AK7FxNMoHnj3iYT33KZNqtDozdn5tYyH/bThPebEtgqUn+/w5l6wZIC/8zzvls/127ngHk+jNa0PlNyS2TxhPUK4NaPHIEnnrlp07JEYC4ImcBjaYCWAdcTcUkcJjwZQkN4bGmyO9cjICH98SdLD/HxqzTHeaYDbAX/Hu9HfaBb5dXLWsjw3Xc6hoVnUUZbMQyfgb0KgxDLh92eNGxJkpZiL0VDNOWCxDWsNpzwhLNkLqCvI6lyxiLaUzvJAk6dPaRhExmCbU1lDO2eR0FdSwC1TEhJOT9eDIK1r2hztZKs2oa5FNFfB/IFHVWasVFC9N2h/r/egB5zsRxC9MqBLRBq95NBxaRSFng6ML5WZSw41Qi4C/JWVm89rdj2WqScDHYyAdwyyppWU4T5c9Fmw== example@example.com";
export const SPEC_EXAMPLE_FINGERPRINT = "96:51:32:1e:2d:68:72:7f:e5:42:8d:ba:b0:20:96:7c";

function sshString(value: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(value.length);
  return Buffer.concat([length, value]);
}

function mpint(value: Buffer): Buffer {
  return sshString((value[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value);
}

export function ed25519PublicKey(comment = "test@example.com"): string {
  const { publicKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(String(publicKey.export({ format: "jwk" }).x), "base64url");
  const blob = Buffer.concat([sshString(Buffer.from("ssh-ed25519")), sshString(raw)]);
  return `ssh-ed25519 ${blob.toString("base64")} ${comment}`;
}

export function rsaPublicKey(bits: number): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const jwk = publicKey.export({ format: "jwk" });
  const blob = Buffer.concat([
    sshString(Buffer.from("ssh-rsa")),
    mpint(Buffer.from(String(jwk.e), "base64url")),
    mpint(Buffer.from(String(jwk.n), "base64url")),
  ]);
  return `ssh-rsa ${blob.toString("base64")} short@example.com`;
}

// A minimal DER writer, enough for a self-signed X.509 v3 certificate with subjectAltName.
function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const header =
    length < 0x80
      ? Buffer.from([tag, length])
      : length < 0x100
        ? Buffer.from([tag, 0x81, length])
        : Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  return Buffer.concat([header, content]);
}
const seq = (...parts: Buffer[]): Buffer => der(0x30, Buffer.concat(parts));

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [40 * a + b];
  for (const value of rest) {
    const chunk = [value & 0x7f];
    for (let v = value >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? der(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : der(0x18, Buffer.from(`${iso}Z`));
}

const name = (commonName: string): Buffer =>
  seq(der(0x31, seq(oid("2.5.4.3"), der(0x0c, Buffer.from(commonName)))));

export interface TestCertificate {
  certificate: string;
  privateKey: string;
  key: KeyObject;
}

export function selfSignedCertificate(
  domains: string[],
  validity: { notBefore?: Date; notAfter?: Date } = {},
): TestCertificate {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const notBefore = validity.notBefore ?? new Date(Date.now() - 24 * 3600 * 1000);
  const notAfter = validity.notAfter ?? new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const algorithm = seq(oid("1.2.840.10045.4.3.2"));
  const san = seq(...domains.map((d) => der(0x82, Buffer.from(d))));
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.from([0x01, Math.floor(Math.random() * 100)])),
    algorithm,
    name(domains[0] ?? "example.com"),
    seq(time(notBefore), time(notAfter)),
    name(domains[0] ?? "example.com"),
    publicKey.export({ type: "spki", format: "der" }),
    der(0xa3, seq(seq(oid("2.5.29.17"), der(0x04, san)))),
  );
  const signature = sign("sha256", tbs, privateKey);
  const certificate = seq(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const base64 = certificate.toString("base64").replace(/(.{64})/g, "$1\n");
  return {
    certificate: `-----BEGIN CERTIFICATE-----\n${base64.trim()}\n-----END CERTIFICATE-----\n`,
    privateKey: String(privateKey.export({ type: "pkcs8", format: "pem" })),
    key: privateKey,
  };
}
