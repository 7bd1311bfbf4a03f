import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { markPhase, reportSoFar } from "../../src/action/modes.js";
import { readSettings } from "../../src/config/settings.js";
import { writeSession } from "../../src/adapters/session-store.js";
import { MemoryIo } from "../support/memory-io.js";

const dirs: string[] = [];
function runnerTemp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-modes-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const settings = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? "");

describe("mark and report without a measurement", () => {
  it("warns, and marks nothing, when no measure use started the measurement", () => {
    const io = new MemoryIo();
    const temp = runnerTemp();
    expect(markPhase({ settings: settings({ mode: "mark", phase: "train" }), env: { RUNNER_TEMP: temp }, io })).toBe(false);
    expect(io.warnings).toEqual([
      "gpu-carbon: phase 'train' not marked: no measurement is running in this job: put a use of the action with the default 'mode: measure' before this one.",
    ]);
  });

  it("records a mark with the runner's wall clock when a measurement runs", () => {
    const io = new MemoryIo();
    const temp = runnerTemp();
    const dir = path.join(temp, "gpu-carbon");
    mkdirSync(dir);
    writeSession(path.join(dir, "session.json"), {
      version: 1,
      startedEpochMs: 1000,
      intervalMs: 500,
      measuring: true,
      samplerPid: null,
      samplesPath: path.join(dir, "samples.log"),
      nvidiaSmiPath: null,
      gpus: [],
      warnings: [],
    });
    const ok = markPhase({
      settings: settings({ mode: "mark", phase: "eval" }),
      env: { RUNNER_TEMP: temp },
      io,
      nowEpochMs: 1_764_331_200_000,
    });
    expect(ok).toBe(true);
    expect(readFileSync(path.join(dir, "phases.tsv"), "utf8")).toBe("1764331200000\teval\n");
    expect(io.infos).toEqual(["gpu-carbon: phase 'eval' starts at 2025-11-28T12:00:00.000Z."]);
  });

  it("sets no outputs and warns when there is nothing to report", async () => {
    const io = new MemoryIo();
    await reportSoFar({ settings: settings({ mode: "report" }), env: { RUNNER_TEMP: runnerTemp() }, io });
    expect(io.outputs.size).toBe(0);
    expect(io.warnings[0]).toContain("gpu-carbon: no energy to report: no measurement is running in this job");
  });
});
