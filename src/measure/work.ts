/** Energy per unit of work: reads what the job's steps wrote to GPU_CARBON_WORK_FILE. */
import { readWorkFile } from "../adapters/work-file.js";
import type { Report } from "../core/report/report.js";
import { workReport } from "../core/energy/work-units.js";
import { ENV } from "../config/names.js";

/** The report with `work` filled in when the job counted its work; problems become warnings. */
export function withWork(report: Report, file: string): Report {
  const read = readWorkFile(file);
  if (read === null) return report;
  if (typeof read === "string") return { ...report, warnings: [...report.warnings, read] };
  const warnings = [...report.warnings];
  if (read.skippedLines > 0)
    warnings.push(
      `${read.skippedLines} line(s) of ${ENV.workFile} are not a count (a number, optionally followed by a unit) and were skipped`,
    );
  if (!(read.units > 0)) warnings.push(`${ENV.workFile} holds no positive count: no energy per unit`);
  return { ...report, warnings, work: workReport(report.energyKwh, read.units, read.unit) };
}
