/** The report as plain text for a terminal. Pure. */
import type { Report } from "../report/report.js";
import { averagePowerW } from "./summary.js";
import { sparkline } from "./chart.js";
import { gpuLabel } from "../gpu.js";
import { dcgmSourceLines } from "../prometheus/describe.js";
import {
  formatDuration,
  formatEnergy,
  formatEnergyRange,
  formatMass,
  formatMassRange,
  formatNumber,
  formatPercent,
  formatPower,
  signedPercent,
} from "../units.js";

/** Which figure the totals use, in a few words. */
function energySource(report: Report): string {
  const dcgm = dcgmSourceLines(report);
  if (dcgm.length > 0) return dcgm.join("\n              ");
  if (report.energySource === "counter") {
    const by = report.energyDisagreementFraction;
    const against = by === null ? "" : `, ${signedPercent(by)} against it`;
    return `driver energy counter (NVML); sampled ${formatEnergy(report.sampledEnergyKwh)}${against}`;
  }
  const why = report.method.energyCounter.reason;
  return `sampled nvidia-smi power${why ? ` (${why})` : ""}`;
}

/** The report as plain text for a terminal. */
export function renderText(report: Report): string {
  const lines = [
    `gpu-carbon: ${report.status}`,
    `  energy      ${formatEnergyRange(report.energyKwh, report.energyKwhRange)} (GPU boards), ${formatEnergy(report.facilityEnergyKwh)} with PUE ${formatNumber(report.pue)}`,
    `  emissions   ${formatMassRange(report.emissionsKg, report.emissionsKgRange)} CO2e at ${formatNumber(report.carbonIntensity.gramsPerKwh)} g/kWh (${report.carbonIntensity.source})`,
    ...(report.embodied
      ? [
          `  embodied    ${formatMass(report.embodied.kg)} CO2e of GPU manufacturing over ${report.embodied.lifetimeYears} years (not in emissions)`,
        ]
      : []),
    `  duration    ${formatDuration(report.durationSeconds)}, average ${formatPower(averagePowerW(report))}, coverage ${formatPercent(report.coverage)}`,
  ];
  if (report.energyKwh !== null) lines.push(`  source      ${energySource(report)}`);
  for (const gpu of report.gpus) {
    const id = `${gpu.host ? `${gpu.host} ` : ""}${gpuLabel(gpu)}`;
    lines.push(
      `  ${id.padEnd(6)} ${formatEnergyRange(gpu.energyKwh, gpu.energyKwhRange).padStart(18)}  avg ${formatPower(gpu.averageWatts)}, peak ${formatPower(gpu.peakWatts)}, ${gpu.samples} samples${gpu.name ? `, ${gpu.name}` : ""}`,
    );
  }
  const watts = report.powerSeries.points.map(([, w]) => w);
  if (watts.length > 1) lines.push(`  power       ${sparkline(watts, 50)}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return lines.join("\n") + "\n";
}
