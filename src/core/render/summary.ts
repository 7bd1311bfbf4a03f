/** The job summary (GitHub-flavoured markdown) for a report. Pure. */
import { downsample, evenlySpaced, mermaidRangeChart, sparkline, timeAxisUnit } from "./chart.js";
import { escapeMarkdown, inlineMarkdown, table } from "./markdown.js";
import { breakdownTotals, countedGpus, phasesSection, stepsSection } from "./breakdown.js";
import type { CarbonIntensity } from "../carbon/intensity.js";
import { dcgmSourceLines, hostsOf, hostsPhrase } from "../prometheus/describe.js";
import type { GpuReport, Report } from "../report/report.js";
import { scaleRange } from "../energy/range.js";
import {
  formatDuration,
  formatEnergy,
  formatEnergyRange,
  formatMass,
  formatMassRange,
  formatNumber,
  formatPercent,
  formatPower,
  JOULES_PER_KWH,
  signedPercent,
} from "../units.js";

/** Points drawn in the Mermaid chart (its axis has a few labels however many), and rows of the table. */
const CHART_POINTS = 61;
const TABLE_ROWS = 12;

/**
 * Average power of all GPUs together, W; `null` when energy is unknown. Sampled energy covers only
 * the time with samples, so the average is each GPU's over its own measured time, summed: a gap
 * does not pull it down. The driver's counter has no gaps: its energy over the window.
 */
export function averagePowerW(report: Report): number | null {
  if (report.energyKwh === null) return null;
  const measured = report.gpus.filter((gpu) => gpu.energyKwh !== null);
  if (report.energySource === "sampled" && measured.length > 0 && measured.every((gpu) => gpu.averageWatts !== null))
    return measured.reduce((sum, gpu) => sum + (gpu.averageWatts ?? 0), 0);
  if (report.durationSeconds <= 0) return null;
  return (report.energyKwh * JOULES_PER_KWH) / report.durationSeconds;
}

function gpuName(gpu: GpuReport): string {
  const id = gpu.index !== null ? String(gpu.index) : (gpu.uuid ?? "?");
  return escapeMarkdown(id);
}

function headline(report: Report): string {
  const gpus = report.gpus.length;
  const on = gpus === 0 ? "no GPU measured" : `${gpus} GPU${gpus === 1 ? "" : "s"}${escapeMarkdown(hostsPhrase(report))}`;
  if (report.energyKwh === null) return `**Energy not measured** · ${formatDuration(report.durationSeconds)} · ${on}`;
  return `**${formatEnergyRange(report.energyKwh, report.energyKwhRange)}** GPU energy · **${formatMassRange(report.emissionsKg, report.emissionsKgRange)} CO2e** · ${formatDuration(report.durationSeconds)} on ${on} · coverage ${formatPercent(report.coverage)}`;
}

function alert(report: Report): string[] {
  if (report.warnings.length === 0) return [];
  const kind = report.status === "measured" ? "NOTE" : "WARNING";
  return [`> [!${kind}]`, ...report.warnings.map((w) => `> - ${inlineMarkdown(w)}`), ""];
}

/** `342 gCO2e/kWh (DE, 2024, lifecycle)`: the figure and what it stands for. */
export function intensityLabel(intensity: CarbonIntensity): string {
  const about =
    intensity.resolvedBy === "input"
      ? ["given"]
      : [
          intensity.location ?? (intensity.resolvedBy === "world-average" ? "world average" : null),
          intensity.resolvedBy === "live" ? "live, energy-weighted" : intensity.year,
          intensity.basis,
        ].filter((part) => part !== null);
  const figure = `${formatNumber(intensity.gramsPerKwh)} gCO2e/kWh`;
  return about.length > 0 ? `${figure} (${escapeMarkdown(about.join(", "))})` : figure;
}

function facilityLabel(report: Report): string {
  const preset = report.pueSource.preset ? `, ${escapeMarkdown(report.pueSource.preset)}` : "";
  return `Facility energy (x PUE ${formatNumber(report.pue)}${preset})`;
}

function embodiedRow(report: Report): string[][] {
  if (!report.embodied) return [];
  const value = report.embodied.kg === null ? "n/a (no figure for this GPU model)" : `${formatMass(report.embodied.kg)} CO2e`;
  return [["Embodied, GPU manufacturing (not in emissions)", value]];
}

function totals(report: Report): string {
  const rows: string[][] = [
    ["GPU energy (IT)", formatEnergyRange(report.energyKwh, report.energyKwhRange)],
    [
      facilityLabel(report),
      formatEnergyRange(report.facilityEnergyKwh, report.energyKwhRange && scaleRange(report.energyKwhRange, report.pue)),
    ],
    ["Emissions", `${formatMassRange(report.emissionsKg, report.emissionsKgRange)} CO2e`],
    ...embodiedRow(report),
    ["Duration", formatDuration(report.durationSeconds)],
    ["Average power", formatPower(averagePowerW(report))],
    ["Coverage", formatPercent(report.coverage)],
    ["Carbon intensity", intensityLabel(report.carbonIntensity)],
    ...breakdownTotals(report),
  ];
  return table(["Measure", "Value"], rows, ["l", "r"]);
}

/** Which figure the totals use, and why, in one sentence; empty when energy is unknown. */
export function energySourceLine(report: Report): string[] {
  if (report.energyKwh === null) return [];
  const dcgm = dcgmSourceLines(report);
  if (dcgm.length > 0) return [escapeMarkdown(dcgm.join(" ")), ""];
  if (report.energySource === "counter") {
    return [
      `Totals use the driver's energy counter (NVML), which every measured GPU has: it counts all the energy drawn, where sampling sees moments. Sampled nvidia-smi power gave ${formatEnergy(report.sampledEnergyKwh)} (${signedPercent(report.energyDisagreementFraction)} against the counter).`,
      "",
    ];
  }
  const why = report.method.energyCounter.reason;
  return [`Totals use sampled nvidia-smi power${why ? `: ${inlineMarkdown(why)}` : ""}.`, ""];
}

function perGpu(report: Report): string[] {
  if (report.gpus.length === 0) return [];
  const counter = report.gpus.some((gpu) => gpu.counterEnergyKwh !== null) && !report.method.prometheus;
  const hosts = hostsOf(report).length > 1;
  const rows = report.gpus.map((gpu) => [
    ...(hosts ? [escapeMarkdown(gpu.host ?? "")] : []),
    gpuName(gpu),
    escapeMarkdown(gpu.name ?? "unknown"),
    formatEnergyRange(gpu.energyKwh, gpu.energyKwhRange),
    ...(counter ? [formatEnergy(gpu.counterEnergyKwh), signedPercent(gpu.energyDisagreementFraction)] : []),
    formatPower(gpu.averageWatts),
    formatPower(gpu.peakWatts),
    String(gpu.samples),
    formatPercent(gpu.coverage),
  ]);
  const headers = [
    ...(hosts ? ["Host"] : []),
    "GPU",
    "Name",
    "Energy",
    ...(counter ? ["Counter", "Sampled vs counter"] : []),
    "Average",
    "Peak",
    "Samples",
    "Coverage",
  ];
  const left = hosts ? 3 : 2;
  const align = headers.map((_, i) => (i < left ? ("l" as const) : ("r" as const)));
  return ["### Per GPU", "", table(headers, rows, align), ""];
}

function powerOverTime(report: Report): string[] {
  const points = report.powerSeries.points;
  if (points.length < 2) return [];
  const watts = points.map(([, w]) => w);
  const peak = Math.max(...watts);
  const endS = Math.max(report.durationSeconds, points[points.length - 1]?.[0] ?? 0);
  const axis = timeAxisUnit(endS);
  const xMax = Number((endS / axis.unitS).toFixed(2));
  const chartPoints = evenlySpaced(points, xMax * axis.unitS, CHART_POINTS);
  const tableIdx = downsample(
    points.map((_, i) => i),
    TABLE_ROWS,
  ).map(Math.round);
  const tableWatts = downsample(watts, TABLE_ROWS);
  const rows = tableIdx.map((i, k) => [formatDuration(points[i]?.[0] ?? 0), formatPower(tableWatts[k] ?? 0)]);
  return [
    "### Power over time",
    "",
    `\`${sparkline(watts)}\` peak ${formatPower(peak)}`,
    "",
    mermaidRangeChart({ title: "Total GPU power", xLabel: axis.label, xMax, yLabel: "W", yValues: chartPoints }),
    "",
    "<details><summary>Power table</summary>",
    "",
    table(["Since start", "Total power"], rows, ["l", "r"]),
    "",
    "</details>",
    "",
  ];
}

function embodiedMethod(report: Report): string[] {
  const embodied = report.embodied;
  if (!embodied) return [];
  const figures = [...new Set(embodied.gpus.filter((g) => g.item !== null).map((g) => `${g.item} ${formatNumber(g.kgPerGpu ?? 0)} kg`))];
  const used = figures.length > 0 ? `; figures: ${figures.join("; ")}` : "";
  return [
    `- Embodied: ${embodied.boundary}, over ${embodied.lifetimeYears} years, for ${formatNumber(embodied.gpuHours)} h per GPU${escapeMarkdown(used)}.`,
  ];
}

function method(report: Report): string[] {
  const energy = report.energyKwh === null ? "E" : formatEnergy(report.energyKwh);
  return [
    "<details><summary>Method</summary>",
    "",
    `- Scope: ${report.method.scope}.`,
    `- CO2e = energy x PUE x intensity = ${energy} x ${formatNumber(report.pue)} x ${formatNumber(report.carbonIntensity.gramsPerKwh)} g/kWh.`,
    `- Carbon intensity: ${escapeMarkdown(report.carbonIntensity.source)}.`,
    // The credit line is our own constant text; left unescaped so its links stay links.
    ...(report.carbonIntensity.attribution ? [`- ${report.carbonIntensity.attribution}`] : []),
    `- PUE: ${formatNumber(report.pue)}, ${escapeMarkdown(report.pueSource.source)}.`,
    ...embodiedMethod(report),
    report.method.prometheus
      ? `- Readings: ${escapeMarkdown(report.method.rules.join("; "))}.`
      : `- Sampling: \`${report.method.powerField ?? "power.draw"}\` every ${report.method.intervalMs} ms, integrated with the trapezoid rule; ${report.method.rules.slice(1).join("; ")}.`,
    `- Accuracy: ${report.method.accuracy}.`,
    "",
    "</details>",
  ];
}

/** Renders the job summary of a report. */
export function renderSummary(report: Report, title = "GPU energy and carbon"): string {
  return [
    `## ${escapeMarkdown(title)}`,
    "",
    headline(report),
    "",
    ...alert(report),
    totals(report),
    "",
    ...energySourceLine(report),
    ...perGpu(report),
    ...countedGpus(report),
    ...stepsSection(report),
    ...phasesSection(report),
    ...powerOverTime(report),
    ...method(report),
    "",
  ].join("\n");
}
