/**
 * A job's or a run's figures for a Prometheus Pushgateway: the text exposition format, in base
 * units as Prometheus names them (joules, grams, seconds, ratios), and the grouping key path.
 * Pure. The grouping labels (repository, workflow, label, run id, scope) are in the path, so the
 * Pushgateway adds them to every metric; `scope` (`job` or `run`) keeps a dashboard from counting
 * a merged run and its jobs twice.
 */
import type { Report } from "../report/report.js";
import { JOULES_PER_KWH } from "../units.js";

/** The labels a push is grouped by, besides Prometheus's own `job` (always `gpu-carbon`). */
export interface PushGroup {
  repository: string;
  workflow: string;
  /** The job's or the run's label. */
  label: string;
  runId: string;
  scope: "job" | "run";
}

/** Base64url without padding, as the Pushgateway reads `name@base64` path segments; `=` for "". */
function base64url(text: string): string {
  if (text === "") return "=";
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The path under the Pushgateway's base URL for `group`: `/metrics/job@base64/.../scope@base64/...`.
 * Every value is base64url-encoded, so a `/` in a repository or label cannot split the path.
 */
export function pushgatewayPath(group: PushGroup): string {
  const pairs: [string, string][] = [
    ["job", "gpu-carbon"],
    ["repository", group.repository],
    ["workflow", group.workflow],
    ["label", group.label],
    ["run_id", group.runId],
    ["scope", group.scope],
  ];
  return `/metrics/${pairs.map(([name, value]) => `${name}@base64/${base64url(value)}`).join("/")}`;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function gauge(name: string, help: string, value: number | null, labels = ""): string[] {
  if (value === null || !Number.isFinite(value)) return [];
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name}${labels} ${value}`];
}

/**
 * The metrics of a report. A figure that is unknown is left out, never pushed as 0: a run that
 * measured nothing pushes its duration and status only.
 */
export function pushgatewayMetrics(report: Report): string {
  const joules = (kwh: number | null) => (kwh === null ? null : kwh * JOULES_PER_KWH);
  const info = `{status="${escapeLabelValue(report.status)}",energy_source="${escapeLabelValue(report.energySource)}"}`;
  const lines = [
    ...gauge("gpu_carbon_energy_joules", "GPU board energy, before PUE.", joules(report.energyKwh)),
    ...gauge("gpu_carbon_facility_energy_joules", "GPU board energy times PUE.", joules(report.facilityEnergyKwh)),
    ...gauge("gpu_carbon_emissions_grams", "Emissions, grams CO2e.", report.emissionsKg === null ? null : report.emissionsKg * 1000),
    ...gauge(
      "gpu_carbon_duration_seconds",
      "Length of the measurement window (a run: first job's start to last job's end).",
      report.durationSeconds,
    ),
    ...gauge("gpu_carbon_coverage_ratio", "Mean fraction of the window covered by valid power readings, 0 to 1.", report.coverage),
    ...gauge("gpu_carbon_gpus", "GPUs measured.", report.gpus.length),
    ...(report.kind === "run" ? gauge("gpu_carbon_jobs", "Jobs merged into the run.", report.jobs.length) : []),
    ...gauge("gpu_carbon_info", "Always 1; the labels say how it was measured (status: measured, partial or not-measured).", 1, info),
  ];
  return lines.join("\n") + "\n";
}
