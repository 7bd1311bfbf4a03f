/**
 * The report as github-action-benchmark's `customSmallerIsBetter` input: a JSON array of
 * `{name, unit, value, extra?}`, one entry per series to chart. Pure.
 */
import type { Report } from "../report/report.js";
import { averagePowerW } from "./summary.js";
import { formatNumber, formatPercent } from "../units.js";

/** One benchmark result in github-action-benchmark's custom format. */
export interface BenchmarkEntry {
  /** Series name; stable across runs so the tool can chart and compare it. */
  name: string;
  /** Unit shown on the chart axis. */
  unit: string;
  /** The figure; smaller is better for all of ours. */
  value: number;
  /** Free text shown in the chart's tooltip. */
  extra?: string;
}

/**
 * Entries for a report: GPU energy (kWh), emissions (kg CO2e) and average power (W).
 * `label` (e.g. a job or matrix name) prefixes every name so several jobs can share one data
 * file. Returns `[]` when the energy is unknown: a missing run must not chart as 0.
 */
export function benchmarkEntries(report: Report, label = ""): BenchmarkEntry[] {
  if (report.energyKwh === null || report.emissionsKg === null) return [];
  const prefix = label ? `${label}: ` : "";
  const gpus = report.gpus.length;
  const extra = [
    `status ${report.status}, coverage ${formatPercent(report.coverage)}`,
    `${gpus} GPU${gpus === 1 ? "" : "s"} over ${formatNumber(report.durationSeconds)} s`,
    `PUE ${formatNumber(report.pue)}, ${formatNumber(report.carbonIntensity.gramsPerKwh)} gCO2e/kWh (${report.carbonIntensity.source})`,
  ].join("\n");
  const entries: BenchmarkEntry[] = [
    { name: `${prefix}GPU energy`, unit: "kWh", value: report.energyKwh, extra },
    { name: `${prefix}CO2e`, unit: "kg", value: report.emissionsKg, extra },
  ];
  const powerW = averagePowerW(report);
  if (powerW !== null) entries.push({ name: `${prefix}Average GPU power`, unit: "W", value: Math.round(powerW * 100) / 100, extra });
  return entries;
}

/** The JSON file github-action-benchmark reads with `tool: customSmallerIsBetter`. */
export function renderBenchmarkJson(report: Report, label = ""): string {
  return JSON.stringify(benchmarkEntries(report, label), null, 2) + "\n";
}
