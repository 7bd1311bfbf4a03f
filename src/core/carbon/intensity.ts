/** Emissions arithmetic and the description of the grid intensity a report uses. Pure. */

/**
 * World average grid carbon intensity, lifecycle basis, Ember 2024 (gCO2e/kWh).
 * Used when the user gives neither `carbon-intensity` nor a location.
 */
export const WORLD_AVERAGE_INTENSITY = {
  gramsPerKwh: 472.94,
  source: "Ember 2024 world average (lifecycle, CC BY 4.0)",
  year: 2024,
} as const;

/** Credit lines the data's licences ask for, shipped in every report that uses the data. */
export const ATTRIBUTION = {
  ember:
    "Contains data from Ember, Yearly Electricity Data (https://ember-energy.org/data/yearly-electricity-data/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).",
  electricityMapsYearly:
    "Carbon intensity data 2025 (c) Electricity Maps (https://www.electricitymaps.com), made available under the Open Database License (https://opendatacommons.org/licenses/odbl/1-0/).",
  electricityMapsLive: "Live grid data from the Electricity Maps API (https://www.electricitymaps.com).",
  ukCarbonIntensity:
    "Live grid data from the Carbon Intensity API of Great Britain's electricity system operator (https://carbonintensity.org.uk).",
} as const;

/**
 * `lifecycle`: includes upstream emissions (fuel supply, methane, plant construction);
 * `direct`: combustion only. Figures of different bases are never mixed in one report.
 */
export type IntensityBasis = "lifecycle" | "direct";

/** How the figure was chosen, in the resolution order: input > live > table > world average. */
export type IntensityResolution = "input" | "live" | "table" | "world-average";

/** One period of live grid data and the energy the job used in it. */
export interface HourlyIntensity {
  /** Period start and end, ISO 8601 UTC. */
  from: string;
  to: string;
  /** The service's figure for the period, gCO2e/kWh. */
  gramsPerKwh: number;
  /** GPU energy (before PUE) used in the period, kWh. */
  energyKwh: number;
}

/** Where the carbon intensity used in a report came from. */
export interface CarbonIntensity {
  /** Grid carbon intensity in gCO2e per kWh (energy-weighted over the job for live data). */
  gramsPerKwh: number;
  /** Origin of the figure in words: the input, the dataset and its year, or the live service. */
  source: string;
  /** Which rule chose it: `input`, `live`, `table` or `world-average`. */
  resolvedBy: IntensityResolution;
  /** Data year of a table figure, the year of live data; `null` for a figure the user gave. */
  year: number | null;
  /** Emission-factor basis; `null` when unknown (a figure the user gave). */
  basis: IntensityBasis | null;
  /** The `location` input, normalised (`US-CA`, `aws:us-east-1`); `null` when none was given. */
  location: string | null;
  /** The table key or live zone that answered (`US-VA` for `aws:us-east-1`); `null` when none. */
  zone: string | null;
  /** The credit line the data's licence asks for; `null` for a figure the user gave. */
  attribution: string | null;
  /** Live data: each period and the energy used in it; `null` otherwise. */
  hourly: HourlyIntensity[] | null;
}

/** A figure the user gave (input `carbon-intensity`, `--carbon-intensity`): basis and year unknown. */
export function givenIntensity(gramsPerKwh: number, source: string, location: string | null = null): CarbonIntensity {
  return { gramsPerKwh, source, resolvedBy: "input", year: null, basis: null, location, zone: null, attribution: null, hourly: null };
}

/**
 * Emissions in kg CO2e: energyKwh x pue x gramsPerKwh / 1000.
 * Returns `null` when the energy is unknown, never a made-up zero.
 */
export function emissionsKg(energyKwh: number | null, pue: number, intensityGPerKwh: number): number | null {
  if (energyKwh === null) return null;
  return (energyKwh * pue * intensityGPerKwh) / 1000;
}
