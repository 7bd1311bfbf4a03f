import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SampleLogReader } from "../../src/core/log/reader.js";
import { SampleRollup } from "../../src/core/log/rollup.js";
import * as format from "../../src/core/log/format.js";

// The bench's own helpers are plain .mjs scripts (the bench is not part of `npm test`); this only
// checks that their pure parts compute what they claim.
const load = (name: string) => import(pathToFileURL(path.resolve(import.meta.dirname, "../../scripts/bench", name)).href);

describe("the bench's accuracy model", () => {
  it("knows the true energy and what the driver would show", async () => {
    const { TRACES, DRIVERS, cumulativeJ, trueEnergyJ, driverReadingW, sampleTimesMs } = await load("accuracy.mjs");
    expect(trueEnergyJ(cumulativeJ(TRACES.steady, 10_000))).toBeCloseTo(3000, 9); // 300 W x 10 s
    const square = cumulativeJ(TRACES.square, 8000);
    // At 2.05 s both models show the value published at 2.0 s: 400 W over the window before it.
    expect(driverReadingW(DRIVERS.average, square, 2050)).toBe(400);
    expect(driverReadingW(DRIVERS.instant, square, 2050)).toBe(400);
    // At 2.15 s (published at 2.1 s): the 1 s average holds 900 ms of 400 W and 100 ms of 100 W.
    expect(driverReadingW(DRIVERS.average, square, 2150)).toBe(370);
    expect(driverReadingW(DRIVERS.instant, square, 2150)).toBe(100);
    expect(sampleTimesMs(500, 2000, 0, 0)).toEqual([0, 500, 1000, 1500]);
  });

  it("reports no error for a steady trace through an exact integrator", async () => {
    const { accuracyTable } = await load("accuracy.mjs");
    const trapezoid = (samples: [number, number][], _intervalMs: number, durationMs: number) => {
      let energyJ = samples[0]![1] * (samples[0]![0] / 1000);
      for (let i = 1; i < samples.length; i += 1)
        energyJ += ((samples[i - 1]![1] + samples[i]![1]) / 2) * ((samples[i]![0] - samples[i - 1]![0]) / 1000);
      return energyJ + samples[samples.length - 1]![1] * ((durationMs - samples[samples.length - 1]![0]) / 1000);
    };
    const rows = accuracyTable(trapezoid, [100, 1000], 20_000);
    expect(rows).toHaveLength(8);
    const steady = rows.filter((r: { trace: string }) => r.trace === "steady");
    for (const row of steady) for (const e of row.errorsPct) expect(Math.abs(e)).toBeLessThan(1e-9);
  });
});

describe("the bench's log generator and table", () => {
  it("writes plain nvidia-smi logs the reader integrates, in each format", async () => {
    const { generatePlainLog } = await load("generate-log.mjs");
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-bench-test-"));
    try {
      const file = path.join(dir, "plain.csv");
      for (const format of [
        { units: true, uuid: true, extra: 0 },
        { units: false, uuid: false, extra: 0 },
        { units: true, uuid: true, extra: 16 },
      ]) {
        const { rows, bytes, columns } = generatePlainLog({ path: file, gpus: 2, hours: 0.01, intervalMs: 1000, ...format });
        expect(rows).toBe(72); // 36 s at 1 Hz, 2 GPUs
        expect(columns).toBe(3 + (format.uuid ? 1 : 0) + format.extra);
        const text = readFileSync(file, "utf8");
        expect(Buffer.byteLength(text)).toBe(bytes);
        expect(text.includes(" W\n")).toBe(format.units);
        const reader = new SampleLogReader();
        reader.pushBytes(new TextEncoder().encode(text));
        reader.endBytes();
        const result = reader.finish();
        expect(result.format).toBe("nvidia-smi");
        expect(result.malformedLines).toBe(0);
        expect(result.gpus.map((g) => g.validSamples)).toEqual([36, 36]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes the action's log through the sampler's own rollup, with the energy of its readings", async () => {
    const { generateActionLog } = await load("generate-log.mjs");
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-bench-test-"));
    try {
      const file = path.join(dir, "samples.log");
      // 2.5 h: rows for the first two hours, then one rollup per GPU per minute.
      const info = generateActionLog({ path: file, gpus: 2, hours: 2.5, intervalMs: 1000, core: { SampleRollup, format } });
      const text = readFileSync(file, "utf8");
      expect(Buffer.byteLength(text)).toBe(info.bytes);
      expect(text.split("\n").length - 1).toBe(info.lines);
      expect(text.match(/^@rollup\t/gm)?.length).toBe(2 * 30);
      const reader = new SampleLogReader();
      reader.pushBytes(new TextEncoder().encode(text));
      reader.endBytes();
      const result = reader.finish();
      expect(result.malformedLines).toBe(0);
      expect(result.gpus.reduce((sum, g) => sum + g.validSamples, 0)).toBe(info.readings);
      expect(result.gpus.reduce((sum, g) => sum + (g.energyJ ?? 0), 0)).toBeCloseTo(info.energyJ, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints one markdown table", async () => {
    const { formatTable, pct, ratio } = await load("table.mjs");
    expect(
      formatTable(
        ["A", "Value"],
        [
          ["x", ratio(1.234)],
          ["yy", pct(-0.5)],
        ],
      ),
    ).toBe("| A  | Value   |\n| -- | ------- |\n| x  | 1.23x   |\n| yy | -0.50 % |\n");
  });
});
