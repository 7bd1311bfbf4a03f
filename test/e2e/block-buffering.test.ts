import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, SimulatedJob, runProcess, runnerNode } from "../support/runner.js";

// nvidia-smi is a C program: writing to a pipe, its output may be held until a 4096-byte block
// fills, unless it flushes or runs under `stdbuf -oL`. These jobs run the stand-in in that mode.
const CLI = path.join(ROOT, "dist/cli/index.js");
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-blocks-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Report {
  status: string;
  energyKwh: number;
  coverage: number;
  durationSeconds: number;
  warnings: string[];
}

async function run(args: string[], scenario: object, env: Record<string, string> = {}): Promise<Report> {
  const noNvml = path.join(os.tmpdir(), "gpu-carbon-no-nvml", "libnvidia-ml.so.1");
  const reportPath = path.join(tempDir(), "report.json");
  const result = await runProcess(runnerNode(), [CLI, "run", "--json", "--report-path", reportPath, ...args], {
    PATH: SimulatedJob.pathWithFakeSmi(),
    HOME: os.tmpdir(),
    TMPDIR: tempDir(),
    GPU_CARBON_NVML_LIBRARY: noNvml,
    FAKE_NVIDIA_SMI: JSON.stringify(scenario),
    ...env,
  });
  expect(result.code).toBe(0);
  return JSON.parse(readFileSync(reportPath, "utf8")) as Report;
}

describe("nvidia-smi whose output comes in 4096-byte blocks", () => {
  it("reports the energy of 8 GPUs at 300 W: rows are timed by nvidia-smi's timestamps, not their arrival", async () => {
    const gpus = Array.from({ length: 8 }, () => ({ powerW: 300 }));
    // At 500 ms a block holds about 6 iterations of 8 rows: 3 s of samples arrive at once.
    const report = await run(["--", "sleep", "6"], { gpus, buffering: { blockBytes: 4096 } });
    // 8 x 300 W over the window (Wh = W x s / 3600).
    const expectedKwh = (8 * 300 * report.durationSeconds) / 3_600_000;
    expect(report.energyKwh / expectedKwh).toBeGreaterThan(0.97);
    expect(report.energyKwh / expectedKwh).toBeLessThan(1.01);
    expect(report.coverage).toBeGreaterThan(0.97);
    expect(report.status).toBe("measured");
  });

  it("does not restart one GPU's nvidia-smi for silence while a block fills", async () => {
    // 1 GPU at 100 ms: a block takes about 5 s to fill, the watchdog's usual limit here is 1.5 s.
    const report = await run(
      ["--interval-ms", "100", "--", "sleep", "7"],
      { gpus: [{ powerW: 200 }], buffering: { blockBytes: 4096 } },
      { GPU_CARBON_TEST_SAMPLER_TIMING: JSON.stringify({ silenceFloorMs: 1500 }) },
    );
    expect(report.warnings.join("\n")).not.toContain("restarted");
    const expectedKwh = (200 * report.durationSeconds) / 3_600_000;
    expect(report.energyKwh / expectedKwh).toBeGreaterThan(0.97);
    expect(report.energyKwh / expectedKwh).toBeLessThan(1.01);
    expect(report.status).toBe("measured");
  });

  it("asks for line buffering with stdbuf -oL where it is on PATH", async () => {
    const stdbufFile = path.join(tempDir(), "stdbuf.txt");
    const report = await run(["--interval-ms", "100", "--", "sleep", "1"], {
      gpus: [{ powerW: 100 }],
      buffering: { honoursStdbuf: true },
      stdbufFile,
    });
    // The one-shot probes run without it; the loop runs under it.
    expect(readFileSync(stdbufFile, "utf8").trim().split("\n")).toContain("L");
    expect(report.status).toBe("measured");
  });
});
