import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/config/names.ts
/** Every input, state and file name the action uses, defined once. Inputs match action.yml. */
const INPUT = {
    intervalMs: "interval-ms",
    nvidiaSmiPath: "nvidia-smi-path",
    carbonIntensity: "carbon-intensity",
    pue: "pue",
    reportPath: "report-path",
    maxDurationHours: "max-duration-hours",
    summary: "summary",
    failOnError: "fail-on-error",
    benchmarkPath: "benchmark-path",
    codecarbonPath: "codecarbon-path",
    uploadArtifact: "upload-artifact",
    artifactName: "artifact-name",
    mode: "mode",
    phase: "phase",
    gpus: "gpus",
    githubToken: "github-token",
    location: "location",
    liveGrid: "live-grid",
    electricityMapsToken: "electricity-maps-token",
    embodied: "embodied",
    gpuLifetimeYears: "gpu-lifetime-years",
    prComment: "pr-comment",
    label: "label",
    matrix: "matrix",
    historyBranch: "history-branch",
    historyLimit: "history-limit",
    maxRegressionPercent: "max-regression-percent",
    maxEnergyKwh: "max-energy-kwh",
    maxEmissionsKg: "max-emissions-kg",
    runId: "run-id",
    source: "source",
    prometheusUrl: "prometheus-url",
    prometheusSelector: "prometheus-selector",
    prometheusToken: "prometheus-token",
    reports: "reports",
    pushgatewayUrl: "pushgateway-url",
};
/**
 * Inputs that hold credentials: masked in the log before anything else is read, so that no
 * message (an input error included) can print them.
 */
const SECRET_INPUTS = [INPUT.githubToken, INPUT.electricityMapsToken, INPUT.prometheusToken];
/** What a use of the action does (input `mode`). */
const MODES = (/* unused pure expression or super */ null && (["measure", "mark", "report", "comment", "merge"]));
/** Where the GPU readings come from (input `source`). */
const SOURCES = (/* unused pure expression or super */ null && (["auto", "nvidia-smi", "prometheus"]));
/** Step outputs `mode: report` sets. Match action.yml. */
const OUTPUT = {
    energyKwh: "energy-kwh",
    emissionsKg: "emissions-kg",
    durationSeconds: "duration-seconds",
    averagePowerWatts: "average-power-watts",
};
const STATE = {
    /** Path of the session file this use of the action refers to. */
    session: "session",
    /** "true" when this use started the measurement and must finish it in post. */
    owner: "owner",
    /** The sampler's pid, so that post can stop it even when the session file cannot be read. */
    samplerPid: "sampler-pid",
    /** Why this use could not start the measurement (its working folder failed); post says so. */
    notStarted: "not-started",
    /** "true" once this use warned that the platform is unsupported. */
    unsupported: "unsupported",
};
/** Environment variables the action reads (besides the runner's own) or exports to later steps. */
const ENV = {
    /** Path of the NVML library to read the energy counter from; default: the driver's `libnvidia-ml.so.1`. */
    nvmlLibrary: "GPU_CARBON_NVML_LIBRARY",
    /**
     * Exported when the runner has no `RUNNER_TEMP`: the folder this job's measurement lives in,
     * made for this job alone, so that later uses of the action in the job find it.
     */
    workDir: "GPU_CARBON_WORK_DIR",
    /** Exported: a file a step may write a count of work units to (energy per unit in the report). */
    workFile: "GPU_CARBON_WORK_FILE",
    /** Base URL of the Electricity Maps API (tests and proxies; default https://api.electricitymaps.com). */
    electricityMapsUrl: "GPU_CARBON_ELECTRICITY_MAPS_URL",
    /** Base URL of the UK Carbon Intensity API (tests and proxies; default https://api.carbonintensity.org.uk). */
    ukCarbonIntensityUrl: "GPU_CARBON_UK_CARBON_INTENSITY_URL",
    /** The CLI's Prometheus bearer token when `--prometheus-token` is not given. */
    prometheusToken: "GPU_CARBON_PROMETHEUS_TOKEN",
};
const FILE = {
    /** Folder under RUNNER_TEMP holding everything of one job's measurement. */
    workDir: "gpu-carbon",
    session: "session.json",
    lock: "session.lock",
    samples: "samples.log",
    samplerConfig: "sampler-config.json",
    samplerLog: "sampler.log",
    report: "report.json",
    /** github-action-benchmark `customSmallerIsBetter` JSON. */
    benchmark: "benchmark.json",
    /** CodeCarbon-compatible CSV (header and one row). */
    codecarbon: "emissions.csv",
    /** The job summary's markdown, for posting elsewhere (a PR comment from a trusted workflow). */
    summaryMarkdown: "summary.md",
    /** Phase marks, one `<epochMs>\t<name>` line each. */
    marks: "phases.tsv",
    /** Work units counted by the job's steps (GPU_CARBON_WORK_FILE). */
    work: "work-units.txt",
    /** The last `prometheus-selector` given by a `mode: mark` use (it applies to the whole window). */
    prometheusSelector: "prometheus-selector.txt",
};
/** Prefix of the artifact a fork pull request's job uploads for `mode: comment`. */
const COMMENT_ARTIFACT_PREFIX = "gpu-carbon-comment-";

;// CONCATENATED MODULE: ./src/core/errors.ts
/** What went wrong, in words. */
/** The message of anything thrown: an Error's message, or the thrown value as text. */
function errorMessage(thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
}

;// CONCATENATED MODULE: ./src/adapters/nvml.ts
/**
 * Reads every GPU's cumulative energy counter through NVML (`libnvidia-ml.so.1`, installed with
 * the NVIDIA driver) with koffi's native FFI module. It runs inside the short-lived counter
 * process (`src/entries/nvml.ts`), never in a hook, so a driver that hangs or crashes in
 * `nvmlInit` costs the hook a timeout, not the report.
 *
 * koffi's JavaScript entry looks for its native part in `node_modules`, which a bundled action
 * does not have; the caller names the `.node` file (beside the bundle, see `bundle.mjs`) and it is
 * loaded with `process.dlopen`. Its exports are koffi's API (`load`, `pointer`, `opaque`, ...).
 */



/** The library name the dynamic loader resolves (the driver installs it on the library path). */
const DEFAULT_NVML_LIBRARY = "libnvidia-ml.so.1";
/** NVML_DEVICE_UUID_V2_BUFFER_SIZE from nvml.h. */
const UUID_BUFFER_BYTES = 96;
/**
 * Why this machine cannot run the bundled FFI module, or `null` when it can. Only the Linux x64
 * glibc build is shipped: arm64's comes in a package an x64 install does not fetch, and a musl
 * Node cannot load a glibc module.
 */
function unsupportedPlatformReason(platform, arch, glibcVersion) {
    if (platform !== "linux" || arch !== "x64") {
        return `the energy counter reader ships for Linux x64 only (this runner is ${platform} ${arch})`;
    }
    if (!glibcVersion)
        return "the energy counter reader needs a glibc-based Node (this Node is not)";
    return null;
}
/** The glibc version this Node runs on, `undefined` on musl and other C libraries. */
function glibcVersion() {
    const header = process.report?.getReport()?.header;
    return header?.glibcVersionRuntime;
}
/** Loads koffi's native module from `file`. Throws when it is missing or does not fit this Node. */
function loadKoffi(file) {
    const module = { exports: {} };
    process.dlopen(module, file);
    if (typeof module.exports.load !== "function")
        throw new Error(`${file} is not koffi's native module`);
    return module.exports;
}
function bind(koffi, library) {
    let lib;
    try {
        lib = koffi.load(library);
    }
    catch (e) {
        const why = errorMessage(e);
        // The usual case off a GPU machine: no driver installed. Said plainly, without the loader's words.
        if (/cannot open shared object file|no such file/i.test(why))
            return `the NVIDIA management library (${library}) could not be loaded: it is not installed on this machine (it comes with the NVIDIA driver)`;
        return `the NVIDIA management library (${library}) could not be loaded: ${why}`;
    }
    const device = koffi.pointer(koffi.opaque());
    try {
        const errorString = lib.func("const char *nvmlErrorString(int result)");
        const bound = {
            init: lib.func("int nvmlInit_v2(void)"),
            shutdown: lib.func("int nvmlShutdown(void)"),
            count: lib.func("int nvmlDeviceGetCount_v2(_Out_ unsigned int *count)"),
            handle: lib.func("nvmlDeviceGetHandleByIndex_v2", "int", ["unsigned int", koffi.out(koffi.pointer(device))]),
            uuid: lib.func("nvmlDeviceGetUUID", "int", [device, "char *", "unsigned int"]),
        };
        let energy;
        try {
            energy = lib.func("nvmlDeviceGetTotalEnergyConsumption", "int", [device, koffi.out(koffi.pointer("unsigned long long"))]);
        }
        catch {
            return `this driver's NVML has no nvmlDeviceGetTotalEnergyConsumption (the driver predates the energy counter)`;
        }
        return { ...bound, energy, errorText: (code) => `${String(errorString(code))} (NVML error ${code})` };
    }
    catch (e) {
        return `the NVIDIA management library lacks a function gpu-carbon needs: ${errorMessage(e)}`;
    }
}
function readGpu(api, index, now) {
    const handle = [null];
    const found = api.handle(index, handle);
    if (found !== 0)
        return `GPU ${index} could not be opened: ${api.errorText(found)}`;
    const buffer = Buffer.alloc(UUID_BUFFER_BYTES);
    const named = api.uuid(handle[0], buffer, UUID_BUFFER_BYTES);
    if (named !== 0)
        return `GPU ${index} did not give its uuid: ${api.errorText(named)}`;
    const end = buffer.indexOf(0);
    const uuid = buffer.toString("utf8", 0, end < 0 ? buffer.length : end);
    const out = [0];
    const code = api.energy(handle[0], out);
    const readEpochMs = now();
    if (code !== 0)
        return { uuid, energyMj: null, readEpochMs, error: api.errorText(code) };
    return { uuid, energyMj: Number(out[0]), readEpochMs, error: null };
}
/**
 * One snapshot of every GPU's energy counter. Never throws: a missing library, symbol or driver
 * is `{ ok: false, reason }`; a GPU whose counter is not supported (before Volta) is a reading
 * with `energyMj: null` and NVML's error text.
 */
function readCounters(koffiFile, library, now = Date.now) {
    let koffi;
    try {
        koffi = loadKoffi(koffiFile);
    }
    catch (e) {
        return { ok: false, reason: `the FFI module could not be loaded (${errorMessage(e)})` };
    }
    const api = bind(koffi, library);
    if (typeof api === "string")
        return { ok: false, reason: api };
    const started = api.init();
    if (started !== 0)
        return { ok: false, reason: `NVML could not start: ${api.errorText(started)}` };
    try {
        const count = [0];
        const counted = api.count(count);
        if (counted !== 0)
            return { ok: false, reason: `NVML could not count the GPUs: ${api.errorText(counted)}` };
        const gpus = [];
        for (let index = 0; index < (count[0] ?? 0); index += 1) {
            const reading = readGpu(api, index, now);
            if (typeof reading === "string")
                return { ok: false, reason: reading };
            gpus.push(reading);
        }
        return { ok: true, gpus };
    }
    finally {
        api.shutdown();
    }
}
/** koffi's native module as `bundle.mjs` places it: `dist/native/`, beside the bundles. */
function koffiNativeFrom(moduleUrl) {
    return (0,external_node_url_namespaceObject.fileURLToPath)(new URL("../native/koffi-linux-x64.node", moduleUrl));
}
/** The library to open: `GPU_CARBON_NVML_LIBRARY` when set (a file path), else the driver's. */
function nvmlLibrary(env) {
    return env[ENV.nvmlLibrary] || DEFAULT_NVML_LIBRARY;
}
/** Body of the counter process: prints one snapshot. */
function printCounterSnapshot(moduleUrl, env, write) {
    const unsupported = unsupportedPlatformReason(process.platform, process.arch, glibcVersion());
    const snapshot = unsupported
        ? { ok: false, reason: unsupported }
        : readCounters(koffiNativeFrom(moduleUrl), nvmlLibrary(env));
    write(JSON.stringify(snapshot) + "\n");
}

;// CONCATENATED MODULE: ./src/entries/nvml.ts

printCounterSnapshot(import.meta.url, process.env, (text) => process.stdout.write(text));

