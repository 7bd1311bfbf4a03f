export const id = 362;
export const ids = [362];
export const modules = {

/***/ 83362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prometheusReport: () => (/* binding */ prometheusReport)
});

// UNUSED EXPORTS: PROMETHEUS_BUDGET_MS

// EXTERNAL MODULE: ./src/adapters/prometheus-api.ts
var prometheus_api = __webpack_require__(5367);
// EXTERNAL MODULE: ./src/core/units.ts
var units = __webpack_require__(52184);
// EXTERNAL MODULE: ./src/core/integrator.ts
var core_integrator = __webpack_require__(59930);
;// CONCATENATED MODULE: ./src/core/energy/windows.ts

/** Accumulates energy per sub-window. Windows may overlap or touch; each is integrated on its own. */
class WindowEnergy {
    options;
    windows;
    /** Indices into `windows`, sorted by start, for a binary search per curve piece. */
    order;
    longestMs;
    energyJ;
    coveredMs;
    last = new Map();
    constructor(windows, options) {
        this.options = options;
        this.windows = windows.map((w) => ({ startMs: w.startMs, endMs: Math.max(w.startMs, w.endMs) }));
        this.order = this.windows.map((_, i) => i).sort((a, b) => this.windows[a].startMs - this.windows[b].startMs);
        this.longestMs = Math.max(0, ...this.windows.map((w) => w.endMs - w.startMs));
        this.energyJ = this.windows.map(() => 0);
        this.coveredMs = this.windows.map(() => 0);
    }
    /** Adds one reading (`null` or negative: missing, skipped as the integrator does). */
    add(tMs, identity, powerW) {
        if (powerW === null || !Number.isFinite(powerW) || powerW < 0)
            return;
        const prev = this.last.get(identity.key);
        if (!prev) {
            this.last.set(identity.key, { tMs, powerW, firstMs: tMs, firstW: powerW });
            return;
        }
        const dtMs = tMs - prev.tMs;
        if ((0,core_integrator/* bridged */.Id)(dtMs, this.options.gapMs, prev.interrupted))
            this.piece(prev.tMs, prev.powerW, tMs, powerW);
        prev.tMs = tMs;
        prev.powerW = powerW;
        prev.interrupted = false;
    }
    /** An interruption (nvidia-smi restarted): the next interval of every GPU is a gap, as in `EnergyIntegrator`. */
    interrupt() {
        for (const gpu of this.last.values())
            gpu.interrupted = true;
    }
    /**
     * Adds the held edges of the measurement [startMs, endMs] and returns one result per window,
     * in the order given. Does not change the accumulators.
     */
    finish(startMs, endMs) {
        const energyJ = [...this.energyJ];
        const coveredMs = [...this.coveredMs];
        const add = (fromMs, toMs, powerW) => this.spread(fromMs, toMs, (i, a, b) => {
            energyJ[i] += powerW * ((b - a) / 1000);
            coveredMs[i] += b - a;
        });
        for (const gpu of this.last.values()) {
            const leadMs = gpu.firstMs - startMs;
            if (leadMs > 0 && leadMs <= this.options.gapMs)
                add(startMs, gpu.firstMs, gpu.firstW);
            const tailMs = endMs - gpu.tMs;
            if (tailMs > 0 && tailMs <= this.options.gapMs)
                add(gpu.tMs, endMs, gpu.powerW);
        }
        return this.windows.map((_, i) => ({ energyJ: energyJ[i] ?? 0, coveredMs: coveredMs[i] ?? 0 }));
    }
    /** A straight piece of the power curve from (t0, w0) to (t1, w1), cut at window boundaries. */
    piece(t0, w0, t1, w1) {
        const at = (t) => w0 + ((w1 - w0) * (t - t0)) / (t1 - t0);
        this.spread(t0, t1, (i, a, b) => {
            this.energyJ[i] += (0,core_integrator/* trapezoidJ */.Pq)(at(a), at(b), b - a);
            this.coveredMs[i] += b - a;
        });
    }
    /** Calls `visit(window, a, b)` for every window overlapping [fromMs, toMs], with the overlap. */
    spread(fromMs, toMs, visit) {
        // Windows starting before fromMs - longestMs cannot reach fromMs: start the scan there.
        let lo = 0;
        let hi = this.order.length;
        const from = fromMs - this.longestMs;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.windows[this.order[mid]].startMs < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (let k = lo; k < this.order.length; k += 1) {
            const i = this.order[k];
            const w = this.windows[i];
            if (w.startMs >= toMs)
                break;
            const a = Math.max(fromMs, w.startMs);
            const b = Math.min(toMs, w.endMs);
            if (b > a)
                visit(i, a, b);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/energy/breakdown.ts


/** The spans as windows on the log's clock, from 0 on; a running span has no end (Infinity). */
function spanWindows(spans, startEpochMs) {
    return spans.map((span) => {
        const startMs = Math.max(0, span.startEpochMs - startEpochMs);
        const endMs = span.endEpochMs === null ? Number.POSITIVE_INFINITY : span.endEpochMs - startEpochMs;
        return { startMs, endMs: Math.max(startMs, endMs) };
    });
}
/**
 * Energy per span while a log is read: feed it every reading the integrator gets. The windows
 * are placed when the first reading arrives, by which time the log's `@start` epoch is known.
 */
class SpanEnergy {
    spans;
    gapMs;
    energy = null;
    windows = [];
    constructor(spans, gapMs) {
        this.spans = spans;
        this.gapMs = gapMs;
    }
    /** Adds one reading; `startEpochMs` is the log's `@start` epoch. */
    add(startEpochMs, tMs, identity, powerW) {
        if (this.spans.length === 0)
            return;
        if (!this.energy) {
            this.windows = spanWindows(this.spans, startEpochMs);
            this.energy = new WindowEnergy(this.windows, { gapMs: this.gapMs });
        }
        this.energy.add(tMs, identity, powerW);
    }
    /** An interruption of the log (nvidia-smi restarted): not bridged, as in the whole-job total. */
    interrupt() {
        this.energy?.interrupt();
    }
    /** One row per span, for a measurement window [0, windowMs] (see `spanReports`). */
    rows(windowMs, totalEnergyKwh, gpuCount) {
        if (this.spans.length === 0)
            return [];
        const windows = this.energy ? this.windows : this.spans.map(() => ({ startMs: 0, endMs: 0 }));
        const clipped = windows.map((w) => ({ startMs: Math.min(w.startMs, windowMs), endMs: Math.min(w.endMs, windowMs) }));
        const results = this.energy ? this.energy.finish(0, windowMs) : [];
        return spanReports(this.spans, clipped, results, totalEnergyKwh, gpuCount);
    }
}
/**
 * Report rows for spans, from their windows and the energy integrated over each.
 * @param totalEnergyKwh the job's energy (for `share`); `null` when unknown
 * @param gpuCount GPUs that contributed (for `coverage`)
 */
function spanReports(spans, windows, results, totalEnergyKwh, gpuCount) {
    return spans.map((span, i) => {
        const window = windows[i] ?? { startMs: 0, endMs: 0 };
        const result = results[i] ?? { energyJ: 0, coveredMs: 0 };
        const durationMs = window.endMs - window.startMs;
        const known = totalEnergyKwh !== null;
        const energyKwh = known ? (0,units/* round */.LI)((0,units/* joulesToKwh */.em)(result.energyJ)) : null;
        return {
            name: span.name,
            startedAt: new Date(span.startEpochMs).toISOString(),
            endedAt: span.endEpochMs === null ? null : new Date(span.endEpochMs).toISOString(),
            durationSeconds: (0,units/* round */.LI)(durationMs / 1000, 3),
            energyKwh,
            share: energyKwh !== null && totalEnergyKwh ? (0,units/* round */.LI)(energyKwh / totalEnergyKwh, 4) : null,
            averageWatts: known && durationMs > 0 ? (0,units/* round */.LI)(result.energyJ / (durationMs / 1000), 2) : null,
            coverage: gpuCount > 0 && durationMs > 0 ? (0,units/* round */.LI)(Math.min(1, result.coveredMs / (gpuCount * durationMs)), 4) : 0,
        };
    });
}
/**
 * Energy of the job outside every span, kWh: the total less the spans' energy. Meaningful only
 * for spans that do not overlap (steps after `stepSpans`). `null` when the total is unknown.
 */
function outsideEnergyKwh(rows, totalEnergyKwh) {
    if (totalEnergyKwh === null)
        return null;
    const inside = rows.reduce((sum, row) => sum + (row.energyKwh ?? 0), 0);
    return (0,units/* round */.LI)(Math.max(0, totalEnergyKwh - inside));
}

// EXTERNAL MODULE: ./src/core/carbon/intensity.ts
var intensity = __webpack_require__(54984);
// EXTERNAL MODULE: ./src/core/energy/counter.ts
var counter = __webpack_require__(71284);
// EXTERNAL MODULE: ./src/core/energy/range.ts
var range = __webpack_require__(68641);
// EXTERNAL MODULE: ./src/core/energy/sensor.ts
var energy_sensor = __webpack_require__(52252);
// EXTERNAL MODULE: ./src/core/report/uncertainty.ts
var uncertainty = __webpack_require__(33022);
;// CONCATENATED MODULE: ./src/core/gpu.ts
/** How GPUs are named: shared by every topic of the core. */
/** The identity of a row's GPU: keyed by uuid, else by index, else the only GPU. */
function gpuIdentity(uuid, index) {
    return { key: uuid ?? (index !== null ? `index:${index}` : "index:0"), uuid, index };
}
/** A GPU in a sentence: `GPU 1` by its index, else its uuid. */
function gpuLabel(gpu) {
    return gpu.index !== null ? `GPU ${gpu.index}` : (gpu.uuid ?? "GPU");
}

;// CONCATENATED MODULE: ./src/core/log/power-series.ts
/**
 * A downsampled power-over-time series for charts, built while streaming. Readings fall into
 * buckets of equal width; when there are too many buckets, neighbours merge and the width
 * doubles, so memory is bounded by `maxBuckets` x GPUs whatever the job length. Pure.
 */
/**
 * Each GPU's buckets are two arrays of numbers, written in place: a reading makes no garbage, and
 * merging adds neighbours. (A map of sums per bucket made one per bucket a GPU entered, which is
 * every reading while the buckets are as narrow as the sampling interval, in the first minutes
 * of every log, when the reader's code is still being compiled.)
 */
class PowerSeriesBuilder {
    originMs;
    maxBuckets;
    /** `NaN` until the constructor sets it, so that V8 holds it as a double: bucket times pass 2^31 ms in a 25-day job. */
    widthMs = NaN;
    /** Every GPU's buckets, in the order of their first readings, and by key. */
    gpus = [];
    byKey = new Map();
    /** Counts merges: a slot from an older generation points at a bucket that has moved. */
    generation = 0;
    /**
     * @param originMs window start; bucket times are relative to it
     * @param initialWidthMs first bucket width (the sampling interval is a good start)
     * @param maxBuckets at most this many buckets are kept (merging halves the count)
     */
    constructor(originMs, initialWidthMs, maxBuckets = 120) {
        this.originMs = originMs;
        this.maxBuckets = maxBuckets;
        this.widthMs = Math.max(1, initialWidthMs);
    }
    /** Adds a reading; `weight` > 1 for a mean that stands for that many readings. */
    add(tMs, gpuKey, powerW, weight = 1) {
        const index = this.bucketOf(tMs);
        if (index >= 0)
            addAt(this.buckets(gpuKey), index, powerW, weight);
    }
    /** A slot for `addTo`. */
    slot(gpuKey) {
        return { gpuKey, generation: -1, buckets: null, at: 0, fromMs: NaN, toMs: NaN };
    }
    /** `add` for a GPU's slot; the same sums, with a lookup only when the bucket changes. */
    addTo(slot, tMs, powerW, weight = 1) {
        const gpu = slot.buckets;
        // Nearly every reading: the bucket of the last one (kept small, to be inlined).
        if (gpu !== null && slot.generation === this.generation && tMs >= slot.fromMs && tMs < slot.toMs) {
            gpu.sumW[slot.at] += powerW * weight;
            gpu.count[slot.at] += weight;
            return;
        }
        this.moveSlot(slot, tMs, powerW, weight);
    }
    /** `addTo` for a reading outside the slot's bucket: adds it, and points the slot at its bucket. */
    moveSlot(slot, tMs, powerW, weight) {
        const index = this.bucketOf(tMs);
        if (index < 0)
            return;
        addAt((slot.buckets ??= this.buckets(slot.gpuKey)), index, powerW, weight);
        slot.generation = this.generation;
        slot.at = index;
        // The times that fall in this bucket as `bucketOf` places them: floor((t - origin) / width) = index.
        slot.fromMs = this.originMs + index * this.widthMs;
        slot.toMs = slot.fromMs + this.widthMs;
    }
    /** The bucket of a reading at `tMs`, merging buckets until there is one; -1 before the origin. */
    bucketOf(tMs) {
        const rel = tMs - this.originMs;
        if (rel < 0)
            return -1;
        let index = Math.floor(rel / this.widthMs);
        while (index >= this.maxBuckets) {
            this.merge();
            index = Math.floor(rel / this.widthMs);
        }
        return index;
    }
    /** A GPU's buckets, made at its first reading. */
    buckets(gpuKey) {
        let gpu = this.byKey.get(gpuKey);
        if (!gpu) {
            gpu = { sumW: new Float64Array(this.maxBuckets), count: new Float64Array(this.maxBuckets) };
            this.byKey.set(gpuKey, gpu);
            this.gpus.push(gpu);
        }
        return gpu;
    }
    /** The series so far. */
    build() {
        const points = [];
        for (let i = 0; i < this.maxBuckets; i += 1) {
            let totalW = 0;
            let readings = false;
            for (const { sumW, count } of this.gpus) {
                if (count[i] > 0) {
                    totalW += sumW[i] / count[i];
                    readings = true;
                }
            }
            if (readings)
                points.push({ tMs: i * this.widthMs, totalW });
        }
        return { bucketSeconds: this.widthMs / 1000, points };
    }
    /** Halves the buckets: each pair becomes one, the second's sums added to the first's. */
    merge() {
        const n = this.maxBuckets;
        for (const { sumW, count } of this.gpus) {
            for (let i = 0; 2 * i < n; i += 1) {
                const second = 2 * i + 1 < n;
                sumW[i] = sumW[2 * i] + (second ? sumW[2 * i + 1] : 0);
                count[i] = count[2 * i] + (second ? count[2 * i + 1] : 0);
            }
            sumW.fill(0, Math.ceil(n / 2));
            count.fill(0, Math.ceil(n / 2));
        }
        this.widthMs *= 2;
        this.generation += 1;
    }
}
/** Adds a reading (or a mean standing for `weight` readings) to a GPU's bucket `index`. */
function addAt(gpu, index, powerW, weight) {
    gpu.sumW[index] += powerW * weight;
    gpu.count[index] += weight;
}

// EXTERNAL MODULE: ./src/core/carbon/pue.ts
var pue = __webpack_require__(5079);
// EXTERNAL MODULE: ./src/core/report/report.ts
var report_report = __webpack_require__(24702);
;// CONCATENATED MODULE: ./src/core/energy/steps.ts
/** The rule above in words, for the report. */
const STEP_RULES = [
    "each step runs from its started_at to its completed_at as the Jobs API gives them, in whole seconds: each boundary is uncertain by up to 1 s, and a step shorter than a second can show 0 s",
    "where a step starts in the second the previous one completed, the earlier step keeps the overlap",
    "a step still running at the report (the action's own post step) runs to the end of the measurement; steps that never started are left out",
    "energy between steps (the runner's work before, between and after them) is reported as outside steps",
];
function epochMs(text) {
    if (!text)
        return null;
    const value = Date.parse(text);
    return Number.isFinite(value) ? value : null;
}
/** The steps that started, as non-overlapping spans in step order (see the rule above). */
function stepSpans(steps) {
    const spans = [];
    let previousEndMs = Number.NEGATIVE_INFINITY;
    for (const step of [...steps].sort((a, b) => a.number - b.number)) {
        const started = epochMs(step.started_at);
        if (started === null)
            continue;
        const completed = epochMs(step.completed_at);
        const startEpochMs = Math.max(started, previousEndMs);
        const endEpochMs = completed === null ? null : Math.max(startEpochMs, completed);
        spans.push({ name: step.name, startEpochMs, endEpochMs });
        // A running step lasts to the end: later steps (none, normally) get nothing.
        previousEndMs = endEpochMs ?? Number.POSITIVE_INFINITY;
    }
    return spans;
}

;// CONCATENATED MODULE: ./src/core/prometheus/counter-energy.ts
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
/** The power reading nearest to `tMs`, or `null` when none lies within `withinMs`. */
function powerNear(power, tMs, withinMs) {
    let best = null;
    for (const sample of power) {
        if (Math.abs(sample[0] - tMs) > withinMs)
            continue;
        if (best === null || Math.abs(sample[0] - tMs) < Math.abs(best[0] - tMs))
            best = sample;
    }
    return best === null ? null : best[1];
}
function peakBetween(power, fromMs, toMs, fallbackW) {
    let peak = fallbackW;
    for (const [tMs, powerW] of power)
        if (tMs >= fromMs && tMs <= toMs && powerW > peak)
            peak = powerW;
    return peak;
}
function intervals(samples, gapMs) {
    const counter = samples.counterMj;
    const out = [];
    for (let i = 1; i < counter.length; i++) {
        const [fromMs, fromMj] = counter[i - 1];
        const [toMs, toMj] = counter[i];
        const dtS = (toMs - fromMs) / 1000;
        if (dtS <= 0)
            continue;
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
function counterEnergy(samples, window, gapMs) {
    const { startEpochMs: t0, endEpochMs: t1 } = window;
    const all = intervals(samples, gapMs);
    if (all.length === 0 || t1 <= t0)
        return null;
    let energyJ = 0;
    let lowJ = 0;
    let highJ = 0;
    let coveredMs = 0;
    let resets = 0;
    const averages = [];
    for (const interval of all) {
        const inFrom = Math.max(interval.fromMs, t0);
        const inTo = Math.min(interval.toMs, t1);
        if (inTo <= inFrom)
            continue;
        const dtMs = interval.toMs - interval.fromMs;
        const averageW = interval.energyJ / (dtMs / 1000);
        averages.push(averageW);
        if (interval.reset && interval.toMs <= t1 && interval.toMs > t0)
            resets += 1;
        if (dtMs <= gapMs)
            coveredMs += inTo - inFrom;
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
            if (powerW !== null)
                ends.push(powerW);
        }
        const minW = Math.min(...ends);
        const maxW = Math.max(...ends);
        const share = interval.energyJ * (inS / (dtMs / 1000));
        energyJ += share;
        lowJ += Math.max(0, minW * inS, interval.lowJ - maxW * outS);
        highJ += Math.min(interval.highJ, Math.max(share, maxW * inS, interval.highJ - minW * outS));
    }
    // Edges no interval reaches: held at the nearest average, or uncovered.
    const first = samples.counterMj[0][0];
    const last = samples.counterMj[samples.counterMj.length - 1][0];
    // The lowest and highest power seen: loops, as a month of samples is too many arguments for Math.min.
    let minW = Infinity;
    let maxW = -Infinity;
    for (const w of averages) {
        if (w < minW)
            minW = w;
        if (w > maxW)
            maxW = w;
    }
    for (const [t, w] of samples.powerW)
        if (t >= t0 && t <= t1) {
            if (w < minW)
                minW = w;
            if (w > maxW)
                maxW = w;
        }
    if (minW > maxW)
        minW = maxW = 0;
    const edges = [
        [Math.max(0, Math.min(first, t1) - t0), averages[0]],
        [Math.max(0, t1 - Math.max(last, t0)), averages[averages.length - 1]],
    ];
    for (const [edgeMs, nearestW] of edges) {
        if (edgeMs <= 0)
            continue;
        const edgeS = edgeMs / 1000;
        if (edgeMs <= gapMs && nearestW !== undefined) {
            energyJ += nearestW * edgeS;
            lowJ += minW * edgeS;
            highJ += maxW * edgeS;
            coveredMs += edgeMs;
        }
        else
            highJ += maxW * edgeS;
    }
    let inside = 0;
    for (const [t] of samples.counterMj)
        if (t >= t0 && t <= t1)
            inside += 1;
    return {
        energyJ,
        rangeJ: [Math.min(lowJ, energyJ), Math.max(highJ, energyJ)],
        coveredMs: Math.min(coveredMs, t1 - t0),
        resets,
        samples: inside,
    };
}

;// CONCATENATED MODULE: ./src/core/prometheus/dcgm.ts
/**
 * NVIDIA's DCGM exporter as Prometheus stores it: metric and label names, and the grouping of
 * series into physical GPUs. Pure.
 *
 * dcgm-exporter writes one series per GPU, or with MIG one per GPU instance; the instance series
 * repeat the parent board's power and energy (dcgm-exporter issues #317, #257), so a board's
 * figures are taken from one of its series only.
 */
/** Metric names read from the exporter. */
const DCGM = {
    /** Energy since the driver was loaded, mJ (a counter; Volta and newer). */
    energyMj: "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
    /** Board power, W (a gauge: the driver's running average). */
    powerW: "DCGM_FI_DEV_POWER_USAGE",
    /** Fraction of time the graphics engine was busy, 0..1; per MIG instance. */
    grEngineActive: "DCGM_FI_PROF_GR_ENGINE_ACTIVE",
};
function label(labels, ...names) {
    for (const name of names) {
        const value = labels[name];
        if (value !== undefined && value !== "")
            return value;
    }
    return null;
}
/** The board a series describes. */
function boardOf(labels) {
    const uuid = label(labels, "UUID", "uuid");
    const host = label(labels, "Hostname", "hostname");
    const gpu = label(labels, "gpu");
    const index = gpu !== null && /^\d+$/.test(gpu) ? Number(gpu) : null;
    const key = uuid ?? `${host ?? labels.instance ?? "?"}/${gpu ?? "?"}`;
    return { uuid, host, index, name: label(labels, "modelName"), key };
}
/** The MIG instance a series describes; `null` for a whole GPU. */
function migInstanceOf(labels) {
    const id = label(labels, "GPU_I_ID");
    return id === null ? null : { id, profile: label(labels, "GPU_I_PROFILE") };
}
/**
 * Groups series by physical GPU, keeping one series per board. A board counts whole when any
 * matched series has no MIG instance label; otherwise `instances` lists the matched instances.
 */
function groupByBoard(series) {
    const boards = new Map();
    for (const one of series) {
        const board = boardOf(one.labels);
        let entry = boards.get(board.key);
        if (!entry) {
            entry = { board, all: [], whole: false, instances: new Map() };
            boards.set(board.key, entry);
        }
        entry.all.push(one);
        const instance = migInstanceOf(one.labels);
        if (instance === null)
            entry.whole = true;
        else
            entry.instances.set(instance.id, instance);
    }
    return [...boards.values()]
        .map(({ board, all, whole, instances }) => {
        // Series of one board can differ in pod labels or restart; the longest is the best record.
        const kept = all.reduce((best, one) => (one.samples.length > best.samples.length ? one : best));
        const merged = mergeSamples(all.filter((one) => sameInstanceLabels(one, kept)));
        return {
            board,
            series: { labels: kept.labels, samples: merged },
            instances: whole ? [] : [...instances.values()].sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true })),
            duplicates: all.length - all.filter((one) => sameInstanceLabels(one, kept)).length,
        };
    })
        .sort(compareBoards);
}
/** Same MIG instance (or both whole): series that differ only in labels such as `pod` after a restart. */
function sameInstanceLabels(a, b) {
    return (a.labels.GPU_I_ID ?? "") === (b.labels.GPU_I_ID ?? "");
}
/** Samples of several series of one record, merged in time order (one value per timestamp). */
function mergeSamples(all) {
    if (all.length === 1)
        return all[0].samples;
    const byTime = new Map();
    for (const one of all)
        for (const [tMs, value] of one.samples)
            if (!byTime.has(tMs))
                byTime.set(tMs, value);
    return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}
function compareBoards(a, b) {
    const host = (a.board.host ?? "").localeCompare(b.board.host ?? "");
    if (host !== 0)
        return host;
    return (a.board.index ?? Number.MAX_SAFE_INTEGER) - (b.board.index ?? Number.MAX_SAFE_INTEGER) || a.board.key.localeCompare(b.board.key);
}
/**
 * The scrape interval the samples show: the median spacing of consecutive samples over all
 * series, ms; `null` with fewer than two samples in every series.
 */
function scrapeIntervalMs(series) {
    // A week of samples has hundreds of thousands of spacings: sorted as numbers in a typed array.
    const spacings = new Float64Array(series.reduce((n, one) => n + Math.max(0, one.samples.length - 1), 0));
    let count = 0;
    for (const one of series)
        for (let i = 1; i < one.samples.length; i++) {
            const dt = one.samples[i][0] - one.samples[i - 1][0];
            if (dt > 0)
                spacings[count++] = dt;
        }
    if (count === 0)
        return null;
    return spacings.subarray(0, count).sort()[Math.floor(count / 2)];
}
/**
 * Share of a MIG board's compute given to `instances` by their profiles (`<n>g.<memory>`: n of
 * the board's 7 compute slices on A100/H100/H200), `null` when a profile does not say.
 */
function profileShare(instances) {
    let slices = 0;
    for (const instance of instances) {
        const match = /^(\d+)g\./.exec(instance.profile ?? "");
        if (!match)
            return null;
        slices += Number(match[1]);
    }
    return Math.min(1, slices / 7);
}
/** The label names a selector tests (`hpc_job="42",Hostname=~"a|b"` gives hpc_job and Hostname). */
function selectorLabelNames(selector) {
    const names = new Set();
    const matcher = /([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/g;
    for (const match of selector.matchAll(matcher))
        names.add(match[1]);
    return [...names];
}

;// CONCATENATED MODULE: ./src/core/prometheus/power-readings.ts
function interpolate(a, b, tMs) {
    return a[1] + ((b[1] - a[1]) * (tMs - a[0])) / (b[0] - a[0]);
}
/**
 * The readings inside `window`; an edge reading is interpolated when the samples on either side
 * of the edge are at most `gapMs` apart (else the integration's own edge rule applies).
 */
function windowReadings(samples, window, gapMs) {
    const { startEpochMs: t0, endEpochMs: t1 } = window;
    const inside = samples.filter(([tMs]) => tMs >= t0 && tMs <= t1);
    const before = samples.filter(([tMs]) => tMs < t0).at(-1);
    const after = samples.find(([tMs]) => tMs > t1);
    const readings = [];
    let edgeLowJ = 0;
    let edgeHighJ = 0;
    const edge = (a, b, tMs, innerMs, innerW) => {
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
    }
    else {
        if (before && firstInside[0] > t0 && firstInside[0] - before[0] <= gapMs)
            readings.push(edge(before, firstInside, t0, ...firstInside));
        for (const reading of inside)
            readings.push(reading); // not push(...inside): a month is too many arguments
        if (after && lastInside[0] < t1 && after[0] - lastInside[0] <= gapMs)
            readings.push(edge(lastInside, after, t1, ...lastInside));
    }
    return { readings, edgeLowJ: Math.max(0, edgeLowJ), edgeHighJ: Math.max(0, edgeHighJ) };
}

;// CONCATENATED MODULE: ./src/core/prometheus/describe.ts


/** The distinct hosts of the report's GPUs, in order; empty for the local sampler. */
function hostsOf(report) {
    return [...new Set(report.gpus.flatMap((gpu) => (gpu.host ? [gpu.host] : [])))];
}
/** ` on node-1, node-2` (at most 5 named, then a count); empty without hosts. */
function hostsPhrase(report) {
    const hosts = hostsOf(report);
    if (hosts.length === 0)
        return "";
    const named = hosts.slice(0, 5).join(", ");
    return ` on ${hosts.length > 5 ? `${named} and ${hosts.length - 5} more hosts` : named}`;
}
/** `GPU 0 on node-1`: the GPU and, when known, its host. */
function gpuOnHost(gpu) {
    return gpu.host ? `${gpuLabel(gpu)} on ${gpu.host}` : gpuLabel(gpu);
}
/**
 * Where a Prometheus report's figures come from, in sentences; empty for the local sampler or
 * when energy is unknown.
 */
function dcgmSourceLines(report) {
    const source = report.method.prometheus;
    if (!source || report.energyKwh === null)
        return [];
    const counter = report.gpus.filter((gpu) => gpu.energySource === "dcgm-counter").length;
    const power = report.gpus.filter((gpu) => gpu.energySource === "dcgm-power").length;
    const lines = [];
    const interval = source.scrapeIntervalSeconds === null ? "" : `, scraped every ${source.scrapeIntervalSeconds} s`;
    lines.push(`GPUs read from NVIDIA's DCGM exporter through Prometheus at ${source.url} (selector {${source.selector}}${interval}).`);
    if (counter > 0 && power === 0)
        lines.push("Every GPU's energy comes from its energy counter (DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION).");
    else if (counter === 0)
        lines.push("No GPU had an energy counter series: energy is DCGM_FI_DEV_POWER_USAGE integrated over the samples.");
    else
        lines.push(`${counter} GPU(s) from the energy counter, ${power} from DCGM_FI_DEV_POWER_USAGE integrated over the samples (${report.gpus
            .filter((gpu) => gpu.energySource === "dcgm-power")
            .map(gpuOnHost)
            .join(", ")}).`);
    if (report.energyKwhRange)
        lines.push(`Range ${formatEnergy(report.energyKwhRange[0])} to ${formatEnergy(report.energyKwhRange[1])}: the window's edges between scrapes, counter resets, gaps and the sensor's +/-5 %.`);
    for (const gpu of report.gpus) {
        if (gpu.mig)
            lines.push(`${gpuOnHost(gpu)}: this job has MIG instance(s) ${gpu.mig.instances.join(", ")}, given ${(gpu.mig.share * 100).toFixed(1)} % of the board's energy ${gpu.mig.basis}.`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/core/prometheus/dcgm-report.ts
/**
 * The report of a job whose GPUs were read through Prometheus from NVIDIA's DCGM exporter. Pure:
 * built from the series the queries returned, the window and the settings.
 *
 * Per physical GPU (MIG duplicates collapsed, see `dcgm.ts`), energy comes from the energy
 * counter when the GPU has one (`dcgm-counter`, see `counter-energy.ts`), else from its power
 * readings by the trapezoid rule (`dcgm-power`, the same rules as the local sampler). The
 * power readings also give the chart, the steps and the phases.
 */

















/** Scrape interval assumed when the samples cannot tell (DCGM's default collection interval). */
const DEFAULT_SCRAPE_MS = 30_000;
const DCGM_SCOPE_NOTE = "GPU board energy as NVIDIA's DCGM exporter reports it (the driver's counter or its power readings): no CPU, host memory, networking or cooling, except as PUE accounts for the facility overhead";
/** The rules of this method in words, for the report. */
function dcgmRules(gapMs) {
    return [
        "each physical GPU is counted once: MIG instance series repeat their board's power and energy, so one series per board (by UUID) is read",
        "energy per GPU is the increase of DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION between samples (exact, gaps included); across a counter reset the value after it plus the power readings' estimate of the time before it",
        "a scrape interval that straddles a window edge is split in proportion to time; its range assumes the power in it lay between its average and the readings at its ends",
        "a GPU without an energy counter series is integrated from DCGM_FI_DEV_POWER_USAGE by the trapezoid rule over its samples, with readings interpolated at the window edges",
        "where a job has only some MIG instances of a board, the board's energy is shared by the instances' mean DCGM_FI_PROF_GR_ENGINE_ACTIVE, or by their compute slices when that metric is missing",
        "the energy range adds the board sensor's +/-5 % to what the window edges, counter resets and gaps leave open",
        ...(0,core_integrator/* integrationRules */.gt)({ gapMs }).slice(1),
    ];
}
/** The share of a board a job is given when it has only some of its MIG instances. */
function migShare(board, grActive, boardInstances) {
    if (board.instances.length === 0)
        return null;
    const onBoard = grActive.filter((series) => boardOf(series.labels).key === board.board.key);
    const everyInstance = new Set([...onBoard, ...boardInstances.filter((series) => boardOf(series.labels).key === board.board.key)].flatMap((series) => migInstanceOf(series.labels)?.id ?? []));
    const mineIds = new Set(board.instances.map((i) => i.id));
    // The job has every instance of the board: the whole board is its.
    if ([...everyInstance].every((id) => mineIds.has(id)))
        return null;
    const names = board.instances.map((i) => (i.profile ? `${i.id}/${i.profile}` : i.id));
    const activity = new Map();
    for (const series of onBoard) {
        const instance = migInstanceOf(series.labels);
        const value = series.samples.at(-1)?.[1];
        if (instance && value !== undefined && Number.isFinite(value))
            activity.set(instance.id, value);
    }
    const total = [...activity.values()].reduce((sum, v) => sum + v, 0);
    const mine = board.instances.reduce((sum, i) => sum + (activity.get(i.id) ?? 0), 0);
    if (total > 0 && board.instances.every((i) => activity.has(i.id))) {
        return {
            instances: names,
            share: (0,units/* round */.LI)(mine / total, 6),
            basis: `by the mean graphics-engine activity (DCGM_FI_PROF_GR_ENGINE_ACTIVE) of its ${activity.size} MIG instance(s) over the window`,
        };
    }
    const slices = profileShare(board.instances);
    if (slices !== null)
        return { instances: names, share: (0,units/* round */.LI)(slices, 6), basis: "by compute slices of 7 (no DCGM_FI_PROF_GR_ENGINE_ACTIVE for the window)" };
    return { instances: names, share: 1, basis: "the whole board: neither the engine activity nor the instance profiles tell the share" };
}
function longestGap(samples, window) {
    let longest = 0;
    let previous = window.startEpochMs;
    for (const [t] of samples)
        if (t > window.startEpochMs && t < window.endEpochMs) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
    return Math.max(longest, window.endEpochMs - previous);
}
function kwhRange(rangeJ) {
    return rangeJ === null ? null : [(0,report_report/* precise */.ul)((0,units/* joulesToKwh */.em)(rangeJ[0])), (0,report_report/* precise */.ul)((0,units/* joulesToKwh */.em)(rangeJ[1]))];
}
/**
 * Calls `visit` with every reading of several lists, each in time order, in time order across
 * them; a tie goes to the list given first (as a stable sort of the lists one after another
 * would). A heap of the lists' next readings: a cluster's hundreds of boards cost a few
 * comparisons a reading, not one per board.
 */
function mergeInTimeOrder(lists, visit) {
    const next = new Int32Array(lists.length);
    const heap = [];
    const timeOf = (list) => lists[list][next[list]][0];
    const before = (a, b) => timeOf(a) < timeOf(b) || (timeOf(a) === timeOf(b) && a < b);
    const swap = (i, j) => {
        const held = heap[i];
        heap[i] = heap[j];
        heap[j] = held;
    };
    const siftDown = (from) => {
        for (let i = from;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let least = i;
            if (left < heap.length && before(heap[left], heap[least]))
                least = left;
            if (right < heap.length && before(heap[right], heap[least]))
                least = right;
            if (least === i)
                return;
            swap(i, least);
            i = least;
        }
    };
    for (let list = 0; list < lists.length; list += 1) {
        if (lists[list].length === 0)
            continue;
        heap.push(list);
        for (let i = heap.length - 1; i > 0 && before(heap[i], heap[(i - 1) >> 1]); i = (i - 1) >> 1)
            swap(i, (i - 1) >> 1);
    }
    while (heap.length > 0) {
        const list = heap[0];
        visit(list, lists[list][next[list]]);
        next[list] = next[list] + 1;
        if (next[list] >= lists[list].length) {
            const last = heap.pop();
            if (heap.length === 0)
                break;
            heap[0] = last;
        }
        siftDown(0);
    }
}
/** Builds the report (see the module comment). `warnings` come first in the report's list. */
function buildDcgmReport(data, settings, spans = { steps: null, phases: [] }, warnings = []) {
    const { window } = data;
    const windowMs = Math.max(0, window.endEpochMs - window.startEpochMs);
    const seenIntervalMs = scrapeIntervalMs([...data.counter, ...data.power]);
    const intervalMs = seenIntervalMs ?? DEFAULT_SCRAPE_MS;
    const gapMs = (0,core_integrator/* gapThresholdMs */.IU)(intervalMs);
    const counters = new Map(groupByBoard(data.counter).map((b) => [b.board.key, b]));
    const powers = new Map(groupByBoard(data.power).map((b) => [b.board.key, b]));
    const boards = groupByBoard([...data.counter, ...data.power].map((s) => ({ labels: s.labels, samples: [] })));
    const integrator = new core_integrator/* EnergyIntegrator */.eC({ gapMs });
    const series = new PowerSeriesBuilder(0, intervalMs);
    const stepEnergy = new SpanEnergy(spans.steps ?? [], gapMs);
    const phaseEnergy = new SpanEnergy(spans.phases, gapMs);
    const shares = new Map();
    const edgeJ = new Map();
    /** Each board's readings in the window, in time order, fed below in time order across boards. */
    const feeds = [];
    for (const { board } of boards) {
        const matched = counters.get(board.key) ?? powers.get(board.key);
        const share = migShare(matched, data.grActive, data.boardInstances);
        shares.set(board.key, share);
        const factor = share?.share ?? 1;
        const cut = windowReadings(powers.get(board.key)?.series.samples ?? [], window, gapMs);
        edgeJ.set(board.key, [cut.edgeLowJ * factor, cut.edgeHighJ * factor]);
        const identity = gpuIdentity(board.key, null);
        integrator.state(identity);
        feeds.push({ identity, readings: cut.readings, factor });
    }
    // Merged in time order (a tie goes to the board listed first); no list of every reading is made.
    mergeInTimeOrder(feeds.map((feed) => feed.readings), (at, [tEpochMs, rawW]) => {
        const feed = feeds[at];
        const tMs = tEpochMs - window.startEpochMs;
        const powerW = rawW * feed.factor;
        integrator.add(tMs, feed.identity, powerW);
        series.add(tMs, feed.identity.key, powerW);
        stepEnergy.add(window.startEpochMs, tMs, feed.identity, powerW);
        phaseEnergy.add(window.startEpochMs, tMs, feed.identity, powerW);
    });
    const sampled = new Map(integrator.finish(0, windowMs).map((gpu) => [gpu.key, gpu]));
    const figures = boards.map(({ board }) => {
        const share = shares.get(board.key) ?? null;
        const factor = share?.share ?? 1;
        const power = sampled.get(board.key);
        const powerSamples = powers.get(board.key)?.series.samples ?? [];
        const counterSeries = counters.get(board.key);
        const counted = counterSeries ? counterEnergy({ counterMj: counterSeries.series.samples, powerW: powerSamples }, window, gapMs) : null;
        const sampledJ = power?.energyJ ?? null;
        const base = { board, share, counterJ: null, sampledJ, resets: 0, peakW: power?.peakW ?? null };
        if (counted) {
            return {
                ...base,
                source: "dcgm-counter",
                energyJ: counted.energyJ * factor,
                rangeJ: (0,range/* scaleRange */.sK)(counted.rangeJ, factor),
                counterJ: counted.energyJ * factor,
                coverage: windowMs > 0 ? counted.coveredMs / windowMs : 0,
                samples: counted.samples,
                averageW: counted.coveredMs > 0 ? (counted.energyJ * factor) / (windowMs / 1000) : (power?.averageW ?? null),
                resets: counted.resets,
                longestGapMs: longestGap(counterSeries.series.samples, window),
            };
        }
        if (sampledJ !== null && power) {
            const [edgeLowJ, edgeHighJ] = edgeJ.get(board.key) ?? [0, 0];
            const uncoveredJ = ((power.peakW ?? 0) * (windowMs - power.coveredMs)) / 1000;
            return {
                ...base,
                source: "dcgm-power",
                energyJ: sampledJ,
                rangeJ: [Math.max(0, sampledJ - edgeLowJ), sampledJ + edgeHighJ + uncoveredJ],
                coverage: power.coverage,
                samples: power.validSamples,
                averageW: power.averageW,
                longestGapMs: power.longestGapMs,
            };
        }
        return { ...base, source: null, energyJ: null, rangeJ: null, coverage: 0, samples: 0, averageW: null, longestGapMs: windowMs };
    });
    const all = [...warnings];
    const measured = figures.filter((f) => f.energyJ !== null);
    if (figures.length === 0)
        all.push("no GPU series were found for the window");
    for (const f of figures) {
        if (f.energyJ === null)
            all.push(`${gpuOnHost(f.board)} has neither an energy counter nor power samples in the window: it is left out of the total`);
        if (f.resets > 0)
            all.push(`${gpuOnHost(f.board)}: the energy counter was reset ${f.resets} time(s) in the window (driver reloaded); the energy across each reset is estimated from the power readings`);
    }
    const energyKwh = measured.length === 0 ? null : (0,report_report/* precise */.ul)((0,units/* joulesToKwh */.em)(measured.reduce((sum, f) => sum + f.energyJ, 0)));
    const coverage = measured.length === 0 ? 0 : (0,units/* round */.LI)(measured.reduce((sum, f) => sum + f.coverage, 0) / measured.length, 4);
    if (measured.length > 0 && coverage < report_report/* MIN_COVERAGE_MEASURED */.lT)
        all.push(`samples cover ${(coverage * 100).toFixed(1)} % of the window: energy in the gaps is not counted`);
    const sources = new Set(measured.map((f) => f.source));
    const energySource = sources.size === 1 ? [...sources][0] : sources.size === 0 ? "dcgm-power" : "mixed";
    const withoutCounter = measured.filter((f) => f.source === "dcgm-power");
    if (withoutCounter.length > 0 && sources.size > 0)
        all.push(`${withoutCounter.map((f) => gpuOnHost(f.board)).join(", ")} had no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series: energy integrated from DCGM_FI_DEV_POWER_USAGE`);
    let status = "measured";
    if (energyKwh === null)
        status = "not-measured";
    else if (coverage < report_report/* MIN_COVERAGE_MEASURED */.lT || measured.length < figures.length)
        status = "partial";
    const gpus = figures.map((f) => {
        // The edges and gaps bound the figure; the board sensor's error for its family widens both ends,
        // as it does for the local sampler's figures (core/energy/range.ts).
        const profile = (0,energy_sensor/* sensorProfile */.KK)(f.board.name);
        const sensor = (0,range/* sensorFraction */.jH)(profile, f.averageW ?? 0);
        const rangeJ = f.rangeJ === null ? null : [(0,range/* relativeRange */.C7)(f.rangeJ[0], sensor)[0], (0,range/* relativeRange */.C7)(f.rangeJ[1], sensor)[1]];
        const counterKwh = f.counterJ === null ? null : (0,report_report/* precise */.ul)((0,units/* joulesToKwh */.em)(f.counterJ));
        const sampledKwh = f.sampledJ === null ? null : (0,report_report/* precise */.ul)((0,units/* joulesToKwh */.em)(f.sampledJ));
        return {
            index: f.board.index,
            uuid: f.board.uuid,
            name: f.board.name,
            host: f.board.host,
            energyKwh: f.energyJ === null ? null : (0,report_report/* precise */.ul)((0,units/* joulesToKwh */.em)(f.energyJ)),
            energyKwhRange: kwhRange(rangeJ),
            uncertainty: rangeJ === null
                ? null
                : { sensorFamily: profile.family, sensorFraction: (0,units/* round */.LI)(sensor, 4), samplingFraction: 0, seenFraction: profile.sensedFraction },
            energySource: f.source ?? undefined,
            sampledEnergyKwh: sampledKwh,
            counterEnergyKwh: counterKwh,
            energyDisagreementFraction: counterKwh !== null && sampledKwh !== null && counterKwh > 0 ? (0,units/* round */.LI)((sampledKwh - counterKwh) / counterKwh, 4) : null,
            averageWatts: f.averageW === null ? null : (0,units/* round */.LI)(f.averageW, 2),
            peakWatts: f.peakW === null ? null : (0,units/* round */.LI)(f.peakW, 2),
            spreadWatts: null,
            samples: f.samples,
            missingSamples: 0,
            coverage: (0,units/* round */.LI)(Math.min(1, f.coverage), 4),
            mig: f.share,
        };
    });
    const rangeKwh = energyKwh === null ? null : (0,uncertainty/* totalRange */.md)(gpus);
    const sampledTotal = figures.some((f) => f.sampledJ !== null)
        ? (0,report_report/* precise */.ul)((0,units/* joulesToKwh */.em)(figures.reduce((sum, f) => sum + (f.sampledJ ?? 0), 0)))
        : null;
    const counterTotal = measured.length > 0 && measured.every((f) => f.counterJ !== null)
        ? (0,report_report/* precise */.ul)((0,units/* joulesToKwh */.em)(measured.reduce((sum, f) => sum + f.counterJ, 0)))
        : null;
    const emissions = (0,intensity/* emissionsKg */.r3)(energyKwh, settings.pue, settings.carbonIntensity.gramsPerKwh);
    const emissionsKgPrecise = emissions === null ? null : (0,report_report/* precise */.ul)(emissions);
    const withSamples = figures.filter((f) => f.sampledJ !== null).length;
    const stepRows = stepEnergy.rows(windowMs, sampledTotal, withSamples);
    const built = series.build();
    return {
        schemaVersion: report_report/* SCHEMA_VERSION */.f$,
        kind: "job",
        label: null,
        jobs: [],
        status,
        warnings: all,
        startedAt: new Date(window.startEpochMs).toISOString(),
        endedAt: new Date(window.endEpochMs).toISOString(),
        durationSeconds: (0,units/* round */.LI)(windowMs / 1000, 3),
        energyKwh,
        energyKwhRange: rangeKwh,
        energySource,
        sampledEnergyKwh: sampledTotal,
        counterEnergyKwh: counterTotal,
        energyDisagreementFraction: sampledTotal !== null && counterTotal !== null && counterTotal > 0 ? (0,units/* round */.LI)((sampledTotal - counterTotal) / counterTotal, 4) : null,
        facilityEnergyKwh: energyKwh === null ? null : (0,report_report/* precise */.ul)(energyKwh * settings.pue),
        pue: settings.pue,
        pueSource: settings.pueSource ?? (0,pue/* pueFromNumber */.KS)(settings.pue, "given"),
        emissionsKg: emissionsKgPrecise,
        emissionsKgRange: (0,uncertainty/* emissionsRange */.MT)(rangeKwh, energyKwh, emissionsKgPrecise),
        coverage,
        carbonIntensity: settings.carbonIntensity,
        embodied: null,
        gpus,
        method: {
            powerField: "DCGM_FI_DEV_POWER_USAGE",
            intervalMs,
            gapThresholdMs: gapMs,
            integration: "trapezoid",
            rules: dcgmRules(gapMs),
            scope: DCGM_SCOPE_NOTE,
            accuracy: report_report/* ACCURACY_NOTE */.bV,
            energyCounter: {
                status: sources.has("dcgm-counter") ? (sources.size === 1 ? "used" : "compared") : "unavailable",
                reason: sources.has("dcgm-power") ? "not every GPU has a DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series" : null,
                toleranceFraction: counter/* SENSOR_ACCURACY_FRACTION */.gZ,
                windowSeconds: (0,units/* round */.LI)(windowMs / 1000, 3),
            },
            prometheus: {
                ...data.source,
                scrapeIntervalSeconds: seenIntervalMs === null ? null : (0,units/* round */.LI)(intervalMs / 1000, 3),
            },
        },
        quality: (0,report_report/* noLogQuality */.$v)((0,units/* round */.LI)(Math.max(0, ...figures.map((f) => f.longestGapMs)) / 1000, 3)),
        powerSeries: {
            bucketSeconds: built.bucketSeconds,
            points: built.points.map((p) => [(0,units/* round */.LI)(p.tMs / 1000, 3), (0,units/* round */.LI)(p.totalW, 2)]),
        },
        ...(0,report_report/* noBreakdown */.Hl)(),
        steps: stepRows,
        outsideStepsEnergyKwh: spans.steps === null ? null : outsideEnergyKwh(stepRows, sampledTotal),
        stepRules: spans.steps === null ? [] : STEP_RULES,
        phases: phaseEnergy.rows(windowMs, sampledTotal, withSamples),
    };
}

// EXTERNAL MODULE: ./src/measure/intensity.ts
var measure_intensity = __webpack_require__(41793);
// EXTERNAL MODULE: ./src/measure/pricing.ts + 2 modules
var pricing = __webpack_require__(89369);
// EXTERNAL MODULE: ./src/config/settings.ts + 3 modules
var config_settings = __webpack_require__(11891);
;// CONCATENATED MODULE: ./src/measure/prometheus-window.ts
/**
 * Reading a job's window from Prometheus: the DCGM exporter's energy counter and power samples
 * of the selected GPUs, waiting (bounded) for the scrape after the window's end, and the MIG
 * activity needed to share a board. Used by `post` and by `gpu-carbon report`.
 */


/** Samples are read this far beyond each edge of the window, so that the scrapes around it are found. */
const EDGE_PADDING_MS = 300_000;
/** Most label values listed when a selector matches nothing. */
const MAX_HINT_VALUES = 12;
/** The selector matched no DCGM series in the window. */
class NoSeriesError extends Error {
    constructor(message) {
        super(message);
        this.name = "NoSeriesError";
    }
}
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A range selector's length in whole seconds, at least 1. */
const rangeSeconds = (ms) => Math.max(1, Math.ceil(ms / 1000));
function rawQuery(metric, selector, rangeMs) {
    return `${metric}{${selector}}[${rangeSeconds(rangeMs)}s]`;
}
/** Reads the window (see the module comment). Throws `PrometheusError` or `NoSeriesError`. */
async function readDcgmWindow(query) {
    const { client, selector, window } = query;
    const now = query.now ?? Date.now;
    const sleep = query.sleep ?? realSleep;
    const queries = [];
    const read = async () => {
        const evalMs = Math.min(now(), window.endEpochMs + EDGE_PADDING_MS);
        const rangeMs = evalMs - (window.startEpochMs - EDGE_PADDING_MS);
        const exprs = [rawQuery(DCGM.energyMj, selector, rangeMs), rawQuery(DCGM.powerW, selector, rangeMs)];
        if (queries.length === 0)
            queries.push(...exprs);
        const [counter, power] = await Promise.all(exprs.map((expr) => client.query(expr, evalMs)));
        return { counter: counter, power: power };
    };
    let { counter, power } = await read();
    if (counter.length === 0 && power.length === 0)
        throw new NoSeriesError(await noSeriesMessage(query));
    if (query.waitForLastScrape) {
        const intervalMs = scrapeIntervalMs([...counter, ...power]) ?? 30_000;
        const waitUntil = window.endEpochMs + 2 * intervalMs;
        // Stop early when no series moves any more: the job's labels are gone once it ended (Slurm).
        const stopped = () => now() > newestSampleMs([...counter, ...power]) + 1.5 * intervalMs;
        while (!allPastEnd([...counter, ...power], window) && now() < waitUntil && !stopped()) {
            await sleep(Math.max(50, Math.min(intervalMs / 4, 1000, waitUntil - now())));
            try {
                ({ counter, power } = await read());
            }
            catch (e) {
                // Out of time while waiting: keep what was read; the edge is then estimated.
                if (e instanceof prometheus_api/* PrometheusError */.HH && e.fault === "timeout")
                    break;
                throw e;
            }
        }
    }
    const { grActive, boardInstances } = await migActivity(query, [...counter, ...power], queries);
    return { window, counter, power, grActive, boardInstances, source: { url: client.url, selector, queries } };
}
/** Time of the newest sample of any series, ms since the epoch (0 without samples). */
function newestSampleMs(series) {
    return Math.max(0, ...series.map((s) => s.samples.at(-1)?.[0] ?? 0));
}
/** True when every GPU seen in the window has a sample at or after its end. */
function allPastEnd(series, window) {
    return groupByBoard(series)
        .filter((b) => b.series.samples.some(([t]) => t >= window.startEpochMs - EDGE_PADDING_MS))
        .every((b) => (b.series.samples.at(-1)?.[0] ?? 0) >= window.endEpochMs);
}
/**
 * For boards where the job matched MIG instances: every instance on them (any owner), and the
 * mean engine activity of each over the window.
 */
async function migActivity(query, series, queries) {
    // Only the labels matter here: grouping the samples too would merge every board's counter and power.
    const partial = groupByBoard(series.map((s) => ({ labels: s.labels, samples: [] }))).filter((b) => b.instances.length > 0 && b.board.uuid !== null);
    if (partial.length === 0)
        return { grActive: [], boardInstances: [] };
    const uuids = [...new Set(partial.map((b) => b.board.uuid))].map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
    const rangeS = rangeSeconds(query.window.endEpochMs - query.window.startEpochMs);
    const onBoards = (fn, metric) => ["UUID", "uuid"].map((name) => `${fn}(${metric}{${name}=~"${uuids}"}[${rangeS}s])`).join(" or ");
    const keys = new Set(partial.map((b) => b.board.key));
    const ask = async (expr) => {
        queries.push(expr);
        try {
            const found = await query.client.query(expr, query.window.endEpochMs);
            return found.filter((s) => keys.has(boardOf(s.labels).key));
        }
        catch (e) {
            if (e instanceof prometheus_api/* PrometheusError */.HH && e.fault !== "bad-query")
                throw e;
            return [];
        }
    };
    const grActive = await ask(onBoards("avg_over_time", DCGM.grEngineActive));
    const boardInstances = await ask(onBoards("last_over_time", DCGM.powerW));
    return { grActive, boardInstances };
}
/** Why nothing matched, with the values that exist for the selector's labels (a typo then shows). */
async function noSeriesMessage(query) {
    const { client, selector, window } = query;
    const from = new Date(window.startEpochMs).toISOString();
    const to = new Date(window.endEpochMs).toISOString();
    const head = `no DCGM series (${DCGM.energyMj} or ${DCGM.powerW}) match {${selector}} between ${from} and ${to}`;
    const match = `{__name__=~"${DCGM.powerW}|${DCGM.energyMj}"}`;
    const hints = [];
    for (const name of selectorLabelNames(selector)) {
        try {
            const values = await client.labelValues(name, match, window.startEpochMs - EDGE_PADDING_MS, window.endEpochMs + EDGE_PADDING_MS);
            const shown = values.slice(0, MAX_HINT_VALUES).map((v) => `"${v}"`);
            const more = values.length > MAX_HINT_VALUES ? ` and ${values.length - MAX_HINT_VALUES} more` : "";
            hints.push(values.length === 0 ? `no DCGM series has a label '${name}'` : `label '${name}' has ${shown.join(", ")}${more}`);
        }
        catch {
            // The hint is a courtesy; the warning stands without it.
        }
    }
    return hints.length > 0 ? `${head}; in that time ${hints.join("; ")}` : head;
}

;// CONCATENATED MODULE: ./src/measure/prometheus-report.ts
/**
 * A report for a window read through Prometheus (see `prometheus-window.ts`), priced like any
 * other. A fault (unreachable, refused, a bad selector, no series) is a `not-measured` report
 * whose warning names the URL and the selector, never the token.
 */








/** Post's network budget for Prometheus when the caller gives none, ms. */
const PROMETHEUS_BUDGET_MS = 60_000;
/** Reads the window and builds the report; never throws for a measurement problem. */
async function prometheusReport(request) {
    const { settings, selector, window } = request;
    const env = request.env ?? process.env;
    const { intensity } = (0,measure_intensity/* resolveIntensity */.y)(settings);
    const reportSettings = { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity };
    const warnings = [...(0,config_settings/* settingsWarnings */.Td)(settings), ...(request.warnings ?? [])];
    const where = `Prometheus at ${(0,prometheus_api/* displayUrl */.Qy)(settings.prometheusUrl)} (selector {${selector}})`;
    const notMeasured = (why) => (0,report_report/* notMeasuredReport */.yM)(reportSettings, [...warnings, why], {
        startEpochMs: window.startEpochMs,
        durationMs: window.endEpochMs - window.startEpochMs,
        intervalMs: 30_000,
        gapMs: (0,core_integrator/* gapThresholdMs */.IU)(30_000),
    });
    let report;
    if (selector.trim() === "") {
        report = notMeasured(`no 'prometheus-selector' was given (as an input, or with 'mode: mark' later in the job), so the GPUs of ${(0,prometheus_api/* displayUrl */.Qy)(settings.prometheusUrl)} that are this job's are unknown: nothing was measured`);
    }
    else {
        const client = (0,prometheus_api/* prometheusClient */.oK)({
            url: settings.prometheusUrl,
            token: settings.prometheusToken,
            deadlineEpochMs: request.deadlineEpochMs ?? Date.now() + PROMETHEUS_BUDGET_MS,
        });
        try {
            const data = await readDcgmWindow({ client, selector, window, waitForLastScrape: request.waitForLastScrape });
            report = buildDcgmReport(data, reportSettings, request.spans, warnings);
        }
        catch (e) {
            if (e instanceof NoSeriesError)
                report = notMeasured(`${where}: ${e.message}`);
            else if (e instanceof prometheus_api/* PrometheusError */.HH)
                report = notMeasured(`${where}: ${e.message}; nothing was measured`);
            else
                throw e;
        }
    }
    return (0,pricing/* priceReport */.m)(report, settings, env);
}


/***/ })

};
