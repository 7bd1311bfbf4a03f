/**
 * A GPU's energy over a time window from the samples of its cumulative energy counter, as a
 * scraper saw them. Pure.
 *
 * Rules:
 * - Between two samples the counter's increase is exact, however far apart they are (the driver
 *   counts on while the exporter is down); a gap longer than `gapMs` still counts as uncovered.
 * - A decrease is a reset (driver reloaded): the later value is the energy since the reset, and
 *   the stretch before the reset inside that interval is estimated from the power readings
 *   (their trapezoid when it is larger), so that a reset neither loses nor invents energy. The
 *   range runs from the counter's value alone to the board's peak power over the interval.
 * - An interval that straddles a window edge is split in proportion to time. The range assumes
 *   the power inside it lay between the lowest and highest of its average and the power
 *   readings at its two ends.
 * - A window edge with no sample beyond it is held at the nearest interval's average power when
 *   at most `gapMs` long (range: the lowest to highest power seen), else left uncovered (range:
 *   0 to the peak power over that stretch).
 */

/** One board's counter and power samples: `[epochMs, value]`, oldest first. */
export interface BoardSamples {
  /** Counter readings, mJ. */
  counterMj: [number, number][];
  /** Power readings, W (may be empty). */
  powerW: [number, number][];
}

/** A time window, ms since the epoch. */
export interface EpochWindow {
  startEpochMs: number;
  endEpochMs: number;
}

/** The counter's energy over the window. */
export interface CounterEnergy {
  /** Best estimate, J. */
  energyJ: number;
  /** Lowest and highest energy the samples allow, J. */
  rangeJ: [number, number];
  /** Time inside the window between samples at most `gapMs` apart, plus held edges, ms. */
  coveredMs: number;
  /** Counter resets found inside the window. */
  resets: number;
  /** Counter samples inside the window. */
  samples: number;
}

/** The power reading nearest to `tMs`, or `null` when none lies within `withinMs`. */
function powerNear(power: [number, number][], tMs: number, withinMs: number): number | null {
  let best: [number, number] | null = null;
  for (const sample of power) {
    if (Math.abs(sample[0] - tMs) > withinMs) continue;
    if (best === null || Math.abs(sample[0] - tMs) < Math.abs(best[0] - tMs)) best = sample;
  }
  return best === null ? null : best[1];
}

function peakBetween(power: [number, number][], fromMs: number, toMs: number, fallbackW: number): number {
  let peak = fallbackW;
  for (const [tMs, powerW] of power) if (tMs >= fromMs && tMs <= toMs && powerW > peak) peak = powerW;
  return peak;
}

interface Interval {
  fromMs: number;
  toMs: number;
  /** Estimate and bounds of the energy over the whole interval, J. */
  energyJ: number;
  lowJ: number;
  highJ: number;
  reset: boolean;
}

function intervals(samples: BoardSamples, gapMs: number): Interval[] {
  const counter = samples.counterMj;
  const out: Interval[] = [];
  for (let i = 1; i < counter.length; i++) {
    const [fromMs, fromMj] = counter[i - 1]!;
    const [toMs, toMj] = counter[i]!;
    const dtS = (toMs - fromMs) / 1000;
    if (dtS <= 0) continue;
    if (toMj >= fromMj) {
      const energyJ = (toMj - fromMj) / 1000;
      out.push({ fromMs, toMs, energyJ, lowJ: energyJ, highJ: energyJ, reset: false });
      continue;
    }
    // Reset: the new value is what was drawn since; the power readings estimate the whole interval.
    const sinceResetJ = toMj / 1000;
    const within = Math.min(gapMs, toMs - fromMs);
    const a = powerNear(samples.powerW, fromMs, within);
    const b = powerNear(samples.powerW, toMs, within);
    const trapezoidJ = a !== null && b !== null ? ((a + b) / 2) * dtS : a !== null || b !== null ? (a ?? b ?? 0) * dtS : 0;
    const energyJ = Math.max(sinceResetJ, trapezoidJ);
    const peakW = peakBetween(samples.powerW, fromMs, toMs, Math.max(a ?? 0, b ?? 0));
    out.push({ fromMs, toMs, energyJ, lowJ: sinceResetJ, highJ: Math.max(energyJ, peakW * dtS), reset: true });
  }
  return out;
}

/** The counter's energy over `window` (see the rules above). `gapMs`: longest interval counted as covered. */
export function counterEnergy(samples: BoardSamples, window: EpochWindow, gapMs: number): CounterEnergy | null {
  const { startEpochMs: t0, endEpochMs: t1 } = window;
  const all = intervals(samples, gapMs);
  if (all.length === 0 || t1 <= t0) return null;
  let energyJ = 0;
  let lowJ = 0;
  let highJ = 0;
  let coveredMs = 0;
  let resets = 0;
  const averages: number[] = [];
  for (const interval of all) {
    const inFrom = Math.max(interval.fromMs, t0);
    const inTo = Math.min(interval.toMs, t1);
    if (inTo <= inFrom) continue;
    const dtMs = interval.toMs - interval.fromMs;
    const averageW = interval.energyJ / (dtMs / 1000);
    averages.push(averageW);
    if (interval.reset && interval.toMs <= t1 && interval.toMs > t0) resets += 1;
    if (dtMs <= gapMs) coveredMs += inTo - inFrom;
    if (inFrom === interval.fromMs && inTo === interval.toMs) {
      energyJ += interval.energyJ;
      lowJ += interval.lowJ;
      highJ += interval.highJ;
      continue;
    }
    const inS = (inTo - inFrom) / 1000;
    const outS = dtMs / 1000 - inS;
    const ends = [averageW];
    for (const t of [interval.fromMs, interval.toMs]) {
      const powerW = powerNear(samples.powerW, t, Math.min(gapMs, dtMs));
      if (powerW !== null) ends.push(powerW);
    }
    const minW = Math.min(...ends);
    const maxW = Math.max(...ends);
    const share = interval.energyJ * (inS / (dtMs / 1000));
    energyJ += share;
    lowJ += Math.max(0, minW * inS, interval.lowJ - maxW * outS);
    highJ += Math.min(interval.highJ, Math.max(share, maxW * inS, interval.highJ - minW * outS));
  }
  // Edges no interval reaches: held at the nearest average, or uncovered.
  const first = samples.counterMj[0]![0];
  const last = samples.counterMj[samples.counterMj.length - 1]![0];
  // The lowest and highest power seen: loops, as a month of samples is too many arguments for Math.min.
  let minW = Infinity;
  let maxW = -Infinity;
  for (const w of averages) {
    if (w < minW) minW = w;
    if (w > maxW) maxW = w;
  }
  for (const [t, w] of samples.powerW)
    if (t >= t0 && t <= t1) {
      if (w < minW) minW = w;
      if (w > maxW) maxW = w;
    }
  if (minW > maxW) minW = maxW = 0;
  const edges: [number, number | undefined][] = [
    [Math.max(0, Math.min(first, t1) - t0), averages[0]],
    [Math.max(0, t1 - Math.max(last, t0)), averages[averages.length - 1]],
  ];
  for (const [edgeMs, nearestW] of edges) {
    if (edgeMs <= 0) continue;
    const edgeS = edgeMs / 1000;
    if (edgeMs <= gapMs && nearestW !== undefined) {
      energyJ += nearestW * edgeS;
      lowJ += minW * edgeS;
      highJ += maxW * edgeS;
      coveredMs += edgeMs;
    } else highJ += maxW * edgeS;
  }
  let inside = 0;
  for (const [t] of samples.counterMj) if (t >= t0 && t <= t1) inside += 1;
  return {
    energyJ,
    rangeJ: [Math.min(lowJ, energyJ), Math.max(highJ, energyJ)],
    coveredMs: Math.min(coveredMs, t1 - t0),
    resets,
    samples: inside,
  };
}
