/**
 * The comparison section (this run against its baseline, the trend of recent builds, the gates),
 * shown in the PR comment and in the job summary, and the PR comment body around it. Pure.
 */
import type { Comparison } from "../history/baseline.js";
import { energyPerMinute } from "../history/baseline.js";
import { labelsFit, mermaidLineChart, mermaidRangeChart, sparkline } from "./chart.js";
import { formatChange, type GateResult } from "../history/gates.js";
import type { HistoryRecord } from "../history/records.js";
import { hostsPhrase } from "../prometheus/describe.js";
import { codeSpan, escapeMarkdown, inlineMarkdown, table } from "./markdown.js";
import type { Report } from "../report/report.js";
import { formatDuration, formatEnergy, formatEnergyRange, formatMass, formatMassRange, formatNumber, formatPercent } from "../units.js";

/** GitHub rejects comment bodies longer than this (characters). */
export const COMMENT_LIMIT = 65_536;

/** Most builds drawn in the trend. */
export const TREND_RUNS = 30;

/** Everything the section shows. */
export interface ComparisonView {
  /** The series name (untrusted: escaped when rendered). */
  label: string;
  report: Report;
  /** `null` when there is no baseline. */
  comparison: Comparison | null;
  /** Branch the baseline and trend come from, e.g. `main`; `null` when unknown. */
  baseBranch: string | null;
  /** Why there is no comparison, when there is none. */
  baselineNote: string | null;
  /** Recent records of the base branch, oldest first, without this run. */
  trend: HistoryRecord[];
  /** Name for this run in the trend (`this PR`, `this run`). */
  currentName: string;
  gates: GateResult[];
  /** Link to this run, `null` when unknown. */
  runUrl: string | null;
}

/** Energy per minute in Wh/min (kWh/min above 1 kWh/min). */
export function formatEnergyPerMinute(kwhPerMinute: number | null): string {
  if (kwhPerMinute === null) return "n/a";
  if (Math.abs(kwhPerMinute) >= 1) return `${formatNumber(kwhPerMinute)} kWh/min`;
  return `${formatNumber(kwhPerMinute * 1000)} Wh/min`;
}

/** The headline of a report: energy, emissions, duration, energy per minute, coverage. */
export function headline(view: ComparisonView): string {
  const r = view.report;
  if (r.energyKwh === null) return `**Energy not measured** · ${formatDuration(r.durationSeconds)} (${r.status})`;
  const parts = [
    `**${formatEnergyRange(r.energyKwh, r.energyKwhRange)}** GPU energy`,
    `**${formatMassRange(r.emissionsKg, r.emissionsKgRange)} CO2e**`,
    `${formatDuration(r.durationSeconds)}${escapeMarkdown(hostsPhrase(r))}`,
    formatEnergyPerMinute(energyPerMinute(r.energyKwh, r.durationSeconds)),
    `coverage ${formatPercent(r.coverage)}`,
  ];
  if (r.status === "partial") parts.push("partial");
  return parts.join(" · ");
}

/** Whether the change stands out from the runs' own variation, in one sentence. */
function noiseLine(c: Comparison): string[] {
  const b = c.baseline;
  const range = c.current.energyKwhRange;
  if (c.noise === null || range === null) return [];
  const spread = `median ${formatEnergy(b.energyKwh)}, spread ${formatEnergy(b.spreadKwh)}`;
  const runRange = `${formatEnergy(range[0])} to ${formatEnergy(range[1])}`;
  if (c.noise === "up")
    return ["", `Beyond noise: this run's range (${runRange}) is above the baseline's median plus twice its spread (${spread}).`];
  if (c.noise === "down")
    return ["", `Beyond noise: this run's range (${runRange}) is below the baseline's median minus twice its spread (${spread}).`];
  return ["", `Within noise: this run's range (${runRange}) overlaps the baseline's median plus or minus twice its spread (${spread}).`];
}

function comparisonTable(c: Comparison): string[] {
  const b = c.baseline;
  const rows = [
    [
      "GPU energy",
      formatEnergyRange(c.current.energyKwh, c.current.energyKwhRange),
      formatEnergyRange(b.energyKwh, b.energyKwhRange),
      formatChange(c.energyPercent),
    ],
    ["Emissions", `${formatMass(c.current.emissionsKg)} CO2e`, `${formatMass(b.emissionsKg)} CO2e`, formatChange(c.emissionsPercent)],
    ["Duration", formatDuration(c.current.durationSeconds), formatDuration(b.durationSeconds), formatChange(c.durationPercent)],
    [
      "Energy per minute",
      formatEnergyPerMinute(c.current.energyPerMinuteKwh),
      formatEnergyPerMinute(b.energyPerMinuteKwh),
      formatChange(c.energyPerMinutePercent),
    ],
  ];
  const branch = b.ref.replace(/^refs\/heads\//, "");
  const runs = b.runs === 1 ? "the last measured run" : `the median of the last ${b.runs} measured runs`;
  return [
    table(["Measure", "This run", "Baseline", "Change"], rows, ["l", "r", "r", "r"]),
    "",
    `Baseline: ${runs} of this label on ${codeSpan(branch)}.`,
    ...noiseLine(c),
  ];
}

/** Energy values of the trend in one unit: Wh below 1 kWh, kWh above. */
function trendUnit(valuesKwh: number[]): { unit: string; scale: number } {
  return Math.max(0, ...valuesKwh) >= 1 ? { unit: "kWh", scale: 1 } : { unit: "Wh", scale: 1000 };
}

/**
 * The trend's chart: each build named by its commit while the names fit under the chart; past
 * that, builds numbered from 1, the oldest, so that labels never run into each other.
 */
function trendChart(names: string[], values: number[], unit: string): string {
  const title = "GPU energy per build";
  if (labelsFit(names)) return mermaidLineChart({ title, xLabel: "build", yLabel: unit, xValues: names, yValues: values });
  return mermaidRangeChart({ title, xLabel: "build, oldest first", xMin: 1, xMax: names.length, yLabel: unit, yValues: values });
}

/** The trend of the label's recent builds and this one: a sparkline and a chart; empty without history. */
export function trend(view: ComparisonView): string[] {
  const past = view.trend.slice(-(TREND_RUNS - 1));
  if (past.length === 0) return [];
  const current = view.report.energyKwh;
  const valuesKwh = [...past.map((r) => r.energyKwh), ...(current === null ? [] : [current])];
  const names = [...past.map((r) => r.sha.slice(0, 7)), ...(current === null ? [] : [view.currentName])];
  const { unit, scale } = trendUnit(valuesKwh);
  const where = view.baseBranch ? ` on ${codeSpan(view.baseBranch)}` : "";
  const tail = current === null ? "" : `, then ${escapeMarkdown(view.currentName)}`;
  return [
    "",
    `Trend of GPU energy over the last ${past.length} build${past.length === 1 ? "" : "s"}${where}${tail}: \`${sparkline(valuesKwh, 60, "range")}\``,
    "",
    "<details><summary>Energy per build</summary>",
    "",
    trendChart(
      names,
      valuesKwh.map((v) => v * scale),
      unit,
    ),
    "",
    "</details>",
  ];
}

/** One line per gate; empty when none is on. */
export function gateLines(gates: GateResult[]): string[] {
  if (gates.length === 0) return [];
  const mark = { pass: "passed", fail: "**FAILED**", skipped: "not checked" } as const;
  return [
    "",
    "Gates:",
    ...gates.map((g) => `- \`${g.name}\` ${mark[g.outcome]}: ${g.figure} (limit ${g.limit})${g.noise ? `, ${g.noise}` : ""}`),
  ];
}

/** The comparison section: headline, comparison table or why there is none, trend, gates. */
export function renderComparison(view: ComparisonView): string {
  const lines = [`### GPU energy · ${escapeMarkdown(view.label)}`, "", headline(view), ""];
  if (view.comparison) lines.push(...comparisonTable(view.comparison));
  else if (view.baselineNote) lines.push(view.baselineNote);
  lines.push(...trend(view), ...gateLines(view.gates));
  return lines.join("\n") + "\n";
}

/**
 * Cuts `body` to `limit` characters at a line break, closing an open code fence and
 * `<details>` block so the rest still renders, and says that it was cut.
 */
export function fitToLimit(body: string, limit = COMMENT_LIMIT): string {
  if (body.length <= limit) return body;
  const note = "\n\n*The rest was cut to fit GitHub's limit on comment length; the job summary and report.json have everything.*\n";
  const room = limit - note.length - "\n```\n\n</details>".length;
  let cut = body.slice(0, Math.max(0, room));
  const lastBreak = cut.lastIndexOf("\n");
  if (lastBreak > 0) cut = cut.slice(0, lastBreak);
  const fences = (cut.match(/^```/gm) ?? []).length;
  if (fences % 2 === 1) cut += "\n```";
  const opened = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  if (opened > 0) cut += "\n\n</details>";
  return cut + note;
}

/** The report's warnings as an alert, when it is not fully measured; empty otherwise. */
export function warnings(report: Report): string {
  if (report.status === "measured" || report.warnings.length === 0) return "";
  return ["", "> [!WARNING]", ...report.warnings.map((w) => `> - ${inlineMarkdown(w)}`), ""].join("\n");
}

/**
 * The whole PR comment of one label: marker, section, the measurement's warnings when it is not
 * fully measured, a link to the run; within GitHub's limit (the marker always survives).
 */
export function renderComment(marker: string, view: ComparisonView): string {
  const footer = view.runUrl ? `\n<sub>[Workflow run](${view.runUrl}) · gpu-carbon</sub>\n` : "\n<sub>gpu-carbon</sub>\n";
  return fitToLimit(`${marker}\n${renderComparison(view)}${warnings(view.report)}${footer}`);
}
