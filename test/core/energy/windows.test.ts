import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EnergyIntegrator } from "../../../src/core/integrator.js";
import { stepSpans } from "../../../src/core/energy/steps.js";
import { WindowEnergy } from "../../../src/core/energy/windows.js";

const gpu = { key: "GPU-a", index: "0", uuid: "GPU-a" };

describe("energy over sub-windows", () => {
  it("cuts a trapezoid at a window boundary: 100 W rising to 300 W over 10 s, split at 5 s", () => {
    const w = new WindowEnergy(
      [
        { startMs: 0, endMs: 5000 },
        { startMs: 5000, endMs: 10_000 },
      ],
      { gapMs: 20_000 },
    );
    w.add(0, gpu, 100);
    w.add(10_000, gpu, 300);
    // 100 -> 200 W over 5 s is 750 J; 200 -> 300 W over 5 s is 1250 J; 2000 J in all.
    expect(w.finish(0, 10_000)).toEqual([
      { energyJ: 750, coveredMs: 5000 },
      { energyJ: 1250, coveredMs: 5000 },
    ]);
  });

  it("does not integrate across a gap, and holds the edges like the whole-job integrator", () => {
    const w = new WindowEnergy([{ startMs: 0, endMs: 30_000 }], { gapMs: 3000 });
    for (const [t, p] of [
      [1000, 200],
      [2000, 200],
      [20_000, 100], // 18 s after the last reading: a gap
      [21_000, 100],
    ] as const)
      w.add(t, gpu, p);
    // Lead 0-1 s held at 200 W, 1-2 s at 200 W, gap, 20-21 s at 100 W; the 9 s tail is too long to hold.
    expect(w.finish(0, 30_000)).toEqual([{ energyJ: 200 + 200 + 100, coveredMs: 3000 }]);
  });

  it("windows that tile the measurement add up to the integrator's total (any readings)", () => {
    const reading = fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }));
    fc.assert(
      fc.property(
        fc.array(reading, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 60_000 }), { maxLength: 8 }),
        (readings, cuts) => {
          const ends = [...new Set(cuts)].sort((a, b) => a - b);
          let t = 0;
          const samples = readings.map(([dt, p]) => [(t += dt), p] as const);
          const endMs = t + 1000;
          const bounds = [0, ...ends.filter((c) => c < endMs), endMs];
          const windows = bounds.slice(1).map((end, i) => ({ startMs: bounds[i]!, endMs: end }));
          const integrator = new EnergyIntegrator({ gapMs: 3000 });
          const w = new WindowEnergy(windows, { gapMs: 3000 });
          for (const [time, p] of samples) {
            integrator.add(time, gpu, p);
            w.add(time, gpu, p);
          }
          const total = integrator.finish(0, endMs)[0]?.energyJ ?? 0;
          const parts = w.finish(0, endMs).reduce((sum, r) => sum + r.energyJ, 0);
          expect(parts).toBeCloseTo(total, 6);
        },
      ),
    );
  });
});

describe("the step rule", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 28, 12, 0, s)).toISOString().replace(".000Z", "Z");
  const step = (number: number, name: string, start: number | null, end: number | null) => ({
    name,
    number,
    status: "completed",
    conclusion: "success",
    started_at: start === null ? null : at(start),
    completed_at: end === null ? null : at(end),
  });
  const base = Date.UTC(2026, 10, 28, 12, 0, 0);

  it("orders by number, gives an overlap to the earlier step, runs a running step to the end, skips unstarted ones", () => {
    expect(stepSpans([step(3, "Post", 9, null), step(1, "Build", 0, 5), step(2, "Test", 4, 9), step(4, "Never", null, null)])).toEqual([
      { name: "Build", startEpochMs: base, endEpochMs: base + 5000 },
      { name: "Test", startEpochMs: base + 5000, endEpochMs: base + 9000 },
      { name: "Post", startEpochMs: base + 9000, endEpochMs: null },
    ]);
  });
});
