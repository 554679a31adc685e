/** A fault rule as posted to `POST /__simulator/faults`, validated. */
export interface FaultRule {
  method?: string;
  path?: string;
  status?: number;
  body?: unknown;
  retryAfter?: number;
  delayMs?: number;
  resetConnection?: "before" | "after";
  failTask?: string;
  stallTask?: boolean;
  times: number;
}

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp | null;
  /** Uses left; Infinity for `times: 0`. */
  remaining: number;
}

export class FaultRuleError extends Error {}

const DEFAULT_FAILURE = "The task failed (simulated fault).";
const KNOWN_KEYS = new Set([
  "method",
  "path",
  "status",
  "body",
  "retryAfter",
  "delayMs",
  "resetConnection",
  "failTask",
  "stallTask",
  "times",
]);
const MAX_DELAY_MS = 10 * 60 * 1000;

function nonNegativeNumber(value: unknown, where: string, integer: boolean): number {
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new FaultRuleError(`${where} must be a non-negative ${integer ? "integer" : "number"}.`);
  }
  return value;
}

function parseRule(input: unknown, index: number): FaultRule {
  const where = `faults[${index}]`;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new FaultRuleError(`${where} must be an object.`);
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new FaultRuleError(`${where} has unknown key "${key}" (known: ${[...KNOWN_KEYS].join(", ")}).`);
    }
  }
  const rule: FaultRule = { times: 1 };
  if (raw.method !== undefined) {
    if (typeof raw.method !== "string" || !/^[A-Za-z]+$/.test(raw.method)) {
      throw new FaultRuleError(`${where}.method must be an HTTP method such as "POST".`);
    }
    rule.method = raw.method.toUpperCase();
  }
  if (raw.path !== undefined) {
    if (typeof raw.path !== "string" || !raw.path.startsWith("/")) {
      throw new FaultRuleError(
        `${where}.path must be a path glob starting with "/", e.g. "/api/environments/*".`,
      );
    }
    rule.path = raw.path;
  }
  if (raw.status !== undefined) {
    const status = nonNegativeNumber(raw.status, `${where}.status`, true);
    if (status < 200 || status > 599)
      throw new FaultRuleError(`${where}.status must be between 200 and 599.`);
    rule.status = status;
  }
  if (raw.body !== undefined) {
    if (raw.status === undefined) throw new FaultRuleError(`${where}.body needs a status to answer with.`);
    rule.body = raw.body;
  }
  if (raw.retryAfter !== undefined)
    rule.retryAfter = nonNegativeNumber(raw.retryAfter, `${where}.retryAfter`, false);
  if (raw.delayMs !== undefined) {
    rule.delayMs = nonNegativeNumber(raw.delayMs, `${where}.delayMs`, false);
    if (rule.delayMs > MAX_DELAY_MS)
      throw new FaultRuleError(`${where}.delayMs must be at most ${MAX_DELAY_MS}.`);
  }
  if (raw.resetConnection !== undefined) {
    if (raw.resetConnection !== "before" && raw.resetConnection !== "after") {
      throw new FaultRuleError(`${where}.resetConnection must be "before" or "after".`);
    }
    if (rule.status !== undefined) {
      throw new FaultRuleError(`${where} cannot both answer with a status and reset the connection.`);
    }
    rule.resetConnection = raw.resetConnection;
  }
  if (raw.failTask !== undefined && raw.failTask !== false) {
    if (raw.failTask !== true && (typeof raw.failTask !== "string" || raw.failTask === "")) {
      throw new FaultRuleError(`${where}.failTask must be true or a failure message.`);
    }
    rule.failTask = raw.failTask === true ? DEFAULT_FAILURE : raw.failTask;
  }
  if (raw.stallTask !== undefined && raw.stallTask !== false) {
    if (raw.stallTask !== true) throw new FaultRuleError(`${where}.stallTask must be true.`);
    rule.stallTask = true;
  }
  if (isTaskRule(rule)) {
    if (rule.failTask !== undefined && rule.stallTask) {
      throw new FaultRuleError(`${where} cannot both fail and stall the task.`);
    }
    if (
      rule.status !== undefined ||
      rule.resetConnection !== undefined ||
      rule.delayMs !== undefined ||
      rule.retryAfter !== undefined
    ) {
      throw new FaultRuleError(
        `${where}: failTask/stallTask act on the accepted request's task and combine only with method, path and times.`,
      );
    }
  }
  if (raw.times !== undefined) rule.times = nonNegativeNumber(raw.times, `${where}.times`, true);
  if (
    rule.status === undefined &&
    rule.resetConnection === undefined &&
    rule.delayMs === undefined &&
    rule.retryAfter === undefined &&
    !isTaskRule(rule)
  ) {
    throw new FaultRuleError(
      `${where} has no effect: give status, retryAfter, delayMs, resetConnection, failTask or stallTask.`,
    );
  }
  return rule;
}

function isTaskRule(rule: FaultRule): boolean {
  return rule.failTask !== undefined || rule.stallTask === true;
}

export function parseFaultRules(input: unknown): FaultRule[] {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new FaultRuleError("Expected a JSON array of fault rules.");
  return list.map((item, index) => parseRule(item, index));
}

/** `*` matches within one path segment, `**` across any number of segments. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob.charAt(i);
    if (char === "*" && glob.charAt(i + 1) === "*") {
      source += ".*";
      i++;
    } else if (char === "*") {
      source += "[^/]*";
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}/?$`);
}

/** What a task-creating request should do to its task; consumed only when a task is actually created. */
export interface TaskFault {
  take(): { failureMessage: string | null; stalled: boolean } | null;
}

export interface MatchedFaults {
  /** The first matching rule that acts on the HTTP exchange itself. */
  exchange: FaultRule | null;
  /** The first matching failTask/stallTask rule, if the request goes on to create a task. */
  task: TaskFault | null;
}

export class FaultSet {
  private rules: ActiveRule[] = [];

  add(rules: FaultRule[]): void {
    for (const rule of rules) {
      this.rules.push({
        rule,
        pattern: rule.path === undefined ? null : globToRegExp(rule.path),
        remaining: rule.times === 0 ? Infinity : rule.times,
      });
    }
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<FaultRule & { remaining: number | null }> {
    return this.rules.map((r) => ({
      ...r.rule,
      remaining: Number.isFinite(r.remaining) ? r.remaining : null,
    }));
  }

  match(method: string, path: string): MatchedFaults {
    const candidates = this.rules.filter(
      (r) =>
        r.remaining > 0 &&
        (r.rule.method === undefined || r.rule.method === method) &&
        (r.pattern === null || r.pattern.test(path)),
    );
    const exchange = candidates.find((r) => !isTaskRule(r.rule)) ?? null;
    if (exchange !== null) this.consume(exchange);
    const taskRule = candidates.find((r) => isTaskRule(r.rule)) ?? null;
    const task: TaskFault | null =
      taskRule === null
        ? null
        : {
            take: () => {
              if (taskRule.remaining <= 0) return null;
              this.consume(taskRule);
              return {
                failureMessage: taskRule.rule.failTask ?? null,
                stalled: taskRule.rule.stallTask === true,
              };
            },
          };
    return { exchange: exchange?.rule ?? null, task };
  }

  private consume(active: ActiveRule): void {
    active.remaining -= 1;
    if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
  }
}
