/** Prices a built report: live grid data where asked and available, then embodied carbon. */
import { withEmbodied, withIntensity } from "../core/report/carbon.js";
import type { Report } from "../core/report/report.js";
import { liveIntensity } from "./live-intensity.js";
import type { Settings } from "../config/settings.js";

/**
 * The report with live grid data applied (when configured and the service answered; otherwise
 * the table figure stays and a warning says why) and `embodied` filled (when asked).
 */
export async function priceReport(report: Report, settings: Settings, env: NodeJS.ProcessEnv): Promise<Report> {
  const live = await liveIntensity(report, settings, env);
  let priced = live.intensity
    ? withIntensity(report, live.intensity, live.warnings)
    : { ...report, warnings: [...report.warnings, ...live.warnings] };
  if (settings.embodied && priced.gpus.length > 0) priced = withEmbodied(priced, settings.gpuLifetimeYears);
  return priced;
}
