/**
 * Summary sections for what the energy is broken down by: workflow steps, named phases, the
 * GPUs counted, the idle baseline and energy per unit of work. Pure; tested against exact text.
 */
import type { SpanReport } from "../energy/breakdown.js";
import { escapeMarkdown, table } from "./markdown.js";
import type { Report } from "../report/report.js";
import { formatDuration, formatEnergy, formatNumber, formatPercent, formatPower } from "../units.js";

function spanRows(rows: SpanReport[]): string[][] {
  return rows.map((row) => [
    escapeMarkdown(row.name),
    formatDuration(row.durationSeconds),
    formatEnergy(row.energyKwh),
    formatPercent(row.share),
    formatPower(row.averageWatts),
  ]);
}

const SPAN_HEADERS = ["Duration", "Energy", "Share", "Average power"];
const SPAN_ALIGN: ("l" | "r")[] = ["l", "r", "r", "r", "r"];

/** "### Energy per step": one row per step, then the energy outside steps. Empty without steps. */
export function stepsSection(report: Report): string[] {
  if (report.steps.length === 0) return [];
  const rows = spanRows(report.steps);
  const outside = report.outsideStepsEnergyKwh;
  if (outside !== null) {
    const share = report.energyKwh ? outside / report.energyKwh : null;
    rows.push(["_outside steps_", "", formatEnergy(outside), formatPercent(share), ""]);
  }
  return [
    "### Energy per step",
    "",
    table(["Step", ...SPAN_HEADERS], rows, SPAN_ALIGN),
    "",
    "Step times come from the Jobs API in whole seconds, so each step boundary is uncertain by up to a second; energy between steps is shown as outside steps.",
    "",
  ];
}

/** "### Energy per phase": one row per phase marked with `mode: mark`. Empty without marks. */
export function phasesSection(report: Report): string[] {
  if (report.phases.length === 0) return [];
  return ["### Energy per phase", "", table(["Phase", ...SPAN_HEADERS], spanRows(report.phases), SPAN_ALIGN), ""];
}

/** Rows for the totals table: energy above idle and energy per unit of work, when known. */
export function breakdownTotals(report: Report): string[][] {
  const rows: string[][] = [];
  if (report.idle) {
    rows.push([`Idle power at start`, formatPower(report.idle.powerWatts)]);
    rows.push([`Energy above idle`, formatEnergy(report.idle.aboveIdleEnergyKwh)]);
  }
  if (report.work) {
    const unit = report.work.unit === null ? "units" : escapeMarkdown(report.work.unit);
    rows.push([`Energy per unit of work (${formatNumber(report.work.units)} ${unit})`, `${formatNumber(report.work.joulesPerUnit)} J`]);
  }
  return rows;
}

/** A line naming the GPUs counted and why; empty when nothing was decided. */
export function countedGpus(report: Report): string[] {
  const selection = report.gpuSelection;
  if (!selection || selection.counted.length === 0) return [];
  const names = selection.counted.map((gpu) => `GPU ${escapeMarkdown(gpu.index ?? gpu.uuid ?? "?")}`).join(", ");
  const why =
    selection.source === "all"
      ? "every GPU nvidia-smi lists"
      : selection.source === "input"
        ? `input \`gpus\` is \`${escapeMarkdown(selection.requested ?? "all")}\``
        : `${selection.source}=${escapeMarkdown(selection.requested ?? "")}`;
  const others = selection.excludedCount > 0 ? `; ${selection.excludedCount} other GPU(s) on this host are not counted` : "";
  const board = selection.wholeBoard ? " The figure is the whole board's, shared with its other MIG slices." : "";
  return [`Counted: ${names} (${why})${others}.${board}`, ""];
}
