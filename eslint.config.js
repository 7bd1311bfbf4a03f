import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { noImportCycle } from "./scripts/lint/no-import-cycle.js";

/** Imports that would run a shell command line (see the rule below). */
const NO_SHELL_PATHS = [
  ...["node:child_process", "child_process"].map((name) => ({
    name,
    importNames: ["exec", "execSync"],
    message: "Start processes with spawn/execFile and an argument array, never a shell command line.",
  })),
  { name: "@actions/exec", message: "It parses a command line string; use spawn with an argument array." },
];

/** A pattern matching a relative import of any of these src/ (or src/core/) folders. */
function folders(names, message) {
  return { regex: `^(\\.\\./)+(${names.join("|")})/`, message };
}

/** The core is pure: no runner, file system, process or network access. */
const CORE_PURE = [
  {
    group: ["@actions/*", "node:fs", "node:child_process", "fs", "child_process", "node:net", "node:http", "node:https"],
    message: "src/core is pure: put I/O in src/adapters.",
  },
  folders(["entries", "action", "cli", "measure", "sampler", "adapters", "config"], "src/core imports only src/core and src/data."),
];

/** src/core's topic folders, in the order the data flows. */
const CORE_TOPICS = ["nvidia-smi", "log", "energy", "carbon", "report", "prometheus", "history", "render"];

/** What each layer of src/ may not import. */
const LAYERS = {
  action: { forbidden: ["entries", "cli", "sampler"], message: "src/action is the GitHub Action: it calls measure/, adapters/ and core/." },
  cli: { forbidden: ["entries", "action", "sampler"], message: "src/cli calls measure/, adapters/ and core/, never the action." },
  measure: {
    forbidden: ["entries", "action", "cli"],
    message: "src/measure is shared by the action and the CLI: it imports neither.",
    extra: [
      { group: ["@actions/*"], message: "src/measure runs in the CLI too: no @actions/* (that belongs in src/action or an adapter)." },
    ],
  },
  adapters: {
    forbidden: ["entries", "action", "cli", "measure"],
    message: "src/adapters are small I/O functions: they import config/ and core/ only.",
  },
  sampler: {
    forbidden: ["entries", "action", "cli", "measure", "config"],
    message: "The sampler is its own process: it imports its adapter and core/ only.",
  },
  config: {
    forbidden: ["entries", "action", "cli", "measure", "adapters", "sampler"],
    message: "src/config reads names and settings: it imports core/ only.",
  },
  data: {
    forbidden: ["entries", "action", "cli", "measure", "adapters", "sampler", "config", "core"],
    message: "src/data holds generated tables only.",
  },
};

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
      "no-restricted-imports": ["error", { paths: NO_SHELL_PATHS }],
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
  // Imports point one way (src/README.md): entries -> action | cli -> measure -> adapters ->
  // core -> data, with config beside them. Proved by test/project/layers.test.ts.
  ...Object.entries(LAYERS).map(([layer, { forbidden, message, extra = [] }]) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: { "no-restricted-imports": ["error", { paths: NO_SHELL_PATHS, patterns: [folders(forbidden, message), ...extra] }] },
  })),
  // The core is pure wherever a file sits in it (a new topic folder included).
  {
    files: ["src/core/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: NO_SHELL_PATHS, patterns: CORE_PURE }] },
  },
  // The core's topics are read in the order the data flows; a topic imports only those before it
  // and the shared files at the top of src/core.
  {
    files: ["src/core/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: NO_SHELL_PATHS,
          patterns: [...CORE_PURE, { regex: "^\\./[^/]+/", message: "The top of src/core is shared vocabulary: it imports no topic." }],
        },
      ],
    },
  },
  ...CORE_TOPICS.map((topic, i) => ({
    files: [`src/core/${topic}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: NO_SHELL_PATHS,
          patterns: [
            ...CORE_PURE,
            ...(i + 1 < CORE_TOPICS.length
              ? [
                  folders(
                    CORE_TOPICS.slice(i + 1),
                    `src/core/${topic} comes before ${CORE_TOPICS.slice(i + 1).join(", ")}: data flows ${CORE_TOPICS.join(" -> ")}.`,
                  ),
                ]
              : []),
          ],
        },
      ],
    },
  })),
  {
    files: ["src/**/*.ts"],
    plugins: { local: { rules: { "no-import-cycle": noImportCycle } } },
    rules: { "local/no-import-cycle": "error" },
  },
);
