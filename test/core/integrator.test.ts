import { describe, expect, it } from "vitest";
import { EnergyIntegrator } from "../../src/core/integrator.js";

const gpu = { key: "GPU-a", index: "0", uuid: "GPU-a" };

function integrate(samples: [number, number | null][], window: [number, number], gapMs = 3000) {
  const integrator = new EnergyIntegrator({ gapMs });
  for (const [t, w] of samples) integrator.add(t, gpu, w);
  const [result] = integrator.finish(...window);
  return result!;
}

describe("energy integration", () => {
  it("250 W sampled every second for an hour is 0.25 kWh (900 kJ)", () => {
    const samples: [number, number][] = [];
    for (let t = 0; t <= 3_600_000; t += 1000) samples.push([t, 250]);
    const r = integrate(samples, [0, 3_600_000]);
    expect(r.energyJ).toBe(900_000);
    expect(r.coverage).toBe(1);
    expect(r.averageW).toBe(250);
  });

  it("uses the trapezoid rule between readings", () => {
    // 100 W rising to 300 W over 10 s: 2000 J, not 1000 J or 3000 J.
    const r = integrate(
      [
        [0, 100],
        [10_000, 300],
      ],
      [0, 10_000],
      20_000,
    );
    expect(r.energyJ).toBe(2000);
    expect(r.peakW).toBe(300);
  });

  it("counts [N/A] readings as missing, not as 0 W, and bridges them inside the gap limit", () => {
    const r = integrate(
      [
        [0, 200],
        [1000, null],
        [2000, 200],
      ],
      [0, 2000],
    );
    expect(r.energyJ).toBe(400);
    expect(r.missingSamples).toBe(1);
    expect(r.validSamples).toBe(2);
  });

  it("does not bridge a gap longer than the limit; coverage shows the hole", () => {
    const r = integrate(
      [
        [0, 100],
        [1000, 100],
        [11_000, 100],
        [12_000, 100],
      ],
      [0, 12_000],
    );
    expect(r.energyJ).toBe(200);
    expect(r.gaps).toBe(1);
    expect(r.coverage).toBeCloseTo(2 / 12, 10);
    expect(r.longestGapMs).toBe(10_000);
  });

  it("holds the nearest reading over short window edges and leaves long ones uncovered", () => {
    const short = integrate(
      [
        [500, 100],
        [1500, 100],
      ],
      [0, 2000],
    );
    expect(short.energyJ).toBe(200);
    expect(short.coverage).toBe(1);
    const long = integrate(
      [
        [5000, 100],
        [6000, 100],
      ],
      [0, 6000],
    );
    expect(long.energyJ).toBe(100);
    expect(long.coverage).toBeCloseTo(1 / 6, 10);
  });

  it("reports unknown energy when no reading was valid", () => {
    const r = integrate(
      [
        [0, null],
        [1000, null],
      ],
      [0, 1000],
    );
    expect(r.energyJ).toBeNull();
    expect(r.averageW).toBeNull();
    expect(r.coverage).toBe(0);
  });
});
