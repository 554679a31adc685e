import { Auth } from "./auth";
import { FaultSet } from "./faults";
import { RateLimiter } from "./rate-limit";
import { Realism, type RealismRule } from "./realism";
import { Stats } from "./stats";
import { Store } from "./store";
import { TaskRunner } from "./tasks";

export interface CoreOptions {
  stateFile?: string;
  tokenTtlSeconds: number;
  taskDurationMs: number;
  realism: readonly RealismRule[];
  requestsPerSecond: number | null;
}

/** Everything a request handler may touch, shared by the HTTP layer and the routes. */
export class SimulatorCore {
  readonly store: Store;
  readonly auth: Auth;
  readonly tasks: TaskRunner;
  readonly faults = new FaultSet();
  readonly stats = new Stats();
  readonly realism: Realism;
  readonly rateLimiter: RateLimiter;
  /** Set once the server listens; HAL links are absolute and point back at this server. */
  apiUrl = "http://127.0.0.1/api";

  constructor(private readonly options: CoreOptions) {
    this.store = new Store(options.stateFile);
    this.auth = new Auth(this.store, options.tokenTtlSeconds);
    this.tasks = new TaskRunner(this.store, options.taskDurationMs, {
      started: (record) => this.stats.taskStarted(record),
      ended: (record, atMs) => this.stats.taskEnded(record, atMs),
    });
    this.realism = new Realism(options.realism);
    this.rateLimiter = new RateLimiter(options.requestsPerSecond);
    this.tasks.resume();
  }

  /** Back to the seed and to the options the simulator started with: no faults, fresh stats. */
  reset(): void {
    this.tasks.reset();
    this.store.reset();
    this.faults.clear();
    this.stats.reset();
    this.realism.rules = this.options.realism;
    this.rateLimiter.limit = this.options.requestsPerSecond;
  }
}
