import { Auth } from "./auth";
import { FaultSet } from "./faults";
import { Store } from "./store";
import { TaskRunner } from "./tasks";

export interface Stats {
  tokenRequests: number;
  requests: number;
  byRoute: Record<string, number>;
}

/** Everything a request handler may touch, shared by the HTTP layer and the routes. */
export class SimulatorCore {
  readonly store: Store;
  readonly auth: Auth;
  readonly tasks: TaskRunner;
  readonly faults = new FaultSet();
  stats: Stats = { tokenRequests: 0, requests: 0, byRoute: {} };
  /** Set once the server listens; HAL links are absolute and point back at this server. */
  apiUrl = "http://127.0.0.1/api";

  constructor(options: { stateFile?: string; tokenTtlSeconds: number; taskDurationMs: number }) {
    this.store = new Store(options.stateFile);
    this.auth = new Auth(this.store, options.tokenTtlSeconds);
    this.tasks = new TaskRunner(this.store, options.taskDurationMs);
    this.tasks.resume();
  }

  reset(): void {
    this.tasks.reset();
    this.store.reset();
    this.faults.clear();
    this.stats = { tokenRequests: 0, requests: 0, byRoute: {} };
  }

  countRoute(key: string): void {
    this.stats.byRoute[key] = (this.stats.byRoute[key] ?? 0) + 1;
  }
}
