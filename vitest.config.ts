import { defineConfig } from "vitest/config";

export default defineConfig({
  // @actions/workflow-parser ships source maps without their sources; Vite would warn about each
  // file it transforms. Errors still print.
  logLevel: "error",
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end tests start real processes; two workers suit a 2-core CI machine.
    maxWorkers: 2,
    reporters: ["default", "./test/support/closing-line-reporter.ts"],
    setupFiles: ["./test/support/setup.ts"],
    server: {
      deps: {
        // It imports its JSON schemas without import attributes, which Node refuses; let Vite
        // transform it instead.
        inline: ["@actions/workflow-parser"],
      },
    },
  },
});
