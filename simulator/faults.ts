import { z } from "zod";

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
  /** How long the task of the matched request runs, instead of the simulator's task duration. */
  taskDurationMs?: number;
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
const MAX_DELAY_MS = 10 * 60 * 1000;
const MAX_TASK_DURATION_MS = 24 * 3600 * 1000;

/** A JSON number with one message for every way it can be wrong (type, integer, bounds). */
function numberField(error: string, integer: boolean) {
  return integer ? z.number({ error }).int({ error }) : z.number({ error });
}

function between(min: number, max: number, integer = false) {
  const error = `must be ${integer ? "an integer" : "a number"} between ${min} and ${max}.`;
  return numberField(error, integer).min(min, { error }).max(max, { error });
}

function nonNegative(integer = false) {
  const error = `must be a non-negative ${integer ? "integer" : "number"}.`;
  return numberField(error, integer).min(0, { error });
}

const HTTP_METHOD = 'must be an HTTP method such as "POST".';
const PATH_GLOB = 'must be a path glob starting with "/", e.g. "/api/environments/*".';

// Each field's own constraints; how fields may combine is checked afterwards (combinationProblem).
const RULE = z.strictObject({
  method: z
    .string({ error: HTTP_METHOD })
    .regex(/^[A-Za-z]+$/, { error: HTTP_METHOD })
    .optional(),
  path: z.string({ error: PATH_GLOB }).startsWith("/", { error: PATH_GLOB }).optional(),
  status: between(200, 599, true).optional(),
  body: z.unknown().optional(),
  retryAfter: nonNegative().optional(),
  delayMs: between(0, MAX_DELAY_MS).optional(),
  resetConnection: z.enum(["before", "after"], { error: 'must be "before" or "after".' }).optional(),
  failTask: z
    .union([z.boolean(), z.string().min(1)], { error: "must be true or a failure message." })
    .optional(),
  stallTask: z.boolean({ error: "must be true." }).optional(),
  taskDurationMs: between(0, MAX_TASK_DURATION_MS).optional(),
  times: nonNegative(true).optional(),
});
const KNOWN_KEYS = Object.keys(RULE.shape);

type RawRule = z.infer<typeof RULE>;

function describeIssue(issue: z.core.$ZodIssue, where: string): string {
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `"${key}"`).join(", ");
    return `${where} has unknown key ${keys} (known: ${KNOWN_KEYS.join(", ")}).`;
  }
  if (issue.path.length === 0) return `${where} must be an object.`;
  return `${where}.${issue.path.join(".")} ${issue.message}`;
}

/** Why a rule whose fields are each valid cannot work as a whole, or null. */
function combinationProblem(raw: RawRule, where: string): string | null {
  const fails = raw.failTask !== undefined && raw.failTask !== false;
  const stalls = raw.stallTask === true;
  const task = fails || stalls || raw.taskDurationMs !== undefined;
  const exchange =
    raw.status !== undefined ||
    raw.resetConnection !== undefined ||
    raw.delayMs !== undefined ||
    raw.retryAfter !== undefined;
  if (raw.body !== undefined && raw.status === undefined)
    return `${where}.body needs a status to answer with.`;
  if (raw.status !== undefined && raw.resetConnection !== undefined) {
    return `${where} cannot both answer with a status and reset the connection.`;
  }
  if (fails && stalls) return `${where} cannot both fail and stall the task.`;
  if (stalls && raw.taskDurationMs !== undefined) {
    return `${where} cannot both stall the task and set its duration: a stalled task never ends.`;
  }
  if (task && exchange) {
    return `${where}: failTask/stallTask/taskDurationMs act on the accepted request's task and combine only with method, path and times.`;
  }
  if (!task && !exchange) {
    return `${where} has no effect: give status, retryAfter, delayMs, resetConnection, failTask, stallTask or taskDurationMs.`;
  }
  return null;
}

function parseRule(input: unknown, index: number): FaultRule {
  const where = `faults[${index}]`;
  const parsed = RULE.safeParse(input);
  if (!parsed.success) {
    throw new FaultRuleError(parsed.error.issues.map((issue) => describeIssue(issue, where)).join(" "));
  }
  const { failTask, stallTask, method, times, ...rest } = parsed.data;
  const problem = combinationProblem(parsed.data, where);
  if (problem !== null) throw new FaultRuleError(problem);
  const rule: FaultRule = { ...rest, times: times ?? 1 };
  if (method !== undefined) rule.method = method.toUpperCase();
  if (failTask !== undefined && failTask !== false)
    rule.failTask = failTask === true ? DEFAULT_FAILURE : failTask;
  if (stallTask === true) rule.stallTask = true;
  return rule;
}

function isTaskRule(rule: FaultRule): boolean {
  return rule.failTask !== undefined || rule.stallTask === true || rule.taskDurationMs !== undefined;
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
  take(): TaskOutcome | null;
}

/** What a matched task rule does to the task that uses it up. */
export interface TaskOutcome {
  failureMessage: string | null;
  stalled: boolean;
  /** Overrides the simulator's task duration for this one task. */
  durationMs: number | null;
}

export interface MatchedFaults {
  /** The first matching rule that acts on the HTTP exchange itself. */
  exchange: FaultRule | null;
  /** The first matching task rule (failTask/stallTask/taskDurationMs), if the request starts a task. */
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
                durationMs: taskRule.rule.taskDurationMs ?? null,
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
