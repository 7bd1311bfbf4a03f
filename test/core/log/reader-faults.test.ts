// What nvidia-smi prints when things go wrong, read line by line: numbers checkable by hand.
import { describe, expect, it } from "vitest";
import { SpanEnergy } from "../../../src/core/energy/breakdown.js";
import { EnergyIntegrator } from "../../../src/core/integrator.js";
import { SampleLogReader } from "../../../src/core/log/reader.js";
import { SAMPLER_LOG_MAGIC, formatEvent, formatHeader, formatRow, formatStart, formatStop } from "../../../src/core/log/format.js";

const HEADER = "timestamp, index, uuid, power.draw [W]";
const TS = "2026/11/28 10:00:00.000";
const gpuRow = (index: number, watts: string) => `${TS}, ${index}, GPU-${index}aaa, ${watts}`;
const LOST = "[GPU is lost], [GPU is lost], [GPU is lost], [GPU is lost]";

function samplerLog(body: string[], stopMs: number) {
  const reader = new SampleLogReader();
  for (const line of [SAMPLER_LOG_MAGIC, formatStart(0, 1000), formatHeader(0, HEADER), ...body, formatStop(stopMs, "signal")])
    reader.push(line);
  return reader.finish();
}

describe("lines that are not readings", () => {
  it("an Xid line with as many commas as a row is malformed, not a GPU", () => {
    const result = samplerLog(
      [
        formatRow(0, gpuRow(0, "100.00")),
        formatRow(500, "Xid (PCI:0000:28:00): 79, pid=4242, name=python, GPU has fallen off the bus."),
        formatRow(1000, gpuRow(0, "100.00")),
        formatRow(1500, "a, b, c, d"),
        formatRow(2000, gpuRow(0, "100.00")),
      ],
      2000,
    );
    expect(result.gpus).toHaveLength(1);
    expect(result.malformedLines).toBe(2);
    expect(result.gpus[0]!.energyJ).toBe(200); // 100 W for 2 s
  });

  it("[GPU is lost] rows name no GPU: counted, and the lost GPU's energy stops with its last reading", () => {
    const body: string[] = [];
    for (let t = 0; t <= 4000; t += 1000) {
      body.push(formatRow(t, gpuRow(0, "200.00")));
      body.push(formatRow(t, t <= 1000 ? gpuRow(1, "100.00") : LOST));
    }
    const result = samplerLog(body, 4000);
    expect(result.gpus.map((g) => g.key)).toEqual(["GPU-0aaa", "GPU-1aaa"]);
    expect(result.lostRows).toBe(3);
    expect(result.gpus[0]!.energyJ).toBe(800); // 200 W x 4 s
    // GPU 1: 100 W from 0 to 1 s; its last reading is not held to the end, since it was lost after it.
    expect(result.gpus[1]!.energyJ).toBe(100);
    expect(result.gpus[1]!.coverage).toBe(0.25);
  });

  it("a restart of nvidia-smi (the header again) is a gap, even when shorter than the gap threshold", () => {
    const result = samplerLog(
      [
        formatRow(0, gpuRow(0, "300.00")),
        formatRow(1000, gpuRow(0, "300.00")),
        formatEvent(1200, "nvidia-smi exited (code 255); restarting in 1000 ms"),
        formatHeader(2200, HEADER),
        formatRow(2500, gpuRow(0, "300.00")),
        formatRow(3500, gpuRow(0, "300.00")),
      ],
      3500,
    );
    const gpu = result.gpus[0]!;
    expect(result.restarts).toBe(1);
    expect(gpu.energyJ).toBe(600); // 0-1 s and 2.5-3.5 s at 300 W; 1-2.5 s was not measured
    expect(gpu.coverage).toBeCloseTo(2000 / 3500, 12);
    expect(gpu.gaps).toBe(1);
    expect(gpu.longestGapMs).toBe(1500);
  });
});

describe("the integrator across an interruption", () => {
  it("does not bridge the interval around interrupt(), and bridges the next ones again", () => {
    const gpu = { key: "GPU-a", index: "0", uuid: "GPU-a" };
    const integrator = new EnergyIntegrator({ gapMs: 3000 });
    integrator.add(0, gpu, 100);
    integrator.add(1000, gpu, 100);
    integrator.interrupt();
    integrator.add(2000, gpu, null); // a missing reading keeps the interruption pending
    integrator.add(2500, gpu, 100);
    integrator.add(3500, gpu, 100);
    const [result] = integrator.finish(0, 3500);
    expect(result!.energyJ).toBe(200);
    expect(result!.coveredMs).toBe(2000);
    expect(result!.missingSamples).toBe(1);
  });
});

describe("energy per step across a restart", () => {
  it("does not bridge the restart either, so a step spanning the job has the job's energy", () => {
    const steps = new SpanEnergy([{ name: "Train", startEpochMs: 1_000_000, endEpochMs: null }], 5000);
    const reader = new SampleLogReader({
      onReading: (tMs, identity, powerW) => steps.add(reader.startEpoch ?? 0, tMs, identity, powerW),
      onInterrupt: () => steps.interrupt(),
    });
    const lines = [
      SAMPLER_LOG_MAGIC,
      formatStart(1_000_000, 1000),
      formatHeader(0, HEADER),
      formatRow(0, gpuRow(0, "300.00")),
      formatRow(1000, gpuRow(0, "300.00")),
      formatHeader(2200, HEADER),
      formatRow(2500, gpuRow(0, "300.00")),
      formatRow(3500, gpuRow(0, "300.00")),
      formatStop(3500, "signal"),
    ];
    for (const line of lines) reader.push(line);
    const result = reader.finish();
    expect(result.gpus[0]!.energyJ).toBe(600);
    const [train] = steps.rows(result.windowMs, 600 / 3_600_000, 1);
    expect(train!.energyKwh! * 3_600_000).toBeCloseTo(600, 2); // (kWh rounded to 9 digits in the row)
  });
});
