/** Words about reports read through Prometheus, for the summary, the PR comment and the CLI. Pure. */
import type { GpuReport, Report } from "../report/report.js";
import { gpuLabel } from "../gpu.js";
import { formatEnergy } from "../units.js";

/** The distinct hosts of the report's GPUs, in order; empty for the local sampler. */
export function hostsOf(report: Pick<Report, "gpus">): string[] {
  return [...new Set(report.gpus.flatMap((gpu) => (gpu.host ? [gpu.host] : [])))];
}

/** ` on node-1, node-2` (at most 5 named, then a count); empty without hosts. */
export function hostsPhrase(report: Pick<Report, "gpus">): string {
  const hosts = hostsOf(report);
  if (hosts.length === 0) return "";
  const named = hosts.slice(0, 5).join(", ");
  return ` on ${hosts.length > 5 ? `${named} and ${hosts.length - 5} more hosts` : named}`;
}

/** `GPU 0 on node-1`: the GPU and, when known, its host. */
export function gpuOnHost(gpu: Pick<GpuReport, "index" | "uuid" | "host">): string {
  return gpu.host ? `${gpuLabel(gpu)} on ${gpu.host}` : gpuLabel(gpu);
}

/**
 * Where a Prometheus report's figures come from, in sentences; empty for the local sampler or
 * when energy is unknown.
 */
export function dcgmSourceLines(report: Report): string[] {
  const source = report.method.prometheus;
  if (!source || report.energyKwh === null) return [];
  const counter = report.gpus.filter((gpu) => gpu.energySource === "dcgm-counter").length;
  const power = report.gpus.filter((gpu) => gpu.energySource === "dcgm-power").length;
  const lines: string[] = [];
  const interval = source.scrapeIntervalSeconds === null ? "" : `, scraped every ${source.scrapeIntervalSeconds} s`;
  lines.push(`GPUs read from NVIDIA's DCGM exporter through Prometheus at ${source.url} (selector {${source.selector}}${interval}).`);
  if (counter > 0 && power === 0) lines.push("Every GPU's energy comes from its energy counter (DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION).");
  else if (counter === 0) lines.push("No GPU had an energy counter series: energy is DCGM_FI_DEV_POWER_USAGE integrated over the samples.");
  else
    lines.push(
      `${counter} GPU(s) from the energy counter, ${power} from DCGM_FI_DEV_POWER_USAGE integrated over the samples (${report.gpus
        .filter((gpu) => gpu.energySource === "dcgm-power")
        .map(gpuOnHost)
        .join(", ")}).`,
    );
  if (report.energyKwhRange)
    lines.push(
      `Range ${formatEnergy(report.energyKwhRange[0])} to ${formatEnergy(report.energyKwhRange[1])}: the window's edges between scrapes, counter resets, gaps and the sensor's +/-5 %.`,
    );
  for (const gpu of report.gpus) {
    if (gpu.mig)
      lines.push(
        `${gpuOnHost(gpu)}: this job has MIG instance(s) ${gpu.mig.instances.join(", ")}, given ${(gpu.mig.share * 100).toFixed(1)} % of the board's energy ${gpu.mig.basis}.`,
      );
  }
  return lines;
}
