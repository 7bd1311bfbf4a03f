import { describe, expect, it } from "vitest";
import { hourBoundary, timeChunks } from "../../../src/core/carbon/hours.js";
import { parseElectricityMaps, parseUkCarbonIntensity } from "../../../src/core/carbon/live-grid.js";

const HOUR = 3_600_000;

describe("live grid answers", () => {
  it("reads Electricity Maps hours, skipping hours without a figure", () => {
    const parsed = parseElectricityMaps({
      zone: "DE",
      data: [
        { datetime: "2026-03-01T10:00:00.000Z", carbonIntensity: 302, emissionFactorType: "lifecycle" },
        { datetime: "2026-03-01T11:00:00.000Z", carbonIntensity: null, emissionFactorType: "lifecycle" },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      basis: "lifecycle",
      periods: [{ startMs: Date.UTC(2026, 2, 1, 10), endMs: Date.UTC(2026, 2, 1, 11), gramsPerKwh: 302 }],
    });
    expect(parseElectricityMaps({ error: "zone not found" })).toEqual({
      ok: false,
      reason: "the answer was not the expected carbon-intensity history",
    });
  });

  it("reads UK half-hours, taking the actual figure over the forecast", () => {
    const parsed = parseUkCarbonIntensity({
      data: [
        { from: "2026-03-01T10:00Z", to: "2026-03-01T10:30Z", intensity: { forecast: 146, actual: 152, index: "low" } },
        { from: "2026-03-01T10:30Z", to: "2026-03-01T11:00Z", intensity: { forecast: 140, actual: null, index: "low" } },
      ],
    });
    expect(parsed.ok && parsed.periods.map((p) => p.gramsPerKwh)).toEqual([152, 140]);
    expect(parsed.ok && parsed.basis).toBe("direct");
  });

  it("splits long windows into ranges a service accepts, and rounds to whole hours", () => {
    expect(timeChunks(0, 25 * HOUR, 10 * HOUR)).toEqual([
      { startMs: 0, endMs: 10 * HOUR },
      { startMs: 10 * HOUR, endMs: 20 * HOUR },
      { startMs: 20 * HOUR, endMs: 25 * HOUR },
    ]);
    expect(hourBoundary(Date.UTC(2026, 2, 1, 10, 42))).toBe(Date.UTC(2026, 2, 1, 10));
    expect(hourBoundary(Date.UTC(2026, 2, 1, 10, 42), true)).toBe(Date.UTC(2026, 2, 1, 11));
    expect(hourBoundary(Date.UTC(2026, 2, 1, 11), true)).toBe(Date.UTC(2026, 2, 1, 11));
  });
});
