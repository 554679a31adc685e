// Lifecycle runs of both programs at one size and simulated latency, repeated and interleaved (the
// package, then the baseline, then the other way round), on one simulator reset before each run. A
// scenario runs once per bench, however many sections read it.
import { startBenchSimulator } from "./bench-simulator";
import { runLifecycle, type BenchContext, type LifecycleRun } from "./lifecycle";
import type { Profile } from "./options";
import { PROGRAMS, type ProgramName } from "./workspace";

export interface Scenario {
  size: number;
  latencyMs: number;
  runs: Record<ProgramName, LifecycleRun[]>;
}

export class Scenarios {
  private readonly cache = new Map<string, Promise<Scenario>>();

  constructor(
    private readonly ctx: BenchContext,
    private readonly profile: Profile,
  ) {}

  get(size: number, latencyMs: number): Promise<Scenario> {
    const key = `${size}@${latencyMs}`;
    let scenario = this.cache.get(key);
    if (!scenario) {
      scenario = this.run(size, latencyMs);
      this.cache.set(key, scenario);
    }
    return scenario;
  }

  private async run(size: number, latencyMs: number): Promise<Scenario> {
    const bench = await startBenchSimulator({ latencyMs, taskDurationMs: this.profile.taskMs });
    const runs: Record<ProgramName, LifecycleRun[]> = { acquia: [], null: [] };
    try {
      for (let rep = 0; rep < this.profile.reps; rep++) {
        const order = rep % 2 === 0 ? PROGRAMS : [...PROGRAMS].reverse();
        for (const program of order) {
          const label = `N=${size}, latency ${latencyMs} ms, rep ${rep + 1}/${this.profile.reps}, ${program}`;
          this.ctx.log(`lifecycle ${label}`);
          runs[program].push(
            await runLifecycle(this.ctx, bench, program, size, (line) => this.ctx.log(`  ${line}`)),
          );
        }
      }
    } finally {
      await bench.stop();
    }
    return { size, latencyMs, runs };
  }
}
