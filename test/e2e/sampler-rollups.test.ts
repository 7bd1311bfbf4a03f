import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, FAKE_SMI_DIR, runProcess, runnerNode } from "../support/runner.js";
import { SampleLogReader } from "../../src/core/log/reader.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the sampler process on a long job", () => {
  it("switches from rows to per-GPU rollups and the reader integrates both", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-rollups-"));
    dirs.push(dir);
    const samplesPath = path.join(dir, "samples.log");
    const configPath = path.join(dir, "config.json");
    // Shortened: rows for the first second, then one rollup per GPU every second, for 4 s.
    writeFileSync(
      configPath,
      JSON.stringify({
        nvidiaSmiPath: path.join(FAKE_SMI_DIR, "nvidia-smi"),
        args: ["--query-gpu=index,uuid,power.draw", "--format=csv,nounits", "-lms", "200"],
        samplesPath,
        intervalMs: 200,
        watchPid: null,
        maxDurationMs: 4000,
        rawRowsMs: 1000,
        rollupMs: 1000,
      }),
    );
    const scenario = JSON.stringify({ gpus: [{ powerW: 200 }, { powerW: 50 }] });
    const run = await runProcess(runnerNode(), [path.join(ROOT, "dist/sampler/index.js"), "--gpu-carbon-sampler", configPath], {
      PATH: process.env.PATH ?? "",
      FAKE_NVIDIA_SMI: scenario,
    });
    expect(run.code).toBe(0);
    const lines = readFileSync(samplesPath, "utf8").split("\n");
    expect(lines[0]).toBe("# gpu-carbon samples v2");
    expect(lines.filter((l) => l.startsWith("@rollup\t")).length).toBeGreaterThanOrEqual(4);
    expect(lines.some((l) => /^\d+\t0, GPU-/.test(l))).toBe(true);
    const reader = new SampleLogReader();
    for (const line of lines) if (line) reader.push(line);
    const result = reader.finish();
    expect(result.stopReason).toBe("max-duration");
    expect(result.malformedLines).toBe(0);
    // Steady 200 W and 50 W over the whole window (edges held): energy = power x window.
    const windowS = result.windowMs / 1000;
    expect(result.gpus.map((g) => g.coverage)).toEqual([1, 1]);
    expect(result.gpus[0]!.energyJ).toBeCloseTo(200 * windowS, 6);
    expect(result.gpus[1]!.energyJ).toBeCloseTo(50 * windowS, 6);
  });
});

describe("an old (v1) sampler log", () => {
  it("still reads: rows with the loop's timestamp column", () => {
    const reader = new SampleLogReader();
    const v1 = [
      "# gpu-carbon samples v1",
      "@start\t1700000000000\t1000",
      "@header\t30\ttimestamp, index, uuid, power.draw [W]",
      "100\t2026/11/28 10:00:00.100, 0, GPU-0, 100.00",
      "1100\t2026/11/28 10:00:01.100, 0, GPU-0, 100.00",
      "2100\t2026/11/28 10:00:02.100, 0, GPU-0, 100.00",
      "@stop\t2200\tsignal",
    ];
    for (const line of v1) reader.push(line);
    const result = reader.finish();
    expect(result.format).toBe("sampler");
    expect(result.gpus[0]!.energyJ).toBeCloseTo(220, 9);
  });
});
