/** Emissions arithmetic. Pure. */

/**
 * World average grid carbon intensity, lifecycle basis, Ember 2024 (gCO2e/kWh).
 * Used when the user gives neither `carbon-intensity` nor a location.
 */
export const WORLD_AVERAGE_INTENSITY = {
  gramsPerKwh: 472.94,
  source: "Ember 2024 world average (lifecycle, CC BY 4.0)",
  year: 2024,
} as const;

/** Where the carbon intensity used in a report came from. */
export interface CarbonIntensity {
  /** Grid carbon intensity in gCO2e per kWh. */
  gramsPerKwh: number;
  /** Human-readable origin of the figure (user input, dataset, service). */
  source: string;
}

/**
 * Emissions in kg CO2e: energyKwh x pue x gramsPerKwh / 1000.
 * Returns `null` when the energy is unknown, never a made-up zero.
 */
export function emissionsKg(energyKwh: number | null, pue: number, intensityGPerKwh: number): number | null {
  if (energyKwh === null) return null;
  return (energyKwh * pue * intensityGPerKwh) / 1000;
}
