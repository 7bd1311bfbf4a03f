// Writes the bench's synthetic logs: plain nvidia-smi CSV logs in the formats users ask for, and
// the action's own sampler log written through the sampler's code. Power follows a training-like
// pattern: steps, a slow wave and noise. Every run writes the same files.
import { openSync, writeSync, closeSync } from "node:fs";

const pad = (n, w = 2) => String(n).padStart(w, "0");

/** nvidia-smi's `YYYY/MM/DD HH:MM:SS.mmm` for an epoch time (UTC, as the sampler runs it). */
export function smiTimestamp(epochMs) {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** A GPU uuid in nvidia-smi's spelling. */
export function fakeUuid(index) {
  return `GPU-${String(index).padStart(8, "0")}-5a1e-4c0d-9b7e-3f2a1c0d${String(index).padStart(4, "0")}`;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same file. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Power of GPU `g` at `tMs`: a training-like pattern (steps, a slow wave, an eval pause each hour, noise). */
function watts(tMs, g, rnd) {
  const phase = Math.floor(tMs / 600_000) % 6 === 5 ? 0.25 : 1;
  return 80 + phase * (520 + 60 * Math.sin(tMs / 9_000 + g)) + rnd() * 25;
}

/** Extra `--query-gpu` columns, as nvidia-smi prints their header and a value with its unit. */
const EXTRA_COLUMNS = [
  ["name", "NVIDIA H100 80GB HBM3", ""],
  ["pci.bus_id", "00000000:18:00.0", ""],
  ["driver_version", "550.54.15", ""],
  ["pstate", "P0", ""],
  ["temperature.gpu", "63", ""],
  ["temperature.memory", "59", ""],
  ["utilization.gpu [%]", "97", " %"],
  ["utilization.memory [%]", "41", " %"],
  ["memory.total [MiB]", "81559", " MiB"],
  ["memory.used [MiB]", "61234", " MiB"],
  ["memory.free [MiB]", "20325", " MiB"],
  ["clocks.sm [MHz]", "1980", " MHz"],
  ["clocks.mem [MHz]", "2619", " MHz"],
  ["clocks.gr [MHz]", "1980", " MHz"],
  ["power.limit [W]", "700.00", " W"],
  ["enforced.power.limit [W]", "700.00", " W"],
  ["fan.speed [%]", "[N/A]", ""],
];

/**
 * Writes a plain `nvidia-smi --query-gpu=... --format=csv[,nounits] -l` log: a header, then one
 * row per GPU per loop iteration sharing the iteration's timestamp (UTC here).
 * @param {{path: string, gpus: number, hours: number, intervalMs: number, units: boolean, uuid: boolean, extra?: number, noheader?: boolean}} o (noheader: no header line, as --format=csv,noheader writes)
 * @returns {{bytes: number, rows: number, columns: number}}
 */
export function generatePlainLog(o) {
  const startEpochMs = Date.UTC(2026, 10, 1);
  const rnd = random(11);
  const extra = EXTRA_COLUMNS.slice(0, o.extra ?? 0);
  const header = ["timestamp", "index", ...(o.uuid ? ["uuid"] : []), "power.draw [W]", ...extra.map(([name]) => name)];
  const suffix = extra.map(([, value, unit]) => `, ${value}${o.units && !value.startsWith("[") ? unit : ""}`).join("");
  const uuids = Array.from({ length: o.gpus }, (_, i) => (o.uuid ? `, ${fakeUuid(i)}` : ""));
  const fd = openSync(o.path, "w");
  let bytes = 0;
  let rows = 0;
  let chunk = o.noheader ? [] : [header.join(", ")];
  const flush = () => {
    const text = chunk.join("\n") + "\n";
    bytes += Buffer.byteLength(text);
    writeSync(fd, text);
    chunk = [];
  };
  const w = o.units ? " W" : "";
  for (let tMs = 0; tMs < o.hours * 3_600_000; tMs += o.intervalMs) {
    const ts = smiTimestamp(startEpochMs + tMs + Math.floor(rnd() * 4));
    for (let g = 0; g < o.gpus; g += 1) {
      chunk.push(`${ts}, ${g}${uuids[g]}, ${watts(tMs, g, rnd).toFixed(2)}${w}${suffix}`);
      rows += 1;
    }
    if (chunk.length >= 8192) flush();
  }
  flush();
  closeSync(fd);
  return { bytes, rows, columns: header.length };
}

/**
 * Writes the log today's sampler writes for a job of `hours`, through its own code: the loop's
 * rows (`index, uuid, power.draw`, nounits) go through `SampleRollup` exactly as the sampler's
 * supervisor passes them, so rows turn into `@rollup` records after the first hours as they do
 * in a real job. `core` holds the compiled `sample-rollup` and `sample-format` modules.
 * @param {{path: string, gpus: number, hours: number, intervalMs: number, core: {SampleRollup: any, format: any}}} o
 * @returns {{bytes: number, lines: number, readings: number, energyJ: number}} energyJ: the
 *   trapezoid of every reading as written (whole ms, two decimals), each GPU's first and last
 *   reading held to the window's edges, for a cross-check
 */
export function generateActionLog(o) {
  const { SampleRollup, format } = o.core;
  const rnd = random(13);
  const rollup = new SampleRollup({ intervalMs: o.intervalMs });
  const uuids = Array.from({ length: o.gpus }, (_, i) => fakeUuid(i));
  const last = uuids.map(() => null);
  const first = uuids.map(() => 0);
  const firstW = uuids.map(() => 0);
  const fd = openSync(o.path, "w");
  let bytes = 0;
  let lines = 0;
  let readings = 0;
  let energyJ = 0;
  let chunk = [format.SAMPLER_LOG_MAGIC, format.formatStart(Date.UTC(2026, 10, 1), o.intervalMs)];
  const flush = () => {
    const text = chunk.join("\n") + "\n";
    bytes += Buffer.byteLength(text);
    lines += chunk.length;
    writeSync(fd, text);
    chunk = [];
  };
  chunk.push(...rollup.line(40, "index, uuid, power.draw [W]"));
  const endMs = o.hours * 3_600_000;
  for (let tMs = 100; tMs < endMs; tMs += o.intervalMs) {
    // Lines reach the sampler a little apart, each stamped on arrival.
    for (let g = 0; g < o.gpus; g += 1) {
      const arrivalMs = tMs + g * 0.25;
      const text = watts(tMs, g, rnd).toFixed(2);
      for (const record of rollup.line(arrivalMs, `${g}, ${uuids[g]}, ${text}`)) chunk.push(record);
      const reading = [Math.round(arrivalMs), Number(text)];
      if (last[g]) energyJ += ((reading[0] - last[g][0]) / 1000) * ((reading[1] + last[g][1]) / 2);
      else [first[g], firstW[g]] = reading;
      last[g] = reading;
      readings += 1;
    }
    if (chunk.length >= 8192) flush();
  }
  chunk.push(...rollup.flush(endMs), format.formatStop(endMs, "signal"));
  flush();
  closeSync(fd);
  for (const [g, [lastMs, lastW]] of last.entries()) energyJ += ((endMs - lastMs) / 1000) * lastW + (first[g] / 1000) * firstW[g];
  return { bytes, lines, readings, energyJ };
}

/** The code that decides an action log's bytes (with the sampler's own), for a cache key. */
export const ACTION_LOG_CODE = [generateActionLog, watts, fakeUuid, random].map(String).join("\n");
