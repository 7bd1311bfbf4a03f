/**
 * A GPU's power readings over a window, cut to it: the readings inside, plus a reading at each
 * window edge interpolated between the samples that straddle it. Pure.
 */
import type { EpochWindow } from "./counter-energy.js";

/** Readings cut to a window and what the edges leave uncertain. */
export interface WindowReadings {
  /** `[epochMs, W]` in time order, all inside the window (edges included when interpolated). */
  readings: [number, number][];
  /**
   * How far the true energy at the two edges may lie below and above the trapezoid over these
   * readings, J: the power between two straddling samples is taken to lie between their values.
   */
  edgeLowJ: number;
  edgeHighJ: number;
}

function interpolate(a: [number, number], b: [number, number], tMs: number): number {
  return a[1] + ((b[1] - a[1]) * (tMs - a[0])) / (b[0] - a[0]);
}

/**
 * The readings inside `window`; an edge reading is interpolated when the samples on either side
 * of the edge are at most `gapMs` apart (else the integration's own edge rule applies).
 */
export function windowReadings(samples: [number, number][], window: EpochWindow, gapMs: number): WindowReadings {
  const { startEpochMs: t0, endEpochMs: t1 } = window;
  const inside = samples.filter(([tMs]) => tMs >= t0 && tMs <= t1);
  const before = samples.filter(([tMs]) => tMs < t0).at(-1);
  const after = samples.find(([tMs]) => tMs > t1);
  const readings: [number, number][] = [];
  let edgeLowJ = 0;
  let edgeHighJ = 0;
  const edge = (a: [number, number], b: [number, number], tMs: number, innerMs: number, innerW: number): [number, number] => {
    const powerW = interpolate(a, b, tMs);
    const spanS = Math.abs(innerMs - tMs) / 1000;
    const estimateJ = ((powerW + innerW) / 2) * spanS;
    edgeLowJ += estimateJ - Math.min(a[1], b[1]) * spanS;
    edgeHighJ += Math.max(a[1], b[1]) * spanS - estimateJ;
    return [tMs, powerW];
  };
  const firstInside = inside[0];
  const lastInside = inside.at(-1);
  if (firstInside === undefined || lastInside === undefined) {
    // The whole window lies between two samples.
    if (before && after && after[0] - before[0] <= gapMs) {
      readings.push(edge(before, after, t0, t1, interpolate(before, after, t1)), [t1, interpolate(before, after, t1)]);
    }
  } else {
    if (before && firstInside[0] > t0 && firstInside[0] - before[0] <= gapMs) readings.push(edge(before, firstInside, t0, ...firstInside));
    for (const reading of inside) readings.push(reading); // not push(...inside): a month is too many arguments
    if (after && lastInside[0] < t1 && after[0] - lastInside[0] <= gapMs) readings.push(edge(lastInside, after, t1, ...lastInside));
  }
  return { readings, edgeLowJ: Math.max(0, edgeLowJ), edgeHighJ: Math.max(0, edgeHighJ) };
}
