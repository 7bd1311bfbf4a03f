/**
 * Energy over sub-windows of one measurement (workflow steps, named phases). Pure and
 * streaming: it sees the same readings as `EnergyIntegrator`, in time order, and keeps only the
 * last reading per GPU and one accumulator per window, whatever the log length.
 *
 * It integrates the same power curve as `EnergyIntegrator` (see `../integrator.ts`, whose
 * `bridged` and `trapezoidJ` it uses): straight lines
 * between consecutive valid readings of a GPU at most `gapMs` apart, nothing across longer gaps,
 * and the window edges held at the nearest reading when they are at most `gapMs` long. Each
 * piece of that curve is cut at the sub-window boundaries, so sub-windows that tile the whole
 * measurement add up to its total energy.
 */
import type { GpuIdentity } from "../gpu.js";
import { bridged, trapezoidJ, type IntegrationOptions } from "../integrator.js";

/** A stretch of the measurement, in ms on the log's clock (sampler: ms since `@start`). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** What one sub-window drew, all GPUs together. */
export interface WindowEnergyResult {
  /** Energy in joules over the window, summed over GPUs. */
  energyJ: number;
  /** Time covered by valid readings, summed over GPUs, ms (a 2-GPU window of 10 s covers up to 20 s). */
  coveredMs: number;
}

interface Last {
  tMs: number;
  powerW: number;
  firstMs: number;
  firstW: number;
  /** The next interval spans an interruption. */
  interrupted?: boolean;
}

/** Accumulates energy per sub-window. Windows may overlap or touch; each is integrated on its own. */
export class WindowEnergy {
  private readonly windows: TimeWindow[];
  /** Indices into `windows`, sorted by start, for a binary search per curve piece. */
  private readonly order: number[];
  private readonly longestMs: number;
  private readonly energyJ: number[];
  private readonly coveredMs: number[];
  private readonly last = new Map<string, Last>();

  constructor(
    windows: TimeWindow[],
    private readonly options: IntegrationOptions,
  ) {
    this.windows = windows.map((w) => ({ startMs: w.startMs, endMs: Math.max(w.startMs, w.endMs) }));
    this.order = this.windows.map((_, i) => i).sort((a, b) => this.windows[a]!.startMs - this.windows[b]!.startMs);
    this.longestMs = Math.max(0, ...this.windows.map((w) => w.endMs - w.startMs));
    this.energyJ = this.windows.map(() => 0);
    this.coveredMs = this.windows.map(() => 0);
  }

  /** Adds one reading (`null` or negative: missing, skipped as the integrator does). */
  add(tMs: number, identity: GpuIdentity, powerW: number | null): void {
    if (powerW === null || !Number.isFinite(powerW) || powerW < 0) return;
    const prev = this.last.get(identity.key);
    if (!prev) {
      this.last.set(identity.key, { tMs, powerW, firstMs: tMs, firstW: powerW });
      return;
    }
    const dtMs = tMs - prev.tMs;
    if (bridged(dtMs, this.options.gapMs, prev.interrupted)) this.piece(prev.tMs, prev.powerW, tMs, powerW);
    prev.tMs = tMs;
    prev.powerW = powerW;
    prev.interrupted = false;
  }

  /** An interruption (nvidia-smi restarted): the next interval of every GPU is a gap, as in `EnergyIntegrator`. */
  interrupt(): void {
    for (const gpu of this.last.values()) gpu.interrupted = true;
  }

  /**
   * Adds the held edges of the measurement [startMs, endMs] and returns one result per window,
   * in the order given. Does not change the accumulators.
   */
  finish(startMs: number, endMs: number): WindowEnergyResult[] {
    const energyJ = [...this.energyJ];
    const coveredMs = [...this.coveredMs];
    const add = (fromMs: number, toMs: number, powerW: number) =>
      this.spread(fromMs, toMs, (i, a, b) => {
        energyJ[i]! += powerW * ((b - a) / 1000);
        coveredMs[i]! += b - a;
      });
    for (const gpu of this.last.values()) {
      const leadMs = gpu.firstMs - startMs;
      if (leadMs > 0 && leadMs <= this.options.gapMs) add(startMs, gpu.firstMs, gpu.firstW);
      const tailMs = endMs - gpu.tMs;
      if (tailMs > 0 && tailMs <= this.options.gapMs) add(gpu.tMs, endMs, gpu.powerW);
    }
    return this.windows.map((_, i) => ({ energyJ: energyJ[i] ?? 0, coveredMs: coveredMs[i] ?? 0 }));
  }

  /** A straight piece of the power curve from (t0, w0) to (t1, w1), cut at window boundaries. */
  private piece(t0: number, w0: number, t1: number, w1: number): void {
    const at = (t: number) => w0 + ((w1 - w0) * (t - t0)) / (t1 - t0);
    this.spread(t0, t1, (i, a, b) => {
      this.energyJ[i]! += trapezoidJ(at(a), at(b), b - a);
      this.coveredMs[i]! += b - a;
    });
  }

  /** Calls `visit(window, a, b)` for every window overlapping [fromMs, toMs], with the overlap. */
  private spread(fromMs: number, toMs: number, visit: (window: number, a: number, b: number) => void): void {
    // Windows starting before fromMs - longestMs cannot reach fromMs: start the scan there.
    let lo = 0;
    let hi = this.order.length;
    const from = fromMs - this.longestMs;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.windows[this.order[mid]!]!.startMs < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.order.length; k += 1) {
      const i = this.order[k]!;
      const w = this.windows[i]!;
      if (w.startMs >= toMs) break;
      const a = Math.max(fromMs, w.startMs);
      const b = Math.min(toMs, w.endMs);
      if (b > a) visit(i, a, b);
    }
  }
}
