export const id = 564;
export const ids = [564];
export const modules = {

/***/ 61564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyseSession: () => (/* binding */ analyseSession)
});

// UNUSED EXPORTS: finishMeasurement, writeReport

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/adapters/energy-counter-process.ts + 1 modules
var energy_counter_process = __webpack_require__(1743);
// EXTERNAL MODULE: ./src/adapters/log-file.ts
var log_file = __webpack_require__(53013);
// EXTERNAL MODULE: ./src/action/names.ts
var names = __webpack_require__(42814);
;// CONCATENATED MODULE: ./src/adapters/marks-file.ts
/** The phase marks file in the job's work folder: `mode: mark` appends, post reads. */




/** Appends one mark (one line, so concurrent appends cannot interleave). */
function appendMark(dir, mark) {
    appendFileSync(path.join(dir, FILE.marks), formatMark(mark) + "\n");
}
/** The marks so far, in time order; none when the file does not exist. */
function marks_file_readMarks(dir) {
    try {
        return parseMarks(readFileSync(path.join(dir, FILE.marks), "utf8"));
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/adapters/run-context.ts
/**
 * Where this job runs, from the runner's `GITHUB_*` variables and the event payload file: the
 * repository, the run, the event, and for a pull request its number, base branch and whether it
 * comes from a fork.
 */

function readPayload(file) {
    if (!file)
        return {};
    try {
        const json = JSON.parse(readFileSync(file, "utf8"));
        return json && typeof json === "object" ? json : {};
    }
    catch {
        return {};
    }
}
/**
 * Reads the context; `null` outside a workflow run (no `GITHUB_REPOSITORY` or no
 * `GITHUB_EVENT_NAME`, which the runner always sets).
 */
function run_context_readRunContext(env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo || !env.GITHUB_EVENT_NAME)
        return null;
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const eventName = env.GITHUB_EVENT_NAME ?? "";
    const pr = payload.pull_request;
    let pullRequest = null;
    if (pr && typeof pr.number === "number") {
        const headRepo = pr.head?.repo?.full_name;
        pullRequest = {
            number: pr.number,
            baseRef: String(pr.base?.ref ?? ""),
            headSha: String(pr.head?.sha ?? ""),
            // A deleted fork has no head repo; treat it as a fork, whose token is read-only.
            fromFork: headRepo !== `${owner}/${repo}`,
        };
    }
    const defaultBranch = payload.repository?.default_branch;
    return {
        owner,
        repo,
        eventName,
        runId: Number(env.GITHUB_RUN_ID ?? 0),
        runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? 1),
        sha: env.GITHUB_SHA ?? "",
        ref: env.GITHUB_REF ?? "",
        workflow: env.GITHUB_WORKFLOW ?? "",
        job: env.GITHUB_JOB ?? "",
        serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
        defaultBranch: typeof defaultBranch === "string" && defaultBranch ? defaultBranch : null,
        pullRequest,
        payload,
    };
}

// EXTERNAL MODULE: ./src/adapters/sampler-process.ts
var sampler_process = __webpack_require__(72248);
;// CONCATENATED MODULE: ./src/adapters/session-store.ts
/** The session file: what `pre`/`main` started, for `post` (and later uses) to find. */




/** The job's working folder: `$RUNNER_TEMP/gpu-carbon` (the OS temp folder outside a runner). */
function session_store_workDir(env) {
    return path.join(env.RUNNER_TEMP || os.tmpdir(), FILE.workDir);
}
/** Creates the folder; returns an error message instead of throwing. */
function ensureDir(dir) {
    try {
        mkdirSync(dir, { recursive: true });
        return null;
    }
    catch (e) {
        return e.message;
    }
}
/**
 * Claims the job's measurement: true for the first use of the action in a job, false when an
 * earlier use already claimed it (exactly one sampler per job).
 */
function claim(dir) {
    try {
        writeFileSync(path.join(dir, FILE.lock), String(process.pid), { flag: "wx" });
        return true;
    }
    catch (e) {
        if (e.code === "EEXIST")
            return false;
        throw e;
    }
}
/** Writes the session file; returns an error message instead of throwing (disk full, read-only). */
function writeSession(file, session) {
    try {
        writeFileSync(file, JSON.stringify(session, null, 2));
        return null;
    }
    catch (e) {
        return e.message;
    }
}
/**
 * Reads at most `maxBytes` of a regular file; `null` for anything else (missing, a device, a
 * FIFO, too large). Reading a device such as /dev/zero would otherwise never end.
 */
function readSmallFile(file, maxBytes) {
    let fd = null;
    try {
        fd = (0,external_node_fs_.openSync)(file, "r");
        const stat = (0,external_node_fs_.fstatSync)(fd);
        if (!stat.isFile() || stat.size > maxBytes)
            return null;
        const buffer = Buffer.alloc(stat.size);
        let offset = 0;
        while (offset < buffer.length) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, offset, buffer.length - offset, offset);
            if (n === 0)
                break;
            offset += n;
        }
        return buffer.subarray(0, offset).toString("utf8");
    }
    catch {
        return null;
    }
    finally {
        if (fd !== null)
            (0,external_node_fs_.closeSync)(fd);
    }
}
/** Reads the session file; `null` when it is missing, unreadable, not ours or corrupt. */
function session_store_readSession(file) {
    const text = readSmallFile(file, 4 << 20);
    if (text === null)
        return null;
    try {
        const session = JSON.parse(text);
        return session !== null && typeof session === "object" && session.version === 1 ? session : null;
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: ./src/core/carbon.ts
var carbon = __webpack_require__(64150);
// EXTERNAL MODULE: ./src/core/energy-counter.ts
var energy_counter = __webpack_require__(70278);
// EXTERNAL MODULE: ./src/core/report.ts
var core_report = __webpack_require__(88557);
// EXTERNAL MODULE: ./src/core/units.ts
var units = __webpack_require__(52184);
;// CONCATENATED MODULE: ./src/core/energy-source.ts
/**
 * Chooses the report's energy figure: the driver's counter when every counted GPU has one,
 * else the sampled figure; either way both stand side by side with their disagreement. Pure.
 */




function label(gpu) {
    return gpu.index !== null ? `GPU ${gpu.index}` : (gpu.uuid ?? "GPU");
}
function percent(fraction) {
    return `${fraction >= 0 ? "+" : ""}${(fraction * 100).toFixed(1)} %`;
}
function unavailable(report, reason) {
    return { ...report, method: { ...report.method, energyCounter: (0,core_report/* counterNotRead */.S6)(reason) } };
}
/**
 * Applies the counter reads taken at sampler start (`start`) and stop (`end`) to a sampled
 * report. GPUs are matched by uuid; a counted GPU is one with sampled energy. With `edges`
 * (first and last sampled power per uuid) each counter figure is trimmed to the sampler's
 * window (`trimToWindow`), so both figures cover the same time. When every
 * counted GPU has a usable counter delta, `energyKwh` (total and per GPU), facility energy and
 * emissions come from the counter (`energySource: "counter"`); otherwise they stay sampled and
 * `method.energyCounter.reason` says why. A disagreement beyond sensor accuracy plus the window
 * edges (see `compareEnergy`) becomes a warning naming the GPUs.
 */
function applyEnergyCounter(report, start, end, edges = new Map()) {
    if (!start)
        return report;
    if (!start.ok)
        return unavailable(report, start.reason);
    if (!end)
        return unavailable(report, "the counter was not read at the end of the job");
    if (!end.ok)
        return unavailable(report, end.reason);
    const counted = report.gpus.filter((gpu) => gpu.sampledEnergyKwh !== null);
    if (counted.length === 0)
        return unavailable(report, "no GPU was sampled to compare the counter with");
    const deltas = (0,energy_counter/* counterDeltas */.wV)(start, end);
    const sampledStart = report.startedAt === null ? null : Date.parse(report.startedAt);
    const sampledEnd = report.endedAt === null ? null : Date.parse(report.endedAt);
    const windows = [...deltas.values()].flatMap((d) => d.startEpochMs !== null && d.endEpochMs !== null ? [d.endEpochMs - d.startEpochMs] : []);
    const windowSeconds = windows.length === 0 ? null : (0,core_report/* round */.LI)(Math.max(...windows) / 1000, 3);
    const missing = [];
    const disagreeing = [];
    const gpus = report.gpus.map((gpu) => {
        if (gpu.sampledEnergyKwh === null)
            return gpu;
        const delta = gpu.uuid === null ? undefined : deltas.get(gpu.uuid);
        if (!delta || delta.energyJ === null) {
            missing.push(`${label(gpu)}: ${delta?.reason ?? "the driver listed no counter for this GPU"}`);
            return gpu;
        }
        const sampledJ = gpu.sampledEnergyKwh * units/* JOULES_PER_KWH */.EI;
        const counterWindow = { startEpochMs: delta.startEpochMs ?? 0, endEpochMs: delta.endEpochMs ?? 0 };
        const sampledWindow = { startEpochMs: sampledStart ?? counterWindow.startEpochMs, endEpochMs: sampledEnd ?? counterWindow.endEpochMs };
        const edge = gpu.uuid === null ? undefined : edges.get(gpu.uuid);
        const counterJ = edge ? (0,energy_counter/* trimToWindow */.uC)(delta.energyJ, counterWindow, sampledWindow, edge) : delta.energyJ;
        // The allowance for the edges stays: what the GPU drew there is only estimated.
        const comparison = (0,energy_counter/* compareEnergy */.UV)(counterJ, { energyJ: sampledJ, peakW: gpu.peakWatts ?? gpu.averageWatts ?? 0 }, counterWindow, sampledWindow);
        const counterKwh = (0,core_report/* precise */.ul)((0,units/* joulesToKwh */.em)(counterJ));
        if (comparison.disagrees) {
            const by = comparison.disagreementFraction === null ? "" : ` (${percent(comparison.disagreementFraction)})`;
            disagreeing.push(`${label(gpu)} sampled ${(0,core_report/* round */.LI)(gpu.sampledEnergyKwh * 1000, 4)} Wh vs counter ${(0,core_report/* round */.LI)(counterKwh * 1000, 4)} Wh${by}`);
        }
        return {
            ...gpu,
            counterEnergyKwh: counterKwh,
            energyDisagreementFraction: comparison.disagreementFraction === null ? null : (0,core_report/* round */.LI)(comparison.disagreementFraction, 4),
        };
    });
    const warnings = [...report.warnings];
    if (disagreeing.length > 0) {
        warnings.push(`sampled power and the driver's energy counter disagree by more than the sensor's +/-${energy_counter/* SENSOR_ACCURACY_FRACTION */.gZ * 100} % accuracy and the window edges explain: ${disagreeing.join("; ")}`);
    }
    const sampledKwh = report.sampledEnergyKwh;
    if (missing.length > 0) {
        return {
            ...report,
            warnings,
            gpus,
            method: {
                ...report.method,
                energyCounter: {
                    status: missing.length < counted.length ? "compared" : "unavailable",
                    reason: `not every GPU has a usable energy counter (${missing.join("; ")})`,
                    toleranceFraction: energy_counter/* SENSOR_ACCURACY_FRACTION */.gZ,
                    windowSeconds,
                },
            },
        };
    }
    const counterKwh = (0,core_report/* precise */.ul)(gpus.reduce((sum, gpu) => sum + (gpu.counterEnergyKwh ?? 0), 0));
    if (report.coverage < core_report/* MIN_COVERAGE_MEASURED */.lT) {
        warnings.push("the totals come from the driver's energy counter, which has no gaps: the sampling gaps affect only the sampled figure, averages and the chart");
    }
    const withCounter = gpus.map((gpu) => (gpu.sampledEnergyKwh === null ? gpu : { ...gpu, energyKwh: gpu.counterEnergyKwh }));
    const emissions = (0,carbon/* emissionsKg */.r3)(counterKwh, report.pue, report.carbonIntensity.gramsPerKwh);
    return {
        ...report,
        warnings,
        gpus: withCounter,
        energyKwh: counterKwh,
        energySource: "counter",
        counterEnergyKwh: counterKwh,
        energyDisagreementFraction: sampledKwh === null || counterKwh === 0 ? null : (0,core_report/* round */.LI)((sampledKwh - counterKwh) / counterKwh, 4),
        facilityEnergyKwh: (0,core_report/* precise */.ul)(counterKwh * report.pue),
        emissionsKg: emissions === null ? null : (0,core_report/* precise */.ul)(emissions),
        method: {
            ...report.method,
            energyCounter: { status: "used", reason: null, toleranceFraction: energy_counter/* SENSOR_ACCURACY_FRACTION */.gZ, windowSeconds },
        },
    };
}

;// CONCATENATED MODULE: ./src/core/window-energy.ts
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
        if (dtMs > 0 && dtMs <= this.options.gapMs && !prev.interrupted)
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
            this.energyJ[i] += ((at(a) + at(b)) / 2) * ((b - a) / 1000);
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

;// CONCATENATED MODULE: ./src/core/breakdown.ts


function round(value, digits = 9) {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}
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
        const energyKwh = known ? round((0,units/* joulesToKwh */.em)(result.energyJ)) : null;
        return {
            name: span.name,
            startedAt: new Date(span.startEpochMs).toISOString(),
            endedAt: span.endEpochMs === null ? null : new Date(span.endEpochMs).toISOString(),
            durationSeconds: round(durationMs / 1000, 3),
            energyKwh,
            share: energyKwh !== null && totalEnergyKwh ? round(energyKwh / totalEnergyKwh, 4) : null,
            averageWatts: known && durationMs > 0 ? round(result.energyJ / (durationMs / 1000), 2) : null,
            coverage: gpuCount > 0 && durationMs > 0 ? round(Math.min(1, result.coveredMs / (gpuCount * durationMs)), 4) : 0,
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
    return round(Math.max(0, totalEnergyKwh - inside));
}

;// CONCATENATED MODULE: ./src/core/idle.ts

function idle_round(value, digits = 9) {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}
/** The baseline, or `null` when some measured GPU has no reading at `pre` (no honest baseline). */
function idleBaseline(gpus, readings) {
    const measured = gpus.filter((gpu) => gpu.energyJ !== null);
    if (measured.length === 0)
        return null;
    let powerW = 0;
    let idleJ = 0;
    let aboveJ = 0;
    for (const gpu of measured) {
        const reading = readings.find((r) => (gpu.uuid !== null ? r.uuid === gpu.uuid : r.index === gpu.index));
        if (!reading || reading.powerW === null)
            return null;
        const gpuIdleJ = reading.powerW * (gpu.coveredMs / 1000);
        powerW += reading.powerW;
        idleJ += gpuIdleJ;
        aboveJ += Math.max(0, (gpu.energyJ ?? 0) - gpuIdleJ);
    }
    return { powerWatts: idle_round(powerW, 2), energyKwh: idle_round((0,units/* joulesToKwh */.em)(idleJ)), aboveIdleEnergyKwh: idle_round((0,units/* joulesToKwh */.em)(aboveJ)) };
}

// EXTERNAL MODULE: ./src/core/sample-log.ts + 5 modules
var sample_log = __webpack_require__(47303);
;// CONCATENATED MODULE: ./src/core/steps.ts
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
function steps_stepSpans(steps) {
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

// EXTERNAL MODULE: ./src/action/intensity.ts
var action_intensity = __webpack_require__(87003);
;// CONCATENATED MODULE: ./src/action/interop.ts
/**
 * The report in the formats other tools read: github-action-benchmark's JSON and CodeCarbon's
 * `emissions.csv`, written next to report.json (and to the user's paths), and the optional
 * workflow artifact. Every failure here is a warning: the report itself is already written.
 */







/** Project, run and experiment names for CodeCarbon's columns, from the runner's variables. */
function runInfoFromEnv(env) {
    const runId = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || "1"}` : "";
    return {
        projectName: env.GITHUB_REPOSITORY || "gpu-carbon",
        runId,
        experimentId: [env.GITHUB_WORKFLOW, env.GITHUB_JOB].filter(Boolean).join("/"),
        os: env.RUNNER_OS || os.type(),
    };
}
function writeTo(file, text, input, io) {
    try {
        mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        writeFileSync(file, text);
        return true;
    }
    catch (e) {
        io.warning(`${input ? `Input '${input}': ` : ""}gpu-carbon could not write ${file} (${e.message}).`);
        return false;
    }
}
/**
 * Adds `row` to a CodeCarbon CSV the user keeps: a new file gets the header first; a file with a
 * different header is left alone (appending would corrupt it for pandas and CodeCarbon).
 */
function appendCodecarbon(file, row, io) {
    const header = codecarbonHeader();
    try {
        if (!existsSync(file) || readFileSync(file, "utf8") === "") {
            writeTo(file, header + (row ?? ""), INPUT.codecarbonPath, io);
            return;
        }
        const first = readFileSync(file, "utf8").split("\n", 1)[0] + "\n";
        if (first !== header) {
            io.warning(`Input '${INPUT.codecarbonPath}': ${file} has other columns than CodeCarbon's emissions.csv; no row was added.`);
            return;
        }
        if (row)
            appendFileSync(file, row);
    }
    catch (e) {
        io.warning(`Input '${INPUT.codecarbonPath}': gpu-carbon could not add to ${file} (${e.message}).`);
    }
}
/**
 * Writes benchmark.json, emissions.csv and summary.md into `dir`, and to `benchmark-path` / `codecarbon-path`
 * when set. A report without energy gives `[]` and a header-only CSV: no made-up 0 kWh point.
 * @returns the files written into `dir`
 */
function interop_writeInteropFiles(report, dir, settings, env, io) {
    const written = [];
    const benchmark = renderBenchmarkJson(report);
    const row = renderCodecarbonRow(report, runInfoFromEnv(env));
    const benchmarkFile = path.join(dir, FILE.benchmark);
    const codecarbonFile = path.join(dir, FILE.codecarbon);
    if (writeTo(benchmarkFile, benchmark, null, io))
        written.push(benchmarkFile);
    if (writeTo(codecarbonFile, codecarbonHeader() + (row ?? ""), null, io))
        written.push(codecarbonFile);
    const summaryFile = path.join(dir, FILE.summaryMarkdown);
    if (writeTo(summaryFile, renderSummary(report), null, io))
        written.push(summaryFile);
    if (settings.benchmarkPath && writeTo(settings.benchmarkPath, benchmark, INPUT.benchmarkPath, io)) {
        io.info(`Benchmark JSON written to ${settings.benchmarkPath}`);
    }
    if (settings.codecarbonPath)
        appendCodecarbon(settings.codecarbonPath, row, io);
    return written;
}
/** Uploads `files` (all inside `dir`) as the artifact when `upload-artifact` is true. */
async function interop_uploadResults(files, dir, settings, env, io) {
    if (!settings.uploadArtifact)
        return;
    const name = settings.artifactName || `gpu-carbon-${env.GITHUB_JOB || "job"}`;
    const inside = files.filter((file) => existsSync(file) && !path.relative(dir, file).startsWith(".."));
    // Loaded only when asked for: the artifact client is most of the bundle's size, and every
    // hook would otherwise parse it at the start of the job.
    const { uploadArtifactFiles } = await Promise.all(/* import() */[__webpack_require__.e(690), __webpack_require__.e(480)]).then(__webpack_require__.bind(__webpack_require__, 66480));
    const result = await uploadArtifactFiles({ name, files: inside, rootDirectory: dir }, env);
    if (result.uploaded)
        io.info(`Artifact '${name}' uploaded (${inside.map((f) => path.basename(f)).join(", ")}).`);
    else
        io.warning(`Input '${INPUT.uploadArtifact}': the artifact '${name}' was not uploaded: ${result.reason}. The report is still in ${dir}.`);
}

// EXTERNAL MODULE: ./src/action/live-intensity.ts + 3 modules
var live_intensity = __webpack_require__(67270);
// EXTERNAL MODULE: ./src/action/pricing.ts + 2 modules
var pricing = __webpack_require__(51470);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 19 modules
var utils = __webpack_require__(85555);
;// CONCATENATED MODULE: ./src/adapters/github-client.ts
/**
 * The GitHub REST client: Octokit from @actions/github with retries (5xx, network errors) and
 * rate-limit handling, every request under a timeout, and all requests of one hook under a
 * shared deadline so that network trouble can never hold up the end of a job.
 * The API address comes from `GITHUB_API_URL` (GitHub Enterprise Server, or a test server).
 */




/** Thrown when the shared deadline has passed before a request could start. */
class DeadlineError extends Error {
    constructor() {
        super("the time allowed for GitHub API calls ran out");
        this.name = "DeadlineError";
    }
}
/** Creates a client for `token`. */
function github_client_createGitHubClient(token, options = {}) {
    const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    const maxWaitS = options.maxRateLimitWaitS ?? 10;
    const deadline = options.deadlineEpochMs ?? Number.POSITIVE_INFINITY;
    // The toolkit's fetch honours the runner's proxy settings (https_proxy, no_proxy); keep it.
    const baseFetch = (defaults.request?.fetch ?? fetch);
    const timedFetch = (input, init) => {
        const leftMs = deadline - Date.now();
        if (leftMs <= 0)
            return Promise.reject(new DeadlineError());
        const signal = AbortSignal.timeout(Math.max(1, Math.min(requestTimeoutMs, leftMs)));
        return baseFetch(input, { ...init, signal });
    };
    const canWait = (retryAfterS, retryCount) => retryCount < 1 && retryAfterS <= maxWaitS && Date.now() + retryAfterS * 1000 < deadline;
    return getOctokit(token, {
        baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com",
        request: { fetch: timedFetch },
        retry: {
            retries: options.retries ?? 2,
            retryAfterBaseValue: options.retryBaseMs ?? 1000,
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
        },
        throttle: {
            id: options.throttleId ?? "gpu-carbon",
            onRateLimit: (retryAfter, _options, _octokit, retryCount) => canWait(retryAfter, retryCount),
            onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => canWait(retryAfter, retryCount),
        },
    }, retry, throttling);
}
/**
 * The HTTP status of a failed request, or `null` for network errors and timeouts (Octokit
 * reports those as status 500 without a response).
 */
function github_client_statusOf(error) {
    const e = error;
    if (typeof e?.status !== "number")
        return null;
    if (e.status === 500 && e.response === undefined)
        return null;
    return e.status;
}
/**
 * A one-line explanation of a failed API call, naming the permission a 403/404 usually means
 * is missing, for warnings.
 */
function github_client_describeApiError(error, what, permission) {
    const status = github_client_statusOf(error);
    const message = error?.message ?? String(error);
    if (status === 401)
        return `${what} failed: the token was rejected (401)`;
    if (status === 403 && /rate limit/i.test(message))
        return `${what} failed: GitHub's rate limit was reached (403)`;
    if (status === 403 || status === 404)
        return `${what} failed (${status}): the token lacks \`${permission}\` permission, or it is read-only (pull requests from forks)`;
    if (status !== null && status >= 500)
        return `${what} failed: GitHub answered ${status} after retries`;
    if (error instanceof DeadlineError)
        return `${what} skipped: ${error.message}`;
    if (status === null)
        return `${what} failed: ${message} (network error or timeout)`;
    return `${what} failed (${status}): ${message}`;
}

;// CONCATENATED MODULE: ./src/adapters/jobs-api.ts

/** The coordinates, or what is missing (outside GitHub Actions). */
function jobs_api_jobCoordinates(env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
    const runId = Number(env.GITHUB_RUN_ID);
    const runAttempt = Number(env.GITHUB_RUN_ATTEMPT || "1");
    const runnerName = env.RUNNER_NAME ?? "";
    if (!owner || !repo)
        return "GITHUB_REPOSITORY is not set";
    if (!Number.isInteger(runId) || runId <= 0)
        return "GITHUB_RUN_ID is not set";
    if (!runnerName)
        return "RUNNER_NAME is not set";
    return { owner, repo, runId, runAttempt: Number.isInteger(runAttempt) && runAttempt > 0 ? runAttempt : 1, runnerName };
}
/**
 * Lists the attempt's jobs (every page) and picks the one in progress on this runner. A runner
 * runs one job at a time, so at most one job of the attempt matches.
 */
async function jobs_api_fetchJobSteps(client, where) {
    let jobs;
    try {
        jobs = (await client.paginate(client.rest.actions.listJobsForWorkflowRunAttempt, {
            owner: where.owner,
            repo: where.repo,
            run_id: where.runId,
            attempt_number: where.runAttempt,
            per_page: 100,
        }));
    }
    catch (e) {
        return { ok: false, reason: describeApiError(e, "Listing this run's jobs", "actions: read") };
    }
    const mine = jobs.filter((job) => job.runner_name === where.runnerName && job.status === "in_progress");
    if (mine.length !== 1) {
        const why = mine.length === 0 ? "no job of this run is in progress on it" : `${mine.length} jobs in progress claim it`;
        return {
            ok: false,
            reason: `this job could not be told apart among the run's ${jobs.length} job(s): runner '${where.runnerName}' has ${why}`,
        };
    }
    const job = mine[0];
    return { ok: true, jobName: job.name, steps: job.steps ?? [] };
}

;// CONCATENATED MODULE: ./src/action/job-steps.ts
/**
 * Per-step energy needs this job's steps from the Jobs API. Missing permission, no token or no
 * API is a notice, never a warning or a failure: the rest of the report stands without it.
 */




/** All API calls of post together must finish within this, ms (post shares a short budget). */
const API_BUDGET_MS = 20_000;
/** The steps as spans, or a notice saying why there is no per-step energy. */
async function job_steps_jobStepSpans(settings, env) {
    const prefix = "gpu-carbon: no energy per step";
    if (!settings.githubToken)
        return { notice: `${prefix}: input '${INPUT.githubToken}' is empty.` };
    const where = jobCoordinates(env);
    if (typeof where === "string")
        return { notice: `${prefix}: ${where} (not running on GitHub Actions?).` };
    const client = createGitHubClient(settings.githubToken, { deadlineEpochMs: Date.now() + API_BUDGET_MS, requestTimeoutMs: 10_000 });
    const result = await fetchJobSteps(client, where);
    if (!result.ok)
        return { notice: `${prefix}: ${result.reason}.` };
    return { spans: stepSpans(result.steps) };
}

// EXTERNAL MODULE: ./src/core/history.ts
var core_history = __webpack_require__(28863);
;// CONCATENATED MODULE: ./src/adapters/history-store.ts
/**
 * The history store: one JSON file per label on a data branch, read and written through the
 * Contents API, so no checkout is needed. Writers that race are kept apart by the API's
 * optimistic concurrency: a write names the blob it read (`sha`), GitHub refuses it (409, or 422
 * when a file appeared meanwhile) if the file changed, and the writer reads again and retries
 * after a random wait. The data branch is created on first use as a branch of its own (no
 * parent commit), holding only history.
 */


/** Gave up after several conflicting writes. */
class HistoryConflictError extends Error {
    constructor(attempts) {
        super(`the history file kept changing under us; gave up after ${attempts} tries`);
        this.name = "HistoryConflictError";
    }
}
/** Reads a history file; `null` when the branch or the file does not exist. */
async function history_store_readHistory(client, at) {
    try {
        const { data } = await client.rest.repos.getContent({ owner: at.owner, repo: at.repo, path: at.path, ref: at.branch });
        if (Array.isArray(data) || data.type !== "file")
            throw new Error(`${at.path} on ${at.branch} is not a file`);
        let text;
        if (data.encoding === "base64" && data.content)
            text = Buffer.from(data.content, "base64").toString("utf8");
        else {
            // Files over 1 MB come without content; the blob API serves them whole.
            const blob = await client.rest.git.getBlob({ owner: at.owner, repo: at.repo, file_sha: data.sha });
            text = Buffer.from(blob.data.content, "base64").toString("utf8");
        }
        return { history: parseHistory(text), sha: data.sha };
    }
    catch (e) {
        if (statusOf(e) === 404)
            return null;
        throw e;
    }
}
const README = (/* unused pure expression or super */ null && (`# gpu-carbon history

One JSON file per label under \`history/\`: the energy, emissions and duration of each run of the
default branch, written by the gpu-carbon action. Safe to delete; the next run starts afresh.
`));
/** Creates the data branch with a first commit of its own; fine if another writer just did. */
async function ensureBranch(client, owner, repo, branch) {
    try {
        await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
        return false;
    }
    catch (e) {
        if (statusOf(e) !== 404)
            throw e;
    }
    const tree = await client.rest.git.createTree({
        owner,
        repo,
        tree: [{ path: "README.md", mode: "100644", type: "blob", content: README }],
    });
    const commit = await client.rest.git.createCommit({ owner, repo, message: "Start gpu-carbon history", tree: tree.data.sha, parents: [] });
    try {
        await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
        return true;
    }
    catch (e) {
        if (statusOf(e) === 422)
            return false; // "Reference already exists": another job created it
        throw e;
    }
}
/**
 * A write refused because the file changed since it was read: 409 for a stale sha, 422 when the
 * file appeared meanwhile (a sha is then required). A ruleset refusing the push is also a 409
 * but is no race, so it is not retried.
 */
function isConflict(error) {
    const status = statusOf(error);
    const message = error?.message ?? "";
    if (status === 409)
        return !/rule/i.test(message);
    return status === 422 && /sha/i.test(message);
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Adds `entry` to the label's history (keeping the newest `limit` records), creating the branch
 * and the file when missing. Retries a conflicting write with a fresh read.
 */
async function history_store_appendHistory(client, at, label, entry, limit, options = {}) {
    const attempts = options.attempts ?? 6;
    const baseDelayMs = options.baseDelayMs ?? 250;
    const random = options.random ?? Math.random;
    const sleep = options.sleep ?? defaultSleep;
    let createdBranch = false;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
        const current = await history_store_readHistory(client, at);
        if (!current && attempt === 1)
            createdBranch = await ensureBranch(client, at.owner, at.repo, at.branch);
        const next = appendRecord(current?.history ?? emptyHistory(label), entry, limit);
        try {
            await client.rest.repos.createOrUpdateFileContents({
                owner: at.owner,
                repo: at.repo,
                path: at.path,
                branch: at.branch,
                message: `gpu-carbon: ${label} run ${entry.runId}.${entry.runAttempt}`,
                content: Buffer.from(serializeHistory(next), "utf8").toString("base64"),
                ...(current ? { sha: current.sha } : {}),
            });
            return { attempts: attempt, records: next.records.length, createdBranch };
        }
        catch (e) {
            if (!isConflict(e))
                throw e;
            if (attempt < attempts)
                await sleep(baseDelayMs * 2 ** (attempt - 1) * (0.5 + random()));
        }
    }
    throw new HistoryConflictError(attempts);
}

;// CONCATENATED MODULE: ./src/adapters/pr-comments.ts
/**
 * The sticky PR comment: one comment per label, found by its hidden marker and its author (all
 * pages of the PR's comments), created once and then edited in place.
 *
 * One comment per label, rather than one shared comment, is what keeps a matrix safe: GitHub has
 * no conditional update for comments, so jobs sharing a comment could overwrite each other's
 * sections; with one comment each, no two jobs ever write the same comment. Two runs of the same
 * label at once (a re-run racing a push) can both create one; the loser of that race deletes the
 * extra comment and writes its result into the one that remains.
 */

/** The author GitHub gives comments made with the job's `GITHUB_TOKEN`. */
const ACTIONS_BOT = "github-actions[bot]";
/**
 * The login comments made with this token get. A personal token can ask (`GET /user`); the
 * job's token cannot (403), and its comments are the Actions bot's.
 */
async function tokenLogin(client) {
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return data.login;
    }
    catch (e) {
        const status = statusOf(e);
        if (status === 401 || status === 403 || status === 404)
            return ACTIONS_BOT;
        throw e;
    }
}
async function ours(client, target, marker, login) {
    const all = (await client.paginate(client.rest.issues.listComments, {
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        per_page: 100,
    }));
    return all.filter((c) => c.user?.login === login && (c.body ?? "").includes(marker)).sort((a, b) => a.id - b.id);
}
/**
 * Creates the comment holding `marker`, or edits the one that exists. `body` must contain
 * `marker`. After creating, duplicates from a concurrent writer of the same label are removed,
 * keeping the oldest comment with this body.
 */
async function pr_comments_upsertComment(client, target, marker, body) {
    const login = await tokenLogin(client);
    const existing = await ours(client, target, marker, login);
    const base = { owner: target.owner, repo: target.repo };
    if (existing.length > 0) {
        const keep = existing[0];
        await client.rest.issues.updateComment({ ...base, comment_id: keep.id, body });
        return { action: "updated", id: keep.id };
    }
    const { data: created } = await client.rest.issues.createComment({ ...base, issue_number: target.issueNumber, body });
    const now = await ours(client, target, marker, login);
    const keep = now[0];
    if (!keep)
        return { action: "created", id: created.id };
    for (const extra of now.slice(1)) {
        try {
            await client.rest.issues.deleteComment({ ...base, comment_id: extra.id });
        }
        catch (e) {
            if (statusOf(e) !== 404)
                throw e; // the other writer removed it first
        }
    }
    if (keep.id !== created.id)
        await client.rest.issues.updateComment({ ...base, comment_id: keep.id, body });
    return { action: keep.id === created.id ? "created" : "updated", id: keep.id };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./src/core/comment-data.ts
/**
 * What a fork pull request's job uploads for the trusted `mode: comment` workflow: the label,
 * the PR it claims to belong to, and the report. It comes from untrusted code, so it is parsed
 * strictly, its text is bounded, and the PR claim is checked against the run before use. Pure.
 */


/** Version of the uploaded file's format. */
const comment_data_COMMENT_DATA_VERSION = 1;
const comment_data_text = (max) => schemas/* string */.YjP().max(max);
const figure = schemas/* number */.aig().min(0).max(1e9).nullable();
const comment_data_status = schemas/* enum */.k5n(["measured", "partial", "not-measured"]);
/** A job of a merged run (`kind: "run"`): every field the run's comment renders, bounded. */
const runJob = schemas/* object */.Ikc({
    label: comment_data_text(500),
    source: comment_data_text(1000),
    status: comment_data_status,
    energyKwh: figure,
    emissionsKg: figure,
    countedEnergyKwh: figure,
    countedEmissionsKg: figure,
    durationSeconds: schemas/* number */.aig().min(0).max(1e8),
    coverage: schemas/* number */.aig().min(0).max(1),
    energySource: schemas/* enum */.k5n(["counter", "sampled"]),
    startedAt: comment_data_text(40).nullable(),
    endedAt: comment_data_text(40).nullable(),
    gpus: schemas/* array */.YOg(schemas/* object */.Ikc({ uuid: comment_data_text(200).nullable(), name: comment_data_text(200).nullable(), host: comment_data_text(300).nullable(), energyKwh: figure }))
        .max(1000),
    hosts: schemas/* array */.YOg(comment_data_text(300)).max(1000),
})
    .strict();
const reportSubset = schemas/* object */.Ikc({
    // 1: a job's report before merged runs existed; SCHEMA_VERSION: today's, a job's or a run's.
    schemaVersion: schemas/* number */.aig().int().min(1).max(core_report/* SCHEMA_VERSION */.f$),
    kind: schemas/* enum */.k5n(["job", "run"]).default("job"),
    label: comment_data_text(500).nullable().default(null),
    jobs: schemas/* array */.YOg(runJob).max(256).default([]),
    status: comment_data_status,
    warnings: schemas/* array */.YOg(comment_data_text(1000)).max(100),
    startedAt: comment_data_text(40).nullable(),
    endedAt: comment_data_text(40).nullable(),
    durationSeconds: schemas/* number */.aig().min(0).max(1e8),
    energyKwh: schemas/* number */.aig().min(0).max(1e9).nullable(),
    emissionsKg: schemas/* number */.aig().min(0).max(1e9).nullable(),
    coverage: schemas/* number */.aig().min(0).max(1),
})
    .passthrough();
const commentData = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(comment_data_COMMENT_DATA_VERSION),
    label: comment_data_text(200),
    pullRequest: schemas/* number */.aig().int().min(1),
    headSha: schemas/* string */.YjP().regex(/^[0-9a-f]{40,64}$/),
    baseRef: comment_data_text(255),
    report: reportSubset,
});
/** Parses an uploaded file; throws with the first problem when it is not one. */
function parseCommentData(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (e) {
        throw new Error(`not JSON (${e.message})`, { cause: e });
    }
    const result = commentData.safeParse(value);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(`not a gpu-carbon comment file (${issue?.path.join(".") || "root"}: ${issue?.message})`);
    }
    // Only the validated fields of the report are read downstream (rendering and comparison).
    return result.data;
}

;// CONCATENATED MODULE: ./src/action/comparison.ts
/**
 * Loads a label's history from the data branch and compares a report with it: the baseline,
 * the trend and the gates, as the view the comment and the summary render. A history that cannot
 * be read is a warning and a view without comparison.
 */






/** Gate names as the user set them. */
const comparison_GATE_NAMES = { regression: names/* INPUT */.bO.maxRegressionPercent, energy: names/* INPUT */.bO.maxEnergyKwh, emissions: names/* INPUT */.bO.maxEmissionsKg };
/** The gates the user turned on. */
function comparison_gateLimits(settings) {
    return {
        maxRegressionPercent: settings.maxRegressionPercent,
        maxEnergyKwh: settings.maxEnergyKwh,
        maxEmissionsKg: settings.maxEmissionsKg,
    };
}
/** The history records of `req.label`, or why there are none (a read failure is also a warning). */
async function loadRecords(req, settings, io) {
    if (!settings.historyBranch)
        return { records: [], note: `No baseline: history is off (\`${INPUT.historyBranch}\` is empty).` };
    if (!req.client)
        return { records: [], note: `No baseline: no \`${INPUT.githubToken}\` to read the history with.` };
    if (!req.baseBranch)
        return { records: [], note: "No baseline: the base branch is unknown." };
    try {
        const found = await readHistory(req.client, {
            owner: req.owner,
            repo: req.repo,
            branch: settings.historyBranch,
            path: historyPath(req.label),
        });
        return { records: found?.history.records ?? [], note: null };
    }
    catch (e) {
        io.warning(`gpu-carbon: ${describeApiError(e, `Reading the history from branch '${settings.historyBranch}'`, "contents: read")}.`);
        return { records: [], note: "No baseline: the history could not be read (see the warnings)." };
    }
}
/** Builds the comparison view of `req.report`. */
async function comparison_buildComparison(req, settings, io) {
    const { records, note } = await loadRecords(req, settings, io);
    const ref = req.baseBranch ? `refs/heads/${req.baseBranch}` : "";
    const trend = records.filter((r) => r.ref === ref && r.runId !== req.runId);
    const baseline = baselineFrom(records, ref, req.runId);
    const comparison = baseline && req.report.energyKwh !== null ? compare(req.report, baseline) : null;
    let baselineNote = note;
    if (!baselineNote && !comparison) {
        baselineNote = baseline
            ? "No comparison: this run's energy is unknown."
            : `No baseline yet: \`${req.baseBranch}\` has no measured run of this label in the history.`;
    }
    return {
        label: req.label,
        report: req.report,
        comparison,
        baseBranch: req.baseBranch,
        baselineNote,
        trend,
        currentName: req.currentName,
        gates: evaluateGates(comparison_gateLimits(settings), req.report, comparison, comparison_GATE_NAMES),
        runUrl: req.runUrl,
    };
}

;// CONCATENATED MODULE: ./src/action/publish.ts
/**
 * What post does with a report beyond report.json and the summary: compare it with the history,
 * post the sticky PR comment (or, for a fork's read-only token, upload it for `mode: comment`),
 * append it to the history on the default branch, and apply the gates. Every network problem is
 * a warning naming the failure or the missing permission; only a failed gate fails the job.
 */














/**
 * All of post's GitHub API calls together must end within this, ms: a cancelled job gives its
 * post steps a few minutes at most, and measuring must never hold the job up.
 */
const NETWORK_BUDGET_MS = 60_000;
/** Events whose runs of the default branch are recorded in the history. */
const RECORDED_EVENTS = (/* unused pure expression or super */ null && (["push", "schedule", "workflow_dispatch"]));
/** The artifact client is most of the bundle: it is loaded only when a fork's report needs it. */
async function loadArtifactStore() {
    return (await Promise.all(/* import() */[__webpack_require__.e(690), __webpack_require__.e(480)]).then(__webpack_require__.bind(__webpack_require__, 66480))).actionsArtifactStore();
}
/** The label of this job. */
function publish_jobLabel(settings, run) {
    return settings.label || defaultLabel(run.workflow, run.job, settings.matrix);
}
/** The repository's default branch, from the event or the API; `null` when unknown. */
async function defaultBranchOf(client, run, io) {
    if (run.defaultBranch)
        return run.defaultBranch;
    if (!client)
        return null;
    try {
        const { data } = await client.rest.repos.get({ owner: run.owner, repo: run.repo });
        return data.default_branch;
    }
    catch (e) {
        io.warning(`gpu-carbon: ${describeApiError(e, "Looking up the default branch", "contents: read")}.`);
        return null;
    }
}
/** A fork's read-only token cannot comment: uploads the report for the trusted `mode: comment` job. */
async function uploadForFork(ctx, run, label) {
    const pr = run.pullRequest;
    const data = {
        schemaVersion: COMMENT_DATA_VERSION,
        label,
        pullRequest: pr.number,
        headSha: pr.headSha,
        baseRef: pr.baseRef,
        report: ctx.report,
    };
    const dir = path.join(workDir(ctx.env), "comment");
    const file = path.join(dir, `${COMMENT_ARTIFACT_PREFIX}${fnv1a(label)}.json`);
    try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, JSON.stringify(data));
        const id = await (ctx.artifacts ?? (await loadArtifactStore())).uploadFile(file, 7);
        ctx.io.notice(`gpu-carbon: this pull request comes from a fork, whose token cannot comment. The report was uploaded as artifact ${path.basename(file)} (id ${id}); a workflow_run workflow with '${INPUT.mode}: comment' posts it (see the README).`);
    }
    catch (e) {
        ctx.io.warning(`gpu-carbon: this pull request comes from a fork, whose token cannot comment, and uploading the report as an artifact failed (${e.message}); the job summary has the result.`);
    }
}
/** Creates or updates the label's sticky comment on the pull request; a failure is a warning. */
async function comment(ctx, client, run, label, body) {
    const pr = run.pullRequest;
    try {
        const result = await upsertComment(client, { owner: run.owner, repo: run.repo, issueNumber: pr.number }, commentMarker(label), body);
        ctx.io.info(`gpu-carbon: PR comment ${result.action} (id ${result.id}).`);
    }
    catch (e) {
        ctx.io.warning(`gpu-carbon: ${describeApiError(e, `Posting the comment on pull request #${pr.number}`, "pull-requests: write")}.`);
    }
}
/** Appends the report to the label's history on the data branch; a failure is a warning. */
async function record(ctx, client, run, label) {
    const entry = historyRecord(ctx.report, { runId: run.runId, runAttempt: run.runAttempt, sha: run.sha, ref: run.ref, label }, new Date().toISOString());
    if (!entry) {
        ctx.io.info("gpu-carbon: nothing was measured, so this run is not added to the history.");
        return;
    }
    const at = { owner: run.owner, repo: run.repo, branch: ctx.settings.historyBranch, path: historyPath(label) };
    try {
        const result = await appendHistory(client, at, label, entry, ctx.settings.historyLimit);
        const created = result.createdBranch ? ` (created branch '${at.branch}')` : "";
        ctx.io.info(`gpu-carbon: recorded this run in ${at.path} on '${at.branch}'${created}; ${result.records} record(s).`);
    }
    catch (e) {
        ctx.io.warning(`gpu-carbon: ${describeApiError(e, `Writing the history to branch '${at.branch}'`, "contents: write")}.`);
    }
}
/** Logs each gate and fails the step when one failed. */
function applyGates(gates, io) {
    const failed = gates.filter((g) => g.outcome === "fail");
    for (const gate of gates)
        if (gate.outcome === "skipped")
            io.notice(`gpu-carbon: ${gate.message}`);
    for (const gate of gates)
        if (gate.outcome === "pass")
            io.info(`gpu-carbon: ${gate.message}`);
    if (failed.length > 0)
        io.fail(`gpu-carbon: ${failed.map((g) => g.message).join(" ")}`);
}
/** Compares, comments, records and gates. Never throws for a network problem. */
async function publish_publishReport(ctx) {
    const { settings, env, io, report } = ctx;
    const run = readRunContext(env);
    if (!run) {
        // Not in a workflow run (the CLI, a local test): nothing to publish, but the gates still hold.
        applyGates(evaluateGates(gateLimits(settings), report, null, GATE_NAMES), io);
        return;
    }
    const label = publish_jobLabel(settings, run);
    const pr = run.pullRequest;
    const client = settings.githubToken
        ? createGitHubClient(settings.githubToken, {
            baseUrl: env.GITHUB_API_URL,
            deadlineEpochMs: Date.now() + NETWORK_BUDGET_MS,
            ...ctx.client,
        })
        : null;
    if (!client && (settings.historyBranch || (settings.prComment && pr))) {
        io.notice(`gpu-carbon: '${INPUT.githubToken}' is empty, so there is no PR comment and no history.`);
    }
    const defaultBranch = pr ? null : await defaultBranchOf(client, run, io);
    const view = await buildComparison({
        client,
        owner: run.owner,
        repo: run.repo,
        label,
        report,
        baseBranch: pr ? pr.baseRef : defaultBranch,
        runId: run.runId,
        currentName: pr ? "this PR" : "this run",
        runUrl: run.runId ? `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}` : null,
    }, settings, io);
    if (settings.summary && (settings.historyBranch || view.gates.length > 0)) {
        try {
            await io.appendSummary(renderComparison(view));
        }
        catch (e) {
            io.warning(`gpu-carbon could not write the comparison to the job summary (${e.message}).`);
        }
    }
    if (client && settings.prComment && pr) {
        if (pr.fromFork)
            await uploadForFork(ctx, run, label);
        else
            await comment(ctx, client, run, label, renderComment(commentMarker(label), view));
    }
    const onDefaultBranch = defaultBranch !== null && run.ref === `refs/heads/${defaultBranch}`;
    if (client && settings.historyBranch && !pr && onDefaultBranch && RECORDED_EVENTS.includes(run.eventName)) {
        await record(ctx, client, run, label);
    }
    applyGates(view.gates, io);
}

;// CONCATENATED MODULE: ./src/action/push-metrics.ts
/** Pushes a job's or a run's figures to the Pushgateway named by `pushgateway-url`; any failure is a warning. */



/** Pushes `report` (scope `job` from post, `run` from `mode: merge`) when a Pushgateway is set. */
async function push_metrics_pushFigures(settings, env, io, report, scope) {
    if (!settings.pushgatewayUrl)
        return;
    const group = {
        repository: env.GITHUB_REPOSITORY ?? "",
        workflow: env.GITHUB_WORKFLOW ?? "",
        label: report.label ?? "",
        runId: env.GITHUB_RUN_ID ?? "",
        scope,
    };
    try {
        await pushToGateway(settings.pushgatewayUrl, pushgatewayPath(group), pushgatewayMetrics(report));
        io.info(`gpu-carbon: pushed the ${scope}'s figures to the Pushgateway at ${settings.pushgatewayUrl}.`);
    }
    catch (e) {
        io.warning(`gpu-carbon: Input '${INPUT.pushgatewayUrl}': the figures could not be pushed to ${settings.pushgatewayUrl} (${e.message}); the report is complete without them.`);
    }
}

// EXTERNAL MODULE: ./src/action/settings.ts + 4 modules
var action_settings = __webpack_require__(58952);
;// CONCATENATED MODULE: ./src/adapters/work-file.ts
/** The work-units file (GPU_CARBON_WORK_FILE) the job's steps may write to. */


/** Reads at most this much: a count is a few bytes; a huge file is a mistake, not work. */
const MAX_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
/** The counts, `null` when no step wrote the file, or a problem in words. */
function work_file_readWorkFile(file) {
    let size;
    try {
        size = statSync(file).size;
    }
    catch {
        return null;
    }
    if (size > MAX_BYTES)
        return `the work file ${file} is ${size} bytes; it should hold counts, one per line`;
    try {
        return parseWorkUnits(readFileSync(file, "utf8"));
    }
    catch (e) {
        return `the work file ${file} could not be read (${e.message})`;
    }
}

;// CONCATENATED MODULE: ./src/action/work.ts
/** Energy per unit of work: reads what the job's steps wrote to GPU_CARBON_WORK_FILE. */



/** The report with `work` filled in when the job counted its work; problems become warnings. */
function work_withWork(report, file) {
    const read = readWorkFile(file);
    if (read === null)
        return report;
    if (typeof read === "string")
        return { ...report, warnings: [...report.warnings, read] };
    const warnings = [...report.warnings];
    if (read.skippedLines > 0)
        warnings.push(`${read.skippedLines} line(s) of ${ENV.workFile} are not a count (a number, optionally followed by a unit) and were skipped`);
    if (!(read.units > 0))
        warnings.push(`${ENV.workFile} holds no positive count: no energy per unit`);
    return { ...report, warnings, work: workReport(report.energyKwh, read.units, read.unit) };
}

;// CONCATENATED MODULE: ./src/action/finish.ts
/**
 * Finishing the measurement in `post`: stop the sampler, integrate the log, write report.json,
 * the job summary and the log line, then publish (PR comment, history, gates). A measurement problem is a warning and an honest report;
 * only `fail-on-error: true` turns it into a failed job.
 */




























/**
 * Turns the session's log into a report, with energy per step and phase and the idle baseline.
 * Never throws for a measurement problem.
 */
async function analyseSession(session, settings, extraWarnings = [], counterEnd = null, spans = { steps: null, phases: [] }, env = process.env) {
    const report = await analyseLog(session, settings, extraWarnings, counterEnd, spans);
    return (0,pricing/* priceReport */.m)({ ...report, gpuSelection: session.selection ?? null }, settings, env);
}
async function analyseLog(session, settings, extraWarnings, counterEnd, spans) {
    const { intensity } = (0,action_intensity/* resolveIntensity */.y)(settings);
    const reportSettings = { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity };
    const warnings = [...(0,action_settings/* settingsWarnings */.Td)(settings), ...session.warnings, ...extraWarnings];
    const window = {
        startEpochMs: session.startedEpochMs,
        durationMs: Date.now() - session.startedEpochMs,
        intervalMs: session.intervalMs,
        gapMs: (0,sample_log/* gapThresholdMs */.IU)(session.intervalMs),
    };
    if (!session.measuring)
        return (0,core_report/* notMeasuredReport */.yM)(reportSettings, warnings, window);
    warnings.push(...samplerDiagnostics(session));
    const stepEnergy = new SpanEnergy(spans.steps ?? [], window.gapMs);
    const phaseEnergy = new SpanEnergy(spans.phases, window.gapMs);
    const reader = new sample_log/* SampleLogReader */.w7({
        onReading: (tMs, identity, powerW) => {
            const startEpochMs = reader.startEpoch ?? session.startedEpochMs;
            stepEnergy.add(startEpochMs, tMs, identity, powerW);
            phaseEnergy.add(startEpochMs, tMs, identity, powerW);
        },
        onInterrupt: () => {
            stepEnergy.interrupt();
            phaseEnergy.interrupt();
        },
    });
    try {
        await (0,log_file/* readLogInto */.H)(session.samplesPath, reader, { snapshot: true });
    }
    catch (e) {
        return (0,core_report/* notMeasuredReport */.yM)(reportSettings, [...warnings, `the sample log could not be read (${e.message})`], window);
    }
    const log = reader.finish(window.durationMs);
    if (log.startEpochMs === null) {
        return (0,core_report/* notMeasuredReport */.yM)(reportSettings, [...warnings, "the sampler wrote no samples (it may have been unable to write its log)"], window);
    }
    const trouble = log.events.filter((e) => /^(nvidia-smi exited|nvidia-smi could not start|nvidia-smi did not exit|watchdog)/.test(e));
    if (trouble.length > 0)
        warnings.push(`nvidia-smi stopped or stalled during the job and was restarted ${log.restarts} time(s) (e.g. "${trouble[0]}"); the time it was down counts as a gap in coverage`);
    if (log.stopReason && log.stopReason !== "signal")
        warnings.push(`the sampler stopped before the end of the job (${log.stopReason})`);
    if (!log.stopReason)
        warnings.push("the sampler did not close its log (it was killed); the window ends when post ran");
    const sampled = (0,core_report/* buildReport */.FK)(log, reportSettings, session.gpus, warnings);
    const edges = new Map(log.gpus.flatMap((gpu) => gpu.uuid !== null && gpu.firstW !== null && gpu.lastW !== null ? [[gpu.uuid, { startW: gpu.firstW, endW: gpu.lastW }]] : []));
    const report = applyEnergyCounter(sampled, session.energyCounterStart ?? null, counterEnd, edges);
    // Steps and phases are cut from the sampled power curve: their shares are of the sampled total.
    const sampledKwh = sampled.energyKwh;
    const gpuCount = log.gpus.filter((gpu) => gpu.energyJ !== null).length;
    const steps = stepEnergy.rows(log.windowMs, sampledKwh, gpuCount);
    return {
        ...report,
        steps,
        outsideStepsEnergyKwh: spans.steps === null ? null : outsideEnergyKwh(steps, sampledKwh),
        stepRules: spans.steps === null ? [] : STEP_RULES,
        phases: phaseEnergy.rows(log.windowMs, sampledKwh, gpuCount),
        idle: idleBaseline(log.gpus, session.gpus),
    };
}
/**
 * Problems the sampler wrote to its own log (`sampler.log` beside the samples), such as a full
 * disk, which the sample log itself cannot record.
 */
function samplerDiagnostics(session) {
    const text = readSmallFile(external_node_path_default().join(external_node_path_default().dirname(session.samplesPath), names/* FILE */.PW.samplerLog), 1 << 20) ?? "";
    const found = text
        .split("\n")
        .filter((line) => line.startsWith("gpu-carbon sampler: cannot"))
        .map((line) => `the sampler reported: ${line.slice("gpu-carbon sampler: ".length)}`);
    return [...new Set(found)].slice(0, 3);
}
/**
 * The job's label and the machine its GPUs are in: what `mode: merge` needs to list the job and to
 * tell one physical GPU measured by two jobs from two GPUs.
 */
function withIdentity(report, settings, env) {
    const run = readRunContext(env);
    const host = os.hostname();
    return {
        ...report,
        label: run ? jobLabel(settings, run) : settings.label || null,
        gpus: report.gpus.map((gpu) => ({ ...gpu, host })),
    };
}
/** Writes report.json into `dir` and copies it to `extraPath` (input `report-path`) when set. */
function writeReport(report, dir, extraPath, io) {
    const json = JSON.stringify(report, null, 2) + "\n";
    const main = path.join(dir, FILE.report);
    try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(main, json);
        io.info(`Report written to ${main}`);
    }
    catch (e) {
        io.warning(`gpu-carbon could not write ${main} (${e.message}).`);
        return;
    }
    if (!extraPath)
        return;
    try {
        mkdirSync(path.dirname(path.resolve(extraPath)), { recursive: true });
        copyFileSync(main, extraPath);
        io.info(`Report copied to ${extraPath}`);
    }
    catch (e) {
        io.warning(`Input '${INPUT.reportPath}': could not write ${extraPath} (${e.message}).`);
    }
}
/** The whole of `post`. */
async function finishMeasurement(ctx) {
    const { settings, env, io } = ctx;
    if (io.getState(STATE.unsupported) === "true")
        return null;
    if (io.getState(STATE.owner) === "false") {
        io.info("gpu-carbon: an earlier use of the action in this job owns the measurement and reports it.");
        return null;
    }
    const dir = workDir(env);
    const sessionPath = io.getState(STATE.session) || path.join(dir, FILE.session);
    const session = readSession(sessionPath);
    let report;
    if (!session) {
        const { intensity } = resolveIntensity(settings);
        report = notMeasuredReport({ pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity }, ["the measurement never started (no session was recorded)"], {
            startEpochMs: null,
            durationMs: 0,
            intervalMs: settings.intervalMs,
            gapMs: gapThresholdMs(settings.intervalMs),
        });
    }
    else {
        const extra = [];
        if (session.samplerPid !== null) {
            const how = await stopSamplerProcess(session.samplerPid);
            if (how === "killed")
                extra.push("the sampler did not stop when asked and was killed");
            if (how === "not-running")
                extra.push("the sampler was no longer running when the job ended");
        }
        // Read right after the sampler stopped, closing the counter's window with the sampled one.
        const counterEnd = session.energyCounterStart?.ok && ctx.counterScript ? await readCounterSnapshot(ctx.counterScript, env) : null;
        let steps = null;
        if (session.measuring) {
            const found = await jobStepSpans(settings, env);
            if ("notice" in found)
                io.notice(found.notice);
            else
                steps = found.spans;
        }
        report = await analyseSession(session, settings, extra, counterEnd, { steps, phases: phaseSpans(readMarks(dir)) }, env);
        const why = report.method.energyCounter.reason;
        if (session.energyCounterStart && why && report.energyKwh !== null)
            io.notice(`gpu-carbon uses sampled nvidia-smi power: ${why}.`);
    }
    report = withIdentity(withWork(report, path.join(dir, FILE.work)), settings, env);
    writeReport(report, dir, settings.reportPath, io);
    const interopFiles = writeInteropFiles(report, dir, settings, env, io);
    if (settings.summary) {
        try {
            await io.appendSummary(renderSummary(report));
        }
        catch (e) {
            io.warning(`gpu-carbon could not write the job summary (${e.message}).`);
        }
    }
    const samples = session ? [session.samplesPath, path.join(dir, FILE.samplerLog)] : [];
    await uploadResults([path.join(dir, FILE.report), ...samples, ...interopFiles], dir, settings, env, io);
    await publishReport({ settings, env, io, report });
    await pushFigures(settings, env, io, report, "job");
    const { notice } = resolveIntensity(settings);
    if (notice && report.energyKwh !== null)
        io.notice(notice);
    if (report.carbonIntensity.resolvedBy === "live")
        io.info(`Carbon intensity ${report.carbonIntensity.gramsPerKwh} gCO2e/kWh: ${report.carbonIntensity.source}.`);
    if (report.embodied?.kg != null)
        io.info(`GPU manufacturing footprint amortised over this job: ${formatMass(report.embodied.kg)} CO2e (not included in the emissions).`);
    const line = `GPU energy ${formatEnergy(report.energyKwh)}, ${formatMass(report.emissionsKg)} CO2e over ${report.durationSeconds.toFixed(1)} s (${report.status}).`;
    if (report.status === "measured") {
        // Everything else in a good measurement's warnings is in the summary; a live-data fallback
        // changes the figure, so it is shown in the log too.
        for (const warning of report.warnings.filter((w) => w.startsWith(LIVE_WARNING_PREFIX)))
            io.warning(warning);
        io.info(line);
    }
    else {
        for (const warning of report.warnings)
            io.warning(warning);
        const message = `gpu-carbon: ${line}`;
        if (settings.failOnError)
            io.fail(`${message} Failing because '${INPUT.failOnError}' is true.`);
        else
            io.warning(message);
    }
    return report;
}


/***/ })

};
