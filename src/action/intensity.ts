/** Which grid carbon intensity a report uses. */
import { WORLD_AVERAGE_INTENSITY, type CarbonIntensity } from "../core/carbon.js";
import { INPUT } from "./names.js";
import type { Settings } from "./settings.js";

/** The intensity to use and, when it is the fallback, a notice telling the user how to set it. */
export function resolveIntensity(settings: Settings): { intensity: CarbonIntensity; notice: string | null } {
  if (settings.carbonIntensityGPerKwh !== null) {
    return { intensity: { gramsPerKwh: settings.carbonIntensityGPerKwh, source: `input '${INPUT.carbonIntensity}'` }, notice: null };
  }
  return {
    intensity: { gramsPerKwh: WORLD_AVERAGE_INTENSITY.gramsPerKwh, source: WORLD_AVERAGE_INTENSITY.source },
    notice: `No '${INPUT.carbonIntensity}' given: using the world average of ${WORLD_AVERAGE_INTENSITY.gramsPerKwh} gCO2e/kWh. Set it to your grid's figure for an honest number.`,
  };
}
