import { describe, expect, it } from "vitest";
import { givenIntensity } from "../../../src/core/carbon/intensity.js";
import type { GpuEnergy } from "../../../src/core/integrator.js";
import { idleBaseline } from "../../../src/core/energy/idle.js";
import { formatMark, parseMarks, phaseSpans } from "../../../src/core/energy/phases.js";
import { breakdownTotals, countedGpus, phasesSection, stepsSection } from "../../../src/core/render/breakdown.js";
import { notMeasuredReport, type Report } from "../../../src/core/report/report.js";
import { parseWorkUnits, workReport } from "../../../src/core/energy/work-units.js";

const gpuEnergy = (uuid: string, energyJ: number | null, coveredMs: number): GpuEnergy => ({
  key: uuid,
  uuid,
  index: uuid.slice(-1),
  energyJ,
  coveredMs,
  coverage: 1,
  averageW: null,
  peakW: null,
  firstW: null,
  lastW: null,
  validSamples: 1,
  missingSamples: 0,
  gaps: 0,
  longestGapMs: 0,
  spreadW: 0,
});

describe("idle baseline", () => {
  it("charges each GPU's power at pre over its covered time; energy above idle never goes below 0", () => {
    // GPU 0: 60 W idle, 1 h covered, drew 0.25 kWh (900 kJ): idle 216 kJ (0.06 kWh), above 684 kJ (0.19 kWh).
    // GPU 1: 80 W idle, drew less than that (deeper power state): above idle 0.
    const idle = idleBaseline(
      [gpuEnergy("GPU-0", 900_000, 3_600_000), gpuEnergy("GPU-1", 100_000, 3_600_000)],
      [
        { uuid: "GPU-0", index: "0", powerW: 60 },
        { uuid: "GPU-1", index: "1", powerW: 80 },
      ],
    );
    expect(idle).toEqual({ powerWatts: 140, energyKwh: 0.14, aboveIdleEnergyKwh: 0.19 });
  });

  it("has no baseline when a GPU had no reading at pre", () => {
    expect(idleBaseline([gpuEnergy("GPU-0", 1000, 1000)], [{ uuid: "GPU-0", index: "0", powerW: null }])).toBeNull();
  });
});

describe("work units", () => {
  it("adds up counts, takes the first unit, skips what is not a count", () => {
    expect(parseWorkUnits("1000 tokens\n\n500\nlots\n2.5e3 tokens\n")).toEqual({ units: 4000, unit: "tokens", skippedLines: 1 });
  });

  it("divides the energy by the units: 0.001 kWh (3600 J) over 1200 samples is 3 J per sample", () => {
    expect(workReport(0.001, 1200, "samples")).toEqual({ units: 1200, unit: "samples", joulesPerUnit: 3 });
    expect(workReport(null, 1200, "samples")).toBeNull();
    expect(workReport(0.001, 0, null)).toBeNull();
  });
});

describe("phase marks", () => {
  it("round-trips marks and makes each phase last until the next mark", () => {
    const text = [formatMark({ name: "eval", epochMs: 9000 }), "garbage", formatMark({ name: "train\tloop", epochMs: 1000 })].join("\n");
    const marks = parseMarks(text);
    expect(marks).toEqual([
      { name: "train loop", epochMs: 1000 },
      { name: "eval", epochMs: 9000 },
    ]);
    expect(phaseSpans(marks)).toEqual([
      { name: "train loop", startEpochMs: 1000, endEpochMs: 9000 },
      { name: "eval", startEpochMs: 9000, endEpochMs: null },
    ]);
  });
});

function reportWith(fields: Partial<Report>): Report {
  const base = notMeasuredReport({ pue: 1, carbonIntensity: givenIntensity(400, "test") }, [], {
    startEpochMs: 0,
    durationMs: 60_000,
    intervalMs: 500,
    gapMs: 3000,
  });
  return { ...base, ...fields };
}

const row = (name: string, durationSeconds: number, energyKwh: number, share: number) => ({
  name,
  startedAt: "2026-11-28T12:00:00.000Z",
  endedAt: "2026-11-28T12:00:10.000Z",
  durationSeconds,
  energyKwh,
  share,
  averageWatts: (energyKwh * 3_600_000) / durationSeconds,
  coverage: 1,
});

describe("summary sections", () => {
  it("renders energy per step with the energy outside steps", () => {
    const report = reportWith({
      energyKwh: 0.005,
      steps: [row("Checkout", 10, 0.000833333, 0.1667), row("Train | *big*", 30, 0.0025, 0.5)],
      outsideStepsEnergyKwh: 0.001666667,
    });
    expect(stepsSection(report).join("\n")).toBe(
      [
        "### Energy per step",
        "",
        "| Step | Duration | Energy | Share | Average power |",
        "| --- | ---: | ---: | ---: | ---: |",
        "| Checkout | 10.0s | 0.833 Wh | 16.7% | 300 W |",
        "| Train \\| \\*big\\* | 30.0s | 2.50 Wh | 50.0% | 300 W |",
        "| _outside steps_ |  | 1.67 Wh | 33.3% |  |",
        "",
        "Step times come from the Jobs API in whole seconds, so each step boundary is uncertain by up to a second; energy between steps is shown as outside steps.",
        "",
      ].join("\n"),
    );
    expect(stepsSection(reportWith({}))).toEqual([]);
  });

  it("renders energy per phase", () => {
    expect(phasesSection(reportWith({ energyKwh: 0.005, phases: [row("train", 40, 0.004, 0.8)] })).join("\n")).toBe(
      [
        "### Energy per phase",
        "",
        "| Phase | Duration | Energy | Share | Average power |",
        "| --- | ---: | ---: | ---: | ---: |",
        "| train | 40.0s | 4.00 Wh | 80.0% | 360 W |",
        "",
      ].join("\n"),
    );
  });

  it("adds the idle baseline and energy per unit to the totals", () => {
    const report = reportWith({
      idle: { powerWatts: 140, energyKwh: 0.14, aboveIdleEnergyKwh: 0.19 },
      work: { units: 1200, unit: "samples", joulesPerUnit: 3 },
    });
    expect(breakdownTotals(report)).toEqual([
      ["Idle power at start", "140 W"],
      ["Energy above idle", "190 Wh"],
      ["Energy per unit of work (1200 samples)", "3.00 J"],
    ]);
  });

  it("names the GPUs counted and why", () => {
    const report = reportWith({
      gpuSelection: {
        source: "CUDA_VISIBLE_DEVICES",
        requested: "MIG-aaaa",
        counted: [{ index: "1", uuid: "GPU-1", name: "H100", reason: "x" }],
        excludedCount: 3,
        wholeBoard: true,
        notes: [],
        warnings: [],
      },
    });
    expect(countedGpus(report)).toEqual([
      "Counted: GPU 1 (CUDA_VISIBLE_DEVICES=MIG-aaaa); 3 other GPU(s) on this host are not counted. The figure is the whole board's, shared with its other MIG slices.",
      "",
    ]);
  });
});
