/**
 * Which grid carbon intensity a report uses, in this order: the `carbon-intensity` input > live
 * grid data (in post, see live-intensity.ts) > the yearly table for `location` > the world average.
 */
import { ATTRIBUTION, WORLD_AVERAGE_INTENSITY, givenIntensity, type CarbonIntensity } from "../core/carbon/intensity.js";
import type { GridLocation } from "../core/carbon/locations.js";
import { INPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";

/** The table figure for a location, described for the report. */
export function tableIntensity(location: GridLocation): CarbonIntensity {
  const ember = location.dataset === "ember";
  const where = location.key === location.location ? location.description : `${location.description}, figure of ${location.key}`;
  const grid = location.regionalGrid;
  // A national average for a region inside one provincial grid can be far off (Canada 185, Québec 41): say so.
  const hint = grid
    ? `; the region's own grid ${grid.zone} (${grid.name}) averaged ${grid.gramsPerKwh} g/kWh in ${grid.year} (Electricity Maps): set '${INPUT.location}' to ${grid.zone} to use it`
    : "";
  return {
    gramsPerKwh: location.gramsPerKwh,
    source: `${ember ? "Ember" : "Electricity Maps"} ${location.year} yearly average for ${where} (lifecycle, ${ember ? "CC BY 4.0" : "ODbL"})${hint}`,
    resolvedBy: "table",
    year: location.year,
    basis: "lifecycle",
    location: location.location,
    zone: location.key,
    attribution: ember ? ATTRIBUTION.ember : ATTRIBUTION.electricityMapsYearly,
    hourly: null,
  };
}

/** The intensity to use before any live data, and, when it is the fallback, a notice telling the user how to set it. */
export function resolveIntensity(settings: Settings): { intensity: CarbonIntensity; notice: string | null } {
  if (settings.carbonIntensityGPerKwh !== null) {
    return {
      intensity: givenIntensity(settings.carbonIntensityGPerKwh, `input '${INPUT.carbonIntensity}'`, settings.location?.location ?? null),
      notice: null,
    };
  }
  if (settings.location) return { intensity: tableIntensity(settings.location), notice: null };
  return {
    intensity: {
      gramsPerKwh: WORLD_AVERAGE_INTENSITY.gramsPerKwh,
      source: WORLD_AVERAGE_INTENSITY.source,
      resolvedBy: "world-average",
      year: WORLD_AVERAGE_INTENSITY.year,
      basis: "lifecycle",
      location: null,
      zone: "WLD",
      attribution: ATTRIBUTION.ember,
      hourly: null,
    },
    notice: `No '${INPUT.location}' or '${INPUT.carbonIntensity}' given: using the world average of ${WORLD_AVERAGE_INTENSITY.gramsPerKwh} gCO2e/kWh. Set '${INPUT.location}' (a country such as DE, a zone such as US-CA, a cloud region such as aws:us-east-1) or '${INPUT.carbonIntensity}' for an honest number.`,
  };
}
