import type * as Undici from "undici";
import type { Dispatcher } from "undici";
import { AcquiaConnectionError, AcquiaTimeoutError } from "../errors";
import { sleep } from "../internal/sleep";
import { Limiter, processLimiter } from "./limiter";
import type { RateGate } from "./rate-gate";
import { redact } from "./redact";
import {
  decideRetry,
  defaultRetryOptions,
  parseRetryAfter,
  type AttemptOutcome,
  type RetryOptions,
} from "./retry-policy";

export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}

export interface TransportOptions {
  /** undici dispatcher; tests pass a MockAgent. Defaults to a keep-alive Agent shared by the process. */
  dispatcher?: Dispatcher | undefined;
  retry?: Partial<RetryOptions> | undefined;
  /** Per attempt: connecting, waiting for headers, and reading the body, each. */
  timeoutMs?: number | undefined;
  /** Requests in flight; a number gives this client its own cap, else the process-wide one applies. */
  maxConcurrentRequests?: number | undefined;
  logger?: Logger | undefined;
  userAgent?: string | undefined;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** The caller vouches that repeating this request is harmless (see decideRetry). */
  idempotent?: boolean | undefined;
  /** Paces the request with every other one of its credential set (API requests, not token requests). */
  gate?: RateGate | undefined;
  signal?: AbortSignal | undefined;
  /** Overrides the transport's per-attempt timeout. */
  timeoutMs?: number | undefined;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  requestId: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** Errors raised before a connection existed: the server cannot have seen the request. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/**
 * undici, loaded when the first request is sent: a Pulumi program imports this package for its
 * resource classes and may never send a request itself.
 */
let loaded: typeof Undici | undefined;
function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require("undici") as typeof Undici);
}

let sharedAgent: Dispatcher | undefined;
function defaultDispatcher(timeoutMs: number): Dispatcher {
  sharedAgent ??= new (undici().Agent)({
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connectTimeout: Math.min(timeoutMs, 30_000),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return sharedAgent;
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** Sends HTTP requests with timeouts, a concurrency cap and the retry policy. Knows nothing of auth. */
export class HttpTransport {
  private readonly dispatcher: Dispatcher | undefined;
  private readonly retry: RetryOptions;
  private readonly timeoutMs: number;
  private readonly limiter: Limiter;
  private readonly logger: Logger | undefined;
  private readonly userAgent: string;

  constructor(options: TransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.dispatcher = options.dispatcher;
    this.retry = { ...defaultRetryOptions, ...options.retry };
    this.limiter = options.maxConcurrentRequests
      ? new Limiter(options.maxConcurrentRequests)
      : processLimiter();
    this.logger = options.logger;
    this.userAgent = options.userAgent ?? "pulumi-acquia-cloud";
  }

  async send(request: HttpRequest, displayPath: string): Promise<HttpResponse> {
    const started = Date.now();
    let retries = 0;
    for (let attempt = 1; ; attempt++) {
      let outcome: AttemptOutcome;
      let failure: unknown;
      let response: HttpResponse | undefined;
      try {
        await request.gate?.acquire(request.signal);
        response = await this.limiter.run(() => this.exchange(request));
        outcome = {
          kind: "response",
          status: response.status,
          retryAfter: headerValue(response.headers["retry-after"]),
        };
      } catch (error) {
        if (request.signal?.aborted) throw error;
        failure = error;
        const code = errorCode(error) ?? "";
        outcome = {
          kind: "network",
          requestSent: !NOT_SENT_CODES.has(code),
          permanent: code === "ENOTFOUND",
        };
      }
      const elapsedMs = Date.now() - started;
      if (outcome.kind === "response" && outcome.status === 429) {
        const wait = parseRetryAfter(outcome.retryAfter) ?? this.retry.baseDelayMs;
        request.gate?.rateLimited(
          Math.min(wait, this.retry.maxRetryAfterMs),
          `${request.method} ${displayPath}`,
        );
      }
      const decision = decideRetry(request, outcome, { attempt, elapsedMs }, this.retry);
      if (!decision.retry) {
        if (retries > 0 && response && response.status < 400)
          this.logger?.debug?.(`${request.method} ${displayPath}: succeeded after ${retries} retries`);
        if (response) return response;
        throw this.connectionError(
          request.method,
          displayPath,
          failure,
          outcome.kind === "network" && outcome.requestSent,
        );
      }
      // One line when a request starts retrying; a 429 is reported once per pause by the gate.
      if (retries++ === 0 && !(outcome.kind === "response" && outcome.status === 429 && request.gate)) {
        this.logger?.warn?.(
          redact(
            `${request.method} ${displayPath}: ${response ? `HTTP ${response.status}` : `network error ${errorCode(failure) ?? String(failure)}`}` +
              `, retrying for up to ${Math.round(this.retry.budgetMs / 1000)} s`,
          ),
        );
      }
      await sleep(decision.delayMs, request.signal);
    }
  }

  private async exchange(request: HttpRequest): Promise<HttpResponse> {
    const started = Date.now();
    const res = await undici().request(request.url, {
      method: request.method as Dispatcher.HttpMethod,
      headers: { "user-agent": this.userAgent, ...request.headers },
      body: request.body,
      dispatcher: this.dispatcher ?? defaultDispatcher(this.timeoutMs),
      signal: request.signal,
      headersTimeout: request.timeoutMs ?? this.timeoutMs,
      bodyTimeout: request.timeoutMs ?? this.timeoutMs,
    });
    const body = await res.body.text();
    const requestId = headerValue(res.headers["x-request-id"]) ?? undefined;
    this.logger?.debug?.(
      `${request.method} ${new URL(request.url).pathname} -> ${res.statusCode} in ${Date.now() - started} ms` +
        (requestId ? ` (request id ${requestId})` : ""),
    );
    return { status: res.statusCode, headers: res.headers, body, requestId };
  }

  private connectionError(
    method: string,
    path: string,
    error: unknown,
    requestSent: boolean,
  ): AcquiaConnectionError {
    const code = errorCode(error);
    const isTimeout = TIMEOUT_CODES.has(code ?? "") || error instanceof undici().errors.HeadersTimeoutError;
    const reason = redact(error instanceof Error ? error.message : String(error));
    const details = { method, path, outcomeUnknown: requestSent && method !== "GET", code, reason };
    return isTimeout
      ? new AcquiaTimeoutError(details, { cause: error })
      : new AcquiaConnectionError(details, { cause: error });
  }
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
