import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { BodyError, parseBody, parseForm, readRawBody, requireBody } from "./body";
import { CONTROL_PREFIX, handleControl } from "./control";
import type { SimulatorCore } from "./core";
import { ApiError } from "./errors";
import type { FaultRule, TaskFault } from "./faults";
import { Router, type HttpMethod, type RouteContext } from "./router";
import { apiRoutes } from "./routes";
import { sleep } from "./time";

export const TOKEN_PATH = "/accounts/api/auth/oauth/token";
export const API_PREFIX = "/api";

const HAL_JSON = "application/hal+json";
const JSON_TYPE = "application/json";

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  contentType: string;
}

type Outcome = Reply | "reset";

export interface HttpServerOptions {
  host: string;
  port: number;
  latencyMs: number;
  logger?: (line: string) => void;
  info: () => unknown;
}

/** What an API gateway answers a client over its request limit (with a Retry-After header). */
const TOO_MANY_REQUESTS = {
  error: "too_many_requests",
  message: "Too many requests. Please try again later.",
};

/** The default body of an injected status, shaped like the real service's errors. */
function faultBody(rule: FaultRule, isToken: boolean): unknown {
  if (rule.body !== undefined) return rule.body;
  const status = rule.status ?? 500;
  if (isToken) {
    return {
      errorCode: status === 429 ? "E0000047" : "E0000009",
      errorSummary:
        status === 429 ? "API call exceeded rate limit due to too many requests." : "Internal Server Error",
      errorLink: status === 429 ? "E0000047" : "E0000009",
      errorId: `oae${randomUUID().replace(/-/g, "").slice(0, 20)}`,
      errorCauses: [],
    };
  }
  if (status === 429) return TOO_MANY_REQUESTS;
  if (status === 503) {
    return { error: "system", message: "This action is currently unavailable. Please try again later." };
  }
  return { error: "system", message: `The simulator answered ${status} because a fault rule told it to.` };
}

export class HttpServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly stopping = new AbortController();
  private readonly router = new Router(apiRoutes);
  private url = "";

  constructor(
    private readonly core: SimulatorCore,
    private readonly options: HttpServerOptions,
  ) {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    this.url = `http://${host}:${address.port}`;
    this.core.apiUrl = `${this.url}${API_PREFIX}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.stopping.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (request.method ?? "GET").toUpperCase();
    const url = new URL(request.url ?? "/", "http://simulator.invalid");
    const path = url.pathname;
    response.setHeader("X-Request-Id", randomUUID());
    const isApi = path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
    // In flight from arrival until the answer is written (stats.peakInFlight).
    if (isApi) this.core.stats.apiRequestStarted();
    let outcome: Outcome;
    try {
      const raw = await readRawBody(request);
      if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
        const result = handleControl(this.core, method, path, raw.toString("utf8"), this.options.info);
        outcome = { ...result, contentType: JSON_TYPE };
      } else if (path === TOKEN_PATH) {
        outcome = await this.token(method, path, raw, request);
      } else if (isApi) {
        outcome = await this.api(method, path, url, raw, request);
      } else {
        outcome = {
          status: 404,
          body: {
            error: "not_found",
            message: `Nothing is served at ${path}. The API lives under ${API_PREFIX}.`,
          },
          contentType: JSON_TYPE,
        };
      }
    } catch (error) {
      outcome = this.errorReply(error, HAL_JSON);
    }
    try {
      if (outcome === "reset") {
        // Resetting (RST) rather than closing shows the client a connection error, like a dropped link.
        request.socket.resetAndDestroy();
      } else {
        this.core.stats.answered(outcome.status);
        this.send(response, outcome);
      }
    } finally {
      if (isApi) this.core.stats.apiRequestFinished();
    }
    const elapsed = Math.round(performance.now() - started);
    this.options.logger?.(`${method} ${path} ${outcome === "reset" ? "RESET" : outcome.status} ${elapsed}ms`);
  }

  private async token(method: string, path: string, raw: Buffer, request: IncomingMessage): Promise<Outcome> {
    this.core.stats.tokenRequest();
    return this.withFaults(method, path, true, request, () => {
      if (method !== "POST") {
        return {
          status: 405,
          body: {
            errorCode: "E0000022",
            errorSummary: "The endpoint does not support the provided HTTP method",
          },
          contentType: JSON_TYPE,
          headers: { Allow: "POST" },
        };
      }
      // OAuth token requests are form-encoded; Okta does not take JSON here.
      const form = parseForm(raw.toString("utf8"));
      const result = this.core.auth.issueToken({ form, authorization: request.headers.authorization });
      return { ...result, contentType: JSON_TYPE };
    });
  }

  private async api(
    method: string,
    path: string,
    url: URL,
    raw: Buffer,
    request: IncomingMessage,
  ): Promise<Outcome> {
    const apiPath = path.slice(API_PREFIX.length) || "/";
    const lookup = this.router.lookup(method, apiPath);
    const route = lookup.kind === "match" ? `${method} ${lookup.match.route.template}` : null;
    this.core.stats.apiRequest(route);
    // The gateway refuses at arrival, before the request reaches the API (and its fault rules).
    const admission = this.core.rateLimiter.admit();
    if (!admission.admitted) {
      await sleep(this.options.latencyMs, this.stopping.signal);
      if (this.stopping.signal.aborted || request.socket.destroyed) return "reset";
      return {
        status: 429,
        body: TOO_MANY_REQUESTS,
        headers: { "Retry-After": String(admission.retryAfterSeconds) },
        contentType: HAL_JSON,
      };
    }
    return this.withFaults(method, path, false, request, (taskFault) => {
      const token = this.core.auth.authenticate(request.headers.authorization);
      if (lookup.kind === "none") {
        throw new ApiError(404, "not_found", `The simulator does not implement ${method} ${apiPath}.`);
      }
      if (lookup.kind === "method-not-allowed") {
        throw new ApiError(405, "method_not_allowed", `${method} is not allowed on ${apiPath}.`, {
          Allow: lookup.allowed.join(", "),
        });
      }
      if (this.core.realism.has("requireBody")) requireBody(method, raw, request.headers["content-type"]);
      const body = parseBody(raw, request.headers["content-type"]);
      const ctx: RouteContext = {
        core: this.core,
        method: method as HttpMethod,
        route: `${method} ${lookup.match.route.template}`,
        params: lookup.match.params,
        query: url.searchParams,
        search: url.search,
        body,
        token,
        taskFault,
      };
      const result = lookup.match.route.handler(ctx);
      return { ...result, contentType: HAL_JSON };
    });
  }

  /** Runs one request through the fault rules, the configured latency and then `process`. */
  private async withFaults(
    method: string,
    path: string,
    isToken: boolean,
    request: IncomingMessage,
    process: (taskFault: TaskFault | null) => Reply,
  ): Promise<Outcome> {
    const { exchange: rule, task } = this.core.faults.match(method, path);
    const signal = this.stopping.signal;
    if (rule?.delayMs !== undefined) await sleep(rule.delayMs, signal);
    await sleep(this.options.latencyMs, signal);
    if (signal.aborted || request.socket.destroyed) return "reset";
    if (rule?.resetConnection === "before") return "reset";
    const contentType = isToken ? JSON_TYPE : HAL_JSON;
    if (rule?.status !== undefined) {
      const headers: Record<string, string> = {};
      if (rule.retryAfter !== undefined) headers["Retry-After"] = String(rule.retryAfter);
      return { status: rule.status, body: faultBody(rule, isToken), headers, contentType };
    }
    let reply: Reply;
    try {
      reply = process(task);
    } catch (error) {
      reply = this.errorReply(error, contentType);
    }
    if (rule?.retryAfter !== undefined) {
      reply = { ...reply, headers: { ...reply.headers, "Retry-After": String(rule.retryAfter) } };
    }
    // "after": the request took effect (its task included); the client only loses the answer.
    return rule?.resetConnection === "after" ? "reset" : reply;
  }

  private errorReply(error: unknown, contentType: string): Reply {
    if (error instanceof ApiError) {
      return { status: error.status, body: error.body, headers: error.headers, contentType };
    }
    if (error instanceof BodyError) {
      return { status: 400, body: { error: "bad_request", message: error.message }, contentType };
    }
    this.options.logger?.(`simulator error: ${(error as Error).stack ?? String(error)}`);
    return {
      status: 500,
      body: { error: "system", message: "The simulator failed to handle this request." },
      contentType,
    };
  }

  private send(response: ServerResponse, reply: Reply): void {
    if (response.destroyed) return;
    const headers: Record<string, string> = { ...reply.headers };
    let payload = "";
    if (reply.status !== 204 && reply.status !== 304 && reply.body !== undefined) {
      if (typeof reply.body === "string") {
        // A fault rule's string body goes out verbatim, e.g. to mimic an HTML error page.
        payload = reply.body;
        headers["Content-Type"] = "text/plain; charset=utf-8";
      } else {
        payload = JSON.stringify(reply.body);
        headers["Content-Type"] = reply.contentType;
      }
    } else {
      headers["Content-Type"] = reply.contentType;
    }
    headers["Content-Length"] = String(Buffer.byteLength(payload));
    response.writeHead(reply.status, headers);
    response.end(payload);
  }
}
