/** Pushes a job's or a run's figures to the Pushgateway named by `pushgateway-url`; any failure is a warning. */
import { pushToGateway } from "../adapters/pushgateway.js";
import { pushgatewayMetrics, pushgatewayPath } from "../core/render/pushgateway.js";
import type { Report } from "../core/report/report.js";
import type { Io } from "../measure/io.js";
import { INPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";

/** Pushes `report` (scope `job` from post, `run` from `mode: merge`) when a Pushgateway is set. */
export async function pushFigures(settings: Settings, env: NodeJS.ProcessEnv, io: Io, report: Report, scope: "job" | "run"): Promise<void> {
  if (!settings.pushgatewayUrl) return;
  const group = {
    repository: env.GITHUB_REPOSITORY ?? "",
    workflow: env.GITHUB_WORKFLOW ?? "",
    label: report.label ?? "",
    runId: env.GITHUB_RUN_ID ?? "",
    scope,
  };
  try {
    await pushToGateway(settings.pushgatewayUrl, pushgatewayPath(group), pushgatewayMetrics(report));
    io.info(`gpu-carbon: pushed the ${scope}'s figures to the Pushgateway at ${settings.pushgatewayUrl}.`);
  } catch (e) {
    io.warning(
      `gpu-carbon: Input '${INPUT.pushgatewayUrl}': the figures could not be pushed to ${settings.pushgatewayUrl} (${(e as Error).message}); the report is complete without them.`,
    );
  }
}
