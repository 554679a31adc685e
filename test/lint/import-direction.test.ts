import { execFileSync } from "node:child_process";
import { join } from "node:path";

// Plants a forbidden import in each layer, at several depths and spellings, and expects the project's
// own lint configuration to refuse it; the allowed directions must stay quiet. ESLint runs in a child
// process: its configuration is an ES module, which jest's module system cannot load.
const ROOT = join(__dirname, "..", "..");

const LINT = `
import { ESLint } from "eslint";
const cases = JSON.parse(await new Response(process.stdin).text());
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { file, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out.push(result.messages.filter((m) => m.ruleId === "layers/import-direction").map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

function lint(cases: { file: string; code: string }[]): string[][] {
  const input = JSON.stringify(cases.map((c) => ({ ...c, file: join(ROOT, c.file) })));
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", LINT], { cwd: ROOT, input });
  return JSON.parse(output.toString()) as string[][];
}

const imports = (source: string) => `import { x } from "${source}";\nexport const y = x;\n`;
const requires = (source: string) => `export const y = require("${source}");\n`;

const forbidden: [file: string, source: string][] = [
  ["sdk/resources/crons.ts", "../../provider"],
  ["sdk/http/deeper/x.ts", "../../../provider/runtime/lifecycle"],
  ["sdk/client.ts", "../simulator"],
  ["sdk/client.ts", "@pulumi/pulumi"],
  ["simulator/routes/crons.ts", "../../sdk"],
  ["simulator/server.ts", "../provider/settings"],
  ["provider/runtime/lifecycle.ts", "../../simulator"],
  ["provider/runtime/lifecycle.ts", "../../sdk/http/limiter"],
  ["provider/runtime/lifecycle.ts", "undici"],
  ["provider/runtime/lifecycle.ts", "@pulumi/pulumi"],
  ["provider/runtime/lifecycle.ts", "../program/resource-class"],
  ["provider/kinds/cron-job/handler.ts", "."],
  ["provider/kinds/cron-job/handler.ts", "../index"],
  ["provider/kinds/cron-job/handler.ts", "../../../simulator/routes/crons"],
  ["provider/kinds/cron-job/definition.ts", "./handler"],
  ["provider/kinds/cron-job/definition.ts", "@pulumi/pulumi"],
  ["provider/kinds/kind.ts", "../runtime/errors"],
  ["provider/settings.ts", "./program/resource-class"],
  ["provider/kinds/cron-job/index.ts", "./handler"],
  ["provider/lookups.ts", "./runtime/clients"],
  ["provider/program/resource-class.ts", "../../sdk/client"],
  // The generated plugin-mode SDK is program side: the plugin and the runtime never load it, and it
  // loads nothing of theirs.
  ["provider/plugin/main.ts", "../plugin-sdk"],
  ["provider/runtime/lifecycle.ts", "../plugin-sdk/provider"],
  ["provider/kinds/kind.ts", "../plugin-sdk"],
  ["provider/plugin-sdk/index.ts", "../runtime/lifecycle"],
  ["provider/plugin-sdk/types/input.ts", "../../plugin/service"],
  ["provider/plugin-sdk/index.ts", "undici"],
  // The `acquia-cloud` command reads through the sdk's entry and writes text: no Pulumi, no provider
  // process, no simulator; and nothing of the provider loads it.
  ["cli/discover/walk.ts", "../../sdk/client"],
  ["cli/discover/walk.ts", "../../provider/runtime/lifecycle"],
  ["cli/discover/walk.ts", "../../provider/kinds/ssl-certificate/handler"],
  ["cli/discover/generate.ts", "@pulumi/pulumi"],
  ["cli/main.ts", "../simulator"],
  ["provider/settings.ts", "../cli/discover/names"],
  ["sdk/client.ts", "../cli/main"],
];

const allowed: [file: string, source: string][] = [
  ["provider/runtime/lifecycle.ts", "../../sdk"],
  ["provider/runtime/lifecycle.ts", "../../sdk/internal"],
  ["provider/runtime/lifecycle.ts", "../kinds/kind"],
  ["provider/kinds/cron-job/handler.ts", "./definition"],
  ["provider/kinds/cron-job/index.ts", "./definition"],
  ["provider/kinds/cron-job/index.ts", "@pulumi/pulumi"],
  ["provider/lookups.ts", "./settings"],
  ["sdk/client.ts", "./errors"],
  ["test/provider/harness.ts", "../../simulator"],
  ["provider/plugin-sdk/index.ts", "@pulumi/pulumi"],
  ["provider/plugin-sdk/types/input.ts", "../utilities"],
  ["cli/discover/walk.ts", "../../sdk"],
  ["cli/discover/walk.ts", "../../provider/kinds/cron-job/definition"],
  ["cli/discover/options.ts", "../../provider/settings"],
  ["test/provider/discover.test.ts", "../../cli/discover/generate"],
];

describe("import directions", () => {
  const results = lint([
    ...forbidden.map(([file, source]) => ({ file, code: imports(source) })),
    ...forbidden.slice(0, 3).map(([file, source]) => ({ file, code: requires(source) })),
    ...allowed.map(([file, source]) => ({ file, code: imports(source) })),
  ]);
  const refused = results.slice(0, forbidden.length);
  const required = results.slice(forbidden.length, forbidden.length + 3);
  const quiet = results.slice(forbidden.length + 3);

  it.each(forbidden.map((c, i) => [...c, i] as const))("%s may not import %s", (file, source, i) => {
    expect(refused[i]).toEqual([expect.stringContaining(`${file} (`)]);
    expect(refused[i]?.[0]).toMatch(source.startsWith(".") ? /must not import .* \(/ : /must not import/);
  });

  it.each(forbidden.slice(0, 3).map((c, i) => [...c, i] as const))(
    "%s may not require %s either",
    (_f, _s, i) => {
      expect(required[i]).toHaveLength(1);
    },
  );

  it.each(allowed.map((c, i) => [...c, i] as const))("%s may import %s", (_file, _source, i) => {
    expect(quiet[i]).toEqual([]);
  });
});
