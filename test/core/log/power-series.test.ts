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
});
