import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "examples/**/node_modules/**", "jest.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The API client must stay usable without Pulumi; the provider reaches HTTP only through the client.
    files: ["sdk/**/*.ts", "simulator/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@pulumi/*", "../provider/*", "../../provider/*"] }],
    },
  },
  {
    files: ["provider/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["undici"],
          patterns: ["../sdk/*/**", "../../sdk/*/**", "../simulator/**", "../../simulator/**"],
        },
      ],
    },
  },
);
