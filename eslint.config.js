import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        URL: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Processes are started with an argument array, never through a shell: no exec/execSync (a
    // command line string run by /bin/sh), no `shell:` option, no `sh -c`, no @actions/exec
    // (which splits a command line string itself). Proved by test/project/no-shell.test.ts. Tests
    // themselves may hand a user's `sh -c` workload to `gpu-carbon run`; their support code may not.
    files: ["src/**", "scripts/**", "test/support/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["node:child_process", "child_process"].map((name) => ({
              name,
              importNames: ["exec", "execSync"],
              message: "Start processes with spawn/execFile and an argument array, never a shell command line.",
            })),
            { name: "@actions/exec", message: "It parses a command line string; use spawn with an argument array." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "Property[key.name='shell']",
          message: "No `shell` option: arguments go to the program as an array, never through a shell.",
        },
        {
          selector: "CallExpression[callee.property.name=/^(exec|execSync)$/][callee.object.name=/^(child_process|childProcess|cp)$/]",
          message: "Start processes with spawn/execFile and an argument array, never a shell command line.",
        },
        {
          selector: "CallExpression ArrayExpression > Literal[value=/^-c$/]",
          message: "No `sh -c <string>`: run the program itself with an argument array.",
        },
      ],
    },
  },
  {
    // The core is pure: no runner, file system, process or network access.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@actions/*", "node:fs", "node:child_process", "fs", "child_process", "node:net", "node:http", "node:https"],
              message: "src/core is pure: put I/O in src/adapters.",
            },
          ],
          paths: [{ name: "@actions/exec", message: "It parses a command line string; use spawn with an argument array." }],
        },
      ],
    },
  },
);
