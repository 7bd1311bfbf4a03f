// Accuracy as a benchmark: power traces whose energy is known exactly, read through a model of
// what the driver reports, sampled the way the sampler samples, integrated by gpu-carbon's reader.
// Pure: the integration is passed in, so these helpers can be tested on their own.

/** True power over time, W, one value per millisecond (piecewise constant on a 1 ms grid). */
export const TRACES = {
  steady: { label: "steady 300 W", powerW: () => 300 },
  square: { label: "square wave 100/400 W, 4 s period", powerW: (tMs) => (tMs % 4000 < 2000 ? 400 : 100) },
  bursts: {
    label: "80 ms bursts of 650 W over 150 W, every 1.003 s",
    powerW: (tMs) => (tMs % 1003 < 80 ? 650 : 150),
  },
  ramp: { label: "ramp 100 -> 600 W", powerW: (tMs, durationMs) => 100 + (500 * tMs) / durationMs },
};

/**
 * What the driver reports (nvidia-smi.md section 3): a boxcar average of true power over
 * `windowMs`, published every `periodMs`. A reading at time t returns the last published value.
 */
export const DRIVERS = {
  average: { label: "1 s average every 100 ms (power.draw on most recent GPUs)", periodMs: 100, windowMs: 1000 },
  instant: { label: "25 ms window every 100 ms (A100/H100)", periodMs: 100, windowMs: 25 },
};

/** Prefix sums of a trace on its 1 ms grid: energy between any two whole ms in O(1). */
export function cumulativeJ(trace, durationMs) {
  const sums = new Float64Array(durationMs + 1);
  for (let t = 0; t < durationMs; t += 1) sums[t + 1] = sums[t] + trace.powerW(t, durationMs) / 1000;
  return sums;
}

/** The energy of the whole trace, J: the reference the estimate is compared with. */
export function trueEnergyJ(sums) {
  return sums[sums.length - 1];
}

/** The value the driver shows at `tMs`, rounded to 0.01 W as nvidia-smi prints it. */
export function driverReadingW(driver, sums, tMs) {
  const published = Math.floor(tMs / driver.periodMs) * driver.periodMs;
  const from = Math.max(0, published - driver.windowMs);
  const to = Math.max(from + 1, published);
  const meanW = ((sums[Math.min(to, sums.length - 1)] - sums[Math.min(from, sums.length - 1)]) * 1000) / (to - from);
  return Math.round(meanW * 100) / 100;
}

/**
 * When the sampler reads: every `intervalMs` from a start offset, drifting by a fraction of a
 * millisecond per iteration as the real loop does (nvidia-smi.md section 2.4).
 */
export function sampleTimesMs(intervalMs, durationMs, startMs = 37, driftMs = 0.7) {
  const times = [];
  for (let k = 0, t = startMs; t < durationMs; k += 1, t = startMs + k * (intervalMs + driftMs)) times.push(Math.round(t));
  return times;
}

/**
 * Error of gpu-carbon's estimate for every trace, driver model and interval, in percent.
 * @param integrate (samples: [tMs, powerW][], intervalMs, durationMs) => energy J, gpu-carbon's reader
 */
export function accuracyTable(integrate, intervalsMs, durationMs) {
  const rows = [];
  for (const [traceName, trace] of Object.entries(TRACES)) {
    const sums = cumulativeJ(trace, durationMs);
    const trueJ = trueEnergyJ(sums);
    for (const [driverName, driver] of Object.entries(DRIVERS)) {
      const errors = intervalsMs.map((intervalMs) => {
        const samples = sampleTimesMs(intervalMs, durationMs).map((t) => [t, driverReadingW(driver, sums, t)]);
        return (100 * (integrate(samples, intervalMs, durationMs) - trueJ)) / trueJ;
      });
      rows.push({ trace: traceName, traceLabel: trace.label, driver: driverName, driverLabel: driver.label, errorsPct: errors });
    }
  }
  return rows;
}
