/**
 * The PR comment and job summary of a whole workflow run (`mode: merge`): a row per job and the
 * total, each against its own baseline, then the total's trend and gates. Pure.
 */
import type { Comparison } from "../history/baseline.js";
import { mermaidBarChart } from "./chart.js";
import { formatChange } from "../history/gates.js";
import { escapeMarkdown, inlineMarkdown, table } from "./markdown.js";
import { fitToLimit, gateLines, headline, trend, type ComparisonView } from "./comparison.js";
import type { RunJobReport } from "../report/report.js";
import { formatDuration, formatEnergy, formatMass } from "../units.js";

/** One job's row: the job and its comparison with its own label's baseline. */
export interface JobRow {
  job: RunJobReport;
  /** `null` when the job's label has no baseline (or its energy is unknown). */
  comparison: Comparison | null;
}

/** Everything the run's section shows. */
export interface RunView {
  /** The run's total against the run label's baseline, its trend and the gates. */
  total: ComparisonView;
  /** The jobs, in the report's order. */
  jobs: JobRow[];
}

function energyCell(job: RunJobReport): string {
  const own = formatEnergy(job.energyKwh);
  if (job.energyKwh === null || job.countedEnergyKwh === null) return own;
  // Only a GPU left out as another job's makes the two differ beyond rounding.
  const counted = formatEnergy(job.countedEnergyKwh);
  return counted === own ? own : `${own} (${counted} counted)`;
}

function baselineCells(comparison: Comparison | null): string[] {
  if (!comparison) return ["–", "–"];
  return [formatEnergy(comparison.baseline.energyKwh), formatChange(comparison.energyPercent)];
}

function runTable(view: RunView): string {
  const rows = view.jobs.map(({ job, comparison }) => [
    escapeMarkdown(job.label),
    job.status,
    energyCell(job),
    `${formatMass(job.emissionsKg)} CO2e`,
    formatDuration(job.durationSeconds),
    ...baselineCells(comparison),
  ]);
  const run = view.total.report;
  rows.push([
    "**Total**",
    run.status,
    `**${formatEnergy(run.energyKwh)}**`,
    `**${formatMass(run.emissionsKg)} CO2e**`,
    formatDuration(run.durationSeconds),
    ...baselineCells(view.total.comparison),
  ]);
  return table(["Job", "Status", "GPU energy", "Emissions", "Duration", "Baseline", "Change"], rows, ["l", "l", "r", "r", "r", "r", "r"]);
}

function baselineNote(view: RunView): string {
  const branch = view.total.baseBranch;
  const any = view.total.comparison !== null || view.jobs.some((row) => row.comparison !== null);
  if (!any) return view.total.baselineNote ?? "No baseline yet.";
  const where = branch ? ` on \`${escapeMarkdown(branch)}\`` : "";
  return `Baseline: for each row, the median of the last measured runs (up to 5) of that label${where}; – where there is none yet. The total's duration is the run's, from the first job's start to the last job's end.`;
}

/** The run's section: headline, the table of jobs and total, the baseline note, trend, gates. */
export function renderRunComparison(view: RunView): string {
  const jobs = view.jobs.length;
  const lines = [
    `### GPU energy · ${escapeMarkdown(view.total.label)}`,
    "",
    `${headline(view.total)} · ${jobs} job${jobs === 1 ? "" : "s"}`,
    "",
    runTable(view),
    "",
    baselineNote(view),
    ...trend(view.total),
    ...gateLines(view.total.gates),
  ];
  return lines.join("\n") + "\n";
}

function runWarnings(view: RunView): string {
  const warnings = view.total.report.warnings;
  if (warnings.length === 0) return "";
  const kind = view.total.report.status === "measured" ? "NOTE" : "WARNING";
  return ["", `> [!${kind}]`, ...warnings.map((w) => `> - ${inlineMarkdown(w)}`), ""].join("\n");
}

/** The whole PR comment of a run: marker, section, warnings, a link to the run; within GitHub's limit. */
export function renderRunComment(marker: string, view: RunView): string {
  const footer = view.total.runUrl ? `\n<sub>[Workflow run](${view.total.runUrl}) · gpu-carbon</sub>\n` : "\n<sub>gpu-carbon</sub>\n";
  return fitToLimit(`${marker}\n${renderRunComparison(view)}${runWarnings(view)}${footer}`);
}

/** A bar per job of the energy it adds to the run, in Wh (kWh when a bar reaches 1 kWh). */
function energyChart(view: RunView): string[] {
  const counted = view.jobs.filter((row) => row.job.countedEnergyKwh !== null);
  if (counted.length === 0) return [];
  const valuesKwh = counted.map((row) => row.job.countedEnergyKwh!);
  const kwh = Math.max(...valuesKwh) >= 1;
  return [
    "#### Energy per job",
    "",
    mermaidBarChart({
      title: "GPU energy per job",
      xLabel: "job",
      yLabel: kwh ? "kWh" : "Wh",
      xValues: counted.map((row) => row.job.label),
      yValues: valuesKwh.map((v) => (kwh ? v : v * 1000)),
    }),
    "",
  ];
}

/** The merge job's summary: the same section as the comment, the warnings, and a bar chart of energy per job. */
export function renderRunSummary(view: RunView): string {
  return [`## GPU energy and carbon of the run`, "", renderRunComparison(view), ...energyChart(view), runWarnings(view), ""].join("\n");
}
