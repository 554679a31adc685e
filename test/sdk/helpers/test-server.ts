import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => unknown;

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** Routes keyed "METHOD /path" (path without query); unmatched requests answer 404. */
  routes: Map<string, Handler>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 whose answers each test scripts. */
export async function startTestServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const routes = new Map<string, Handler>();
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://localhost");
    const recorded = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    };
    requests.push(recorded);
    const handler = routes.get(`${recorded.method} ${recorded.path}`);
    if (!handler)
      return json(res, 404, {
        error: "not_found",
        message: `no route for ${recorded.method} ${recorded.path}`,
      });
    await handler(recorded, res);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/hal+json", "x-request-id": "req-test-1", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

/** Answers token requests with a fresh token each time and counts them. */
export function tokenRoute(server: TestServer, options: { expiresIn?: number; path?: string } = {}) {
  const state = { issued: 0 };
  server.routes.set(`POST ${options.path ?? "/token"}`, (_req, res) => {
    state.issued++;
    json(res, 200, {
      access_token: `token-${state.issued}-abcdef`,
      token_type: "Bearer",
      expires_in: options.expiresIn ?? 300,
    });
  });
  return state;
}
