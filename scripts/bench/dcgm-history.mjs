// The bench's Prometheus history: what a cluster's Prometheus holds after scraping NVIDIA's
// dcgm-exporter through a long job, written as OpenMetrics for `promtool tsdb create-blocks-from
// openmetrics`. The exporter's label set; power in W with three decimals, and the energy counter
// in whole mJ, counting up by exactly the trapezoid between scrapes, so the job's true energy is
// known. Every run writes the same file.
import { closeSync, openSync, writeSync } from "node:fs";
import { fakeUuid, random } from "./generate-log.mjs";

/** Bumped whenever what this file writes changes (part of the cache key). */
export const DCGM_HISTORY_CODE = "dcgm-history v1";

/** Power of GPU `g` at `tMs`: a training-like pattern, as the plain logs have it. */
function watts(tMs, g, rnd) {
  const phase = Math.floor(tMs / 600_000) % 6 === 5 ? 0.25 : 1;
  return Math.round((80 + phase * (520 + 60 * Math.sin(tMs / 9_000 + g)) + rnd() * 25) * 1000) / 1000;
}

/**
 * Writes the scrapes of one job's GPUs (label `hpc_job="<job>"`, 8 per node) from `fromMs` for
 * `hours`, one every `scrapeS` seconds.
 * @returns {{samples: number, energyJ: number, bytes: number}} energyJ: the trapezoid of every
 *   power sample, which the counters also add up to (to the mJ)
 */
export function writeDcgmHistory({ path, gpus, hours, scrapeS, fromMs, job }) {
  const rnd = random(23);
  const stepMs = scrapeS * 1000;
  const scrapes = Math.floor((hours * 3_600_000) / stepMs) + 1;
  const labels = Array.from({ length: gpus }, (_, g) => {
    const host = `gpu-node-${Math.floor(g / 8) + 1}`;
    const bus = (0x18 + (g % 8) * 0x10).toString(16).toUpperCase();
    return `gpu="${g % 8}",UUID="${fakeUuid(g)}",pci_bus_id="00000000:${bus}:00.0",device="nvidia${g % 8}",modelName="NVIDIA H100 80GB HBM3",Hostname="${host}",DCGM_FI_DRIVER_VERSION="590.48.01",container="",namespace="",pod="",hpc_job="${job}"`;
  });
  // Power first for every series, then the counters: OpenMetrics wants each family in one piece.
  const power = new Float64Array(gpus * scrapes);
  for (let k = 0; k < scrapes; k += 1) for (let g = 0; g < gpus; g += 1) power[g * scrapes + k] = watts(k * stepMs, g, rnd);
  const fd = openSync(path, "w");
  let bytes = 0;
  let chunk = [];
  const write = (line) => {
    chunk.push(line);
    if (chunk.length >= 8192) flush();
  };
  const flush = () => {
    const text = chunk.join("\n") + "\n";
    bytes += Buffer.byteLength(text);
    writeSync(fd, text);
    chunk = [];
  };
  const stamp = (k) => ((fromMs + k * stepMs) / 1000).toFixed(3);
  write("# TYPE DCGM_FI_DEV_POWER_USAGE gauge");
  for (let g = 0; g < gpus; g += 1)
    for (let k = 0; k < scrapes; k += 1) write(`DCGM_FI_DEV_POWER_USAGE{${labels[g]}} ${power[g * scrapes + k]} ${stamp(k)}`);
  // A counter is written as a gauge: Prometheus stores no type, and OpenMetrics wants `_total` on counters.
  write("# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION gauge");
  let energyJ = 0;
  for (let g = 0; g < gpus; g += 1) {
    // Counted since the driver loaded, long before the job.
    const counterMj = 4_000_000_000 + g * 1_000_000;
    let sumMj = 0;
    for (let k = 0; k < scrapes; k += 1) {
      if (k > 0) sumMj += ((power[g * scrapes + k - 1] + power[g * scrapes + k]) / 2) * scrapeS * 1000;
      write(`DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{${labels[g]}} ${counterMj + Math.round(sumMj)} ${stamp(k)}`);
    }
    energyJ += sumMj / 1000;
  }
  write("# EOF");
  flush();
  closeSync(fd);
  return { samples: gpus * scrapes * 2, energyJ, bytes };
}
