import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importDirection } from "./eslint/import-direction.mjs";

// The plugin-mode SDK, written by `npm run gen:plugin-sdk` (gen-nodejs-sdk) and compared with the
// generator's output by a test: its style is the generator's, so only the layer rule applies to it.
const GENERATED = ["provider/plugin-sdk/**/*.ts"];
const layers = { rules: { "import-direction": importDirection } };

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "examples/**/node_modules/**", "jest.config.js"] },
  {
    ignores: GENERATED,
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { layers },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // Import directions of shared/DESIGN.md §2, at any folder depth (eslint/import-direction.mjs).
      "layers/import-direction": "error",
    },
  },
  {
    // The generated SDK is program side: it may load @pulumi/pulumi and itself, never the provider
    // process's code; eslint/import-direction.mjs places it, so nothing below the program imports it.
    files: GENERATED,
    languageOptions: { parser: tseslint.parser },
    plugins: { layers },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: { "layers/import-direction": "error" },
  },
);
