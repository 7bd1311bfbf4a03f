import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PowerSeriesBuilder } from "../../../src/core/log/power-series.js";

describe("the chart's power series", () => {
  it("is the same whether readings go in by GPU key or through each GPU's slot", () => {
    const reading = fc.record({
      // Steps that land readings on bucket edges, and a few long ones that merge buckets.
      dtMs: fc.oneof(
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom(0, 50, 100, 250, 500, 1000),
        fc.constantFrom(0.5, 60_000, 3_600_000),
      ),
      gpu: fc.nat(3),
      powerW: fc.double({ min: 0, max: 1000, noNaN: true }),
      weight: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 120 })),
    });
    fc.assert(
      fc.property(
        fc.array(reading, { maxLength: 400 }),
        fc.constantFrom(100, 250, 500, 1000),
        fc.integer({ min: -5000, max: 5000 }),
        (readings, widthMs, firstMs) => {
          const byKey = new PowerSeriesBuilder(0, widthMs, 16);
          const bySlot = new PowerSeriesBuilder(0, widthMs, 16);
          const slots = [0, 1, 2, 3].map((g) => bySlot.slot(`GPU-${g}`));
          let t = firstMs;
          for (const { dtMs, gpu, powerW, weight } of readings) {
            t += dtMs;
            byKey.add(t, `GPU-${gpu}`, powerW, weight);
            bySlot.addTo(slots[gpu]!, t, powerW, weight);
          }
          expect(bySlot.build()).toEqual(byKey.build());
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives, after merging buckets, what readings put straight into buckets of the final width give", () => {
    const reading = fc.record({
      dtMs: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(60_000, 600_000)),
      gpu: fc.nat(3),
      powerW: fc.double({ min: 0, max: 1000, noNaN: true }),
      weight: fc.integer({ min: 1, max: 120 }),
    });
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 300 }), fc.constantFrom(100, 500, 1000), (readings, widthMs) => {
        const series = new PowerSeriesBuilder(0, widthMs, 16);
        let t = 0;
        const placed: { t: number; gpu: number; powerW: number; weight: number }[] = [];
        for (const { dtMs, gpu, powerW, weight } of readings) {
          t += dtMs;
          series.add(t, `GPU-${gpu}`, powerW, weight);
          placed.push({ t, gpu, powerW, weight });
        }
        const built = series.build();
        // The same readings in buckets of the width the series ended with, each GPU's mean summed.
        const width = built.bucketSeconds * 1000;
        const sums = new Map<number, Map<number, { sumW: number; count: number }>>();
        for (const { t: at, gpu, powerW, weight } of placed) {
          const index = Math.floor(at / width);
          const bucket = sums.get(index) ?? new Map<number, { sumW: number; count: number }>();
          sums.set(index, bucket);
          const sum = bucket.get(gpu) ?? { sumW: 0, count: 0 };
          bucket.set(gpu, sum);
          sum.sumW += powerW * weight;
          sum.count += weight;
        }
        const expected = [...sums.entries()]
          .sort(([a], [b]) => a - b)
          .map(([index, bucket]) => ({
            tMs: index * width,
            totalW: [...bucket.values()].reduce((total, s) => total + s.sumW / s.count, 0),
          }));
        expect(built.points.map((p) => p.tMs)).toEqual(expected.map((p) => p.tMs));
        built.points.forEach((point, k) => expect(point.totalW).toBeCloseTo(expected[k]!.totalW, 6));
        expect(built.points.length).toBeLessThanOrEqual(16);
      }),
      { numRuns: 300 },
    );
  });
});
