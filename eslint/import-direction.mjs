// An ESLint rule that keeps imports flowing the way shared/DESIGN.md §2 draws them. Every relative
// import is resolved to the file it names and both ends are placed in a layer, so a forbidden
// direction fails from any folder depth and through any spelling of the path.
import { existsSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

/** The layer of a repository file (path relative to the root, with its extension). */
export function layerOf(file) {
  if (/^sdk\/(index|internal)\.ts$/.test(file)) return "sdk-entry";
  if (file.startsWith("sdk/")) return "sdk";
  if (file.startsWith("simulator/")) return "simulator";
  if (file.startsWith("provider/plugin/")) return "plugin";
  if (
    /^provider\/(settings|shim|functions)\.ts$/.test(file) ||
    (/^provider\/kinds\/[^/]+\.ts$/.test(file) && !/^provider\/kinds\/index\.ts$/.test(file)) ||
    /^provider\/kinds\/[^/]+\/definition\.ts$/.test(file)
  )
    return "shared";
  if (file.startsWith("provider/runtime/") || /^provider\/kinds\/[^/]+\/handler\.ts$/.test(file))
    return "runtime";
  if (file.startsWith("provider/")) return "program";
  return "other";
}

/** What each layer may import, besides itself. */
const ALLOWED = {
  sdk: ["sdk", "sdk-entry"],
  "sdk-entry": ["sdk", "sdk-entry"],
  simulator: ["simulator"],
  shared: ["shared", "sdk-entry"],
  runtime: ["runtime", "shared", "sdk-entry"],
  plugin: ["plugin", "runtime", "shared", "sdk-entry"],
  program: ["program", "shared", "sdk-entry"],
};

/** Packages a layer may not use. */
const PACKAGES = {
  sdk: [/^@pulumi\//],
  "sdk-entry": [/^@pulumi\//],
  simulator: [/^@pulumi\//],
  shared: [/^@pulumi\//, /^undici$/],
  runtime: [/^@pulumi\//, /^undici$/],
  // The plugin speaks the engine's protocol (protos shipped with @pulumi/pulumi), not the program API.
  plugin: [/^@pulumi\/pulumi(\/(?!proto\/).*)?$/, /^undici$/],
  program: [/^undici$/],
};

const WHY = {
  sdk: "the API client stays usable without Pulumi and without the provider",
  "sdk-entry": "the API client stays usable without Pulumi and without the provider",
  simulator: "the simulator stands apart from the code it tests",
  shared:
    "kind definitions and settings are shared by the program and the provider process, so they load neither",
  runtime: "the provider process loads only the runtime, the definitions and the sdk's entry points",
  plugin: "the plugin serves the runtime over the engine's protocol and loads nothing of the program side",
  program: "the program side loads neither the provider process's code nor the sdk's modules",
};

function resolveImport(fromFile, source) {
  const base = resolve(dirname(resolve(ROOT, fromFile)), source);
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  // A module that does not exist yet still gets its layer from where it would be.
  return relative(ROOT, `${base}.ts`);
}

export const importDirection = {
  meta: { type: "problem", schema: [] },
  create(context) {
    const file = relative(ROOT, context.filename);
    const from = layerOf(file);
    if (from === "other") return {};
    const check = (node, source) => {
      if (typeof source !== "string") return;
      if (!source.startsWith(".")) {
        if ((PACKAGES[from] ?? []).some((p) => p.test(source)))
          context.report({ node, message: `${file} (${from}) must not import ${source}: ${WHY[from]}.` });
        return;
      }
      const target = resolveImport(file, source);
      const to = layerOf(target);
      if (to !== from && !ALLOWED[from].includes(to))
        context.report({
          node,
          message: `${file} (${from}) must not import ${target} (${to}): ${WHY[from]}.`,
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require")
          check(node, node.arguments[0]?.value);
      },
    };
  },
};
