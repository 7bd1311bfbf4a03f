/** Re-pricing a built report: another grid intensity (live data), embodied carbon. Pure. */
import { emissionsKg, type CarbonIntensity } from "../carbon/intensity.js";
import { amortiseEmbodied } from "../carbon/embodied.js";
import { precise, type Report } from "./report.js";
import { emissionsRange } from "./uncertainty.js";
import { round } from "../units.js";

/** The report with this intensity and the emissions recomputed from it (energy x PUE x intensity). */
export function withIntensity(report: Report, intensity: CarbonIntensity, warnings: string[] = []): Report {
  const emissions = emissionsKg(report.energyKwh, report.pue, intensity.gramsPerKwh);
  const emissionsPrecise = emissions === null ? null : precise(emissions);
  return {
    ...report,
    carbonIntensity: { ...intensity, gramsPerKwh: round(intensity.gramsPerKwh, 4) },
    emissionsKg: emissionsPrecise,
    emissionsKgRange: emissionsRange(report.energyKwhRange, report.energyKwh, emissionsPrecise),
    warnings: [...report.warnings, ...warnings],
  };
}

/**
 * The report with the GPUs' amortised manufacturing footprint in `embodied` (never in
 * `emissionsKg`), and a warning naming each GPU model without a published figure.
 */
export function withEmbodied(report: Report, lifetimeYears: number): Report {
  const embodied = amortiseEmbodied(report.gpus, report.durationSeconds, lifetimeYears);
  const unmatched = [...new Set(embodied.gpus.filter((g) => g.item === null).map((g) => g.name ?? "an unnamed GPU"))];
  const warnings = unmatched.map(
    (name) => `embodied carbon: no published manufacturing figure for ${name} (known: A100, H100); it is left out of the embodied total`,
  );
  return {
    ...report,
    embodied: {
      ...embodied,
      kg: embodied.kg === null ? null : precise(embodied.kg),
      gpuHours: round(embodied.gpuHours, 6),
      gpus: embodied.gpus.map((g) => ({
        ...g,
        gramsPerGpuHour: g.gramsPerGpuHour === null ? null : round(g.gramsPerGpuHour, 6),
        kg: g.kg === null ? null : precise(g.kg),
      })),
    },
    warnings: [...report.warnings, ...warnings],
  };
}
