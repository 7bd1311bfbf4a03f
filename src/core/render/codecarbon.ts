/**
 * The report as a row of CodeCarbon's `emissions.csv`, so dashboards and notebooks built for
 * CodeCarbon can read gpu-carbon results. Pure.
 *
 * Columns and units follow the file CodeCarbon writes (its `EmissionsData` record): duration in
 * s, emissions in kg CO2e, emissions_rate in kg/s, power in W, energy in kWh. Like CodeCarbon,
 * energy includes the PUE and power does not (it is the GPUs' average power over the time they
 * were measured). What gpu-carbon does not measure (CPU, RAM, location, Python)
 * is left empty, never written as 0.
 */
import { averagePowerW } from "./summary.js";
import type { Report } from "../report/report.js";

/** CodeCarbon's `emissions.csv` header, in its order. */
export const CODECARBON_COLUMNS = [
  "timestamp",
  "project_name",
  "run_id",
  "experiment_id",
  "duration",
  "emissions",
  "emissions_rate",
  "cpu_power",
  "gpu_power",
  "ram_power",
  "cpu_energy",
  "gpu_energy",
  "ram_energy",
  "energy_consumed",
  "country_name",
  "country_iso_code",
  "region",
  "cloud_provider",
  "cloud_region",
  "os",
  "python_version",
  "codecarbon_version",
  "cpu_count",
  "cpu_model",
  "gpu_count",
  "gpu_model",
  "longitude",
  "latitude",
  "ram_total_size",
  "tracking_mode",
  "on_cloud",
  "pue",
] as const;

/** Who ran the job; what CodeCarbon calls project, run and experiment. */
export interface CodecarbonRunInfo {
  /** e.g. the repository, `owner/name`. */
  projectName: string;
  /** Unique per run, e.g. the workflow run id and attempt. */
  runId: string;
  /** Groups runs, e.g. the workflow and job. */
  experimentId: string;
  /** Operating system of the machine, e.g. `Linux`; empty when unknown. */
  os: string;
}

/** Quotes a CSV field when it holds a comma, quote or newline (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `2 x NVIDIA H100 80GB HBM3`, the way CodeCarbon names a set of GPUs. */
function gpuModel(report: Report): string | null {
  if (report.gpus.length === 0) return null;
  const names = [...new Set(report.gpus.map((gpu) => gpu.name ?? "unknown GPU"))];
  return names.map((name) => `${report.gpus.filter((gpu) => (gpu.name ?? "unknown GPU") === name).length} x ${name}`).join(", ");
}

/**
 * The row's values by column. `null` when the energy is unknown: a job that was not measured
 * must not enter a dashboard as 0 kWh.
 */
export function codecarbonRecord(
  report: Report,
  run: CodecarbonRunInfo,
): Record<(typeof CODECARBON_COLUMNS)[number], string | number | null> | null {
  if (report.facilityEnergyKwh === null || report.emissionsKg === null || report.endedAt === null) return null;
  const durationS = report.durationSeconds;
  // As in CodeCarbon's own files, power is the GPUs' own: PUE enters the energy, not the power.
  const gpuPowerW = averagePowerW(report);
  return {
    // CodeCarbon writes the end of the run, to the second, without a zone (ours is UTC).
    timestamp: report.endedAt.slice(0, 19),
    project_name: run.projectName,
    run_id: run.runId,
    experiment_id: run.experimentId,
    duration: durationS,
    emissions: report.emissionsKg,
    emissions_rate: durationS > 0 ? report.emissionsKg / durationS : null,
    cpu_power: null,
    gpu_power: gpuPowerW === null ? null : Math.round(gpuPowerW * 1000) / 1000,
    ram_power: null,
    cpu_energy: null,
    gpu_energy: report.facilityEnergyKwh,
    ram_energy: null,
    energy_consumed: report.facilityEnergyKwh,
    country_name: null,
    country_iso_code: null,
    region: null,
    cloud_provider: null,
    cloud_region: null,
    os: run.os || null,
    python_version: null,
    codecarbon_version: null,
    cpu_count: null,
    cpu_model: null,
    gpu_count: report.gpus.length,
    gpu_model: gpuModel(report),
    longitude: null,
    latitude: null,
    ram_total_size: null,
    // Whole GPUs are measured, not one process's share.
    tracking_mode: "machine",
    on_cloud: null,
    pue: report.pue,
  };
}

/** The header line of `emissions.csv`, with a trailing newline. */
export function codecarbonHeader(): string {
  return CODECARBON_COLUMNS.join(",") + "\n";
}

/** One data line of `emissions.csv`, with a trailing newline; `null` when energy is unknown. */
export function renderCodecarbonRow(report: Report, run: CodecarbonRunInfo): string | null {
  const record = codecarbonRecord(report, run);
  if (!record) return null;
  return CODECARBON_COLUMNS.map((column) => csvField(record[column])).join(",") + "\n";
}
