import { describe, expect, it } from "vitest";
import fc from "fast-check";
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

describe("energy integration, reading by reading", () => {
  /** The rules of the module's comment, written out plainly, one reading at a time. */
  function byTheRules(steps: ({ t: number; w: number | null } | "interrupt")[], gapMs: number) {
    let energyJ = 0;
    let coveredMs = 0;
    let valid = 0;
    let missing = 0;
    let gaps = 0;
    let longestGapMs = 0;
    let peakW: number | null = null;
    let last: { t: number; w: number } | null = null;
    let interrupted = false;
    for (const step of steps) {
      if (step === "interrupt") {
        if (last) interrupted = true;
        continue;
      }
      const { t, w } = step;
      if (w === null || !Number.isFinite(w) || w < 0) {
        missing += 1;
        continue;
      }
      valid += 1;
      if (peakW === null || w > peakW) peakW = w;
      if (last) {
        const dt = t - last.t;
        if (interrupted && dt > 0) {
          gaps += 1;
          longestGapMs = Math.max(longestGapMs, dt);
        } else if (!interrupted && dt > 0 && dt <= gapMs) {
          energyJ += ((last.w + w) / 2) * (dt / 1000);
          coveredMs += dt;
        } else if (dt > gapMs) {
          gaps += 1;
          longestGapMs = Math.max(longestGapMs, dt);
        }
        interrupted = false;
      }
      last = { t, w };
    }
    return { energyJ, coveredMs, valid, missing, gaps, longestGapMs, peakW };
  }

  it("adds each reading as the rules say, whatever comes: gaps, placeholders, steps back, interruptions", () => {
    const step = fc.oneof(
      { weight: 8, arbitrary: fc.record({ dt: fc.integer({ min: -2000, max: 9000 }), w: fc.double({ min: 0, max: 1000, noNaN: true }) }) },
      { weight: 2, arbitrary: fc.record({ dt: fc.nat(2000), w: fc.constantFrom(null, Number.NaN, -5, Infinity, -0, 0) }) },
      { weight: 1, arbitrary: fc.constant("interrupt" as const) },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (raw) => {
        let t = 1_000;
        const steps = raw.map((s) => (s === "interrupt" ? s : { t: (t += s.dt), w: s.w }));
        const integrator = new EnergyIntegrator({ gapMs: 3000 });
        for (const s of steps)
          if (s === "interrupt") integrator.interrupt();
          else integrator.add(s.t, gpu, s.w);
        // A window from far before to far after: the edges are never held, only the readings count.
        const [result] = integrator.finish(-1e9, 1e9);
        const want = byTheRules(steps, 3000);
        if (!result) {
          expect(want.valid + want.missing).toBe(0);
          return;
        }
        expect(result.validSamples).toBe(want.valid);
        expect(result.missingSamples).toBe(want.missing);
        expect(result.gaps).toBe(want.gaps);
        expect(result.peakW).toBe(want.peakW);
        expect(result.coveredMs).toBe(want.coveredMs);
        if (want.valid > 0) expect(result.energyJ).toBeCloseTo(want.energyJ, 6);
        // The longest gap counts the uncovered edges too, which are longer than any gap here.
        expect(result.longestGapMs).toBeGreaterThanOrEqual(want.longestGapMs);
      }),
      { numRuns: 500 },
    );
  });
});
