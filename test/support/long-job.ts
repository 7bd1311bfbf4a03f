/**
 * A long training job's report, read from an nvidia-smi log written in the exact format of
 * test/fixtures/samples/training-2xh100.csv (fixed-seed noise, so the same every time): two GPUs,
 * idle for 2 minutes, training with an evaluation dip every 10 minutes, idle for the last 3.
 */
import { givenIntensity } from "../../src/core/carbon/intensity.js";
import { SampleLogReader } from "../../src/core/log/reader.js";
import { buildReport, type Report } from "../../src/core/report/report.js";

/** The log's lines (header first) for a job of `seconds`, one row per GPU every `everyS`. */
export function longJobLog(seconds: number, everyS = 5): string[] {
  let seed = 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  const gpus = [
    { index: 0, uuid: "GPU-3f2a9c1e-7d4b-4e1a-9a3c-1b2c3d4e5f60", idleW: 71, trainW: 655, evalW: 248 },
    { index: 1, uuid: "GPU-8b1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5", idleW: 69, trainW: 640, evalW: 231 },
  ];
  const lines = ["timestamp, index, uuid, power.draw [W]"];
  const start = Date.UTC(2026, 10, 28, 9, 0, 0);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  for (let s = 0; s <= seconds; s += everyS) {
    const d = new Date(start + s * 1000);
    const ts = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.000`;
    for (const gpu of gpus) {
      let watts: number;
      if (s < 120 || s > seconds - 180) watts = gpu.idleW + noise() * 4;
      else if (s % 600 >= 540) watts = gpu.evalW + noise() * 20;
      else watts = gpu.trainW + noise() * 50;
      lines.push(`${ts}, ${gpu.index}, ${gpu.uuid}, ${watts.toFixed(2)}`);
    }
  }
  return lines;
}

/** The report of a long job of `seconds` at 250 gCO2e/kWh, PUE 1.2. */
export function longJobReport(seconds: number): Report {
  const reader = new SampleLogReader();
  for (const line of longJobLog(seconds)) reader.push(line);
  return buildReport(reader.finish(), { pue: 1.2, carbonIntensity: givenIntensity(250, "input 'carbon-intensity'") });
}
