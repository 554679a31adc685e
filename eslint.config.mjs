import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importDirection } from "./eslint/import-direction.mjs";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "examples/**/node_modules/**", "jest.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layers: { rules: { "import-direction": importDirection } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // Import directions of shared/DESIGN.md §2, at any folder depth (eslint/import-direction.mjs).
      "layers/import-direction": "error",
    },
  },
);
