/**
 * Streaming energy integration per GPU. Pure: callers feed timestamped power readings in time
 * order and close the measurement window; memory stays constant whatever the log length.
 *
 * Rules (also written into every report, see `integrationRules`):
 * - Energy is the trapezoid rule over consecutive valid readings of the same GPU.
 * - A missing reading (`[N/A]`, `[GPU is lost]`, a malformed row) is counted, never read as 0 W;
 *   the interval around it is bridged only while the two valid neighbours are at most `gapMs`
 *   apart.
 * - An interval longer than `gapMs` is a gap: not integrated, not covered. So is the interval
 *   across an interruption of the reader (nvidia-smi restarted), whatever its length.
 * - The window edges (window start to the first reading, last reading to window end) are held
 *   at the nearest reading when they are at most `gapMs` long, else left uncovered; the end is
 *   never held for a GPU that nvidia-smi reported lost after its last reading.
 * - `coverage` is the covered time divided by the window; a window of no length (one reading per
 *   GPU, a one-shot query) has unknown energy.
 */
import type { GpuIdentity } from "./gpu.js";

/** Longest interval bridged: five sampling intervals, and never less than 3 s. */
export function gapThresholdMs(intervalMs: number): number {
  return Math.max(5 * intervalMs, 3000);
}

/**
 * Whether the interval between two valid readings `dtMs` apart is integrated: it is positive, at
 * most `gapMs`, and does not span an interruption. Every integration of this codebase asks here.
 */
export function bridged(dtMs: number, gapMs: number, interrupted = false): boolean {
  return !interrupted && dtMs > 0 && dtMs <= gapMs;
}

/** The trapezoid rule: energy in J of a straight line from `startW` to `endW` over `dtMs`. */
export function trapezoidJ(startW: number, endW: number, dtMs: number): number {
  return ((startW + endW) / 2) * (dtMs / 1000);
}

/** Tunables of the integration. */
export interface IntegrationOptions {
  /** Longest interval, in ms, bridged between two valid readings (and held at window edges). */
  gapMs: number;
}

/** Result of integrating one GPU over the window. */
export interface GpuEnergy extends GpuIdentity {
  /** Integrated energy in joules; `null` when the GPU never reported a valid power reading, or the window has no length. */
  energyJ: number | null;
  /** Time in ms covered by valid readings (including held edges). */
  coveredMs: number;
  /** Covered time divided by the window, 0..1. */
  coverage: number;
  /** Time-weighted average power in W over the covered time; `null` without valid readings. */
  averageW: number | null;
  /** Highest single valid reading in W. */
  peakW: number | null;
  /** First and last valid readings in W (what the window edges are held at); `null` without readings. */
  firstW: number | null;
  lastW: number | null;
  /** Valid readings. */
  validSamples: number;
  /** Rows whose power was a placeholder or not a number. */
  missingSamples: number;
  /** Intervals longer than `gapMs` that were not integrated. */
  gaps: number;
  /** Longest uncovered stretch in ms (gaps and uncovered edges). */
  longestGapMs: number;
  /** Time-weighted standard deviation of the readings over the covered time, W; 0 without readings. */
  spreadW: number;
}

/** The rules above as sentences, for the report. */
export function integrationRules(options: IntegrationOptions): string[] {
  const gapS = (options.gapMs / 1000).toFixed(1);
  return [
    "energy per GPU is the trapezoid rule over consecutive valid power readings",
    "missing readings ([N/A], [Not Supported], [GPU is lost], malformed or cut-off lines) are counted, never read as 0 W",
    `readings more than ${gapS} s apart are a gap: not integrated and not counted as covered; so is the time nvidia-smi was down and restarting`,
    `the window edges are held at the nearest reading when they are at most ${gapS} s long`,
    "coverage is the time covered by valid readings divided by the measurement window",
  ];
}

/**
 * One GPU's readings over a stretch of time, integrated on their own (the sampler's rollup
 * records): enough to continue the integration as if the readings themselves had been added
 * (see `addRollup`).
 */
export interface GpuRollup {
  /** Trapezoid energy between its own readings, J. */
  energyJ: number;
  /** The same integral of power squared, W²·s (gives the readings' spread). */
  powerSquaredW2s: number;
  /** Time integrated between its readings, ms. */
  coveredMs: number;
  /** Highest valid reading, W (`null` without one). */
  peakW: number | null;
  /** Valid readings. */
  validSamples: number;
  /** Missing readings (placeholders). */
  missingSamples: number;
  /** Intervals between its readings that were gaps. */
  gaps: number;
  /** The longest of those, ms. */
  longestGapMs: number;
  /** First valid reading: time (sampler ms, `null` without one) and power (W). */
  firstMs: number | null;
  firstW: number;
  /** Last valid reading: time (sampler ms, `null` without one) and power (W). */
  lastMs: number | null;
  lastW: number;
}

/** A rollup of no readings yet. */
export function emptyRollup(): GpuRollup {
  return {
    energyJ: 0,
    powerSquaredW2s: 0,
    coveredMs: 0,
    peakW: null,
    validSamples: 0,
    missingSamples: 0,
    gaps: 0,
    longestGapMs: 0,
    firstMs: null,
    firstW: 0,
    lastMs: null,
    lastW: 0,
  };
}

/**
 * One GPU's running totals; a handle for `addTo` that skips the lookup by key. Its times and peak
 * are kept as numbers, `NaN` for none, written by the integrator alone and read as `GpuRollup`'s
 * `null`: a field that has held `null` would make every number stored in it an allocation, and a
 * log has millions of readings.
 */
export class GpuState implements GpuRollup {
  energyJ = NaN;
  powerSquaredW2s = NaN;
  coveredMs = NaN;
  validSamples = 0;
  missingSamples = 0;
  gaps = 0;
  longestGapMs = NaN;
  firstW = NaN;
  lastW = NaN;
  /** The next interval spans an interruption: count it as a gap. */
  interrupted = false;
  /** `firstMs`, `lastMs` and `peakW`, `NaN` for none. */
  firstAtMs = NaN;
  lastAtMs = NaN;
  peakAtW = NaN;

  constructor(public identity: GpuIdentity) {
    // Stored first as `NaN` (above), these are held by V8 as doubles from the start. First stored
    // as 0, a small integer, each would become a double later: the energy at the first reading,
    // the covered time when it passed 2^31 ms (in a 25-day job), and every compiled function that
    // reads a GPU's totals would be thrown away then, mid-log.
    this.energyJ = 0;
    this.powerSquaredW2s = 0;
    this.coveredMs = 0;
    this.longestGapMs = 0;
    this.firstW = 0;
    this.lastW = 0;
  }

  get firstMs(): number | null {
    return Number.isNaN(this.firstAtMs) ? null : this.firstAtMs;
  }

  get lastMs(): number | null {
    return Number.isNaN(this.lastAtMs) ? null : this.lastAtMs;
  }

  get peakW(): number | null {
    return Number.isNaN(this.peakAtW) ? null : this.peakAtW;
  }
}

/** Accumulates readings for every GPU of a log. */
export class EnergyIntegrator {
  private readonly gpus = new Map<string, GpuState>();

  constructor(private readonly options: IntegrationOptions) {}

  /** Number of GPUs seen so far. */
  get gpuCount(): number {
    return this.gpus.size;
  }

  /** Adds one reading; `powerW` is `null` for a missing value. Readings must come in time order. */
  add(tMs: number, identity: GpuIdentity, powerW: number | null): void {
    this.addTo(this.state(identity), tMs, powerW);
  }

  /** `add` for a GPU already looked up with `state` (the reader's fast path). */
  addTo(gpu: GpuState, tMs: number, powerW: number | null): void {
    // Nearly every reading: a valid one a bridged interval after the last (kept small, to be
    // inlined into the reader's loop). `step` has the same rules for every case.
    const dtMs = tMs - gpu.lastAtMs;
    if (powerW !== null && powerW >= 0 && powerW < Infinity && bridged(dtMs, this.options.gapMs, gpu.interrupted)) {
      gpu.validSamples += 1;
      if (!(powerW <= gpu.peakAtW)) gpu.peakAtW = powerW;
      const lastW = gpu.lastW;
      gpu.energyJ += trapezoidJ(lastW, powerW, dtMs);
      gpu.powerSquaredW2s += trapezoidJ(lastW * lastW, powerW * powerW, dtMs);
      gpu.coveredMs += dtMs;
      gpu.lastAtMs = tMs;
      gpu.lastW = powerW;
      return;
    }
    this.addAny(gpu, tMs, powerW);
  }

  /** `addTo` for any reading. */
  private addAny(gpu: GpuState, tMs: number, powerW: number | null): void {
    if (powerW === null || !Number.isFinite(powerW) || powerW < 0) {
      gpu.missingSamples += 1;
      return;
    }
    gpu.validSamples += 1;
    if (!(powerW <= gpu.peakAtW)) gpu.peakAtW = powerW; // also when there is none yet (NaN)
    this.step(gpu, tMs, powerW);
    gpu.lastAtMs = tMs;
    gpu.lastW = powerW;
  }

  /**
   * Adds a rollup integrated elsewhere (the sampler's compact records): the interval from this
   * GPU's last reading to the rollup's first follows the usual rules, then its totals are added.
   * The result equals adding its readings one by one, up to rounding.
   */
  addRollup(identity: GpuIdentity, rollup: GpuRollup): void {
    this.addRollupTo(this.state(identity), rollup);
  }

  /** `addRollup` for a GPU already looked up with `state`. */
  addRollupTo(gpu: GpuState, rollup: GpuRollup): void {
    gpu.missingSamples += rollup.missingSamples;
    if (rollup.validSamples === 0 || rollup.firstMs === null || rollup.lastMs === null) return;
    gpu.validSamples += rollup.validSamples;
    if (rollup.peakW !== null && !(rollup.peakW <= gpu.peakAtW)) gpu.peakAtW = rollup.peakW;
    this.step(gpu, rollup.firstMs, rollup.firstW);
    gpu.energyJ += rollup.energyJ;
    gpu.powerSquaredW2s += rollup.powerSquaredW2s;
    gpu.coveredMs += rollup.coveredMs;
    gpu.gaps += rollup.gaps;
    gpu.longestGapMs = Math.max(gpu.longestGapMs, rollup.longestGapMs);
    gpu.lastAtMs = rollup.lastMs;
    gpu.lastW = rollup.lastW;
  }

  /** Every GPU's totals so far, in the order first seen (the sampler writes them as rollups). */
  states(): readonly GpuState[] {
    return [...this.gpus.values()];
  }

  /**
   * Marks an interruption (nvidia-smi died and was restarted): for every GPU the interval from
   * its last reading before to its first reading after is a gap, not bridged even when short.
   */
  interrupt(): void {
    for (const gpu of this.gpus.values()) if (!Number.isNaN(gpu.lastAtMs)) gpu.interrupted = true;
  }

  /** The interval from the last valid reading to a new one at (tMs, powerW): integrated or a gap. */
  private step(gpu: GpuState, tMs: number, powerW: number): void {
    if (Number.isNaN(gpu.lastAtMs)) {
      gpu.firstAtMs = tMs;
      gpu.firstW = powerW;
      return;
    }
    const dtMs = tMs - gpu.lastAtMs;
    if (gpu.interrupted && dtMs > 0) {
      gpu.gaps += 1;
      gpu.longestGapMs = Math.max(gpu.longestGapMs, dtMs);
    } else if (bridged(dtMs, this.options.gapMs)) {
      gpu.energyJ += trapezoidJ(gpu.lastW, powerW, dtMs);
      gpu.powerSquaredW2s += trapezoidJ(gpu.lastW * gpu.lastW, powerW * powerW, dtMs);
      gpu.coveredMs += dtMs;
    } else if (dtMs > this.options.gapMs) {
      gpu.gaps += 1;
      gpu.longestGapMs = Math.max(gpu.longestGapMs, dtMs);
    }
    gpu.interrupted = false;
  }

  /**
   * Closes the window [startMs, endMs] and returns one result per GPU, in the order first seen.
   * Does not change the accumulator, so it can be called for intermediate reports.
   * @param lostAtMs time of the last row that named no GPU (`[GPU is lost]`); a GPU silent since
   *   before it is the lost one, so its last reading is not held to the window's end
   */
  finish(startMs: number, endMs: number, lostAtMs: number | null = null): GpuEnergy[] {
    const windowMs = Math.max(0, endMs - startMs);
    return [...this.gpus.values()].map((gpu) => {
      let energyJ = gpu.energyJ;
      let squaredW2s = gpu.powerSquaredW2s;
      let coveredMs = gpu.coveredMs;
      let longestGapMs = gpu.longestGapMs;
      if (gpu.firstMs !== null && gpu.lastMs !== null) {
        const leadMs = gpu.firstMs - startMs;
        if (leadMs > 0 && leadMs <= this.options.gapMs) {
          energyJ += gpu.firstW * (leadMs / 1000);
          squaredW2s += gpu.firstW * gpu.firstW * (leadMs / 1000);
          coveredMs += leadMs;
        } else if (leadMs > 0) longestGapMs = Math.max(longestGapMs, leadMs);
        const tailMs = endMs - gpu.lastMs;
        const lost = lostAtMs !== null && gpu.lastMs < lostAtMs;
        if (tailMs > 0 && tailMs <= this.options.gapMs && !lost) {
          energyJ += gpu.lastW * (tailMs / 1000);
          squaredW2s += gpu.lastW * gpu.lastW * (tailMs / 1000);
          coveredMs += tailMs;
        } else if (tailMs > 0) longestGapMs = Math.max(longestGapMs, tailMs);
      } else {
        longestGapMs = windowMs;
      }
      coveredMs = Math.min(coveredMs, windowMs);
      const valid = gpu.validSamples > 0;
      const coveredS = coveredMs / 1000;
      const meanW = coveredS > 0 ? energyJ / coveredS : 0;
      return {
        ...gpu.identity,
        // A window of no length (a one-shot query) has no time to integrate over: unknown, not 0 J.
        energyJ: valid && windowMs > 0 ? energyJ : null,
        coveredMs,
        coverage: windowMs > 0 ? coveredMs / windowMs : 0,
        averageW: valid && coveredMs > 0 ? energyJ / (coveredMs / 1000) : valid ? gpu.lastW : null,
        peakW: gpu.peakW,
        firstW: valid ? gpu.firstW : null,
        lastW: valid ? gpu.lastW : null,
        validSamples: gpu.validSamples,
        missingSamples: gpu.missingSamples,
        gaps: gpu.gaps,
        longestGapMs,
        spreadW: coveredS > 0 ? Math.sqrt(Math.max(0, squaredW2s / coveredS - meanW * meanW)) : 0,
      };
    });
  }

  /** The running totals of a GPU, created on first sight; completes a missing index. */
  state(identity: GpuIdentity): GpuState {
    let gpu = this.gpus.get(identity.key);
    if (!gpu) {
      gpu = new GpuState(identity);
      this.gpus.set(identity.key, gpu);
    } else if (gpu.identity.index === null && identity.index !== null) {
      gpu.identity = { ...gpu.identity, index: identity.index };
    }
    return gpu;
  }
}
