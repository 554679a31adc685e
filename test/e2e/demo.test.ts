// `npm run demo` end to end: the top-level Pulumi.yaml project run by the real CLI against the
// simulator, so the demo a newcomer runs first is proven by every CI run.
import { spawn } from "node:child_process";
import { delimiter, join } from "node:path";
import { REPO_ROOT, describeWithPulumi, findLanguageHost } from "./helpers/pulumi-cli";

describeWithPulumi("npm run demo", (cli) => {
  it("ups the quickstart, shows a no-op second up, and destroys", async () => {
    const host = findLanguageHost(cli);
    const PATH = [cli.binDir, ...(host ? [host] : []), process.env.PATH ?? ""].join(delimiter);
    const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, "dist", "scripts", "demo.js")], {
        cwd: REPO_ROOT,
        env: { ...process.env, PATH },
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (exit) => done({ code: exit, output }));
    });
    if (code !== 0) throw new Error(`demo exited with ${code}:\n${output.slice(-4000)}`);
    expect(output).toMatch(/environments: 4 -> 5 \(\+1\)/);
    expect(output).toMatch(/mutating API calls during the second up: 0/);
    expect(output).toMatch(/environments: 5 -> 4 \(-1\)/);
    expect(output).not.toContain("c2ltdWxhdG9yLWRlbW8tc2VjcmV0LWRvLW5vdC11c2U=");
  });
});
