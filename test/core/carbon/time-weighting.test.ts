import { describe, expect, it } from "vitest";
import { energyWeightedIntensity, slicesFromPowerSeries } from "../../../src/core/carbon/time-weighting.js";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1, 10); // 10:00 UTC
const hours = (...gramsPerKwh: number[]) =>
  gramsPerKwh.map((g, i) => ({ startMs: T0 + i * HOUR, endMs: T0 + (i + 1) * HOUR, gramsPerKwh: g }));

describe("energy-weighted grid intensity", () => {
  it("1 kWh at 100 g then 3 kWh at 300 g is (100 + 900) / 4 = 250 g/kWh, not the plain mean 200", () => {
    const slices = [
      { startMs: T0, endMs: T0 + HOUR, energyKwh: 1 },
      { startMs: T0 + HOUR, endMs: T0 + 2 * HOUR, energyKwh: 3 },
    ];
    const result = energyWeightedIntensity(slices, hours(100, 300));
    expect(result?.gramsPerKwh).toBe(250);
    expect(result?.periods.map((p) => p.energyKwh)).toEqual([1, 3]);
    expect(result?.filledFraction).toBe(0);
  });

  it("splits a slice across an hour boundary by time: 2 kWh from 10:30 to 11:30 is 1 kWh in each hour", () => {
    const result = energyWeightedIntensity([{ startMs: T0 + HOUR / 2, endMs: T0 + 1.5 * HOUR, energyKwh: 2 }], hours(100, 300));
    expect(result?.periods.map((p) => p.energyKwh)).toEqual([1, 1]);
    expect(result?.gramsPerKwh).toBe(200);
  });

  it("prices energy after the last published hour at the nearest hour of the same series, and says how much", () => {
    // 1 kWh in the published hour at 100 g, 1 kWh in the next hour, not yet published.
    const slices = [
      { startMs: T0, endMs: T0 + HOUR, energyKwh: 1 },
      { startMs: T0 + HOUR, endMs: T0 + 2 * HOUR, energyKwh: 1 },
    ];
    const result = energyWeightedIntensity(slices, hours(100));
    expect(result?.gramsPerKwh).toBe(100);
    expect(result?.filledFraction).toBe(0.5);
  });

  it("has no answer without periods or without energy", () => {
    expect(energyWeightedIntensity([{ startMs: T0, endMs: T0 + HOUR, energyKwh: 1 }], [])).toBeNull();
    expect(energyWeightedIntensity([], hours(100))).toBeNull();
  });

  it("turns the report's power series into energy slices: 400 W for a 30-minute bucket is 0.2 kWh; the last bucket ends at the window end", () => {
    const series = { bucketSeconds: 1800, points: [[0, 400] as [number, number], [1800, 200] as [number, number]] };
    const slices = slicesFromPowerSeries(T0, T0 + 45 * 60_000, series);
    expect(slices).toEqual([
      { startMs: T0, endMs: T0 + HOUR / 2, energyKwh: 0.2 },
      { startMs: T0 + HOUR / 2, endMs: T0 + 45 * 60_000, energyKwh: 0.05 },
    ]);
  });
});
