// Ground truth from an external power meter (test/fixtures/meter, see its PROVENANCE.md): reads
// the meter's samples and the nvidia-smi log beside them, and compares gpu-carbon's figure and
// range with the meter's energy on the whole run and on windows of it. The core functions are
// passed in, so the bench can use the compiled core and the tests the TypeScript source.
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatTable } from "./table.mjs";

/** The three runs: folder, board name as nvidia-smi would give it, load. */
export const METER_RUNS = [
  { folder: "5050-a100", gpuName: "NVIDIA A100-PCIE-40GB", load: "50 % square wave, 104 ms period" },
  { folder: "transient_response-4090_tr", gpuName: "NVIDIA GeForce RTX 4090", load: "idle, full load, idle (steps)" },
  { folder: "transient_response-a5000_tr", gpuName: "NVIDIA RTX A5000", load: "idle, full load, idle (steps)" },
];

/** Window lengths compared, ms. */
export const METER_WINDOWS_MS = [1000, 2000, 10_000];

const TICKS_PER_MS = 2933.5;
const SAMPLE_BYTES = 18;
/** The authors subtract this from the meter's start stamp before use, us. */
const START_OFFSET_US = 50_000;
/** The logs' timestamps are British Summer Time (UTC+1). */
const LOG_UTC_OFFSET_MS = 3_600_000;

/** One 12-bit reading of the meter: bit 11 set counts as 0. */
function word(buffer, offset) {
  const value = (buffer.readInt16LE(offset) >> 4) & 0xfff;
  return value & 0x800 ? 0 : value;
}

/**
 * The meter's samples of a run: epoch ms and card power in W (four voltage/current pairs:
 * three PCIe slot rails and the 12 V cable).
 */
export function readMeter(dir) {
  const bytes = readFileSync(path.join(dir, "PMD_data.bin"));
  const startUs = Number(readFileSync(path.join(dir, "PMD_start_ts.txt"), "utf8").trim()) - START_OFFSET_US;
  const count = Math.floor(bytes.length / SAMPLE_BYTES);
  const epochMs = new Float64Array(count);
  const powerW = new Float64Array(count);
  let ticks = 0;
  let lastTick = bytes.readUInt16LE(0);
  for (let i = 0; i < count; i += 1) {
    const at = i * SAMPLE_BYTES;
    const tick = bytes.readUInt16LE(at);
    ticks += (tick - lastTick + 65_536) % 65_536;
    lastTick = tick;
    epochMs[i] = startUs / 1000 + ticks / TICKS_PER_MS;
    let watts = 0;
    for (let pair = 0; pair < 4; pair += 1) {
      const volts = word(bytes, at + 2 + pair * 4) * 0.007568;
      const amps = word(bytes, at + 4 + pair * 4) * 0.0488;
      watts += volts * amps;
    }
    powerW[i] = watts;
  }
  return { epochMs, powerW };
}

/** The meter's energy over [fromMs, toMs] (epoch), J: trapezoid over its samples, interpolated at both ends. */
export function meterEnergyJ(meter, fromMs, toMs) {
  const { epochMs, powerW } = meter;
  const at = (t) => {
    let lo = 0;
    let hi = epochMs.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (epochMs[mid] <= t) lo = mid;
      else hi = mid;
    }
    const span = epochMs[hi] - epochMs[lo];
    return { index: hi, watts: span > 0 ? powerW[lo] + ((powerW[hi] - powerW[lo]) * (t - epochMs[lo])) / span : powerW[lo] };
  };
  const start = at(fromMs);
  const end = at(toMs);
  let energyJ = 0;
  let lastT = fromMs;
  let lastW = start.watts;
  for (let i = start.index; i < epochMs.length && epochMs[i] < toMs; i += 1) {
    energyJ += ((lastW + powerW[i]) / 2) * ((epochMs[i] - lastT) / 1000);
    lastT = epochMs[i];
    lastW = powerW[i];
  }
  return energyJ + ((lastW + end.watts) / 2) * ((toMs - lastT) / 1000);
}

/** The epoch ms of the log's first row (`2023/07/14 10:12:46.483`, local time UTC+1). */
function firstRowEpochMs(csv) {
  const row = csv.toString("utf8").split("\n")[1];
  const [, y, mo, d, h, mi, s, ms] = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})/.exec(row);
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms) - LOG_UTC_OFFSET_MS;
}

/** Trapezoid energy of readings `[tMs, W][]` over [fromMs, toMs], interpolated at both ends; first/last power and covered time. */
function windowFigure(readings, fromMs, toMs) {
  const at = (t) => {
    let i = readings.findIndex(([tMs]) => tMs >= t);
    if (i <= 0) return readings[Math.max(i, 0)][1];
    const [t0, w0] = readings[i - 1];
    const [t1, w1] = readings[i];
    return t1 === t0 ? w1 : w0 + ((w1 - w0) * (t - t0)) / (t1 - t0);
  };
  let energyJ = 0;
  let lastT = fromMs;
  let lastW = at(fromMs);
  const firstW = lastW;
  for (const [tMs, watts] of readings) {
    if (tMs <= fromMs) continue;
    if (tMs >= toMs) break;
    energyJ += ((lastW + watts) / 2) * ((tMs - lastT) / 1000);
    lastT = tMs;
    lastW = watts;
  }
  const endW = at(toMs);
  energyJ += ((lastW + endW) / 2) * ((toMs - lastT) / 1000);
  return { energyJ, firstW, lastW: endW };
}

/**
 * gpu-carbon on one run: its figure and range for the whole log (as `report` builds them), and
 * for consecutive windows inside it (as for the steps of a job: the window's own readings, the
 * job's spread), each against the meter over the same span.
 * @param core `{ SampleLogReader, buildReport, sampledRange, sensorProfile }`
 */
export function evaluateRun(dir, run, core, windowsMs = METER_WINDOWS_MS) {
  const meter = readMeter(dir);
  const readings = [];
  const reader = new core.SampleLogReader({ onReading: (tMs, _gpu, watts) => watts !== null && readings.push([tMs, watts]) });
  const csv = readFileSync(path.join(dir, "gpudata.csv"));
  reader.pushBytes(csv);
  reader.endBytes();
  const log = reader.finish();
  const intensity = { gramsPerKwh: 0, source: "none", resolvedBy: "input", location: null, year: null, basis: null };
  const report = core.buildReport(log, { pue: 1, carbonIntensity: intensity }, [{ index: null, uuid: null, name: run.gpuName }]);
  const gpu = report.gpus[0];
  // The reader's times are relative; its first reading is the log's first row, stamped in BST.
  const logStartMs = firstRowEpochMs(csv) - readings[0][0];
  // Compare only where both recorded: the meter ran shorter than the log.
  const fromMs = Math.max(logStartMs + readings[0][0], meter.epochMs[0]);
  const toMs = Math.min(logStartMs + readings[0][0] + log.windowMs, meter.epochMs[meter.epochMs.length - 1]);
  const profile = core.sensorProfile(run.gpuName);
  const figure = (aMs, bMs) => {
    const f = windowFigure(readings, aMs - logStartMs, bMs - logStartMs);
    const parts = core.sampledRange(
      {
        ...f,
        windowMs: bMs - aMs,
        coveredMs: bMs - aMs,
        spreadW: gpu.spreadWatts,
        peakW: gpu.peakWatts,
        intervalMs: log.intervalMs,
        powerField: log.powerField,
      },
      profile,
    );
    const trueJ = meterEnergyJ(meter, aMs, bMs);
    return { fromS: (aMs - fromMs) / 1000, seconds: (bMs - aMs) / 1000, energyJ: f.energyJ, rangeJ: parts.rangeJ, trueJ };
  };
  const whole = figure(fromMs, toMs);
  const windows = windowsMs.map((lengthMs) => {
    const list = [];
    for (let a = fromMs; a + lengthMs <= toMs + 1e-6; a += lengthMs) list.push(figure(a, a + lengthMs));
    return { lengthMs, windows: list };
  });
  const reportJ = { energyJ: gpu.energyKwh * 3_600_000, rangeJ: gpu.energyKwhRange.map((kwh) => kwh * 3_600_000) };
  return { run, report: reportJ, whole, windows };
}

/** Signed relative error of a figure against the truth. */
export const errorOf = (w) => (w.energyJ - w.trueJ) / w.trueJ;
/** Whether the range holds the truth. */
export const contains = (w) => w.rangeJ[0] <= w.trueJ && w.trueJ <= w.rangeJ[1];
/** Half the range's width relative to the figure. */
export const halfWidthOf = (w) => (w.rangeJ[1] - w.rangeJ[0]) / 2 / w.energyJ;

const signed = (fraction) => `${fraction >= 0 ? "+" : ""}${(fraction * 100).toFixed(1)} %`;

/**
 * The bench's rows for the meter runs: per run, the whole run and each window length: the
 * action's error against the meter (smallest to largest), how often the range held the meter's
 * figure, and the range's half-width (median, largest).
 */
export function meterRows(fixturesDir, core) {
  const rows = [];
  for (const run of METER_RUNS) {
    const result = evaluateRun(path.join(fixturesDir, run.folder), run, core);
    const what = `${run.gpuName.replace(/^NVIDIA /, "")}, ${run.load}`;
    const w = result.whole;
    rows.push([
      "Meter",
      `${what}: whole run (${w.seconds.toFixed(1)} s)`,
      `error ${signed(errorOf(w))}, range ${signed(w.rangeJ[0] / w.energyJ - 1)} / ${signed(w.rangeJ[1] / w.energyJ - 1)}`,
      contains(w) ? "range holds the meter" : "range MISSES the meter",
    ]);
    for (const { lengthMs, windows } of result.windows) {
      if (windows.length === 0) continue;
      const errors = windows.map(errorOf).sort((a, b) => a - b);
      const widths = windows.map(halfWidthOf).sort((a, b) => a - b);
      const held = windows.filter(contains).length;
      rows.push([
        "Meter",
        `${what}: ${lengthMs / 1000} s windows (${windows.length})`,
        `error ${signed(errors[0])} to ${signed(errors[errors.length - 1])}; range +/-${(widths[widths.length >> 1] * 100).toFixed(0)} % median, +/-${(widths[widths.length - 1] * 100).toFixed(0)} % widest`,
        `range holds the meter in ${held} of ${windows.length}`,
      ]);
    }
  }
  return rows;
}

/** Where docs/accuracy.md holds the meter figures (`npm run bench -- --accuracy` rewrites them). */
export const DOC_MARKERS = ["<!-- meter-figures:start -->", "<!-- meter-figures:end -->"];

/** The meter rows as the docs' markdown table. */
export function meterMarkdown(rows) {
  return formatTable(
    ["Run", "gpu-carbon against the meter", "Range"],
    rows.map(([, what, value, note]) => [what, value, note]),
  );
}

/** `doc` with the table between the markers replaced by `markdown`. */
export function withMeterFigures(doc, markdown) {
  const [start, end] = DOC_MARKERS;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the accuracy page has no ${start} ... ${end} block`);
  return `${doc.slice(0, from + start.length)}\n\n${markdown}\n${doc.slice(to)}`;
}
