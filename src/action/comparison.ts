/**
 * Loads a label's history from the data branch and compares a report with it: the baseline,
 * the trend and the gates, as the view the comment and the summary render. A history that cannot
 * be read is a warning and a view without comparison.
 */
import { describeApiError, type GitHubClient } from "../adapters/github/client.js";
import { readHistory } from "../adapters/github/history-store.js";
import { baselineFrom, compare } from "../core/history/baseline.js";
import { evaluateGates, type GateLimits } from "../core/history/gates.js";
import type { HistoryRecord } from "../core/history/records.js";
import { historyPath } from "../core/history/label.js";
import { codeSpan } from "../core/render/markdown.js";
import type { ComparisonView } from "../core/render/comparison.js";
import type { Report } from "../core/report/report.js";
import type { Io } from "../measure/io.js";
import { INPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";

export interface ComparisonRequest {
  client: GitHubClient | null;
  owner: string;
  repo: string;
  label: string;
  report: Report;
  /** Branch to compare with (PR base, or the default branch); `null` when unknown. */
  baseBranch: string | null;
  /** This run, left out of its own baseline. */
  runId: number | null;
  currentName: string;
  runUrl: string | null;
}

/** Gate names as the user set them. */
export const GATE_NAMES = { regression: INPUT.maxRegressionPercent, energy: INPUT.maxEnergyKwh, emissions: INPUT.maxEmissionsKg };

/** The gates the user turned on. */
export function gateLimits(settings: Settings): GateLimits {
  return {
    maxRegressionPercent: settings.maxRegressionPercent,
    maxEnergyKwh: settings.maxEnergyKwh,
    maxEmissionsKg: settings.maxEmissionsKg,
  };
}

/** The history records of `req.label`, or why there are none (a read failure is also a warning). */
export async function loadRecords(
  req: ComparisonRequest,
  settings: Settings,
  io: Io,
): Promise<{ records: HistoryRecord[]; note: string | null }> {
  if (!settings.historyBranch) return { records: [], note: `No baseline: history is off (\`${INPUT.historyBranch}\` is empty).` };
  if (!req.client) return { records: [], note: `No baseline: no \`${INPUT.githubToken}\` to read the history with.` };
  if (!req.baseBranch) return { records: [], note: "No baseline: the base branch is unknown." };
  try {
    const found = await readHistory(req.client, {
      owner: req.owner,
      repo: req.repo,
      branch: settings.historyBranch,
      path: historyPath(req.label),
    });
    return { records: found?.history.records ?? [], note: null };
  } catch (e) {
    io.warning(`gpu-carbon: ${describeApiError(e, `Reading the history from branch '${settings.historyBranch}'`, "contents: read")}.`);
    return { records: [], note: "No baseline: the history could not be read (see the warnings)." };
  }
}

/** Builds the comparison view of `req.report`. */
export async function buildComparison(req: ComparisonRequest, settings: Settings, io: Io): Promise<ComparisonView> {
  const { records, note } = await loadRecords(req, settings, io);
  const ref = req.baseBranch ? `refs/heads/${req.baseBranch}` : "";
  const trend = records.filter((r) => r.ref === ref && r.runId !== req.runId);
  const baseline = baselineFrom(records, ref, req.runId);
  const comparison = baseline && req.report.energyKwh !== null ? compare(req.report, baseline) : null;
  let baselineNote = note;
  if (!baselineNote && !comparison) {
    baselineNote = baseline
      ? "No comparison: this run's energy is unknown."
      : `No baseline yet: ${codeSpan(req.baseBranch ?? "")} has no measured run of this label in the history.`;
  }
  return {
    label: req.label,
    report: req.report,
    comparison,
    baseBranch: req.baseBranch,
    baselineNote,
    trend,
    currentName: req.currentName,
    gates: evaluateGates(gateLimits(settings), req.report, comparison, GATE_NAMES),
    runUrl: req.runUrl,
  };
}
