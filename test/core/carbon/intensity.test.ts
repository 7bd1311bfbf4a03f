import { describe, expect, it } from "vitest";
import { WORLD_AVERAGE_INTENSITY, emissionsKg } from "../../../src/core/carbon/intensity.js";
import { formatDuration, formatEnergy, formatMass, kwhFromPower } from "../../../src/core/units.js";

describe("energy and emissions arithmetic", () => {
  it("200 W for 24 h at 0.5 kg/kWh (500 g/kWh) is 4.8 kWh and 2.4 kg", () => {
    const energyKwh = kwhFromPower(200, 24 * 3600);
    expect(energyKwh).toBeCloseTo(4.8, 12);
    expect(emissionsKg(energyKwh, 1.0, 500)).toBeCloseTo(2.4, 12);
  });

  it("250 W for an hour at 400 g/kWh is 0.25 kWh and 100 g; PUE scales it", () => {
    expect(kwhFromPower(250, 3600)).toBe(0.25);
    expect(emissionsKg(0.25, 1.0, 400)).toBeCloseTo(0.1, 12);
    expect(emissionsKg(0.25, 1.5, 400)).toBeCloseTo(0.15, 12);
  });

  it("unknown energy gives unknown emissions, never zero", () => {
    expect(emissionsKg(null, 1.2, 400)).toBeNull();
  });

  it("defaults to the Ember 2024 world average", () => {
    expect(WORLD_AVERAGE_INTENSITY.gramsPerKwh).toBe(472.94);
  });

  it("uses readable units for short and long jobs", () => {
    expect(formatEnergy(0.0123)).toBe("12.3 Wh");
    expect(formatEnergy(4.8)).toBe("4.80 kWh");
    expect(formatEnergy(1234)).toBe("1.23 MWh");
    expect(formatEnergy(null)).toBe("n/a");
    expect(formatMass(0.0024)).toBe("2.40 g");
    expect(formatMass(2.4)).toBe("2.40 kg");
    expect(formatDuration(4.25)).toBe("4.3s");
    expect(formatDuration(3723)).toBe("1h 02m 03s");
    expect(formatDuration(90061)).toBe("1d 1h 01m");
  });
});
