import { describe, expect, it } from "vitest";
import { givenIntensity } from "../../../src/core/carbon/intensity.js";
import { compareEnergy, counterDeltas, trimToWindow, type CounterSnapshot } from "../../../src/core/energy/counter.js";
import { applyEnergyCounter } from "../../../src/core/report/energy-source.js";
import { renderSummary } from "../../../src/core/render/summary.js";
import { renderText } from "../../../src/core/render/text.js";
import { buildReport } from "../../../src/core/report/report.js";
import { formatHeader, formatRow, formatStart, formatStop } from "../../../src/core/log/format.js";
import { SampleLogReader } from "../../../src/core/log/reader.js";

const START = 1_800_000_000_000;
const A = "GPU-aaaaaaaa-1111-2222-3333-444444444444";
const B = "GPU-bbbbbbbb-1111-2222-3333-444444444444";

/** One minute of a sampler log: GPU 0 (A) at 250 W, GPU 1 (B) at 100 W, a reading every second. */
function sampledReport() {
  const reader = new SampleLogReader();
  reader.push(formatStart(START, 1000));
  reader.push(formatHeader(0, "index, uuid, power.draw [W]"));
  for (let t = 0; t <= 60_000; t += 1000) {
    reader.push(formatRow(t, `0, ${A}, 250.00`));
    reader.push(formatRow(t, `1, ${B}, 100.00`));
  }
  reader.push(formatStop(60_000, "signal"));
  return buildReport(reader.finish(), { pue: 1.5, carbonIntensity: givenIntensity(400, "test") });
}

/** A snapshot read at `epochMs`; `null` energy means the read failed with `Not Supported`. */
function snap(epochMs: number, values: Record<string, number | null>): CounterSnapshot {
  return {
    ok: true,
    gpus: Object.entries(values).map(([uuid, energyMj]) => ({
      uuid,
      energyMj,
      readEpochMs: epochMs,
      error: energyMj === null ? "Not Supported (NVML error 3)" : null,
    })),
  };
}

describe("energy counter arithmetic", () => {
  it("differences millijoule counters per uuid into joules", () => {
    const deltas = counterDeltas(snap(START, { [A]: 5_000_000, [B]: 1_000 }), snap(START + 60_000, { [A]: 20_000_000, [B]: 6_001_000 }));
    expect(deltas.get(A)).toEqual({ uuid: A, energyJ: 15_000, startEpochMs: START, endEpochMs: START + 60_000, reason: null });
    expect(deltas.get(B)?.energyJ).toBe(6_000);
  });

  it("treats a counter that went backwards (driver reload) as unusable, and a still one as 0 J", () => {
    const deltas = counterDeltas(snap(START, { [A]: 9_000_000, [B]: 42 }), snap(START + 1000, { [A]: 3_000, [B]: 42 }));
    expect(deltas.get(A)?.energyJ).toBeNull();
    expect(deltas.get(A)?.reason).toBe("the counter went backwards: the driver was reloaded during the job");
    expect(deltas.get(B)?.energyJ).toBe(0);
  });

  it("names a failed read and a GPU missing at the end", () => {
    const deltas = counterDeltas(snap(START, { [A]: null, [B]: 1 }), snap(START + 1000, { [A]: 5 }));
    expect(deltas.get(A)?.reason).toBe("the driver did not give its counter at the start (Not Supported (NVML error 3))");
    expect(deltas.get(B)?.reason).toBe("the GPU was missing from the counter read at the end");
  });

  it("tolerates 5 % plus the unshared window edges at peak power", () => {
    const same = { startEpochMs: START, endEpochMs: START + 60_000 };
    // 15,000 J by the counter: 5 % is 750 J; two 100 ms counter steps at 250 W add 50 J.
    expect(compareEnergy(15_000, { energyJ: 15_790, peakW: 250 }, same, same)).toEqual({
      disagreementFraction: 790 / 15_000,
      toleranceJ: 800,
      disagrees: false,
      plausible: true,
    });
    expect(compareEnergy(15_000, { energyJ: 15_810, peakW: 250 }, same, same).disagrees).toBe(true);
    // The counter read 1 s before the sampler started: 250 J more allowance.
    const early = { startEpochMs: START - 1000, endEpochMs: START + 60_000 };
    expect(compareEnergy(15_000, { energyJ: 14_000, peakW: 250 }, early, same)).toMatchObject({ toleranceJ: 1050, disagrees: false });
  });
});

describe("trimming the counter to the sampler's window", () => {
  const sampled = { startEpochMs: START, endEpochMs: START + 60_000 };

  it("takes out the time the hooks read outside the window, at the edge readings", () => {
    // Read 0.5 s before the start and 0.5 s after the stop: 15,250 J at 250 W, of which 2 x 125 J outside.
    expect(trimToWindow(15_250, { startEpochMs: START - 500, endEpochMs: START + 60_500 }, sampled, { startW: 250, endW: 250 })).toBe(
      15_000,
    );
    // Idle edges (60 W) against a busy middle: only 2 x 30 J come out.
    expect(trimToWindow(15_060, { startEpochMs: START - 500, endEpochMs: START + 60_500 }, sampled, { startW: 60, endW: 60 })).toBe(15_000);
  });

  it("adds the time when a read fell inside the window, and never goes below 0 J", () => {
    expect(trimToWindow(14_950, { startEpochMs: START + 200, endEpochMs: START + 60_000 }, sampled, { startW: 250, endW: 250 })).toBe(
      15_000,
    );
    expect(trimToWindow(10, { startEpochMs: START - 1000, endEpochMs: START + 60_000 }, sampled, { startW: 250, endW: 0 })).toBe(0);
  });

  it("reports the counter over the sampled window when the edges are known", () => {
    const early = snap(START - 500, { [A]: 0, [B]: 0 });
    const late = snap(START + 60_500, { [A]: 15_250_000, [B]: 6_100_000 });
    const edges = new Map([
      [A, { startW: 250, endW: 250 }],
      [B, { startW: 100, endW: 100 }],
    ]);
    const report = applyEnergyCounter(sampledReport(), early, late, edges);
    expect(report.gpus.map((g) => g.counterEnergyKwh! * 3_600_000)).toEqual([15_000, 6_000].map((j) => expect.closeTo(j, 3)));
    expect(report.energyKwh).toBeCloseTo(21_000 / 3_600_000, 8);
    expect(report.energyDisagreementFraction).toBe(0);
    expect(report.method.energyCounter.windowSeconds).toBe(61);
  });
});

describe("choosing the report's energy figure", () => {
  it("uses the counter when every GPU has one and keeps both figures side by side", () => {
    const sampled = sampledReport();
    expect(sampled.energySource).toBe("sampled");
    expect(sampled.energyKwh).toBeCloseTo(21_000 / 3_600_000, 8);
    // The counter says 15,300 J and 6,000 J: 2 % above sampling on GPU 0, equal on GPU 1.
    const report = applyEnergyCounter(sampled, snap(START, { [A]: 0, [B]: 0 }), snap(START + 60_000, { [A]: 15_300_000, [B]: 6_000_000 }));
    expect(report.energySource).toBe("counter");
    expect(report.energyKwh).toBeCloseTo(21_300 / 3_600_000, 9);
    expect(report.counterEnergyKwh).toBe(report.energyKwh);
    expect(report.sampledEnergyKwh).toBeCloseTo(21_000 / 3_600_000, 8);
    expect(report.energyDisagreementFraction).toBeCloseTo(-300 / 21_300, 4);
    expect(report.facilityEnergyKwh).toBeCloseTo((21_300 * 1.5) / 3_600_000, 9);
    // 21,300 J = 5.9167 Wh; x 1.5 x 400 g/kWh = 3.55 g.
    expect(report.emissionsKg).toBeCloseTo(0.00355, 6);
    expect(report.gpus.map((g) => [g.energyKwh, g.counterEnergyKwh, g.energyDisagreementFraction])).toEqual([
      [0.00425, 0.00425, -0.0196],
      [0.00166666666667, 0.00166666666667, 0],
    ]);
    expect(report.method.energyCounter).toEqual({ status: "used", reason: null, toleranceFraction: 0.05, windowSeconds: 60 });
    expect(report.warnings).toEqual([]);
  });

  it("says that sampling gaps do not touch the counter's totals", () => {
    // A log with readings only in the first half minute: coverage about 50 %.
    const reader = new SampleLogReader();
    reader.push(formatStart(START, 1000));
    reader.push(formatHeader(0, "index, uuid, power.draw [W]"));
    for (let t = 0; t <= 30_000; t += 1000) reader.push(formatRow(t, `0, ${A}, 250.00`));
    reader.push(formatStop(60_000, "signal"));
    const sampled = buildReport(reader.finish(), { pue: 1, carbonIntensity: givenIntensity(400, "test") });
    expect(sampled.status).toBe("partial");
    const report = applyEnergyCounter(sampled, snap(START, { [A]: 0 }), snap(START + 60_000, { [A]: 15_000_000 }));
    expect(report.energySource).toBe("counter");
    expect(report.energyKwh).toBeCloseTo(15_000 / 3_600_000, 10);
    expect(report.warnings[report.warnings.length - 1]).toBe(
      "the totals come from the driver's energy counter, which has no gaps: the sampling gaps affect only the sampled figure, averages and the chart",
    );
  });

  it("warns when the two disagree by more than the sensor's accuracy", () => {
    // 16,500 J by the counter against 15,000 J sampled: 10 % apart, believable.
    const report = applyEnergyCounter(
      sampledReport(),
      snap(START, { [A]: 0, [B]: 0 }),
      snap(START + 60_000, { [A]: 16_500_000, [B]: 6_000_000 }),
    );
    expect(report.energySource).toBe("counter");
    expect(report.warnings).toEqual([
      "sampled power and the driver's energy counter disagree by more than the sensor's +/-5 % accuracy and the window edges explain: GPU 0 sampled 4.1667 Wh vs counter 4.5833 Wh (-9.1 %)",
    ]);
  });

  it("does not trust a counter twice what sampling shows, and stays with sampling, saying why", () => {
    const report = applyEnergyCounter(
      sampledReport(),
      snap(START, { [A]: 0, [B]: 0 }),
      snap(START + 60_000, { [A]: 30_000_000, [B]: 6_000_000 }),
    );
    expect(report.energySource).toBe("sampled");
    expect(report.energyKwh).toBeCloseTo(21_000 / 3_600_000, 8);
    expect(report.method.energyCounter.reason).toBe(
      "not every GPU has a usable energy counter (GPU 0: its counter gives 8.3333 Wh where sampling gives 4.1667 Wh, more than the sensor and the window edges explain)",
    );
  });

  it("does not trust a counter that never moved while every sample shows power", () => {
    // Both GPUs drew 250 W and 100 W for a minute; their counters stayed where they were.
    const report = applyEnergyCounter(
      sampledReport(),
      snap(START, { [A]: 7_000, [B]: 9_000 }),
      snap(START + 60_000, { [A]: 7_000, [B]: 9_000 }),
    );
    expect(report.energySource).toBe("sampled");
    expect(report.energyKwh).toBeCloseTo(21_000 / 3_600_000, 8);
    expect(report.method.energyCounter.status).toBe("unavailable");
    expect(report.method.energyCounter.reason).toContain("GPU 0: its counter gives 0 Wh where sampling gives 4.1667 Wh");
  });

  it("sees a counter reset mid-job in the reads taken while it ran, even when the end is above the start", () => {
    // Start 100 J; reloaded after 20 s (back to 0); 804 J at the end. Only the ends: 704 J, wrong.
    const trails = new Map([[A, { uuid: A, firstMj: 5_100_000, lastMj: 700_000, backwards: true }]]);
    const report = applyEnergyCounter(
      sampledReport(),
      snap(START, { [A]: 100_000, [B]: 0 }),
      snap(START + 60_000, { [A]: 804_000, [B]: 6_000_000 }),
      new Map(),
      trails,
    );
    expect(report.energySource).toBe("sampled");
    expect(report.method.energyCounter.reason).toContain("GPU 0: the counter went backwards: the driver was reloaded during the job");
  });

  it("stays with sampling when one GPU's counter is not supported, comparing the others", () => {
    const report = applyEnergyCounter(
      sampledReport(),
      snap(START, { [A]: 0, [B]: null }),
      snap(START + 60_000, { [A]: 15_000_000, [B]: null }),
    );
    expect(report.energySource).toBe("sampled");
    expect(report.energyKwh).toBeCloseTo(21_000 / 3_600_000, 8);
    expect(report.counterEnergyKwh).toBeNull();
    expect(report.gpus[0]?.counterEnergyKwh).toBeCloseTo(15_000 / 3_600_000, 9);
    expect(report.gpus[1]?.counterEnergyKwh).toBeNull();
    expect(report.method.energyCounter).toEqual({
      status: "compared",
      reason:
        "not every GPU has a usable energy counter (GPU 1: the driver did not give its counter at the start (Not Supported (NVML error 3)))",
      toleranceFraction: 0.05,
      windowSeconds: 60,
    });
  });

  it("stays with sampling, saying why, when the counter could not be read at all", () => {
    const report = applyEnergyCounter(
      sampledReport(),
      { ok: false, reason: "NVML could not start: Driver Not Loaded (NVML error 9)" },
      null,
    );
    expect(report.energySource).toBe("sampled");
    expect(report.method.energyCounter.reason).toBe("NVML could not start: Driver Not Loaded (NVML error 9)");
    expect(report.gpus.every((g) => g.counterEnergyKwh === null)).toBe(true);
    expect(applyEnergyCounter(sampledReport(), snap(START, { [A]: 0, [B]: 0 }), null).method.energyCounter.reason).toBe(
      "the counter was not read at the end of the job",
    );
  });
});

describe("the energy source in the job summary and the terminal", () => {
  it("says the totals use the counter, with the sampled figure beside it, per GPU too", () => {
    const report = applyEnergyCounter(
      sampledReport(),
      snap(START, { [A]: 0, [B]: 0 }),
      snap(START + 60_000, { [A]: 15_300_000, [B]: 6_000_000 }),
    );
    const summary = renderSummary(report);
    expect(summary).toContain(
      [
        "| Carbon intensity | 400 gCO2e/kWh (given) |",
        "",
        "Totals use the driver's energy counter (NVML), which every measured GPU has: it counts all the energy drawn, where sampling sees moments. Sampled nvidia-smi power gave 5.83 Wh (-1.4% against the counter).",
        "",
        "### Per GPU",
        "",
        "| GPU | Name | Energy | Counter | Sampled vs counter | Average | Peak | Samples | Coverage |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        "| 0 | unknown | 4.25 Wh (3.7-5.0) | 4.25 Wh | -2.0% | 250 W | 250 W | 61 | 100.0% |",
        "| 1 | unknown | 1.67 Wh (1.3-2.2) | 1.67 Wh | +0.0% | 100 W | 100 W | 61 | 100.0% |",
        "",
      ].join("\n"),
    );
    expect(renderText(report)).toContain("  source      driver energy counter (NVML); sampled 5.83 Wh, -1.4% against it\n");
  });

  it("says why the totals stay sampled", () => {
    const report = applyEnergyCounter(
      sampledReport(),
      { ok: false, reason: "NVML could not start: Driver Not Loaded (NVML error 9)" },
      null,
    );
    const summary = renderSummary(report);
    expect(summary).toContain(
      [
        "| Carbon intensity | 400 gCO2e/kWh (given) |",
        "",
        "Totals use sampled nvidia-smi power: NVML could not start: Driver Not Loaded \\(NVML error 9\\).",
        "",
      ].join("\n"),
    );
    expect(summary).toContain("| GPU | Name | Energy | Average | Peak | Samples | Coverage |");
    expect(renderText(report)).toContain(
      "  source      sampled nvidia-smi power (NVML could not start: Driver Not Loaded (NVML error 9))\n",
    );
  });
});
