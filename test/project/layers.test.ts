// Imports point one way, and lint says so: each rule of src/README.md is tried on a file that
// breaks it, and the whole source tree is held to all of them (npm test lints it too).
import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });
const RULES = ["no-restricted-imports", "local/no-import-cycle"];

async function problems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => RULES.includes(m.ruleId ?? "")).map((m) => m.message);
}

describe("the direction of imports", () => {
  it.each([
    ["src/adapters/example.ts", 'export { STATE } from "../action/hooks.js";', "src/adapters"],
    ["src/adapters/github/example.ts", 'export { analyseSession } from "../../measure/analyse.js";', "src/adapters"],
    ["src/cli/example.ts", 'export { finishMeasurement } from "../action/finish.js";', "never the action"],
    ["src/measure/example.ts", 'export { runMain } from "../action/hooks.js";', "shared by the action and the CLI"],
    ["src/measure/example.ts", 'export { info } from "@actions/core";', "no @actions/*"],
    ["src/config/example.ts", 'export { workDir } from "../adapters/session-store.js";', "src/config"],
    ["src/core/log/example.ts", 'export { renderSummary } from "../render/summary.js";', "src/core/log comes before"],
    ["src/core/log/fast/example.ts", 'export { buildReport } from "../../report/report.js";', "src/core/log comes before"],
    ["src/core/example.ts", 'export { SampleLogReader } from "./log/reader.js";', "shared vocabulary"],
    ["src/core/report/example.ts", 'export { workDir } from "../../adapters/session-store.js";', "src/core imports only"],
    ["src/core/new-topic/example.ts", 'export { readFileSync } from "node:fs";', "src/core is pure"],
  ])("%s may not: %s", async (file, code, message) => {
    expect((await problems(code, file)).join("\n")).toContain(message);
  });

  it("allows what flows the right way", async () => {
    expect(await problems('export { buildReport } from "../report/report.js";', "src/core/render/example.ts")).toEqual([]);
    expect(await problems('export { analyseSession } from "../measure/analyse.js";', "src/cli/example.ts")).toEqual([]);
    expect(await problems('export { INPUT } from "../config/names.js";', "src/adapters/example.ts")).toEqual([]);
  });

  it("finds an import cycle", async () => {
    // The supervisor imports the config type; the config importing the supervisor closes a loop.
    const found = await problems('export { runSampler } from "./supervisor.js";', "src/sampler/config.ts");
    expect(found.join("\n")).toContain("Import cycle: config.ts -> supervisor.ts -> config.ts");
  });
});
