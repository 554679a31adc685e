// The fault matrix's shared machinery (issue #12). Per suite file: one simulator, one sandbox (file://
// backend, its own PULUMI_HOME) and one copy of the reliability program with the packed package
// installed, as the e2e suites do. Per case: the simulator reset to its seed, a fresh stack, the real
// CLI run as a child process (so a case can kill it), and the checks every case ends with — the stack
// converged (a no-change preview passes, Acquia holds exactly one object per resource and nothing else,
// the state names those objects), no secret in the backend or in anything the CLI printed — and the
// figures it prints: API calls, 429s, the provider's retries and pauses, duration.
import { randomBytes } from "node:crypto";
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Stack } from "@pulumi/pulumi/automation";
import type { AcquiaCloudClient, Operation } from "../../sdk";
import { startSimulator, type Simulator, type SimulatorState, type StatsSnapshot } from "../../simulator";
import { PROGRAM_COLLECTIONS, apiClient } from "../helpers/simulated-estate";
import { ed25519PublicKey } from "../simulator/helpers";
import { startPulumi, type CliResult, type CliRun } from "../e2e/helpers/cli-process";
import { copyProject, installPackage, projectStack } from "../e2e/helpers/project";
import {
  REPO_ROOT,
  createSandbox,
  describeWithPulumi,
  type PulumiCli,
  type PulumiSandbox,
  type StackConfig,
} from "../e2e/helpers/pulumi-cli";
import {
  checkpoint,
  sha256,
  stackLocks,
  stateFiles,
  tokenCandidates,
  type CheckpointResource,
} from "../e2e/helpers/state-files";
import {
  CDE_LABEL,
  FIXED_RESOURCES,
  SSH_KEY_LABEL,
  TEAM_NAME,
  layout,
  variableValue,
  type Layout,
} from "./programs/reliability/layout";

export const PROJECT = "acquia-reliability";
export const DEFAULT_SIZE = 30;
const PROGRAM_DIR = join(REPO_ROOT, "test", "reliability", "programs", "reliability");
/** Simulated tasks end quickly unless a case's fault rules slow one down; polls start as often. */
const TASK_DURATION_MS = 50;
const POLL_INTERVAL_MS = "50";
/** Flags every CLI run gets: no prompts, no colour codes in what the checks read. */
const CLI_FLAGS = ["--non-interactive", "--color", "never"];

/** Waits for `probe` to answer something other than undefined/false, polling; fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 60_000,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** No task is running any more (a stalled one never ends: it does not count). */
export const tasksEnded = (stats: StatsSnapshot) =>
  stats.tasks.every((t) => t.status !== "in-progress" || t.durationMs === null);

/** Mutating API calls accepted so far (POST, PUT, DELETE), by route. */
export function sent(stats: StatsSnapshot, method: string, route?: string): number {
  return Object.entries(stats.byRoute)
    .filter(([r]) => r.startsWith(`${method} `) && (route === undefined || r === `${method} ${route}`))
    .reduce((sum, [, n]) => sum + n, 0);
}

export const mutating = (stats: StatsSnapshot) =>
  sent(stats, "POST") + sent(stats, "PUT") + sent(stats, "DELETE");

/** Lines the provider logged (`[acquia-cloud] …`), as the engine lists them under Diagnostics. */
export function providerLines(output: string): string[] {
  // The live display repeats each line after "pulumi:pulumi:Stack … running"; the summary lists each
  // once, indented and on its own: count only those.
  return output
    .split("\n")
    .map((line) => /^\s*\[acquia-cloud\] (.*)$/.exec(line)?.[1])
    .filter((line): line is string => line !== undefined);
}

export interface Figures {
  apiCalls: number;
  status429: number;
  /** Requests that retried (one provider line each; 429s are reported per pause instead). */
  retries: number;
  /** Pauses of every request after a 429 (one provider line each). */
  pauses: number;
  /** Objects an earlier, interrupted run left that the provider took over. */
  takeovers: number;
  tokenRequests: number;
  peakInFlight: number;
  durationMs: number;
}

/** Figures of several runs measured apart, as one (the peak is the highest). */
export function sumFigures(list: Figures[]): Figures {
  const total = (key: keyof Figures) => list.reduce((sum, f) => sum + f[key], 0);
  return {
    apiCalls: total("apiCalls"),
    status429: total("status429"),
    retries: total("retries"),
    pauses: total("pauses"),
    takeovers: total("takeovers"),
    tokenRequests: total("tokenRequests"),
    peakInFlight: Math.max(0, ...list.map((f) => f.peakInFlight)),
    durationMs: total("durationMs"),
  };
}

const FIGURES: { label: string; figures: Figures; notes: string }[] = [];

function formatFigures(f: Figures): string {
  return (
    `${f.apiCalls} API calls, ${f.status429} × 429, ${f.retries} retries, ${f.pauses} pauses, ` +
    `${f.takeovers} takeovers, ${f.tokenRequests} token requests, peak ${f.peakInFlight} in flight, ` +
    `${(f.durationMs / 1000).toFixed(1)} s`
  );
}

/** Objects Acquia holds by natural key (kind and key), counted: those the seed does not hold. */
export function objectsByKey(state: SimulatorState, seed: SimulatorState): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  const fresh = <T>(now: Record<string, T>, before: Record<string, T>): T[] =>
    Object.entries(now)
      .filter(([key]) => !(key in before))
      .map(([, value]) => value);
  for (const v of fresh(state.variables, seed.variables)) add(`variable ${v.environmentId}/${v.name}`);
  // An environment's default domain comes with it: Acquia made it, not a resource.
  for (const d of fresh(state.domains, seed.domains).filter((d) => !d.isDefault))
    add(`domain ${d.environmentId}/${d.hostname}`);
  for (const c of fresh(state.crons, seed.crons)) add(`cron ${c.environmentId}/${c.label}`);
  for (const t of fresh(state.teams, seed.teams)) add(`team ${t.organizationUuid}/${t.name}`);
  for (const a of fresh(state.teamApplications, seed.teamApplications))
    add(`team-application ${state.teams[a.teamUuid]?.name ?? a.teamUuid}/${a.applicationUuid}`);
  for (const k of fresh(state.sshKeys, seed.sshKeys)) add(`ssh-key ${k.label}`);
  for (const e of fresh(state.environments, seed.environments))
    add(`environment ${e.applicationUuid}/${e.label}`);
  for (const d of fresh(state.applicationDatabases, seed.applicationDatabases))
    add(`database ${d.applicationUuid}/${d.name}`);
  for (const l of fresh(state.logForwardingDestinations, seed.logForwardingDestinations))
    add(`log-forwarding ${l.environmentId}/${l.label}`);
  for (const c of fresh(state.certificates, seed.certificates))
    add(`certificate ${c.environmentId}/${c.label}`);
  return counts;
}

/** The stack's resources by type name (`EnvironmentVariable`, …), ours only. */
function byKind(resources: CheckpointResource[]): Record<string, CheckpointResource[]> {
  const kinds: Record<string, CheckpointResource[]> = {};
  for (const r of resources.filter((r) => r.type.includes("acquia-cloud:"))) {
    (kinds[r.type.split(":").pop() ?? ""] ??= []).push(r);
  }
  return kinds;
}

export interface CaseOptions {
  /** Resources the program declares (config `size`). */
  size?: number;
  /** More program config (`phpVersion`, `timeoutSeconds`, …). */
  config?: StackConfig;
}

export interface Harness {
  readonly sim: Simulator;
  readonly sandbox: PulumiSandbox;
  /** What the simulator held after its reset: what "as seeded" means. */
  readonly seed: SimulatorState;
  readonly valueSeed: string;
  /** A fresh stack of the reliability program, with the simulator reset to its seed. */
  newCase(name: string, options?: CaseOptions): Promise<Case>;
  /** An API client with the simulator's current credentials, for changes made behind Pulumi's back. */
  api(): AcquiaCloudClient;
  /** Waits until a change made behind Pulumi's back is done: its task, and every other, ended. */
  outOfBand(operation: Promise<Operation>): Promise<void>;
  /** Every collection but the notifications holds exactly what the seed held. */
  expectAsSeeded(): Promise<void>;
}

export class Case {
  /** Everything the CLI printed in this case: none of it may hold a secret. */
  readonly outputs: string[] = [];
  /** Secrets besides the harness's (client secret, variable values, tokens). */
  readonly secrets: string[] = [];
  private readonly runs: CliRun[] = [];
  private readonly program: Record<string, string> = {};

  constructor(
    private readonly h: HarnessImpl,
    readonly stack: Stack,
    readonly name: string,
    config: StackConfig,
  ) {
    for (const [key, value] of Object.entries(config))
      if (!key.includes(":")) this.program[key] = typeof value === "string" ? value : value.value;
  }

  get size(): number {
    return Number(this.program["size"]);
  }

  get layout(): Layout {
    return layout(this.size);
  }

  /** Starts `pulumi <args> --stack <this stack>` without waiting for it. */
  start(args: readonly string[], env: Record<string, string> = {}): CliRun {
    const run = startPulumi(this.h.sandbox, [...args, "--stack", this.stack.name, ...CLI_FLAGS], {
      cwd: this.h.dir,
      env,
    });
    this.runs.push(run);
    void run.exited.then(
      (result) => this.outputs.push(result.output),
      () => undefined,
    );
    return run;
  }

  /** Runs `pulumi <args> --stack <this stack>` to its end. */
  async run(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
    // start() recorded the output in a reaction registered before this await's: it is in `outputs`.
    return this.start(args, env).exited;
  }

  up(...extra: string[]): Promise<CliResult> {
    return this.run(["up", "--yes", "--skip-preview", ...extra]);
  }

  preview(...extra: string[]): Promise<CliResult> {
    return this.run(["preview", ...extra]);
  }

  destroy(...extra: string[]): Promise<CliResult> {
    return this.run(["destroy", "--yes", "--skip-preview", ...extra]);
  }

  /** Sets program config (`generation`, `phpVersion`, …) or a provider setting (`acquia:…`). */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.stack.setConfig(key, { value, secret });
    if (!key.includes(":")) this.program[key] = value;
  }

  async removeConfig(key: string): Promise<void> {
    await this.stack.removeConfig(key);
    delete this.program[key];
  }

  stats(): Promise<StatsSnapshot> {
    return this.h.sim.control.stats();
  }

  /** The stack's checkpoint in the file:// backend: resources and operations left pending. */
  checkpoint(): ReturnType<typeof checkpoint> {
    return checkpoint(this.h.backendDir, PROJECT, this.stack.name);
  }

  /** Lock files held on the stack (a run in progress, or one killed before it could let go). */
  locks(): string[] {
    return stackLocks(this.h.backendDir, PROJECT, this.stack.name);
  }

  /** The checkpoint's metadata file (gocloud's fileblob sidecar), relative to the backend's directory. */
  get checkpointAttrs(): string {
    return join(".pulumi", "stacks", PROJECT, `${this.stack.name}.json.attrs`);
  }

  /** Empty files the backend holds for this stack (relative to the backend's directory). */
  emptyBackendFiles(): string[] {
    const root = this.h.backendDir;
    return readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => {
      const stat = statSync(join(root, file));
      return stat.isFile() && stat.size === 0 && file.includes(this.stack.name);
    });
  }

  /** Deletes files of the backend (paths relative to its directory). */
  deleteBackendFiles(files: readonly string[]): void {
    for (const file of files) rmSync(join(this.h.backendDir, file));
  }

  /** Live processes of this case's CLI runs (plugins outliving a killed CLI). */
  leftovers(): number[] {
    return this.runs.flatMap((run) => run.processes());
  }

  /** Ends the processes {@link leftovers} names, by pid, and waits until they are gone. */
  async endLeftovers(): Promise<number[]> {
    const pids = this.leftovers();
    for (const run of this.runs) run.signalAll("SIGKILL");
    await until("the processes of killed runs to end", () => this.leftovers().length === 0, 10_000);
    return pids;
  }

  /** The figures of the runs under test: `results`, and the stats since `before` (default: the reset). */
  figures(results: CliResult[], after: StatsSnapshot, before?: StatsSnapshot): Figures {
    const lines = results.flatMap((r) => providerLines(r.output));
    const count = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).length;
    return {
      apiCalls: after.requests - (before?.requests ?? 0),
      status429: after.status429 - (before?.status429 ?? 0),
      retries: count(/retrying for up to/),
      pauses: count(/^Acquia is rate limiting/),
      takeovers: count(/took over the existing object .*, which matches the program exactly/),
      tokenRequests: after.tokenRequests - (before?.tokenRequests ?? 0),
      peakInFlight: after.peakInFlight,
      durationMs: results.reduce((sum, r) => sum + r.durationMs, 0),
    };
  }

  /** Prints the case's figures now (and keeps them for the suite's table). */
  report(figures: Figures, notes = ""): void {
    FIGURES.push({ label: this.name, figures, notes });
    process.stdout.write(
      `[reliability] ${this.name}: ${formatFigures(figures)}${notes ? ` — ${notes}` : ""}\n`,
    );
  }

  /**
   * The checks every case ends with: a no-change preview passes; Acquia holds exactly one object per
   * resource of the program and nothing else the seed lacks; the checkpoint holds every resource, each
   * naming its object, with no operation left pending and no lock; no secret anywhere.
   */
  async expectConverged(): Promise<void> {
    const preview = await this.preview("--expect-no-changes");
    expect({
      previewExitCode: preview.code,
      tail: preview.code === 0 ? "" : preview.output.slice(-3000),
    }).toEqual({
      previewExitCode: 0,
      tail: "",
    });
    const state = await this.h.sim.control.state();
    expect(objectsByKey(state, this.h.seed)).toEqual(this.expectedObjects(state));
    this.expectStateMatches(state);
    await this.expectNoSecrets();
  }

  /** One object per resource, by natural key (the CD environment's id is the one Acquia gave it). */
  private expectedObjects(state: SimulatorState): Record<string, number> {
    const { applicationUuid, organizationUuid, environments } = this.h.sim;
    const cde = Object.values(state.environments).find((e) => e.label === CDE_LABEL)?.id ?? "(no CDE)";
    const { variables, domains, crons } = this.layout;
    return Object.fromEntries(
      [
        ...variables.map((name) => `variable ${environments.dev}/${name}`),
        ...domains.map((hostname) => `domain ${environments.dev}/${hostname}`),
        ...crons.map((label) => `cron ${cde}/${label}`),
        `team ${organizationUuid}/${TEAM_NAME}`,
        `team-application ${TEAM_NAME}/${applicationUuid}`,
        `ssh-key ${SSH_KEY_LABEL}`,
        `environment ${applicationUuid}/${CDE_LABEL}`,
      ].map((key) => [key, 1]),
    );
  }

  /** Every resource of the program is in the checkpoint, and each names an object Acquia holds as such. */
  private expectStateMatches(state: SimulatorState): void {
    const saved = checkpoint(this.h.backendDir, PROJECT, this.stack.name);
    expect(saved.pendingOperations).toEqual([]);
    expect(stackLocks(this.h.backendDir, PROJECT, this.stack.name)).toEqual([]);
    const kinds = byKind(saved.resources);
    const { variables, domains, crons } = this.layout;
    const expected = {
      Connection: 1,
      Team: 1,
      TeamApplication: 1,
      SshKey: 1,
      EnvironmentSettings: 1,
      Environment: 1,
      EnvironmentVariable: variables.length,
      Domain: domains.length,
      CronJob: crons.length,
    };
    expect(Object.fromEntries(Object.entries(kinds).map(([kind, list]) => [kind, list.length]))).toEqual(
      Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)),
    );
    expect(variables.length + domains.length + crons.length + FIXED_RESOURCES).toBe(this.size);
    const generation = this.program["generation"] ?? "1";
    const found: string[] = [];
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => (ok ? found.push(what) : problems.push(what));
    for (const r of Object.values(kinds).flat()) {
      const id = r.id ?? "";
      const outs = r.outputs ?? {};
      const kind = r.type.split(":").pop();
      if (kind === "EnvironmentVariable") {
        const variable =
          state.variables[id] ??
          Object.values(state.variables).find((v) => `${v.environmentId}/${v.name}` === id);
        const name = String(outs["name"]);
        check(
          variable?.value === variableValue(this.h.valueSeed, name, generation),
          `variable ${id} holds its value`,
        );
      } else if (kind === "Domain") check(state.domains[id] !== undefined, `domain ${id}`);
      else if (kind === "CronJob")
        check(state.crons[String(outs["cronId"])]?.label === outs["label"], `cron ${id}`);
      else if (kind === "Team") check(state.teams[id]?.name === TEAM_NAME, `team ${id}`);
      else if (kind === "TeamApplication")
        check(
          Object.values(state.teamApplications).some((a) => `${a.teamUuid}/${a.applicationUuid}` === id),
          `team application ${id}`,
        );
      else if (kind === "SshKey") check(state.sshKeys[id]?.label === SSH_KEY_LABEL, `ssh key ${id}`);
      else if (kind === "Environment")
        check(state.environments[id]?.label === CDE_LABEL, `environment ${id}`);
      else if (kind === "EnvironmentSettings")
        check(
          state.environments[id]?.php.version === (this.program["phpVersion"] ?? "8.2") &&
            state.environments[id]?.php.memory_limit === 256,
          `settings of ${id}`,
        );
    }
    expect(problems).toEqual([]);
    expect(found).toHaveLength(this.size - 1);
  }

  /** No client secret, variable value or token in the backend's files or in anything the CLI printed. */
  async expectNoSecrets(): Promise<void> {
    const tokens = new Set((await this.h.sim.control.tokens()).map((t) => t.sha256));
    const secrets = [this.h.sim.clientSecret, this.h.valueSeed, ...this.secrets];
    const leaks: string[] = [];
    const texts = [
      ...stateFiles(this.h.backendDir).map((f) => ({ where: f.path, text: f.text })),
      ...this.outputs.map((text, i) => ({ where: `CLI output #${i + 1}`, text })),
    ];
    for (const { where, text } of texts) {
      secrets.forEach((secret, i) => text.includes(secret) && leaks.push(`${where} holds secret #${i}`));
      if (tokenCandidates(text).some((candidate) => tokens.has(sha256(candidate))))
        leaks.push(`${where} holds an access token`);
    }
    expect(leaks).toEqual([]);
  }

  /** Ends what is left of the case: processes of killed runs, and the stack (the simulator is reset next). */
  async dispose(): Promise<void> {
    await this.endLeftovers();
    await this.h.sandbox.remove(this.stack);
  }
}

class HarnessImpl implements Harness {
  private started?: { sim: Simulator; sandbox: PulumiSandbox; dir: string; seed: SimulatorState };
  readonly valueSeed = `seed-${randomBytes(12).toString("hex")}`;
  private readonly sshPublicKey = ed25519PublicKey("reliability@ci");
  private cases: Case[] = [];

  constructor(private readonly cli: PulumiCli) {}

  private get ready() {
    if (!this.started) throw new Error("the reliability harness has not started (beforeAll)");
    return this.started;
  }
  get sim() {
    return this.ready.sim;
  }
  get sandbox() {
    return this.ready.sandbox;
  }
  get dir() {
    return this.ready.dir;
  }
  get seed() {
    return this.ready.seed;
  }
  get backendDir() {
    return fileURLToPath(this.sandbox.backendUrl);
  }

  async start(): Promise<void> {
    const sim = await startSimulator({ taskDurationMs: TASK_DURATION_MS });
    const sandbox = await createSandbox(this.cli);
    const dir = copyProject(PROGRAM_DIR, installPackage(sandbox.root), "reliability");
    this.started = { sim, sandbox, dir, seed: await sim.control.state() };
  }

  async stop(): Promise<void> {
    try {
      for (const c of this.cases.splice(0)) await c.endLeftovers();
      await this.started?.sandbox.cleanup();
    } finally {
      await this.started?.sim.stop();
    }
  }

  api(): AcquiaCloudClient {
    return apiClient(this.sim);
  }

  async outOfBand(operation: Promise<Operation>): Promise<void> {
    await (await operation).wait({ pollIntervalMs: 20 });
    // An answer without a notification (messageOnly) leaves nothing to wait on: its task is in stats.
    await until("the simulator's tasks to end", async () => tasksEnded(await this.sim.control.stats()));
  }

  async expectAsSeeded(): Promise<void> {
    const state = await this.sim.control.state();
    for (const collection of PROGRAM_COLLECTIONS) {
      expect({ [collection]: state[collection] }).toEqual({ [collection]: this.seed[collection] });
    }
  }

  async newCase(name: string, options: CaseOptions = {}): Promise<Case> {
    // The previous case's stack goes first: its objects vanish with the reset below. A case that failed
    // may have left a stack Pulumi cannot load: that is its own failure, not this case's.
    for (const c of this.cases.splice(0)) {
      await c.dispose().catch((error: unknown) => {
        process.stdout.write(`[reliability] could not remove the stack of "${c.name}": ${String(error)}\n`);
      });
    }
    await this.sim.control.reset();
    const { sim } = this;
    const config: StackConfig = {
      "acquia:clientId": sim.clientId,
      "acquia:clientSecret": { value: sim.clientSecret, secret: true },
      "acquia:apiUrl": sim.apiUrl,
      "acquia:tokenUrl": sim.tokenUrl,
      "acquia:pollIntervalMs": POLL_INTERVAL_MS,
      applicationUuid: sim.applicationUuid,
      organizationUuid: sim.organizationUuid,
      environmentId: sim.environments.dev,
      sshPublicKey: this.sshPublicKey,
      valueSeed: { value: this.valueSeed, secret: true },
      size: String(options.size ?? DEFAULT_SIZE),
      ...options.config,
    };
    const stackName = `case-${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`;
    const stack = await projectStack(this.sandbox, this.dir, stackName, config);
    const created = new Case(this, stack, name, config);
    this.cases.push(created);
    return created;
  }
}

/**
 * A suite of reliability cases: `body` registers its tests and gets the harness (usable from
 * beforeAll on). Prints every case's figures as a table at the end.
 */
export function describeReliability(title: string, body: (h: Harness) => void): void {
  describeWithPulumi(title, (cli) => {
    const h = new HarnessImpl(cli);
    beforeAll(() => h.start());
    afterAll(async () => {
      try {
        await h.stop();
      } finally {
        if (FIGURES.length > 0) {
          const rows = FIGURES.splice(0).map(
            ({ label, figures, notes }) =>
              `  ${label}: ${formatFigures(figures)}${notes ? ` — ${notes}` : ""}`,
          );
          process.stdout.write(`[reliability] ${title}\n${rows.join("\n")}\n`);
        }
      }
    });
    body(h);
  });
}
