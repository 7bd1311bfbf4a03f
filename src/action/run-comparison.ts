/**
 * The comparison view of a merged run: the total against the run label's history (with the
 * gates), and each job against its own label's history, all on the same base branch.
 */
import { baselineFrom, compareFigures, energyPerMinute, rangeOrDefault } from "../core/history/baseline.js";
import type { JobRow, RunView } from "../core/render/run.js";
import type { RunJobReport } from "../core/report/report.js";
import { buildComparison, loadRecords, type ComparisonRequest } from "./comparison.js";
import type { Io } from "../measure/io.js";
import type { Settings } from "../config/settings.js";

/** Most job histories read for one run (one API call each). */
const MAX_JOB_HISTORIES = 50;

/** One job's row; `stop` when its history could not be read (the others would fail alike). */
async function jobRow(req: ComparisonRequest, job: RunJobReport, settings: Settings, io: Io): Promise<{ row: JobRow; stop: boolean }> {
  if (job.energyKwh === null) return { row: { job, comparison: null }, stop: false };
  const { records, note } = await loadRecords({ ...req, label: job.label }, settings, io);
  const baseline = req.baseBranch ? baselineFrom(records, `refs/heads/${req.baseBranch}`, req.runId) : null;
  if (!baseline) return { row: { job, comparison: null }, stop: note !== null };
  const current = {
    energyKwh: job.energyKwh,
    energyKwhRange: rangeOrDefault(job.energyKwh, job.energyKwhRange),
    emissionsKg: job.emissionsKg,
    durationSeconds: job.durationSeconds,
    energyPerMinuteKwh: energyPerMinute(job.energyKwh, job.durationSeconds),
  };
  return { row: { job, comparison: compareFigures(current, baseline) }, stop: false };
}

/** Builds the view of a `run` report (`req.report.kind === "run"`). A history that cannot be read is a warning. */
export async function buildRunView(req: ComparisonRequest, settings: Settings, io: Io): Promise<RunView> {
  const total = await buildComparison(req, settings, io);
  const jobs: JobRow[] = [];
  // Without history, a token or a base branch there is nothing to look up per job.
  let read = Boolean(settings.historyBranch && req.client && req.baseBranch);
  for (const [i, job] of req.report.jobs.entries()) {
    if (!read || i >= MAX_JOB_HISTORIES) {
      jobs.push({ job, comparison: null });
      continue;
    }
    const { row, stop } = await jobRow(req, job, settings, io);
    jobs.push(row);
    if (stop) read = false;
  }
  return { total, jobs };
}
