import type { SimulatorCore } from "./core";
import type { TaskFault } from "./faults";
import type { TokenRecord } from "./model";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface RouteContext {
  readonly core: SimulatorCore;
  readonly method: HttpMethod;
  /** The matched operation as method and spec path template, e.g. `PUT /environments/{environmentId}`. */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Readonly<Record<string, unknown>>;
  readonly token: TokenRecord;
  /** The raw query string ("" or "?…"), echoed into collections' self links. */
  readonly search: string;
  readonly taskFault: TaskFault | null;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  /** The spec's path template without the `/api` prefix, with the spec's parameter names. */
  template: string;
  handler: (ctx: RouteContext) => RouteResult;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export type RouteLookup =
  | { kind: "match"; match: RouteMatch }
  | { kind: "method-not-allowed"; allowed: HttpMethod[] }
  | { kind: "none" };

export class Router {
  private readonly routes: CompiledRoute[] = [];

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.template
        .split("/")
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
            if (name === undefined) return part.replace(/[.+?^${}()|[\]\\*]/g, "\\$&");
            names.push(name);
            return "([^/]+)";
          }),
        )
        .join("/");
      this.routes.push({ ...route, pattern: new RegExp(`^${source}/?$`), names });
    }
    // Literal segments win over parameters (e.g. `/account/ssh-keys` over `/account/{x}`): try the
    // templates with fewer parameters first.
    this.routes.sort((a, b) => a.names.length - b.names.length);
  }

  lookup(method: string, path: string): RouteLookup {
    const allowed: HttpMethod[] = [];
    for (const route of this.routes) {
      const match = route.pattern.exec(path);
      if (match === null) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = safeDecode(match[index + 1] ?? "");
      });
      return { kind: "match", match: { route, params } };
    }
    return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "none" };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
