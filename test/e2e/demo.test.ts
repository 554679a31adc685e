// `npm run demo` end to end: the top-level Pulumi.yaml project run by the real CLI against the
// simulator, so the demo a newcomer runs first is proven by every CI run.
import { spawn } from "node:child_process";
import { delimiter, join } from "node:path";
import { REPO_ROOT, describeWithPulumi, findLanguageHost } from "./helpers/pulumi-cli";

const LIMIT_MS = 5 * 60_000;

/** Runs the built demo; a hung demo is killed with its whole process group (pulumi and plugins). */
function runDemo(PATH: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "dist", "scripts", "demo.js")], {
      cwd: REPO_ROOT,
      env: { ...process.env, PATH },
      detached: true,
    });
    let output = "";
    const timer = setTimeout(() => {
      output += `\n[test] demo still running after ${LIMIT_MS / 1000} s: killed`;
      process.kill(-(child.pid ?? 0), "SIGKILL");
    }, LIMIT_MS);
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describeWithPulumi("npm run demo", (cli) => {
  it("ups the quickstart, shows a no-op second up, and destroys everything it made", async () => {
    const host = findLanguageHost(cli);
    const { code, output } = await runDemo(
      [cli.binDir, ...(host ? [host] : []), process.env.PATH ?? ""].join(delimiter),
    );
    if (code !== 0) throw new Error(`demo exited with ${code}:\n${output.slice(-4000)}`);
    // What the quickstart adds, and destroy removes again: counted from whatever the seed holds.
    const changes = { environments: 1, applicationDatabases: 1, variables: 2, domains: 2, crons: 1 };
    for (const [collection, n] of Object.entries(changes)) {
      const counted = new RegExp(`${collection}: (\\d+) -> (\\d+) \\(([+-]\\d+)\\)`, "g");
      const lines = [...output.matchAll(counted)].map((m) => [Number(m[1]), Number(m[2]), m[3]] as const);
      expect(lines).toHaveLength(2);
      const [[seeded, after, added], [before, final, removed]] = lines as [
        readonly [number, number, string],
        readonly [number, number, string],
      ];
      expect([after - seeded, added, before, final - before, removed, final]).toEqual([
        n,
        `+${n}`,
        after,
        -n,
        `-${n}`,
        seeded,
      ]);
    }
    expect(output).toMatch(/mutating API calls during the second up: 0\b/);
    expect(output).not.toContain("c2ltdWxhdG9yLWRlbW8tc2VjcmV0LWRvLW5vdC11c2U=");
  });
});
