// Writes a synthetic sampler log: `gpus` GPUs sampled every `intervalMs` for `hours`, in the
// record format the sampler writes (one nvidia-smi row per GPU per loop iteration, stamped with
// the sampler's clock). Power follows a training-like pattern: steps, a slow wave and noise.
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

/**
 * Writes the log and returns its size and the number of sample rows.
 * @param {{path: string, gpus: number, hours: number, intervalMs: number, startEpochMs?: number}} o
 */
export function generateSamplerLog(o) {
  const startEpochMs = o.startEpochMs ?? Date.UTC(2026, 10, 1);
  const rnd = random(7);
  const fd = openSync(o.path, "w");
  let bytes = 0;
  let rows = 0;
  let chunk = [];
  const flush = () => {
    const text = chunk.join("\n") + "\n";
    bytes += Buffer.byteLength(text);
    writeSync(fd, text);
    chunk = [];
  };
  chunk.push("# gpu-carbon samples v1", `@start\t${startEpochMs}\t${o.intervalMs}`);
  chunk.push(`@header\t40\ttimestamp, index, uuid, power.draw [W]`);
  const uuids = Array.from({ length: o.gpus }, (_, i) => fakeUuid(i));
  const endMs = o.hours * 3_600_000;
  for (let tMs = 100; tMs < endMs; tMs += o.intervalMs) {
    // The loop drifts by a few ms per iteration, as the real one does.
    const stamp = tMs + Math.floor(rnd() * 4);
    const ts = smiTimestamp(startEpochMs + stamp);
    const phase = Math.floor(tMs / 600_000) % 6 === 5 ? 0.25 : 1; // an eval pause every hour
    for (let g = 0; g < o.gpus; g += 1) {
      const watts = 80 + phase * (520 + 60 * Math.sin(tMs / 9_000 + g)) + rnd() * 25;
      chunk.push(`${stamp}\t${ts}, ${g}, ${uuids[g]}, ${watts.toFixed(2)}`);
      rows += 1;
    }
    if (chunk.length >= 8192) flush();
  }
  chunk.push(`@stop\t${endMs}\tsignal`);
  flush();
  closeSync(fd);
  return { bytes, rows };
}
