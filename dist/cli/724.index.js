export const id = 724;
export const ids = [724];
export const modules = {

/***/ 853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QA: () => (/* binding */ deadlines),
/* harmony export */   jH: () => (/* binding */ networkDeadline)
/* harmony export */ });
/* unused harmony exports DEFAULT_DEADLINES, TEST_DEADLINES_ENV, NetworkDeadline */
const DEFAULT_DEADLINES = { commandMs: 20_000, networkMs: 60_000 };
/** Name of the test-only environment variable. */
const TEST_DEADLINES_ENV = "GPU_CARBON_TEST_DEADLINES";
/** An override's bounds for each deadline: a whole number of ms. */
const MIN_OVERRIDE_MS = 10;
const MAX_OVERRIDE_MS = 600_000;
/**
 * The deadlines to use: the defaults, with a valid test override applied. The override is JSON
 * with `commandMs` and/or `networkMs`, each a whole number from 10 to 600000; anything else (another
 * key, another value, text that is not JSON) leaves the defaults. Checked here rather than with a
 * schema: its two numbers do not warrant loading zod on every start.
 */
function deadlines(env = process.env) {
    const raw = env[TEST_DEADLINES_ENV];
    if (!raw)
        return DEFAULT_DEADLINES;
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        return DEFAULT_DEADLINES;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
        return DEFAULT_DEADLINES;
    const result = { ...DEFAULT_DEADLINES };
    for (const [key, value] of Object.entries(parsed)) {
        if (key !== "commandMs" && key !== "networkMs")
            return DEFAULT_DEADLINES;
        if (!Number.isInteger(value) || value < MIN_OVERRIDE_MS || value > MAX_OVERRIDE_MS)
            return DEFAULT_DEADLINES;
        result[key] = value;
    }
    return result;
}
/**
 * One deadline for all of post's network work, made once when post starts its network work and
 * handed to everything that goes on the network, so their waits and retries add up to at most
 * `networkMs`, never one budget each.
 */
class NetworkDeadline {
    budgetMs;
    /** When the network work must be over, ms since the epoch. */
    atEpochMs;
    constructor(
    /** The whole budget, ms. */
    budgetMs, nowEpochMs = Date.now()) {
        this.budgetMs = budgetMs;
        this.atEpochMs = nowEpochMs + budgetMs;
    }
    /** What is left, ms (0 once past). */
    remainingMs(nowEpochMs = Date.now()) {
        return Math.max(0, this.atEpochMs - nowEpochMs);
    }
    /** An AbortSignal that fires at the deadline (or at once, past it). */
    signal() {
        return AbortSignal.timeout(Math.max(1, this.remainingMs()));
    }
    /**
     * `work`, or a rejection with `what` at the deadline, whichever comes first: whatever it waits
     * for (a retry's sleep, a stalled download) goes on without holding the caller.
     */
    race(work, what) {
        const leftMs = this.remainingMs();
        // Lost races must not reject unheard.
        work.catch(() => undefined);
        if (leftMs <= 0)
            return Promise.reject(new Error(`${what}: the time allowed for network work (${this.budgetMs} ms) ran out`));
        let timer;
        const late = new Promise((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`${what}: the time allowed for network work (${this.budgetMs} ms) ran out`)), leftMs);
        });
        return Promise.race([work, late]).finally(() => clearTimeout(timer));
    }
}
let current = null;
/**
 * The one deadline of this process's network work, started by the first call: `post` (and
 * `mode: comment`) calls it first thing, and the Jobs API, the grid APIs, the history, the PR
 * comment, Prometheus and the artifacts all use it, so that together they end within
 * `networkMs` of the start of the hook.
 */
function networkDeadline(env = process.env) {
    current ??= new NetworkDeadline(deadlines(env).networkMs);
    return current;
}


/***/ }),

/***/ 286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ writeRegularFile),
/* harmony export */   SB: () => (/* binding */ describeKind),
/* harmony export */   XF: () => (/* binding */ readRegularFile)
/* harmony export */ });
/* unused harmony export appendRegularFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Reading and writing files that a workflow's steps could have replaced with something else: a
 * FIFO (whose open or read waits for a writer that never comes), a device (whose reads never end,
 * or whose writes fail), or a symbolic link to either. Every file the action reads or writes in
 * its work folder, and every path input, goes through here.
 *
 * A write never removes or replaces anything but a regular file: the text goes to a new file in
 * the same folder, which is renamed over the destination only once it is complete, so a failed
 * write (a full disk) leaves the destination exactly as it was.
 */


/** What a file that is not a regular file is, in words ("a FIFO", "a character device"). */
function describeKind(stat) {
    if (stat.isDirectory())
        return "a folder";
    if (stat.isFIFO())
        return "a FIFO";
    if (stat.isCharacterDevice())
        return "a character device";
    if (stat.isBlockDevice())
        return "a block device";
    if (stat.isSocket())
        return "a socket";
    return "not a regular file";
}
/**
 * Reads a regular file of at most `maxBytes`. It is opened without blocking (a FIFO's open would
 * otherwise wait for a writer) and checked on the open descriptor, so nothing else is ever read.
 */
function readRegularFile(file, maxBytes) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY);
    }
    catch (e) {
        const code = e.code;
        return { ok: false, missing: code === "ENOENT", reason: `${file} could not be read (${e.message})` };
    }
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stat.isFile())
            return { ok: false, missing: false, reason: `${file} is ${describeKind(stat)}, not a regular file; it was not read` };
        if (stat.size > maxBytes)
            return { ok: false, missing: false, reason: `${file} is ${stat.size} bytes, more than the ${maxBytes} expected; it was not read` };
        const buffer = Buffer.alloc(stat.size);
        let offset = 0;
        while (offset < buffer.length) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, offset, buffer.length - offset, offset);
            if (n === 0)
                break;
            offset += n;
        }
        return { ok: true, text: buffer.subarray(0, offset).toString("utf8") };
    }
    catch (e) {
        return { ok: false, missing: false, reason: `${file} could not be read (${e.message})` };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** Why `file` must not be written to, or where to write: the file itself or the regular file a link names. */
function writeTarget(file) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file);
    let link;
    try {
        link = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(resolved);
    }
    catch {
        return { target: resolved }; // nothing there yet
    }
    if (link.isFile())
        return { target: resolved };
    if (!link.isSymbolicLink())
        return { refused: `${file} is ${describeKind(link)}, not a regular file; it was left alone` };
    try {
        const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(resolved);
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(target);
        if (stat.isFile())
            return { target };
        return { refused: `${file} is a symbolic link to ${describeKind(stat)}, not a regular file; it was left alone` };
    }
    catch {
        return { refused: `${file} is a symbolic link to nothing; it was left alone` };
    }
}
/**
 * Writes `text` to `file` (a regular file, a link to one, or a missing path; its folder is
 * created). Anything else is refused. Returns why it was not written, `null` when it was.
 */
function writeRegularFile(file, text) {
    const where = writeTarget(file);
    if ("refused" in where)
        return where.refused;
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(where.target);
    const temp = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `.${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(where.target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    let fd = null;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
        let mode = 0o644;
        try {
            mode = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(where.target).mode & 0o7777;
        }
        catch {
            /* a new file */
        }
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(temp, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW, mode);
        const bytes = Buffer.from(text, "utf8");
        let offset = 0;
        while (offset < bytes.length)
            offset += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, bytes, offset, bytes.length - offset);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        fd = null;
        // Checked again just before: a step may have put something else there meanwhile.
        const again = writeTarget(where.target);
        if ("refused" in again)
            throw new Error(again.refused);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, where.target);
        return null;
    }
    catch (e) {
        if (fd !== null)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(temp); // our own temporary file, never the destination
        }
        catch {
            /* never created */
        }
        return e.message;
    }
}
/**
 * Appends `text` to a regular file (created when missing). A FIFO, device or link to one is
 * refused without blocking. Returns why it was not written, `null` when it was.
 */
function appendRegularFile(file, text) {
    const where = writeTarget(file);
    if ("refused" in where)
        return where.refused;
    let fd = null;
    try {
        fd = openSync(where.target, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK | constants.O_NOCTTY, 0o644);
        const stat = fstatSync(fd);
        if (!stat.isFile())
            return `${file} is ${describeKind(stat)}, not a regular file; it was left alone`;
        const bytes = Buffer.from(text, "utf8");
        let offset = 0;
        while (offset < bytes.length)
            offset += writeSync(fd, bytes, offset, bytes.length - offset);
        return null;
    }
    catch (e) {
        return e.message;
    }
    finally {
        if (fd !== null)
            closeSync(fd);
    }
}


/***/ }),

/***/ 724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCli: () => (/* binding */ runCli)
/* harmony export */ });
/* unused harmony exports USAGE, parseTime */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(891);
/* harmony import */ var _core_log_plain_clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(933);
/* harmony import */ var _measure_analyse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(854);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(296);
/* harmony import */ var _config_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(234);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(538);
/**
 * `gpu-carbon` on a workstation:
 *   gpu-carbon report <samples.csv> [--carbon-intensity G] [--pue X] [--interval-ms N] [--json]
 *   gpu-carbon run [options] -- <command...>
 * Same core as the action. `run` leaves stdout to the command: its report goes to stderr, its JSON
 * only to --report-path. Both write the action's job summary with --summary.
 */







const USAGE = `Usage:
  gpu-carbon report <samples.csv> [options]   report on a log nvidia-smi wrote
  gpu-carbon report --prometheus-url <url> --prometheus-selector <matchers> --from <t> --to <t> [options]
                                              report on a past window of GPUs that NVIDIA's DCGM
                                              exporter reported to Prometheus
  gpu-carbon run [options] -- <command...>    sample the GPUs while a command runs

Options:
  --location <where>           where the machine is: DE, DEU, US-CA, IN-MH, aws:us-east-1, gcp:europe-west4, ...
                               (default: world average)
  --carbon-intensity <g/kWh>   grid carbon intensity, 0 to 2000 (overrides --location)
  --live-grid                  live grid data for British locations (UK Carbon Intensity API)
  --electricity-maps-token <t> live grid data for the location's zone from Electricity Maps
  --pue <x|preset>             power usage effectiveness, 1.0 to 3.0, or a preset such as
                               industry-average, on-premises, aws, google, azure (default 1.0)
  --embodied                   also report the GPUs' amortised manufacturing footprint
  --gpu-lifetime-years <y>     service life the footprint is spread over (default 5)
  --interval-ms <ms>           sampling interval (run), or the log's interval (report; default: inferred)
  --columns <a,b,c>            report: the columns of a log written without its header (noheader),
                               in order, e.g. timestamp,index,power.draw
  --timezone <zone>            report: the time zone a log's timestamps are in, for its DST changes
                               (an IANA name such as Europe/Berlin; default: this machine's zone)
  --nvidia-smi-path <path>     nvidia-smi to use (run; default: the one on PATH)
  --gpus <ids|all>             run: the GPUs to count, as indices or GPU-/MIG- UUIDs separated by
                               commas, or all (default: CUDA_VISIBLE_DEVICES, else
                               NVIDIA_VISIBLE_DEVICES, else every GPU)
  --report-path <file>         also write the JSON report to this file
  --summary <file>             also write the job summary the action writes (Markdown) to this file
  --progress-seconds <s>       run, on a terminal: show elapsed time, power and energy on stderr's
                               last line this often (default 1; 0: never)
  --prometheus-url <url>       base URL of the Prometheus HTTP API (report; no log file then)
  --prometheus-selector <m>    PromQL label matchers without braces picking the GPUs, such as
                               hpc_job="4242" or Hostname=~"node-1|node-2"
  --prometheus-token <t>       bearer token (default: $GPU_CARBON_PROMETHEUS_TOKEN)
  --from <t>, --to <t>         the window: RFC 3339 (2026-12-01T02:00:00Z) or Unix seconds
  --json                       report: print the report as JSON on stdout;
                               run: write it as JSON to --report-path (stdout is the command's)
  -h, --help                   show this help

Exit status: report 0, or 2 for a bad option or a file that cannot be read, is not an nvidia-smi
log or has no power column; run: the command's own (128 + n when a signal ended it), or 2.
`;
const OPTIONS = {
    location: { type: "string" },
    "carbon-intensity": { type: "string" },
    "live-grid": { type: "boolean" },
    "electricity-maps-token": { type: "string" },
    embodied: { type: "boolean" },
    "gpu-lifetime-years": { type: "string" },
    pue: { type: "string" },
    "interval-ms": { type: "string" },
    timezone: { type: "string" },
    columns: { type: "string" },
    "nvidia-smi-path": { type: "string" },
    gpus: { type: "string" },
    "report-path": { type: "string" },
    summary: { type: "string" },
    "progress-seconds": { type: "string" },
    "prometheus-url": { type: "string" },
    "prometheus-selector": { type: "string" },
    "prometheus-token": { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
};
async function reportCommand(file, values, io) {
    const settings = (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .settingsFrom */ .m)(values);
    // The host's own zone is looked up only if the log needs it (a jump forward that may be DST);
    // one this runtime does not know (TZ set to nothing or nonsense) counts as unknown: no DST.
    const timeZone = typeof values.timezone === "string" ? values.timezone : () => hostTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (typeof timeZone === "string" && !(0,_core_log_plain_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .isTimeZone */ .kQ)(timeZone)) {
        io.err(`gpu-carbon: --timezone must be a time zone name such as Europe/Berlin, America/New_York or UTC; got '${timeZone}'.\n`);
        return 2;
    }
    const columns = typeof values.columns === "string" ? parseColumns(values.columns) : undefined;
    if (columns === null) {
        io.err(`gpu-carbon: --columns must name the log's columns in order, separated by commas, one of them power.draw, power.draw.average or power.draw.instant (e.g. timestamp,index,power.draw); got '${String(values.columns)}'.\n`);
        return 2;
    }
    let report;
    try {
        const intervalMs = typeof values["interval-ms"] === "string" ? settings.intervalMs : undefined;
        report = await (0,_measure_analyse_js__WEBPACK_IMPORTED_MODULE_3__/* .analyseLogFile */ .Y_)({ file, settings, env: process.env, intervalMs, timeZone, columns });
    }
    catch (e) {
        if (e instanceof _measure_analyse_js__WEBPACK_IMPORTED_MODULE_3__/* .UnreadableLog */ .kN) {
            io.err(`gpu-carbon: ${file} ${PROBLEMS[e.problem]}\n`);
            return 2;
        }
        io.err(e instanceof _measure_analyse_js__WEBPACK_IMPORTED_MODULE_3__/* .UnusableLogError */ .ul ? `gpu-carbon: ${e.message}\n` : `gpu-carbon: cannot read ${file}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(e)}\n`);
        return 2;
    }
    (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .print */ .y)(report, values, io.out, values.json === true, io);
    return 0;
}
/** The host's zone as `Intl` names it, or `null` when that is no zone `Intl` knows (`Etc/Unknown`). */
function hostTimeZone(name) {
    return name && (0,_core_log_plain_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .isTimeZone */ .kQ)(name) ? name : null;
}
/** A time given as RFC 3339 (with a zone) or Unix seconds, ms since the epoch; `null` when it is neither. */
function parseTime(text) {
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed))
        return null;
    const ms = Date.parse(trimmed.replace(" ", "T"));
    return Number.isFinite(ms) ? ms : null;
}
/** `report --prometheus-url`: a past window of GPUs read from the DCGM exporter through Prometheus. */
async function prometheusCommand(values, io) {
    const times = [];
    for (const name of ["from", "to"]) {
        const text = values[name];
        const ms = typeof text === "string" ? parseTime(text) : null;
        if (ms === null) {
            io.err(`gpu-carbon: --${name} must be a time in RFC 3339 (2026-12-01T02:00:00Z) or Unix seconds; got '${text ?? ""}'.\n`);
            return 2;
        }
        times.push(ms);
    }
    const [fromMs, toMs] = times;
    if (toMs <= fromMs) {
        io.err(`gpu-carbon: --to must be later than --from; got ${new Date(fromMs).toISOString()} to ${new Date(toMs).toISOString()}.\n`);
        return 2;
    }
    const token = typeof values["prometheus-token"] === "string" ? values["prometheus-token"] : (process.env[_config_names_js__WEBPACK_IMPORTED_MODULE_4__/* .ENV */ .Km.prometheusToken] ?? "");
    const settings = (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .settingsFrom */ .m)({ ...values, source: "prometheus", "prometheus-token": token });
    if (settings.prometheusSelector === "") {
        io.err(`gpu-carbon: --prometheus-selector must pick the GPUs, such as hpc_job="4242"; got ''.\n`);
        return 2;
    }
    const { prometheusReport } = await __webpack_require__.e(/* import() */ 740).then(__webpack_require__.bind(__webpack_require__, 740));
    const report = await prometheusReport({
        settings,
        selector: settings.prometheusSelector,
        window: { startEpochMs: fromMs, endEpochMs: toMs },
        // A window that ended moments ago may still get its last scrape.
        waitForLastScrape: toMs > Date.now() - 120_000,
    });
    (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .print */ .y)(report, values, io.out, values.json === true, io);
    if (report.status === "not-measured") {
        if (values.json === true)
            for (const warning of report.warnings)
                io.err(`gpu-carbon: warning: ${warning}\n`);
        return 1;
    }
    return 0;
}
/** Why a file cannot be reported on, after its name. */
const PROBLEMS = {
    empty: "is empty: there is nothing to report.",
    "utf-16": "is UTF-16 text (as Windows PowerShell's > writes); gpu-carbon reads UTF-8, as nvidia-smi writes it. Convert it first, e.g. iconv -f UTF-16 -t UTF-8, or write the log with nvidia-smi -f <file>.",
    "no-header": "has rows but no header line naming its columns (it was written with --format=csv,noheader). Give the columns it was queried with, in order: --columns timestamp,index,power.draw",
    "not-a-log": "is not an nvidia-smi power log: it has neither gpu-carbon's sample records nor a CSV header such as 'timestamp, index, uuid, power.draw [W]' (from nvidia-smi --query-gpu=... --format=csv -l 1).",
};
/** The names of `--columns a,b,c`; `null` unless each is a field name and one is a power column. */
function parseColumns(text) {
    const names = text.split(",").map((name) => name.trim());
    if (!names.every((name) => /^[a-z_][a-z0-9_.]*$/.test(name)))
        return null;
    return names.some((name) => ["power.draw", "power.draw.average", "power.draw.instant"].includes(name)) ? names : null;
}
/** Runs the CLI; returns the exit code. `run` reads the energy counter through `counterScript` when given. */
async function runCli(argv, io, samplerScript, counterScript) {
    const dashdash = argv.indexOf("--");
    const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
    const command = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: own, options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (e) {
        io.err(`gpu-carbon: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(e)}\n\n${USAGE}`);
        return 2;
    }
    const { values, positionals } = parsed;
    const [verb, ...rest] = positionals;
    if (values.help || !verb) {
        (values.help ? io.out : io.err)(USAGE);
        return values.help ? 0 : 2;
    }
    try {
        if (verb === "report") {
            if (typeof values["prometheus-url"] === "string") {
                if (rest.length > 0) {
                    io.err(`gpu-carbon report --prometheus-url reads Prometheus, not a log file; got '${rest[0]}'.\n\n${USAGE}`);
                    return 2;
                }
                return await prometheusCommand(values, io);
            }
            if (rest.length !== 1 || !rest[0]) {
                io.err(`gpu-carbon report needs exactly one log file.\n\n${USAGE}`);
                return 2;
            }
            return await reportCommand(rest[0], values, io);
        }
        if (verb === "run") {
            if (command.length === 0) {
                io.err(`gpu-carbon run needs a command after --.\n\n${USAGE}`);
                return 2;
            }
            const { runCommandWithSampling } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(268)]).then(__webpack_require__.bind(__webpack_require__, 268));
            return await runCommandWithSampling(command, values, io, samplerScript, counterScript);
        }
    }
    catch (e) {
        if (e instanceof _config_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz) {
            io.err(`gpu-carbon: ${e.message.replace(`Input '${e.input}'`, `--${e.input}`)}\n`);
            return 2;
        }
        io.err(`gpu-carbon: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(e)}\n`);
        return 1;
    }
    io.err(`gpu-carbon: unknown command '${verb}'.\n\n${USAGE}`);
    return 2;
}


/***/ }),

/***/ 538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ print),
  m: () => (/* binding */ settingsFrom)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: ./src/config/settings.ts + 3 modules
var settings = __webpack_require__(891);
;// CONCATENATED MODULE: ./src/core/render/markdown.ts
/** Markdown helpers that keep untrusted text (labels, GPU and step names) inert. Pure. */
/**
 * Bidirectional controls (U+202E and its kin): they reorder the text shown around them, so a
 * name could make a figure or a file name read as another ("Trojan Source").
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** `text` with every bidirectional control replaced by U+FFFD, so that it shows where it was. */
function neutraliseBidi(text) {
    return text.replace(BIDI_CONTROLS, "\ufffd");
}
/**
 * Escapes text for a markdown table cell or heading: HTML is neutralised, markdown syntax is
 * escaped, `@mentions` and `#refs` cannot ping anyone, newlines cannot break the table, and
 * bidirectional controls cannot reorder what is shown.
 */
function escapeMarkdown(text) {
    return neutraliseBidi(text)
        .replace(/[\r\n]+/g, " ")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
        .replace(/@/g, "@\u200b");
}
/**
 * `text` as an inline code span: shown exactly as written (a code span takes no escapes, so
 * `release_2.x` stays as it is), inert (no HTML, links or mentions inside one), on one line, and
 * fenced with more backticks than any run of backticks it holds. In a table cell `|` is escaped,
 * because GFM splits the row into cells before it reads code spans (and drops that backslash).
 */
function codeSpan(text, inTable = false) {
    const oneLine = text.replace(/[\r\n]+/g, " ");
    if (oneLine === "")
        return "";
    const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    // A span loses one space at each end when it has one at both, and a backtick at an end would join the fence.
    const pad = oneLine.startsWith("`") || oneLine.endsWith("`") || (oneLine.startsWith(" ") && oneLine.endsWith(" ")) ? " " : "";
    return `${fence}${pad}${inTable ? oneLine.replace(/\|/g, "\\|") : oneLine}${pad}${fence}`;
}
/**
 * Text whose `backtick-quoted` parts are code (the file names, inputs and commands in warnings):
 * those parts become code spans, the rest is escaped as `escapeMarkdown` escapes it.
 */
function inlineMarkdown(text) {
    return text
        .split(/(`[^`\r\n]+`)/)
        .map((part, i) => (i % 2 === 1 ? codeSpan(part.slice(1, -1)) : escapeMarkdown(part)))
        .join("");
}
/** A markdown table; cells are escaped. */
function table(headers, rows, align = []) {
    const sep = headers.map((_, i) => (align[i] === "r" ? "---:" : "---"));
    const line = (cells) => `| ${cells.join(" | ")} |`;
    return [line(headers), line(sep), ...rows.map((row) => line(row))].join("\n");
}

;// CONCATENATED MODULE: ./src/core/render/chart.ts
/** Text charts GitHub renders without any external service. Pure. */

const BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
/**
 * The charts' line colour, GitHub's blue: a contrast ratio of at least 3 (WCAG's minimum for
 * graphics) against every background the chart is drawn on: 3.7 on GitHub's light page (#ffffff),
 * 5.0 on its dark page (#0d1117) and 3.4 on Mermaid's dark theme (#333333). Mermaid's default for
 * xychart is a pale lavender that almost disappears on white.
 */
const LINE_COLOR = "#2f81f7";
/** Averages `values` down to at most `width` values (equal-size groups, in order). */
function downsample(values, width) {
    if (values.length <= width)
        return [...values];
    const out = [];
    for (let i = 0; i < width; i += 1) {
        const from = Math.floor((i * values.length) / width);
        const to = Math.floor(((i + 1) * values.length) / width);
        let sum = 0;
        for (let j = from; j < to; j += 1)
            sum += values[j] ?? 0;
        out.push(sum / Math.max(1, to - from));
    }
    return out;
}
/**
 * A Unicode sparkline. `from: "zero"` scales from 0 to the largest value (a power curve, where
 * the height is the amount); `from: "range"` from the smallest to the largest (a trend of similar
 * figures, which would look flat from 0). Equal values draw a flat middle line.
 */
function sparkline(values, width = 60, from = "zero") {
    const points = downsample(values, width);
    if (points.length === 0)
        return "";
    const max = Math.max(0, ...points);
    const min = from === "range" ? Math.min(...points) : 0;
    return points
        .map((value) => {
        if (max - min <= 0)
            return BARS[from === "range" ? 3 : 0];
        const level = Math.min(BARS.length - 1, Math.max(0, Math.round(((value - min) / (max - min)) * (BARS.length - 1))));
        return BARS[level];
    })
        .join("");
}
/**
 * Steps of a rounded axis maximum: 1, 1.2, 1.4, 1.6, 2, 2.4, 3, 4, 5, 6, 8 times a power of ten.
 * Mermaid labels a numeric axis at about ten round steps (1, 2 or 5 times a power of ten) from 0;
 * each of these maxima is one of its labels, so the top of the axis says what it is (1,500 would
 * end above a last label of 1,400).
 */
const NICE_STEPS = [1, 1.2, 1.4, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10];
/** The next rounded number at or above `value` (5,340 W gets 6,000, never 10,000), labelled by Mermaid. */
function niceCeiling(value) {
    if (value <= 0)
        return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    for (const step of NICE_STEPS)
        if (step * power >= value * (1 - 1e-12))
            return Number((step * power).toPrecision(12));
    return 10 * power;
}
// Inside the fence: no line break, backtick or control may end it, nor a quote the string.
const quote = (text) => `"${neutraliseBidi(text)
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/["`]/g, "'")}"`;
/** Front matter GitHub's Mermaid honours: the line colour. */
function frontMatter() {
    return ["---", "config:", "  themeVariables:", "    xyChart:", `      plotColorPalette: "${LINE_COLOR}"`, "---"];
}
function chart(title, xAxis, yLabel, yValues) {
    const top = niceCeiling(Math.max(0, ...yValues));
    return [
        "```mermaid",
        ...frontMatter(),
        "xychart-beta",
        `  title ${quote(title)}`,
        `  x-axis ${xAxis}`,
        `  y-axis ${quote(yLabel)} 0 --> ${top}`,
        `  line [${yValues.map((v) => v.toFixed(1)).join(", ")}]`,
        "```",
    ].join("\n");
}
/**
 * A Mermaid `xychart-beta` line chart over a numeric axis from `xMin` (0 unless given) to `xMax`:
 * Mermaid spreads the values evenly over it, so they must be evenly spaced from `xMin` to `xMax`.
 * The axis gets a few rounded tick labels, however many values there are.
 */
function mermaidRangeChart(options) {
    return chart(options.title, `${quote(options.xLabel)} ${options.xMin ?? 0} --> ${options.xMax}`, options.yLabel, options.yValues);
}
/**
 * Whether one label per value fits under a chart without labels running into each other: Mermaid
 * draws them side by side, unrotated, across about 620 of its 700 px at 14 px (about 8 px a
 * character), so nine labels of 7 characters fit, and thirty do not.
 */
function labelsFit(labels) {
    return labels.length * (Math.max(0, ...labels.map((label) => [...label].length)) + 1) <= 72;
}
/** A Mermaid `xychart-beta` line chart with one label per value; a repeated label gets " (2)", " (3)", ... */
function mermaidLineChart(options) {
    const seen = new Map();
    const labels = options.xValues.map((label) => {
        const n = (seen.get(label) ?? 0) + 1;
        seen.set(label, n);
        return n === 1 ? label : `${label} (${n})`;
    });
    return chart(options.title, `${quote(options.xLabel)} [${labels.map(quote).join(", ")}]`, options.yLabel, options.yValues);
}
/** The unit a time axis of `seconds` reads best in, and its size in seconds. */
function timeAxisUnit(seconds) {
    if (seconds < 120)
        return { label: "seconds since start", unitS: 1 };
    if (seconds < 2 * 3600)
        return { label: "minutes since start", unitS: 60 };
    if (seconds < 3 * 86400)
        return { label: "hours since start", unitS: 3600 };
    return { label: "days since start", unitS: 86400 };
}
/**
 * `count` values evenly spaced from 0 to `endS` from a series of `[seconds, value]` points: each
 * is the mean of the points within half a spacing of it (either side, ends included), or, where there are none, the value
 * interpolated between its neighbours.
 */
function evenlySpaced(points, endS, count) {
    if (points.length === 0 || count < 2)
        return [];
    const step = endS / (count - 1);
    const out = [];
    for (let k = 0; k < count; k += 1) {
        const t = k * step;
        const near = points.filter(([s]) => s >= t - step / 2 && s <= t + step / 2);
        if (near.length > 0) {
            out.push(near.reduce((sum, [, v]) => sum + v, 0) / near.length);
            continue;
        }
        const after = points.findIndex(([s]) => s >= t);
        const b = after === -1 ? points[points.length - 1] : points[after];
        const a = after <= 0 ? b : points[after - 1];
        out.push(b[0] === a[0] ? b[1] : a[1] + ((b[1] - a[1]) * (t - a[0])) / (b[0] - a[0]));
    }
    return out;
}
/** A Mermaid `xychart-beta` bar chart, one bar per named value. */
function mermaidBarChart(options) {
    const top = niceCeiling(Math.max(0, ...options.yValues));
    // Names may come from report files: one line, no quote or backtick that could end the block.
    const quote = (text) => `"${text.replace(/["`\r\n]+/g, "'").slice(0, 60)}"`;
    return [
        "```mermaid",
        ...frontMatter(),
        "xychart-beta",
        `  title ${quote(options.title)}`,
        `  x-axis ${quote(options.xLabel)} [${options.xValues.map(quote).join(", ")}]`,
        `  y-axis ${quote(options.yLabel)} 0 --> ${top}`,
        `  bar [${options.yValues.map((v) => Number(v.toPrecision(3))).join(", ")}]`,
        "```",
    ].join("\n");
}

// EXTERNAL MODULE: ./src/core/units.ts
var units = __webpack_require__(184);
;// CONCATENATED MODULE: ./src/core/render/breakdown.ts


function spanRows(rows) {
    return rows.map((row) => [
        escapeMarkdown(row.name),
        (0,units/* formatDuration */.a3)(row.durationSeconds),
        (0,units/* formatEnergy */.QE)(row.energyKwh),
        (0,units/* formatPercent */.l9)(row.share),
        (0,units/* formatPower */.d5)(row.averageWatts),
    ]);
}
const SPAN_HEADERS = ["Duration", "Energy", "Share", "Average power"];
const SPAN_ALIGN = ["l", "r", "r", "r", "r"];
/** "### Energy per step": one row per step, then the energy outside steps. Empty without steps. */
function stepsSection(report) {
    if (report.steps.length === 0)
        return [];
    const rows = spanRows(report.steps);
    const outside = report.outsideStepsEnergyKwh;
    if (outside !== null) {
        const share = report.energyKwh ? outside / report.energyKwh : null;
        rows.push(["_outside steps_", "", (0,units/* formatEnergy */.QE)(outside), (0,units/* formatPercent */.l9)(share), ""]);
    }
    return [
        "### Energy per step",
        "",
        table(["Step", ...SPAN_HEADERS], rows, SPAN_ALIGN),
        "",
        "Step times come from the Jobs API in whole seconds, so each step boundary is uncertain by up to a second; energy between steps is shown as outside steps.",
        "",
    ];
}
/** "### Energy per phase": one row per phase marked with `mode: mark`. Empty without marks. */
function phasesSection(report) {
    if (report.phases.length === 0)
        return [];
    return ["### Energy per phase", "", table(["Phase", ...SPAN_HEADERS], spanRows(report.phases), SPAN_ALIGN), ""];
}
/** Rows for the totals table: energy above idle and energy per unit of work, when known. */
function breakdownTotals(report) {
    const rows = [];
    if (report.idle) {
        rows.push([`Idle power at start`, (0,units/* formatPower */.d5)(report.idle.powerWatts)]);
        rows.push([`Energy above idle`, (0,units/* formatEnergy */.QE)(report.idle.aboveIdleEnergyKwh)]);
    }
    if (report.work) {
        const unit = report.work.unit === null ? "units" : escapeMarkdown(report.work.unit);
        rows.push([`Energy per unit of work (${(0,units/* formatNumber */.ZV)(report.work.units)} ${unit})`, `${(0,units/* formatNumber */.ZV)(report.work.joulesPerUnit)} J`]);
    }
    return rows;
}
/** A line naming the GPUs counted and why; empty when nothing was decided. */
function countedGpus(report) {
    const selection = report.gpuSelection;
    if (!selection || selection.counted.length === 0)
        return [];
    const names = selection.counted.map((gpu) => `GPU ${escapeMarkdown(gpu.index ?? gpu.uuid ?? "?")}`).join(", ");
    const why = selection.source === "all"
        ? "every GPU nvidia-smi lists"
        : selection.source === "input"
            ? `input \`gpus\` is ${codeSpan(selection.requested ?? "all")}`
            : `${selection.source}=${escapeMarkdown(selection.requested ?? "")}`;
    const others = selection.excludedCount > 0 ? `; ${selection.excludedCount} other GPU(s) on this host are not counted` : "";
    const board = selection.wholeBoard ? " The figure is the whole board's, shared with its other MIG slices." : "";
    return [`Counted: ${names} (${why})${others}.${board}`, ""];
}

// EXTERNAL MODULE: ./src/core/prometheus/describe.ts
var describe = __webpack_require__(363);
// EXTERNAL MODULE: ./src/core/energy/range.ts
var range = __webpack_require__(641);
;// CONCATENATED MODULE: ./src/core/render/summary.ts
/** The job summary (GitHub-flavoured markdown) for a report. Pure. */






/** Points drawn in the Mermaid chart (its axis has a few labels however many), and rows of the table. */
const CHART_POINTS = 61;
const TABLE_ROWS = 12;
/**
 * Average power of all GPUs together, W; `null` when energy is unknown. Sampled energy covers only
 * the time with samples, so the average is each GPU's over its own measured time, summed: a gap
 * does not pull it down. The driver's counter has no gaps: its energy over the window.
 */
function averagePowerW(report) {
    if (report.energyKwh === null)
        return null;
    const measured = report.gpus.filter((gpu) => gpu.energyKwh !== null);
    if (report.energySource === "sampled" && measured.length > 0 && measured.every((gpu) => gpu.averageWatts !== null))
        return measured.reduce((sum, gpu) => sum + (gpu.averageWatts ?? 0), 0);
    if (report.durationSeconds <= 0)
        return null;
    return (report.energyKwh * units/* JOULES_PER_KWH */.EI) / report.durationSeconds;
}
function gpuName(gpu) {
    const id = gpu.index !== null ? String(gpu.index) : (gpu.uuid ?? "?");
    return escapeMarkdown(id);
}
function headline(report) {
    const gpus = report.gpus.length;
    const on = gpus === 0 ? "no GPU measured" : `${gpus} GPU${gpus === 1 ? "" : "s"}${escapeMarkdown((0,describe/* hostsPhrase */.BG)(report))}`;
    if (report.energyKwh === null)
        return `**Energy not measured** \u00b7 ${(0,units/* formatDuration */.a3)(report.durationSeconds)} \u00b7 ${on}`;
    return `**${(0,units/* formatEnergyRange */.l$)(report.energyKwh, report.energyKwhRange)}** GPU energy \u00b7 **${(0,units/* formatMassRange */.bk)(report.emissionsKg, report.emissionsKgRange)} CO2e** \u00b7 ${(0,units/* formatDuration */.a3)(report.durationSeconds)} on ${on} \u00b7 coverage ${(0,units/* formatPercent */.l9)(report.coverage)}`;
}
function summary_alert(report) {
    if (report.warnings.length === 0)
        return [];
    const kind = report.status === "measured" ? "NOTE" : "WARNING";
    return [`> [!${kind}]`, ...report.warnings.map((w) => `> - ${inlineMarkdown(w)}`), ""];
}
/** `342 gCO2e/kWh (DE, 2024, lifecycle)`: the figure and what it stands for. */
function intensityLabel(intensity) {
    const about = intensity.resolvedBy === "input"
        ? ["given"]
        : [
            intensity.location ?? (intensity.resolvedBy === "world-average" ? "world average" : null),
            intensity.resolvedBy === "live" ? "live, energy-weighted" : intensity.year,
            intensity.basis,
        ].filter((part) => part !== null);
    const figure = `${(0,units/* formatNumber */.ZV)(intensity.gramsPerKwh)} gCO2e/kWh`;
    return about.length > 0 ? `${figure} (${escapeMarkdown(about.join(", "))})` : figure;
}
function facilityLabel(report) {
    const preset = report.pueSource.preset ? `, ${escapeMarkdown(report.pueSource.preset)}` : "";
    return `Facility energy (x PUE ${(0,units/* formatNumber */.ZV)(report.pue)}${preset})`;
}
function embodiedRow(report) {
    if (!report.embodied)
        return [];
    const value = report.embodied.kg === null ? "n/a (no figure for this GPU model)" : `${(0,units/* formatMass */.so)(report.embodied.kg)} CO2e`;
    return [["Embodied, GPU manufacturing (not in emissions)", value]];
}
function totals(report) {
    const rows = [
        ["GPU energy (IT)", (0,units/* formatEnergyRange */.l$)(report.energyKwh, report.energyKwhRange)],
        [
            facilityLabel(report),
            (0,units/* formatEnergyRange */.l$)(report.facilityEnergyKwh, report.energyKwhRange && (0,range/* scaleRange */.sK)(report.energyKwhRange, report.pue)),
        ],
        ["Emissions", `${(0,units/* formatMassRange */.bk)(report.emissionsKg, report.emissionsKgRange)} CO2e`],
        ...embodiedRow(report),
        ["Duration", (0,units/* formatDuration */.a3)(report.durationSeconds)],
        ["Average power", (0,units/* formatPower */.d5)(averagePowerW(report))],
        ["Coverage", (0,units/* formatPercent */.l9)(report.coverage)],
        ["Carbon intensity", intensityLabel(report.carbonIntensity)],
        ...breakdownTotals(report),
    ];
    return table(["Measure", "Value"], rows, ["l", "r"]);
}
/** Which figure the totals use, and why, in one sentence; empty when energy is unknown. */
function energySourceLine(report) {
    if (report.energyKwh === null)
        return [];
    const dcgm = (0,describe/* dcgmSourceLines */.Wk)(report);
    if (dcgm.length > 0)
        return [escapeMarkdown(dcgm.join(" ")), ""];
    if (report.energySource === "counter") {
        return [
            `Totals use the driver's energy counter (NVML), which every measured GPU has: it counts all the energy drawn, where sampling sees moments. Sampled nvidia-smi power gave ${(0,units/* formatEnergy */.QE)(report.sampledEnergyKwh)} (${(0,units/* signedPercent */.wu)(report.energyDisagreementFraction)} against the counter).`,
            "",
        ];
    }
    const why = report.method.energyCounter.reason;
    return [`Totals use sampled nvidia-smi power${why ? `: ${inlineMarkdown(why)}` : ""}.`, ""];
}
function perGpu(report) {
    if (report.gpus.length === 0)
        return [];
    const counter = report.gpus.some((gpu) => gpu.counterEnergyKwh !== null) && !report.method.prometheus;
    const hosts = (0,describe/* hostsOf */.PP)(report).length > 1;
    const rows = report.gpus.map((gpu) => [
        ...(hosts ? [escapeMarkdown(gpu.host ?? "")] : []),
        gpuName(gpu),
        escapeMarkdown(gpu.name ?? "unknown"),
        (0,units/* formatEnergyRange */.l$)(gpu.energyKwh, gpu.energyKwhRange),
        ...(counter ? [(0,units/* formatEnergy */.QE)(gpu.counterEnergyKwh), (0,units/* signedPercent */.wu)(gpu.energyDisagreementFraction)] : []),
        (0,units/* formatPower */.d5)(gpu.averageWatts),
        (0,units/* formatPower */.d5)(gpu.peakWatts),
        String(gpu.samples),
        (0,units/* formatPercent */.l9)(gpu.coverage),
    ]);
    const headers = [
        ...(hosts ? ["Host"] : []),
        "GPU",
        "Name",
        "Energy",
        ...(counter ? ["Counter", "Sampled vs counter"] : []),
        "Average",
        "Peak",
        "Samples",
        "Coverage",
    ];
    const left = hosts ? 3 : 2;
    const align = headers.map((_, i) => (i < left ? "l" : "r"));
    return ["### Per GPU", "", table(headers, rows, align), ""];
}
function powerOverTime(report) {
    const points = report.powerSeries.points;
    if (points.length < 2)
        return [];
    const watts = points.map(([, w]) => w);
    const peak = Math.max(...watts);
    const endS = Math.max(report.durationSeconds, points[points.length - 1]?.[0] ?? 0);
    const axis = timeAxisUnit(endS);
    const xMax = Number((endS / axis.unitS).toFixed(2));
    const chartPoints = evenlySpaced(points, xMax * axis.unitS, CHART_POINTS);
    const tableIdx = downsample(points.map((_, i) => i), TABLE_ROWS).map(Math.round);
    const tableWatts = downsample(watts, TABLE_ROWS);
    const rows = tableIdx.map((i, k) => [(0,units/* formatDuration */.a3)(points[i]?.[0] ?? 0), (0,units/* formatPower */.d5)(tableWatts[k] ?? 0)]);
    return [
        "### Power over time",
        "",
        `\`${sparkline(watts)}\` peak ${(0,units/* formatPower */.d5)(peak)}`,
        "",
        mermaidRangeChart({ title: "Total GPU power", xLabel: axis.label, xMax, yLabel: "W", yValues: chartPoints }),
        "",
        "<details><summary>Power table</summary>",
        "",
        table(["Since start", "Total power"], rows, ["l", "r"]),
        "",
        "</details>",
        "",
    ];
}
function embodiedMethod(report) {
    const embodied = report.embodied;
    if (!embodied)
        return [];
    const figures = [...new Set(embodied.gpus.filter((g) => g.item !== null).map((g) => `${g.item} ${(0,units/* formatNumber */.ZV)(g.kgPerGpu ?? 0)} kg`))];
    const used = figures.length > 0 ? `; figures: ${figures.join("; ")}` : "";
    return [
        `- Embodied: ${embodied.boundary}, over ${embodied.lifetimeYears} years, for ${(0,units/* formatNumber */.ZV)(embodied.gpuHours)} h per GPU${escapeMarkdown(used)}.`,
    ];
}
function method(report) {
    const energy = report.energyKwh === null ? "E" : (0,units/* formatEnergy */.QE)(report.energyKwh);
    return [
        "<details><summary>Method</summary>",
        "",
        `- Scope: ${report.method.scope}.`,
        `- CO2e = energy x PUE x intensity = ${energy} x ${(0,units/* formatNumber */.ZV)(report.pue)} x ${(0,units/* formatNumber */.ZV)(report.carbonIntensity.gramsPerKwh)} g/kWh.`,
        `- Carbon intensity: ${escapeMarkdown(report.carbonIntensity.source)}.`,
        // The credit line is our own constant text; left unescaped so its links stay links.
        ...(report.carbonIntensity.attribution ? [`- ${report.carbonIntensity.attribution}`] : []),
        `- PUE: ${(0,units/* formatNumber */.ZV)(report.pue)}, ${escapeMarkdown(report.pueSource.source)}.`,
        ...embodiedMethod(report),
        report.method.prometheus
            ? `- Readings: ${escapeMarkdown(report.method.rules.join("; "))}.`
            : `- Sampling: \`${report.method.powerField ?? "power.draw"}\` every ${report.method.intervalMs} ms, integrated with the trapezoid rule; ${report.method.rules.slice(1).join("; ")}.`,
        `- Accuracy: ${report.method.accuracy}.`,
        "",
        "</details>",
    ];
}
/** Renders the job summary of a report. */
function renderSummary(report, title = "GPU energy and carbon") {
    return [
        `## ${escapeMarkdown(title)}`,
        "",
        headline(report),
        "",
        ...summary_alert(report),
        totals(report),
        "",
        ...energySourceLine(report),
        ...perGpu(report),
        ...countedGpus(report),
        ...stepsSection(report),
        ...phasesSection(report),
        ...powerOverTime(report),
        ...method(report),
        "",
    ].join("\n");
}

// EXTERNAL MODULE: ./src/core/gpu.ts
var core_gpu = __webpack_require__(965);
;// CONCATENATED MODULE: ./src/core/render/text.ts





/** Which figure the totals use, in a few words. */
function energySource(report) {
    const dcgm = (0,describe/* dcgmSourceLines */.Wk)(report);
    if (dcgm.length > 0)
        return dcgm.join("\n              ");
    if (report.energySource === "counter") {
        const by = report.energyDisagreementFraction;
        const against = by === null ? "" : `, ${(0,units/* signedPercent */.wu)(by)} against it`;
        return `driver energy counter (NVML); sampled ${(0,units/* formatEnergy */.QE)(report.sampledEnergyKwh)}${against}`;
    }
    const why = report.method.energyCounter.reason;
    return `sampled nvidia-smi power${why ? ` (${why})` : ""}`;
}
/** The report as plain text for a terminal. */
function renderText(report) {
    const lines = [
        `gpu-carbon: ${report.status}`,
        `  energy      ${(0,units/* formatEnergyRange */.l$)(report.energyKwh, report.energyKwhRange)} (GPU boards), ${(0,units/* formatEnergy */.QE)(report.facilityEnergyKwh)} with PUE ${(0,units/* formatNumber */.ZV)(report.pue)}`,
        `  emissions   ${(0,units/* formatMassRange */.bk)(report.emissionsKg, report.emissionsKgRange)} CO2e at ${(0,units/* formatNumber */.ZV)(report.carbonIntensity.gramsPerKwh)} g/kWh (${report.carbonIntensity.source})`,
        ...(report.embodied
            ? [
                `  embodied    ${(0,units/* formatMass */.so)(report.embodied.kg)} CO2e of GPU manufacturing over ${report.embodied.lifetimeYears} years (not in emissions)`,
            ]
            : []),
        `  duration    ${(0,units/* formatDuration */.a3)(report.durationSeconds)}, average ${(0,units/* formatPower */.d5)(averagePowerW(report))}, coverage ${(0,units/* formatPercent */.l9)(report.coverage)}`,
    ];
    if (report.energyKwh !== null)
        lines.push(`  source      ${energySource(report)}`);
    for (const gpu of report.gpus) {
        const id = `${gpu.host ? `${gpu.host} ` : ""}${(0,core_gpu/* gpuLabel */.F)(gpu)}`;
        lines.push(`  ${id.padEnd(6)} ${(0,units/* formatEnergyRange */.l$)(gpu.energyKwh, gpu.energyKwhRange).padStart(18)}  avg ${(0,units/* formatPower */.d5)(gpu.averageWatts)}, peak ${(0,units/* formatPower */.d5)(gpu.peakWatts)}, ${gpu.samples} samples${gpu.name ? `, ${gpu.name}` : ""}`);
    }
    const watts = report.powerSeries.points.map(([, w]) => w);
    if (watts.length > 1)
        lines.push(`  power       ${sparkline(watts, 50)}`);
    for (const warning of report.warnings)
        lines.push(`  warning: ${warning}`);
    return lines.join("\n") + "\n";
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(296);
;// CONCATENATED MODULE: ./src/cli/output.ts
/**
 * What both CLI commands share: where they write, the settings their flags make, and how a
 * report is shown and saved.
 */





/** CLI flags that share a name with an action input but not its meaning. */
const CLI_ONLY = new Set(["summary", "json", "help", "progress-seconds"]);
/** The settings the flags give, read as the action reads its inputs. */
function settingsFrom(values) {
    return (0,settings/* readSettings */.sb)((name) => {
        const value = CLI_ONLY.has(name) ? undefined : values[name];
        if (typeof value === "boolean")
            return String(value);
        return typeof value === "string" ? value : "";
    });
}
/** Writes `text` to the file a flag names; a failure is a warning (the report was shown). */
function writeFlagFile(flag, file, text, io) {
    try {
        (0,external_node_fs_.writeFileSync)(file, text);
    }
    catch (e) {
        io.err(`gpu-carbon: warning: --${flag}: could not write ${file} (${(0,errors/* errorMessage */.g)(e)})\n`);
    }
}
/**
 * Shows the report and writes the files asked for. `show` is where the text (or, for `report
 * --json`, the JSON) goes: stdout for `report`, stderr for `run`.
 */
function print(report, values, show, json, io) {
    show(json ? JSON.stringify(report, null, 2) + "\n" : renderText(report));
    const reportPath = values["report-path"];
    if (typeof reportPath === "string" && reportPath)
        writeFlagFile("report-path", reportPath, JSON.stringify(report, null, 2) + "\n", io);
    const summaryPath = values.summary;
    if (typeof summaryPath === "string" && summaryPath)
        writeFlagFile("summary", summaryPath, renderSummary(report), io);
}


/***/ }),

/***/ 234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   Hl: () => (/* binding */ SOURCES),
/* harmony export */   Km: () => (/* binding */ ENV),
/* harmony export */   PW: () => (/* binding */ FILE),
/* harmony export */   bO: () => (/* binding */ INPUT)
/* harmony export */ });
/* unused harmony exports SECRET_INPUTS, OUTPUT, STATE, COMMENT_ARTIFACT_PREFIX */
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
const MODES = ["measure", "mark", "report", "comment", "merge"];
/** Where the GPU readings come from (input `source`). */
const SOURCES = ["auto", "nvidia-smi", "prometheus"];
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


/***/ }),

/***/ 891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* binding */ InputError),
  sb: () => (/* binding */ readSettings),
  Td: () => (/* binding */ settingsWarnings)
});

// UNUSED EXPORTS: DEFAULT_HISTORY_LIMIT, DEFAULT_PUE, DEFAULT_REPORTS, booleanInput, prometheusSelectorInput

// EXTERNAL MODULE: ./src/core/nvidia-smi/gpu-selection.ts
var gpu_selection = __webpack_require__(276);
;// CONCATENATED MODULE: ./src/data/ember.ts
/** 210 rows. */
// prettier-ignore
const EMBER_COUNTRIES = [
    { iso2: "AE", iso3: "ARE", name: "United Arab Emirates", year: 2024, gramsPerKwh: 467.51, source: "ember-2025-08" },
    { iso2: "AF", iso3: "AFG", name: "Afghanistan", year: 2023, gramsPerKwh: 123.71, source: "ember-2025-08" },
    { iso2: "AG", iso3: "ATG", name: "Antigua and Barbuda", year: 2023, gramsPerKwh: 611.11, source: "ember-2025-08" },
    { iso2: "AL", iso3: "ALB", name: "Albania", year: 2023, gramsPerKwh: 24.42, source: "ember-2025-08" },
    { iso2: "AM", iso3: "ARM", name: "Armenia", year: 2024, gramsPerKwh: 243.52, source: "ember-2025-08" },
    { iso2: "AO", iso3: "AGO", name: "Angola", year: 2023, gramsPerKwh: 167.22, source: "ember-2025-08" },
    { iso2: "AR", iso3: "ARG", name: "Argentina", year: 2024, gramsPerKwh: 344.83, source: "ember-2025-08" },
    { iso2: "AS", iso3: "ASM", name: "American Samoa", year: 2023, gramsPerKwh: 647.06, source: "ember-2025-08" },
    { iso2: "AT", iso3: "AUT", name: "Austria", year: 2024, gramsPerKwh: 102.62, source: "ember-2025-08" },
    { iso2: "AU", iso3: "AUS", name: "Australia", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { iso2: "AW", iso3: "ABW", name: "Aruba", year: 2022, gramsPerKwh: 550, source: "ember-2025-08" },
    { iso2: "AZ", iso3: "AZE", name: "Azerbaijan", year: 2024, gramsPerKwh: 632.89, source: "ember-2025-08" },
    { iso2: "BA", iso3: "BIH", name: "Bosnia and Herzegovina", year: 2024, gramsPerKwh: 638.05, source: "ember-2025-08" },
    { iso2: "BB", iso3: "BRB", name: "Barbados", year: 2023, gramsPerKwh: 600, source: "ember-2025-08" },
    { iso2: "BD", iso3: "BGD", name: "Bangladesh", year: 2024, gramsPerKwh: 694.63, source: "ember-2025-08" },
    { iso2: "BE", iso3: "BEL", name: "Belgium", year: 2024, gramsPerKwh: 117.58, source: "ember-2025-08" },
    { iso2: "BF", iso3: "BFA", name: "Burkina Faso", year: 2023, gramsPerKwh: 554.91, source: "ember-2025-08" },
    { iso2: "BG", iso3: "BGR", name: "Bulgaria", year: 2024, gramsPerKwh: 264.21, source: "ember-2025-08" },
    { iso2: "BH", iso3: "BHR", name: "Bahrain", year: 2023, gramsPerKwh: 902.41, source: "ember-2025-08" },
    { iso2: "BI", iso3: "BDI", name: "Burundi", year: 2023, gramsPerKwh: 230.77, source: "ember-2025-08" },
    { iso2: "BJ", iso3: "BEN", name: "Benin", year: 2023, gramsPerKwh: 590, source: "ember-2025-08" },
    { iso2: "BN", iso3: "BRN", name: "Brunei Darussalam", year: 2023, gramsPerKwh: 892.67, source: "ember-2025-08" },
    { iso2: "BO", iso3: "BOL", name: "Bolivia", year: 2024, gramsPerKwh: 468.02, source: "ember-2025-08" },
    { iso2: "BR", iso3: "BRA", name: "Brazil", year: 2024, gramsPerKwh: 106.06, source: "ember-2025-08" },
    { iso2: "BS", iso3: "BHS", name: "Bahamas", year: 2022, gramsPerKwh: 653.66, source: "ember-2025-08" },
    { iso2: "BT", iso3: "BTN", name: "Bhutan", year: 2023, gramsPerKwh: 24.19, source: "ember-2025-08" },
    { iso2: "BW", iso3: "BWA", name: "Botswana", year: 2023, gramsPerKwh: 849.42, source: "ember-2025-08" },
    { iso2: "BY", iso3: "BLR", name: "Belarus", year: 2024, gramsPerKwh: 323.63, source: "ember-2025-08" },
    { iso2: "BZ", iso3: "BLZ", name: "Belize", year: 2023, gramsPerKwh: 155.56, source: "ember-2025-08" },
    { iso2: "CA", iso3: "CAN", name: "Canada", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { iso2: "CD", iso3: "COD", name: "Congo, The Democratic Republic of the", year: 2023, gramsPerKwh: 27.04, source: "ember-2025-08" },
    { iso2: "CF", iso3: "CAF", name: "Central African Republic", year: 2022, gramsPerKwh: 0, source: "ember-2025-08" },
    { iso2: "CG", iso3: "COG", name: "Congo", year: 2023, gramsPerKwh: 713.73, source: "ember-2025-08" },
    { iso2: "CH", iso3: "CHE", name: "Switzerland", year: 2024, gramsPerKwh: 36.72, source: "ember-2025-08" },
    { iso2: "CI", iso3: "CIV", name: "C\u00f4te d'Ivoire", year: 2023, gramsPerKwh: 393.53, source: "ember-2025-08" },
    { iso2: "CK", iso3: "COK", name: "Cook Islands", year: 2022, gramsPerKwh: 250, source: "ember-2025-08" },
    { iso2: "CL", iso3: "CHL", name: "Chile", year: 2024, gramsPerKwh: 265.52, source: "ember-2025-08" },
    { iso2: "CM", iso3: "CMR", name: "Cameroon", year: 2023, gramsPerKwh: 285.71, source: "ember-2025-08" },
    { iso2: "CN", iso3: "CHN", name: "China", year: 2024, gramsPerKwh: 557.5, source: "ember-2025-08" },
    { iso2: "CO", iso3: "COL", name: "Colombia", year: 2024, gramsPerKwh: 285.8, source: "ember-2025-08" },
    { iso2: "CR", iso3: "CRI", name: "Costa Rica", year: 2024, gramsPerKwh: 63.01, source: "ember-2025-08" },
    { iso2: "CU", iso3: "CUB", name: "Cuba", year: 2023, gramsPerKwh: 638.98, source: "ember-2025-08" },
    { iso2: "CV", iso3: "CPV", name: "Cabo Verde", year: 2022, gramsPerKwh: 480, source: "ember-2025-08" },
    { iso2: "CY", iso3: "CYP", name: "Cyprus", year: 2024, gramsPerKwh: 512.24, source: "ember-2025-08" },
    { iso2: "CZ", iso3: "CZE", name: "Czechia", year: 2024, gramsPerKwh: 413.86, source: "ember-2025-08" },
    { iso2: "DE", iso3: "DEU", name: "Germany", year: 2024, gramsPerKwh: 342.06, source: "ember-2025-08" },
    { iso2: "DJ", iso3: "DJI", name: "Djibouti", year: 2023, gramsPerKwh: 450, source: "ember-2025-08" },
    { iso2: "DK", iso3: "DNK", name: "Denmark", year: 2024, gramsPerKwh: 143.3, source: "ember-2025-08" },
    { iso2: "DM", iso3: "DMA", name: "Dominica", year: 2023, gramsPerKwh: 600, source: "ember-2025-08" },
    { iso2: "DO", iso3: "DOM", name: "Dominican Republic", year: 2024, gramsPerKwh: 565.97, source: "ember-2025-08" },
    { iso2: "DZ", iso3: "DZA", name: "Algeria", year: 2023, gramsPerKwh: 633.65, source: "ember-2025-08" },
    { iso2: "EC", iso3: "ECU", name: "Ecuador", year: 2024, gramsPerKwh: 209.7, source: "ember-2025-08" },
    { iso2: "EE", iso3: "EST", name: "Estonia", year: 2024, gramsPerKwh: 341.02, source: "ember-2025-08" },
    { iso2: "EG", iso3: "EGY", name: "Egypt", year: 2024, gramsPerKwh: 574.5, source: "ember-2025-08" },
    { iso2: "ER", iso3: "ERI", name: "Eritrea", year: 2023, gramsPerKwh: 590.91, source: "ember-2025-08" },
    { iso2: "ES", iso3: "ESP", name: "Spain", year: 2024, gramsPerKwh: 146.15, source: "ember-2025-08" },
    { iso2: "ET", iso3: "ETH", name: "Ethiopia", year: 2023, gramsPerKwh: 23.55, source: "ember-2025-08" },
    { iso2: "FI", iso3: "FIN", name: "Finland", year: 2024, gramsPerKwh: 72.25, source: "ember-2025-08" },
    { iso2: "FJ", iso3: "FJI", name: "Fiji", year: 2023, gramsPerKwh: 278.26, source: "ember-2025-08" },
    { iso2: "FK", iso3: "FLK", name: "Falkland Islands (Malvinas)", year: 2022, gramsPerKwh: 1000, source: "ember-2025-08" },
    { iso2: "FO", iso3: "FRO", name: "Faroe Islands", year: 2022, gramsPerKwh: 354.17, source: "ember-2025-08" },
    { iso2: "FR", iso3: "FRA", name: "France", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { iso2: "GA", iso3: "GAB", name: "Gabon", year: 2023, gramsPerKwh: 429.47, source: "ember-2025-08" },
    { iso2: "GB", iso3: "GBR", name: "United Kingdom", year: 2024, gramsPerKwh: 215.79, source: "ember-2025-08" },
    { iso2: "GD", iso3: "GRD", name: "Grenada", year: 2022, gramsPerKwh: 666.67, source: "ember-2025-08" },
    { iso2: "GE", iso3: "GEO", name: "Georgia", year: 2024, gramsPerKwh: 143.06, source: "ember-2025-08" },
    { iso2: "GF", iso3: "GUF", name: "French Guiana", year: 2022, gramsPerKwh: 204.08, source: "ember-2025-08" },
    { iso2: "GH", iso3: "GHA", name: "Ghana", year: 2023, gramsPerKwh: 452.86, source: "ember-2025-08" },
    { iso2: "GL", iso3: "GRL", name: "Greenland", year: 2022, gramsPerKwh: 111.11, source: "ember-2025-08" },
    { iso2: "GM", iso3: "GMB", name: "Gambia", year: 2023, gramsPerKwh: 666.67, source: "ember-2025-08" },
    { iso2: "GN", iso3: "GIN", name: "Guinea", year: 2023, gramsPerKwh: 182.72, source: "ember-2025-08" },
    { iso2: "GP", iso3: "GLP", name: "Guadeloupe", year: 2022, gramsPerKwh: 493.9, source: "ember-2025-08" },
    { iso2: "GQ", iso3: "GNQ", name: "Equatorial Guinea", year: 2023, gramsPerKwh: 605.1, source: "ember-2025-08" },
    { iso2: "GR", iso3: "GRC", name: "Greece", year: 2024, gramsPerKwh: 319.76, source: "ember-2025-08" },
    { iso2: "GT", iso3: "GTM", name: "Guatemala", year: 2023, gramsPerKwh: 272.66, source: "ember-2025-08" },
    { iso2: "GU", iso3: "GUM", name: "Guam", year: 2022, gramsPerKwh: 611.11, source: "ember-2025-08" },
    { iso2: "GW", iso3: "GNB", name: "Guinea-Bissau", year: 2022, gramsPerKwh: 625, source: "ember-2025-08" },
    { iso2: "GY", iso3: "GUY", name: "Guyana", year: 2023, gramsPerKwh: 634.33, source: "ember-2025-08" },
    { iso2: "HK", iso3: "HKG", name: "Hong Kong", year: 2023, gramsPerKwh: 681.99, source: "ember-2025-08" },
    { iso2: "HN", iso3: "HND", name: "Honduras", year: 2023, gramsPerKwh: 289.5, source: "ember-2025-08" },
    { iso2: "HR", iso3: "HRV", name: "Croatia", year: 2024, gramsPerKwh: 174.48, source: "ember-2025-08" },
    { iso2: "HT", iso3: "HTI", name: "Haiti", year: 2022, gramsPerKwh: 534.65, source: "ember-2025-08" },
    { iso2: "HU", iso3: "HUN", name: "Hungary", year: 2024, gramsPerKwh: 182.82, source: "ember-2025-08" },
    { iso2: "ID", iso3: "IDN", name: "Indonesia", year: 2023, gramsPerKwh: 682.43, source: "ember-2025-08" },
    { iso2: "IE", iso3: "IRL", name: "Ireland", year: 2024, gramsPerKwh: 279.79, source: "ember-2025-08" },
    { iso2: "IL", iso3: "ISR", name: "Israel", year: 2023, gramsPerKwh: 567.26, source: "ember-2025-08" },
    { iso2: "IN", iso3: "IND", name: "India", year: 2024, gramsPerKwh: 708.96, source: "ember-2025-08" },
    { iso2: "IQ", iso3: "IRQ", name: "Iraq", year: 2023, gramsPerKwh: 689.4, source: "ember-2025-08" },
    { iso2: "IR", iso3: "IRN", name: "Iran", year: 2024, gramsPerKwh: 648.68, source: "ember-2025-08" },
    { iso2: "IS", iso3: "ISL", name: "Iceland", year: 2023, gramsPerKwh: 28.33, source: "ember-2025-08" },
    { iso2: "IT", iso3: "ITA", name: "Italy", year: 2024, gramsPerKwh: 287.75, source: "ember-2025-08" },
    { iso2: "JM", iso3: "JAM", name: "Jamaica", year: 2022, gramsPerKwh: 561.25, source: "ember-2025-08" },
    { iso2: "JO", iso3: "JOR", name: "Jordan", year: 2022, gramsPerKwh: 539.21, source: "ember-2025-08" },
    { iso2: "JP", iso3: "JPN", name: "Japan", year: 2024, gramsPerKwh: 483.73, source: "ember-2025-08" },
    { iso2: "KE", iso3: "KEN", name: "Kenya", year: 2024, gramsPerKwh: 84.83, source: "ember-2025-08" },
    { iso2: "KG", iso3: "KGZ", name: "Kyrgyzstan", year: 2024, gramsPerKwh: 152.65, source: "ember-2025-08" },
    { iso2: "KH", iso3: "KHM", name: "Cambodia", year: 2024, gramsPerKwh: 497.46, source: "ember-2025-08" },
    { iso2: "KI", iso3: "KIR", name: "Kiribati", year: 2022, gramsPerKwh: 500, source: "ember-2025-08" },
    { iso2: "KM", iso3: "COM", name: "Comoros", year: 2023, gramsPerKwh: 642.86, source: "ember-2025-08" },
    { iso2: "KN", iso3: "KNA", name: "Saint Kitts and Nevis", year: 2022, gramsPerKwh: 636.36, source: "ember-2025-08" },
    { iso2: "KP", iso3: "PRK", name: "North Korea", year: 2022, gramsPerKwh: 344.26, source: "ember-2025-08" },
    { iso2: "KR", iso3: "KOR", name: "South Korea", year: 2024, gramsPerKwh: 415.65, source: "ember-2025-08" },
    { iso2: "KW", iso3: "KWT", name: "Kuwait", year: 2024, gramsPerKwh: 637.24, source: "ember-2025-08" },
    { iso2: "KY", iso3: "CYM", name: "Cayman Islands", year: 2023, gramsPerKwh: 642.86, source: "ember-2025-08" },
    { iso2: "KZ", iso3: "KAZ", name: "Kazakhstan", year: 2024, gramsPerKwh: 801.79, source: "ember-2025-08" },
    { iso2: "LA", iso3: "LAO", name: "Laos", year: 2023, gramsPerKwh: 232.12, source: "ember-2025-08" },
    { iso2: "LB", iso3: "LBN", name: "Lebanon", year: 2023, gramsPerKwh: 369.47, source: "ember-2025-08" },
    { iso2: "LC", iso3: "LCA", name: "Saint Lucia", year: 2022, gramsPerKwh: 650, source: "ember-2025-08" },
    { iso2: "LK", iso3: "LKA", name: "Sri Lanka", year: 2022, gramsPerKwh: 509.78, source: "ember-2025-08" },
    { iso2: "LR", iso3: "LBR", name: "Liberia", year: 2023, gramsPerKwh: 435.9, source: "ember-2025-08" },
    { iso2: "LS", iso3: "LSO", name: "Lesotho", year: 2022, gramsPerKwh: 20.83, source: "ember-2025-08" },
    { iso2: "LT", iso3: "LTU", name: "Lithuania", year: 2024, gramsPerKwh: 139.34, source: "ember-2025-08" },
    { iso2: "LU", iso3: "LUX", name: "Luxembourg", year: 2024, gramsPerKwh: 134.62, source: "ember-2025-08" },
    { iso2: "LV", iso3: "LVA", name: "Latvia", year: 2024, gramsPerKwh: 136.22, source: "ember-2025-08" },
    { iso2: "LY", iso3: "LBY", name: "Libya", year: 2023, gramsPerKwh: 830.53, source: "ember-2025-08" },
    { iso2: "MA", iso3: "MAR", name: "Morocco", year: 2024, gramsPerKwh: 577.65, source: "ember-2025-08" },
    { iso2: "MD", iso3: "MDA", name: "Moldova", year: 2024, gramsPerKwh: 629.56, source: "ember-2025-08" },
    { iso2: "ME", iso3: "MNE", name: "Montenegro", year: 2024, gramsPerKwh: 413.51, source: "ember-2025-08" },
    { iso2: "MG", iso3: "MDG", name: "Madagascar", year: 2022, gramsPerKwh: 477.27, source: "ember-2025-08" },
    { iso2: "MK", iso3: "MKD", name: "North Macedonia", year: 2024, gramsPerKwh: 568.97, source: "ember-2025-08" },
    { iso2: "ML", iso3: "MLI", name: "Mali", year: 2023, gramsPerKwh: 394.5, source: "ember-2025-08" },
    { iso2: "MM", iso3: "MMR", name: "Myanmar", year: 2024, gramsPerKwh: 569.69, source: "ember-2025-08" },
    { iso2: "MN", iso3: "MNG", name: "Mongolia", year: 2024, gramsPerKwh: 784.01, source: "ember-2025-08" },
    { iso2: "MO", iso3: "MAC", name: "Macao", year: 2022, gramsPerKwh: 448.98, source: "ember-2025-08" },
    { iso2: "MQ", iso3: "MTQ", name: "Martinique", year: 2022, gramsPerKwh: 516.78, source: "ember-2025-08" },
    { iso2: "MR", iso3: "MRT", name: "Mauritania", year: 2022, gramsPerKwh: 481.71, source: "ember-2025-08" },
    { iso2: "MS", iso3: "MSR", name: "Montserrat", year: 2022, gramsPerKwh: 1000, source: "ember-2025-08" },
    { iso2: "MT", iso3: "MLT", name: "Malta", year: 2024, gramsPerKwh: 484.16, source: "ember-2025-08" },
    { iso2: "MU", iso3: "MUS", name: "Mauritius", year: 2023, gramsPerKwh: 633.03, source: "ember-2025-08" },
    { iso2: "MV", iso3: "MDV", name: "Maldives", year: 2023, gramsPerKwh: 611.77, source: "ember-2025-08" },
    { iso2: "MW", iso3: "MWI", name: "Malawi", year: 2022, gramsPerKwh: 54.65, source: "ember-2025-08" },
    { iso2: "MX", iso3: "MEX", name: "Mexico", year: 2024, gramsPerKwh: 483.14, source: "ember-2025-08" },
    { iso2: "MY", iso3: "MYS", name: "Malaysia", year: 2024, gramsPerKwh: 604.43, source: "ember-2025-08" },
    { iso2: "MZ", iso3: "MOZ", name: "Mozambique", year: 2023, gramsPerKwh: 127.81, source: "ember-2025-08" },
    { iso2: "NA", iso3: "NAM", name: "Namibia", year: 2023, gramsPerKwh: 47.62, source: "ember-2025-08" },
    { iso2: "NC", iso3: "NCL", name: "New Caledonia", year: 2022, gramsPerKwh: 585.76, source: "ember-2025-08" },
    { iso2: "NE", iso3: "NER", name: "Niger", year: 2023, gramsPerKwh: 687.5, source: "ember-2025-08" },
    { iso2: "NG", iso3: "NGA", name: "Nigeria", year: 2024, gramsPerKwh: 507.85, source: "ember-2025-08" },
    { iso2: "NI", iso3: "NIC", name: "Nicaragua", year: 2023, gramsPerKwh: 288.33, source: "ember-2025-08" },
    { iso2: "NL", iso3: "NLD", name: "Netherlands", year: 2024, gramsPerKwh: 252.7, source: "ember-2025-08" },
    { iso2: "NO", iso3: "NOR", name: "Norway", year: 2024, gramsPerKwh: 30.75, source: "ember-2025-08" },
    { iso2: "NP", iso3: "NPL", name: "Nepal", year: 2022, gramsPerKwh: 23.36, source: "ember-2025-08" },
    { iso2: "NR", iso3: "NRU", name: "Nauru", year: 2023, gramsPerKwh: 750, source: "ember-2025-08" },
    { iso2: "NZ", iso3: "NZL", name: "New Zealand", year: 2024, gramsPerKwh: 120.11, source: "ember-2025-08" },
    { iso2: "OM", iso3: "OMN", name: "Oman", year: 2024, gramsPerKwh: 545.33, source: "ember-2025-08" },
    { iso2: "PA", iso3: "PAN", name: "Panama", year: 2023, gramsPerKwh: 258.74, source: "ember-2025-08" },
    { iso2: "PE", iso3: "PER", name: "Peru", year: 2024, gramsPerKwh: 263.27, source: "ember-2025-08" },
    { iso2: "PF", iso3: "PYF", name: "French Polynesia", year: 2022, gramsPerKwh: 436.62, source: "ember-2025-08" },
    { iso2: "PG", iso3: "PNG", name: "Papua New Guinea", year: 2023, gramsPerKwh: 513.74, source: "ember-2025-08" },
    { iso2: "PH", iso3: "PHL", name: "Philippines", year: 2024, gramsPerKwh: 613.38, source: "ember-2025-08" },
    { iso2: "PK", iso3: "PAK", name: "Pakistan", year: 2024, gramsPerKwh: 398.61, source: "ember-2025-08" },
    { iso2: "PL", iso3: "POL", name: "Poland", year: 2024, gramsPerKwh: 614.98, source: "ember-2025-08" },
    { iso2: "PM", iso3: "SPM", name: "Saint Pierre and Miquelon", year: 2022, gramsPerKwh: 600, source: "ember-2025-08" },
    { iso2: "PR", iso3: "PRI", name: "Puerto Rico", year: 2024, gramsPerKwh: 664.53, source: "ember-2025-08" },
    { iso2: "PS", iso3: "PSE", name: "Palestine, State of", year: 2022, gramsPerKwh: 460.78, source: "ember-2025-08" },
    { iso2: "PT", iso3: "PRT", name: "Portugal", year: 2024, gramsPerKwh: 111.8, source: "ember-2025-08" },
    { iso2: "PY", iso3: "PRY", name: "Paraguay", year: 2023, gramsPerKwh: 24.86, source: "ember-2025-08" },
    { iso2: "QA", iso3: "QAT", name: "Qatar", year: 2024, gramsPerKwh: 602.83, source: "ember-2025-08" },
    { iso2: "RE", iso3: "REU", name: "R\u00e9union", year: 2022, gramsPerKwh: 525.22, source: "ember-2025-08" },
    { iso2: "RO", iso3: "ROU", name: "Romania", year: 2024, gramsPerKwh: 245.55, source: "ember-2025-08" },
    { iso2: "RS", iso3: "SRB", name: "Serbia", year: 2024, gramsPerKwh: 670.8, source: "ember-2025-08" },
    { iso2: "RU", iso3: "RUS", name: "Russian Federation", year: 2024, gramsPerKwh: 446.17, source: "ember-2025-08" },
    { iso2: "RW", iso3: "RWA", name: "Rwanda", year: 2023, gramsPerKwh: 301.89, source: "ember-2025-08" },
    { iso2: "SA", iso3: "SAU", name: "Saudi Arabia", year: 2024, gramsPerKwh: 691.95, source: "ember-2025-08" },
    { iso2: "SB", iso3: "SLB", name: "Solomon Islands", year: 2023, gramsPerKwh: 636.36, source: "ember-2025-08" },
    { iso2: "SC", iso3: "SYC", name: "Seychelles", year: 2023, gramsPerKwh: 571.43, source: "ember-2025-08" },
    { iso2: "SD", iso3: "SDN", name: "Sudan", year: 2023, gramsPerKwh: 214.33, source: "ember-2025-08" },
    { iso2: "SE", iso3: "SWE", name: "Sweden", year: 2024, gramsPerKwh: 35.89, source: "ember-2025-08" },
    { iso2: "SG", iso3: "SGP", name: "Singapore", year: 2024, gramsPerKwh: 498.74, source: "ember-2025-08" },
    { iso2: "SI", iso3: "SVN", name: "Slovenia", year: 2024, gramsPerKwh: 227.11, source: "ember-2025-08" },
    { iso2: "SK", iso3: "SVK", name: "Slovakia", year: 2024, gramsPerKwh: 96.49, source: "ember-2025-08" },
    { iso2: "SL", iso3: "SLE", name: "Sierra Leone", year: 2023, gramsPerKwh: 47.62, source: "ember-2025-08" },
    { iso2: "SN", iso3: "SEN", name: "Senegal", year: 2023, gramsPerKwh: 535.4, source: "ember-2025-08" },
    { iso2: "SO", iso3: "SOM", name: "Somalia", year: 2023, gramsPerKwh: 523.81, source: "ember-2025-08" },
    { iso2: "SR", iso3: "SUR", name: "Suriname", year: 2023, gramsPerKwh: 383.18, source: "ember-2025-08" },
    { iso2: "SS", iso3: "SSD", name: "South Sudan", year: 2023, gramsPerKwh: 610.17, source: "ember-2025-08" },
    { iso2: "ST", iso3: "STP", name: "Sao Tome and Principe", year: 2022, gramsPerKwh: 555.56, source: "ember-2025-08" },
    { iso2: "SV", iso3: "SLV", name: "El Salvador", year: 2024, gramsPerKwh: 99.29, source: "ember-2025-08" },
    { iso2: "SY", iso3: "SYR", name: "Syria", year: 2022, gramsPerKwh: 682.27, source: "ember-2025-08" },
    { iso2: "SZ", iso3: "SWZ", name: "Eswatini", year: 2023, gramsPerKwh: 142.86, source: "ember-2025-08" },
    { iso2: "TC", iso3: "TCA", name: "Turks and Caicos Islands", year: 2023, gramsPerKwh: 653.85, source: "ember-2025-08" },
    { iso2: "TD", iso3: "TCD", name: "Chad", year: 2022, gramsPerKwh: 615.39, source: "ember-2025-08" },
    { iso2: "TG", iso3: "TGO", name: "Togo", year: 2023, gramsPerKwh: 478.26, source: "ember-2025-08" },
    { iso2: "TH", iso3: "THA", name: "Thailand", year: 2024, gramsPerKwh: 555.43, source: "ember-2025-08" },
    { iso2: "TJ", iso3: "TJK", name: "Tajikistan", year: 2024, gramsPerKwh: 98.7, source: "ember-2025-08" },
    { iso2: "TM", iso3: "TKM", name: "Turkmenistan", year: 2023, gramsPerKwh: 1306.3, source: "ember-2025-08" },
    { iso2: "TN", iso3: "TUN", name: "Tunisia", year: 2024, gramsPerKwh: 560.25, source: "ember-2025-08" },
    { iso2: "TO", iso3: "TON", name: "Tonga", year: 2023, gramsPerKwh: 571.43, source: "ember-2025-08" },
    { iso2: "TR", iso3: "TUR", name: "T\u00fcrkiye", year: 2024, gramsPerKwh: 469.7, source: "ember-2025-08" },
    { iso2: "TT", iso3: "TTO", name: "Trinidad and Tobago", year: 2023, gramsPerKwh: 682.11, source: "ember-2025-08" },
    { iso2: "TW", iso3: "TWN", name: "Taiwan", year: 2024, gramsPerKwh: 635.15, source: "ember-2025-08" },
    { iso2: "TZ", iso3: "TZA", name: "Tanzania", year: 2023, gramsPerKwh: 371.59, source: "ember-2025-08" },
    { iso2: "UA", iso3: "UKR", name: "Ukraine", year: 2022, gramsPerKwh: 250.47, source: "ember-2025-08" },
    { iso2: "UG", iso3: "UGA", name: "Uganda", year: 2022, gramsPerKwh: 57.39, source: "ember-2025-08" },
    { iso2: "US", iso3: "USA", name: "United States", year: 2024, gramsPerKwh: 383.55, source: "ember-2025-08" },
    { iso2: "UY", iso3: "URY", name: "Uruguay", year: 2024, gramsPerKwh: 96.7, source: "ember-2025-08" },
    { iso2: "UZ", iso3: "UZB", name: "Uzbekistan", year: 2023, gramsPerKwh: 1121.18, source: "ember-2025-08" },
    { iso2: "VC", iso3: "VCT", name: "Saint Vincent and the Grenadines", year: 2023, gramsPerKwh: 600, source: "ember-2025-08" },
    { iso2: "VE", iso3: "VEN", name: "Venezuela", year: 2023, gramsPerKwh: 180.25, source: "ember-2025-08" },
    { iso2: "VG", iso3: "VGB", name: "Virgin Islands, British", year: 2023, gramsPerKwh: 647.06, source: "ember-2025-08" },
    { iso2: "VI", iso3: "VIR", name: "Virgin Islands, U.S.", year: 2023, gramsPerKwh: 641.79, source: "ember-2025-08" },
    { iso2: "VN", iso3: "VNM", name: "Vietnam", year: 2024, gramsPerKwh: 486.13, source: "ember-2025-08" },
    { iso2: "VU", iso3: "VUT", name: "Vanuatu", year: 2023, gramsPerKwh: 500, source: "ember-2025-08" },
    { iso2: "WS", iso3: "WSM", name: "Samoa", year: 2023, gramsPerKwh: 400, source: "ember-2025-08" },
    { iso2: "XK", iso3: "XKX", name: "Kosovo", year: 2024, gramsPerKwh: 958.72, source: "ember-2025-08" },
    { iso2: "YE", iso3: "YEM", name: "Yemen", year: 2023, gramsPerKwh: 586.32, source: "ember-2025-08" },
    { iso2: "ZA", iso3: "ZAF", name: "South Africa", year: 2024, gramsPerKwh: 713.9, source: "ember-2025-08" },
    { iso2: "ZM", iso3: "ZMB", name: "Zambia", year: 2023, gramsPerKwh: 111, source: "ember-2025-08" },
    { iso2: "ZW", iso3: "ZWE", name: "Zimbabwe", year: 2023, gramsPerKwh: 298.44, source: "ember-2025-08" },
    { iso2: "1W", iso3: "WLD", name: "World", year: 2024, gramsPerKwh: 472.94, source: "ember-2025-08" },
];
/** 88 rows. */
// prettier-ignore
const EMBER_ZONES = [
    { zone: "IN-AN", altZone: null, name: "Andaman and Nicobar", countryIso2: "IN", year: 2024, gramsPerKwh: 629.7, source: "ember-subnational-2025-05" },
    { zone: "IN-AP", altZone: null, name: "Andhra Pradesh", countryIso2: "IN", year: 2024, gramsPerKwh: 654.8, source: "ember-subnational-2025-05" },
    { zone: "IN-AR", altZone: null, name: "Arunachal Pradesh", countryIso2: "IN", year: 2024, gramsPerKwh: 24.01, source: "ember-subnational-2025-05" },
    { zone: "IN-AS", altZone: null, name: "Assam", countryIso2: "IN", year: 2024, gramsPerKwh: 586.55, source: "ember-subnational-2025-05" },
    { zone: "IN-BR", altZone: null, name: "Bihar", countryIso2: "IN", year: 2024, gramsPerKwh: 815.14, source: "ember-subnational-2025-05" },
    { zone: "IN-CH", altZone: null, name: "Chandigarh", countryIso2: "IN", year: 2024, gramsPerKwh: 48.39, source: "ember-subnational-2025-05" },
    { zone: "IN-CT", altZone: "IN-CG", name: "Chhattisgarh", countryIso2: "IN", year: 2024, gramsPerKwh: 806.01, source: "ember-subnational-2025-05" },
    { zone: "IN-DH", altZone: null, name: "Dadra and Nagar Haveli and Daman and Diu", countryIso2: "IN", year: 2024, gramsPerKwh: 129, source: "ember-subnational-2025-05" },
    { zone: "IN-DL", altZone: null, name: "Delhi", countryIso2: "IN", year: 2024, gramsPerKwh: 421.04, source: "ember-subnational-2025-05" },
    { zone: "IN-GA", altZone: null, name: "Goa", countryIso2: "IN", year: 2024, gramsPerKwh: 46.74, source: "ember-subnational-2025-05" },
    { zone: "IN-GJ", altZone: null, name: "Gujarat", countryIso2: "IN", year: 2024, gramsPerKwh: 492.12, source: "ember-subnational-2025-05" },
    { zone: "IN-HP", altZone: null, name: "Himachal Pradesh", countryIso2: "IN", year: 2024, gramsPerKwh: 24.05, source: "ember-subnational-2025-05" },
    { zone: "IN-HR", altZone: null, name: "Haryana", countryIso2: "IN", year: 2024, gramsPerKwh: 769.88, source: "ember-subnational-2025-05" },
    { zone: "IN-JH", altZone: null, name: "Jharkhand", countryIso2: "IN", year: 2024, gramsPerKwh: 814.58, source: "ember-subnational-2025-05" },
    { zone: "IN-JK", altZone: null, name: "Jammu and Kashmir", countryIso2: "IN", year: 2024, gramsPerKwh: 24, source: "ember-subnational-2025-05" },
    { zone: "IN-KA", altZone: null, name: "Karnataka", countryIso2: "IN", year: 2024, gramsPerKwh: 394.41, source: "ember-subnational-2025-05" },
    { zone: "IN-KL", altZone: null, name: "Kerala", countryIso2: "IN", year: 2024, gramsPerKwh: 28.92, source: "ember-subnational-2025-05" },
    { zone: "IN-LA", altZone: null, name: "Ladakh", countryIso2: "IN", year: 2024, gramsPerKwh: 24, source: "ember-subnational-2025-05" },
    { zone: "IN-LD", altZone: null, name: "Lakshadweep", countryIso2: "IN", year: 2024, gramsPerKwh: 818.84, source: "ember-subnational-2025-05" },
    { zone: "IN-MH", altZone: null, name: "Maharashtra", countryIso2: "IN", year: 2024, gramsPerKwh: 658.97, source: "ember-subnational-2025-05" },
    { zone: "IN-ML", altZone: null, name: "Meghalaya", countryIso2: "IN", year: 2024, gramsPerKwh: 24, source: "ember-subnational-2025-05" },
    { zone: "IN-MN", altZone: null, name: "Manipur", countryIso2: "IN", year: 2024, gramsPerKwh: 24.32, source: "ember-subnational-2025-05" },
    { zone: "IN-MP", altZone: null, name: "Madhya Pradesh", countryIso2: "IN", year: 2024, gramsPerKwh: 729.91, source: "ember-subnational-2025-05" },
    { zone: "IN-MZ", altZone: null, name: "Mizoram", countryIso2: "IN", year: 2024, gramsPerKwh: 25.22, source: "ember-subnational-2025-05" },
    { zone: "IN-NL", altZone: null, name: "Nagaland", countryIso2: "IN", year: 2024, gramsPerKwh: 23.99, source: "ember-subnational-2025-05" },
    { zone: "IN-OR", altZone: "IN-OD", name: "Odisha", countryIso2: "IN", year: 2024, gramsPerKwh: 739.71, source: "ember-subnational-2025-05" },
    { zone: "IN-PB", altZone: null, name: "Punjab", countryIso2: "IN", year: 2024, gramsPerKwh: 685.13, source: "ember-subnational-2025-05" },
    { zone: "IN-PY", altZone: null, name: "Puducherry", countryIso2: "IN", year: 2024, gramsPerKwh: 465.07, source: "ember-subnational-2025-05" },
    { zone: "IN-RJ", altZone: null, name: "Rajasthan", countryIso2: "IN", year: 2024, gramsPerKwh: 437.99, source: "ember-subnational-2025-05" },
    { zone: "IN-SK", altZone: null, name: "Sikkim", countryIso2: "IN", year: 2024, gramsPerKwh: 24, source: "ember-subnational-2025-05" },
    { zone: "IN-TG", altZone: null, name: "Telangana", countryIso2: "IN", year: 2024, gramsPerKwh: 679.88, source: "ember-subnational-2025-05" },
    { zone: "IN-TN", altZone: null, name: "Tamil Nadu", countryIso2: "IN", year: 2024, gramsPerKwh: 493.19, source: "ember-subnational-2025-05" },
    { zone: "IN-TR", altZone: null, name: "Tripura", countryIso2: "IN", year: 2024, gramsPerKwh: 489.5, source: "ember-subnational-2025-05" },
    { zone: "IN-UP", altZone: null, name: "Uttar Pradesh", countryIso2: "IN", year: 2024, gramsPerKwh: 764.86, source: "ember-subnational-2025-05" },
    { zone: "IN-UT", altZone: "IN-UK", name: "Uttarakhand", countryIso2: "IN", year: 2024, gramsPerKwh: 57.63, source: "ember-subnational-2025-05" },
    { zone: "IN-WB", altZone: null, name: "West Bengal", countryIso2: "IN", year: 2024, gramsPerKwh: 782.95, source: "ember-subnational-2025-05" },
    { zone: "US-AK", altZone: null, name: "Alaska", countryIso2: "US", year: 2024, gramsPerKwh: 421.21, source: "ember-subnational-2025-05" },
    { zone: "US-AL", altZone: null, name: "Alabama", countryIso2: "US", year: 2024, gramsPerKwh: 351.58, source: "ember-subnational-2025-05" },
    { zone: "US-AR", altZone: null, name: "Arkansas", countryIso2: "US", year: 2024, gramsPerKwh: 409.49, source: "ember-subnational-2025-05" },
    { zone: "US-AZ", altZone: null, name: "Arizona", countryIso2: "US", year: 2024, gramsPerKwh: 299.71, source: "ember-subnational-2025-05" },
    { zone: "US-CA", altZone: null, name: "California", countryIso2: "US", year: 2024, gramsPerKwh: 199.67, source: "ember-subnational-2025-05" },
    { zone: "US-CO", altZone: null, name: "Colorado", countryIso2: "US", year: 2024, gramsPerKwh: 376.3, source: "ember-subnational-2025-05" },
    { zone: "US-CT", altZone: null, name: "Connecticut", countryIso2: "US", year: 2024, gramsPerKwh: 292.82, source: "ember-subnational-2025-05" },
    { zone: "US-DC", altZone: null, name: "Washington, D.C.", countryIso2: "US", year: 2024, gramsPerKwh: 158.09, source: "ember-subnational-2025-05" },
    { zone: "US-DE", altZone: null, name: "Delaware", countryIso2: "US", year: 2024, gramsPerKwh: 472.08, source: "ember-subnational-2025-05" },
    { zone: "US-FL", altZone: null, name: "Florida", countryIso2: "US", year: 2024, gramsPerKwh: 407.91, source: "ember-subnational-2025-05" },
    { zone: "US-GA", altZone: null, name: "Georgia", countryIso2: "US", year: 2024, gramsPerKwh: 323.19, source: "ember-subnational-2025-05" },
    { zone: "US-HI", altZone: null, name: "Hawaii", countryIso2: "US", year: 2024, gramsPerKwh: 480.7, source: "ember-subnational-2025-05" },
    { zone: "US-IA", altZone: null, name: "Iowa", countryIso2: "US", year: 2024, gramsPerKwh: 241.74, source: "ember-subnational-2025-05" },
    { zone: "US-ID", altZone: null, name: "Idaho", countryIso2: "US", year: 2024, gramsPerKwh: 175.07, source: "ember-subnational-2025-05" },
    { zone: "US-IL", altZone: null, name: "Illinois", countryIso2: "US", year: 2024, gramsPerKwh: 211.93, source: "ember-subnational-2025-05" },
    { zone: "US-IN", altZone: null, name: "Indiana", countryIso2: "US", year: 2024, gramsPerKwh: 567.04, source: "ember-subnational-2025-05" },
    { zone: "US-KS", altZone: null, name: "Kansas", countryIso2: "US", year: 2024, gramsPerKwh: 239.03, source: "ember-subnational-2025-05" },
    { zone: "US-KY", altZone: null, name: "Kentucky", countryIso2: "US", year: 2024, gramsPerKwh: 678.73, source: "ember-subnational-2025-05" },
    { zone: "US-LA", altZone: null, name: "Louisiana", countryIso2: "US", year: 2024, gramsPerKwh: 419.34, source: "ember-subnational-2025-05" },
    { zone: "US-MA", altZone: null, name: "Massachusetts", countryIso2: "US", year: 2024, gramsPerKwh: 358.42, source: "ember-subnational-2025-05" },
    { zone: "US-MD", altZone: null, name: "Maryland", countryIso2: "US", year: 2024, gramsPerKwh: 262.15, source: "ember-subnational-2025-05" },
    { zone: "US-ME", altZone: null, name: "Maine", countryIso2: "US", year: 2024, gramsPerKwh: 195.24, source: "ember-subnational-2025-05" },
    { zone: "US-MI", altZone: null, name: "Michigan", countryIso2: "US", year: 2024, gramsPerKwh: 407.39, source: "ember-subnational-2025-05" },
    { zone: "US-MN", altZone: null, name: "Minnesota", countryIso2: "US", year: 2024, gramsPerKwh: 304.52, source: "ember-subnational-2025-05" },
    { zone: "US-MO", altZone: null, name: "Missouri", countryIso2: "US", year: 2024, gramsPerKwh: 542.77, source: "ember-subnational-2025-05" },
    { zone: "US-MS", altZone: null, name: "Mississippi", countryIso2: "US", year: 2024, gramsPerKwh: 420.12, source: "ember-subnational-2025-05" },
    { zone: "US-MT", altZone: null, name: "Montana", countryIso2: "US", year: 2024, gramsPerKwh: 346.04, source: "ember-subnational-2025-05" },
    { zone: "US-NC", altZone: null, name: "North Carolina", countryIso2: "US", year: 2024, gramsPerKwh: 317, source: "ember-subnational-2025-05" },
    { zone: "US-ND", altZone: null, name: "North Dakota", countryIso2: "US", year: 2024, gramsPerKwh: 478.49, source: "ember-subnational-2025-05" },
    { zone: "US-NE", altZone: null, name: "Nebraska", countryIso2: "US", year: 2024, gramsPerKwh: 382.89, source: "ember-subnational-2025-05" },
    { zone: "US-NH", altZone: null, name: "New Hampshire", countryIso2: "US", year: 2024, gramsPerKwh: 158.2, source: "ember-subnational-2025-05" },
    { zone: "US-NJ", altZone: null, name: "New Jersey", countryIso2: "US", year: 2024, gramsPerKwh: 251.33, source: "ember-subnational-2025-05" },
    { zone: "US-NM", altZone: null, name: "New Mexico", countryIso2: "US", year: 2024, gramsPerKwh: 321.22, source: "ember-subnational-2025-05" },
    { zone: "US-NV", altZone: null, name: "Nevada", countryIso2: "US", year: 2024, gramsPerKwh: 314.87, source: "ember-subnational-2025-05" },
    { zone: "US-NY", altZone: null, name: "New York", countryIso2: "US", year: 2024, gramsPerKwh: 251.49, source: "ember-subnational-2025-05" },
    { zone: "US-OH", altZone: null, name: "Ohio", countryIso2: "US", year: 2024, gramsPerKwh: 475.04, source: "ember-subnational-2025-05" },
    { zone: "US-OK", altZone: null, name: "Oklahoma", countryIso2: "US", year: 2024, gramsPerKwh: 306.25, source: "ember-subnational-2025-05" },
    { zone: "US-OR", altZone: null, name: "Oregon", countryIso2: "US", year: 2024, gramsPerKwh: 203.66, source: "ember-subnational-2025-05" },
    { zone: "US-PA", altZone: null, name: "Pennsylvania", countryIso2: "US", year: 2024, gramsPerKwh: 345.34, source: "ember-subnational-2025-05" },
    { zone: "US-PR", altZone: null, name: "Puerto Rico", countryIso2: "US", year: 2024, gramsPerKwh: 623.21, source: "ember-subnational-2025-05" },
    { zone: "US-RI", altZone: null, name: "Rhode Island", countryIso2: "US", year: 2024, gramsPerKwh: 418.01, source: "ember-subnational-2025-05" },
    { zone: "US-SC", altZone: null, name: "South Carolina", countryIso2: "US", year: 2024, gramsPerKwh: 260.55, source: "ember-subnational-2025-05" },
    { zone: "US-SD", altZone: null, name: "South Dakota", countryIso2: "US", year: 2024, gramsPerKwh: 128.14, source: "ember-subnational-2025-05" },
    { zone: "US-TN", altZone: null, name: "Tennessee", countryIso2: "US", year: 2024, gramsPerKwh: 308.11, source: "ember-subnational-2025-05" },
    { zone: "US-TX", altZone: null, name: "Texas", countryIso2: "US", year: 2024, gramsPerKwh: 355.4, source: "ember-subnational-2025-05" },
    { zone: "US-UT", altZone: null, name: "Utah", countryIso2: "US", year: 2024, gramsPerKwh: 539.56, source: "ember-subnational-2025-05" },
    { zone: "US-VA", altZone: null, name: "Virginia", countryIso2: "US", year: 2024, gramsPerKwh: 321.47, source: "ember-subnational-2025-05" },
    { zone: "US-VT", altZone: null, name: "Vermont", countryIso2: "US", year: 2024, gramsPerKwh: 58.49, source: "ember-subnational-2025-05" },
    { zone: "US-WA", altZone: null, name: "Washington", countryIso2: "US", year: 2024, gramsPerKwh: 130.35, source: "ember-subnational-2025-05" },
    { zone: "US-WI", altZone: null, name: "Wisconsin", countryIso2: "US", year: 2024, gramsPerKwh: 466.89, source: "ember-subnational-2025-05" },
    { zone: "US-WV", altZone: null, name: "West Virginia", countryIso2: "US", year: 2024, gramsPerKwh: 734.67, source: "ember-subnational-2025-05" },
    { zone: "US-WY", altZone: null, name: "Wyoming", countryIso2: "US", year: 2024, gramsPerKwh: 564.85, source: "ember-subnational-2025-05" },
];
/** 150 rows. */
// prettier-ignore
const EMBER_CLOUD_REGIONS = [
    { provider: "aws", region: "af-south-1", place: "Cape Town", countryIso2: "ZA", lookupKey: "ZA", electricityMapsZone: "ZA", year: 2024, gramsPerKwh: 713.9, source: "ember-2025-08" },
    { provider: "aws", region: "ap-east-1", place: "Hong Kong", countryIso2: "HK", lookupKey: "HK", electricityMapsZone: "HK", year: 2023, gramsPerKwh: 681.99, source: "ember-2025-08" },
    { provider: "aws", region: "ap-northeast-1", place: "Tokyo", countryIso2: "JP", lookupKey: "JP", electricityMapsZone: "JP-TK", year: 2024, gramsPerKwh: 483.73, source: "ember-2025-08" },
    { provider: "aws", region: "ap-northeast-2", place: "Seoul", countryIso2: "KR", lookupKey: "KR", electricityMapsZone: "KR", year: 2024, gramsPerKwh: 415.65, source: "ember-2025-08" },
    { provider: "aws", region: "ap-northeast-3", place: "Osaka", countryIso2: "JP", lookupKey: "JP", electricityMapsZone: "JP-KN", year: 2024, gramsPerKwh: 483.73, source: "ember-2025-08" },
    { provider: "aws", region: "ap-south-1", place: "Mumbai", countryIso2: "IN", lookupKey: "IN-MH", electricityMapsZone: "IN-WE", year: 2024, gramsPerKwh: 658.97, source: "ember-subnational-2025-05" },
    { provider: "aws", region: "ap-south-2", place: "Hyderabad", countryIso2: "IN", lookupKey: "IN-TG", electricityMapsZone: "IN-SO", year: 2024, gramsPerKwh: 679.88, source: "ember-subnational-2025-05" },
    { provider: "aws", region: "ap-southeast-1", place: "Singapore", countryIso2: "SG", lookupKey: "SG", electricityMapsZone: "SG", year: 2024, gramsPerKwh: 498.74, source: "ember-2025-08" },
    { provider: "aws", region: "ap-southeast-2", place: "Sydney", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-NSW", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "aws", region: "ap-southeast-3", place: "Jakarta", countryIso2: "ID", lookupKey: "ID", electricityMapsZone: "ID", year: 2023, gramsPerKwh: 682.43, source: "ember-2025-08" },
    { provider: "aws", region: "ap-southeast-4", place: "Melbourne", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-VIC", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "aws", region: "ap-southeast-5", place: "Malaysia", countryIso2: "MY", lookupKey: "MY", electricityMapsZone: "MY-WM", year: 2024, gramsPerKwh: 604.43, source: "ember-2025-08" },
    { provider: "aws", region: "ap-southeast-6", place: "New Zealand", countryIso2: "NZ", lookupKey: "NZ", electricityMapsZone: "NZ", year: 2024, gramsPerKwh: 120.11, source: "ember-2025-08" },
    { provider: "aws", region: "ap-southeast-7", place: "Thailand", countryIso2: "TH", lookupKey: "TH", electricityMapsZone: "TH", year: 2024, gramsPerKwh: 555.43, source: "ember-2025-08" },
    { provider: "aws", region: "ca-central-1", place: "Canada Central (Montr\u00e9al area)", countryIso2: "CA", lookupKey: "CA", electricityMapsZone: "CA-QC", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { provider: "aws", region: "ca-west-1", place: "Calgary", countryIso2: "CA", lookupKey: "CA", electricityMapsZone: "CA-AB", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { provider: "aws", region: "cn-north-1", place: "Beijing", countryIso2: "CN", lookupKey: "CN", electricityMapsZone: "CN", year: 2024, gramsPerKwh: 557.5, source: "ember-2025-08" },
    { provider: "aws", region: "cn-northwest-1", place: "Ningxia", countryIso2: "CN", lookupKey: "CN", electricityMapsZone: "CN", year: 2024, gramsPerKwh: 557.5, source: "ember-2025-08" },
    { provider: "aws", region: "eu-central-1", place: "Frankfurt", countryIso2: "DE", lookupKey: "DE", electricityMapsZone: "DE", year: 2024, gramsPerKwh: 342.06, source: "ember-2025-08" },
    { provider: "aws", region: "eu-central-2", place: "Zurich", countryIso2: "CH", lookupKey: "CH", electricityMapsZone: "CH", year: 2024, gramsPerKwh: 36.72, source: "ember-2025-08" },
    { provider: "aws", region: "eu-north-1", place: "Stockholm", countryIso2: "SE", lookupKey: "SE", electricityMapsZone: "SE-SE3", year: 2024, gramsPerKwh: 35.89, source: "ember-2025-08" },
    { provider: "aws", region: "eu-south-1", place: "Milan", countryIso2: "IT", lookupKey: "IT", electricityMapsZone: "IT-NO", year: 2024, gramsPerKwh: 287.75, source: "ember-2025-08" },
    { provider: "aws", region: "eu-south-2", place: "Spain", countryIso2: "ES", lookupKey: "ES", electricityMapsZone: "ES", year: 2024, gramsPerKwh: 146.15, source: "ember-2025-08" },
    { provider: "aws", region: "eu-west-1", place: "Ireland", countryIso2: "IE", lookupKey: "IE", electricityMapsZone: "IE", year: 2024, gramsPerKwh: 279.79, source: "ember-2025-08" },
    { provider: "aws", region: "eu-west-2", place: "London", countryIso2: "GB", lookupKey: "GB", electricityMapsZone: "GB", year: 2024, gramsPerKwh: 215.79, source: "ember-2025-08" },
    { provider: "aws", region: "eu-west-3", place: "Paris", countryIso2: "FR", lookupKey: "FR", electricityMapsZone: "FR", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { provider: "aws", region: "il-central-1", place: "Tel Aviv", countryIso2: "IL", lookupKey: "IL", electricityMapsZone: "IL", year: 2023, gramsPerKwh: 567.26, source: "ember-2025-08" },
    { provider: "aws", region: "me-central-1", place: "UAE", countryIso2: "AE", lookupKey: "AE", electricityMapsZone: "AE", year: 2024, gramsPerKwh: 467.51, source: "ember-2025-08" },
    { provider: "aws", region: "me-south-1", place: "Bahrain", countryIso2: "BH", lookupKey: "BH", electricityMapsZone: "BH", year: 2023, gramsPerKwh: 902.41, source: "ember-2025-08" },
    { provider: "aws", region: "mx-central-1", place: "Mexico Central (Quer\u00e9taro area)", countryIso2: "MX", lookupKey: "MX", electricityMapsZone: "MX", year: 2024, gramsPerKwh: 483.14, source: "ember-2025-08" },
    { provider: "aws", region: "sa-east-1", place: "S\u00e3o Paulo", countryIso2: "BR", lookupKey: "BR", electricityMapsZone: "BR-CS", year: 2024, gramsPerKwh: 106.06, source: "ember-2025-08" },
    { provider: "aws", region: "us-east-1", place: "N. Virginia", countryIso2: "US", lookupKey: "US-VA", electricityMapsZone: "US-MIDA-PJM", year: 2024, gramsPerKwh: 321.47, source: "ember-subnational-2025-05" },
    { provider: "aws", region: "us-east-2", place: "Ohio", countryIso2: "US", lookupKey: "US-OH", electricityMapsZone: "US-MIDA-PJM", year: 2024, gramsPerKwh: 475.04, source: "ember-subnational-2025-05" },
    { provider: "aws", region: "us-west-1", place: "N. California", countryIso2: "US", lookupKey: "US-CA", electricityMapsZone: "US-CAL-CISO", year: 2024, gramsPerKwh: 199.67, source: "ember-subnational-2025-05" },
    { provider: "aws", region: "us-west-2", place: "Oregon", countryIso2: "US", lookupKey: "US-OR", electricityMapsZone: "US-NW-PACW", year: 2024, gramsPerKwh: 203.66, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "australiacentral", place: "Australia Central", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-NSW", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "azure", region: "australiacentral2", place: "Australia Central 2", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-NSW", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "azure", region: "australiaeast", place: "Australia East", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-NSW", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "azure", region: "australiasoutheast", place: "Australia Southeast", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-VIC", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "azure", region: "brazilsouth", place: "Brazil South", countryIso2: "BR", lookupKey: "BR", electricityMapsZone: "BR-CS", year: 2024, gramsPerKwh: 106.06, source: "ember-2025-08" },
    { provider: "azure", region: "brazilsoutheast", place: "Brazil Southeast", countryIso2: "BR", lookupKey: "BR", electricityMapsZone: "BR-CS", year: 2024, gramsPerKwh: 106.06, source: "ember-2025-08" },
    { provider: "azure", region: "canadacentral", place: "Canada Central", countryIso2: "CA", lookupKey: "CA", electricityMapsZone: "CA-ON", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { provider: "azure", region: "canadaeast", place: "Canada East", countryIso2: "CA", lookupKey: "CA", electricityMapsZone: "CA-QC", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { provider: "azure", region: "centralindia", place: "Central India", countryIso2: "IN", lookupKey: "IN-MH", electricityMapsZone: "IN-WE", year: 2024, gramsPerKwh: 658.97, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "centralus", place: "Central US", countryIso2: "US", lookupKey: "US-IA", electricityMapsZone: "US-MIDW-MISO", year: 2024, gramsPerKwh: 241.74, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "chinaeast", place: "China East", countryIso2: "CN", lookupKey: "CN", electricityMapsZone: "CN", year: 2024, gramsPerKwh: 557.5, source: "ember-2025-08" },
    { provider: "azure", region: "chinaeast2", place: "China East 2", countryIso2: "CN", lookupKey: "CN", electricityMapsZone: "CN", year: 2024, gramsPerKwh: 557.5, source: "ember-2025-08" },
    { provider: "azure", region: "chinanorth", place: "China North", countryIso2: "CN", lookupKey: "CN", electricityMapsZone: "CN", year: 2024, gramsPerKwh: 557.5, source: "ember-2025-08" },
    { provider: "azure", region: "chinanorth2", place: "China North 2", countryIso2: "CN", lookupKey: "CN", electricityMapsZone: "CN", year: 2024, gramsPerKwh: 557.5, source: "ember-2025-08" },
    { provider: "azure", region: "chinanorth3", place: "China North 3", countryIso2: "CN", lookupKey: "CN", electricityMapsZone: "CN", year: 2024, gramsPerKwh: 557.5, source: "ember-2025-08" },
    { provider: "azure", region: "eastasia", place: "East Asia", countryIso2: "HK", lookupKey: "HK", electricityMapsZone: "HK", year: 2023, gramsPerKwh: 681.99, source: "ember-2025-08" },
    { provider: "azure", region: "eastus", place: "East US", countryIso2: "US", lookupKey: "US-VA", electricityMapsZone: "US-MIDA-PJM", year: 2024, gramsPerKwh: 321.47, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "eastus2", place: "East US 2", countryIso2: "US", lookupKey: "US-VA", electricityMapsZone: "US-MIDA-PJM", year: 2024, gramsPerKwh: 321.47, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "francecentral", place: "France Central", countryIso2: "FR", lookupKey: "FR", electricityMapsZone: "FR", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { provider: "azure", region: "francesouth", place: "France South", countryIso2: "FR", lookupKey: "FR", electricityMapsZone: "FR", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { provider: "azure", region: "germanynorth", place: "Germany North", countryIso2: "DE", lookupKey: "DE", electricityMapsZone: "DE", year: 2024, gramsPerKwh: 342.06, source: "ember-2025-08" },
    { provider: "azure", region: "germanywestcentral", place: "Germany West Central", countryIso2: "DE", lookupKey: "DE", electricityMapsZone: "DE", year: 2024, gramsPerKwh: 342.06, source: "ember-2025-08" },
    { provider: "azure", region: "indonesiacentral", place: "Indonesia Central", countryIso2: "ID", lookupKey: "ID", electricityMapsZone: "ID", year: 2023, gramsPerKwh: 682.43, source: "ember-2025-08" },
    { provider: "azure", region: "israelcentral", place: "Israel Central", countryIso2: "IL", lookupKey: "IL", electricityMapsZone: "IL", year: 2023, gramsPerKwh: 567.26, source: "ember-2025-08" },
    { provider: "azure", region: "italynorth", place: "Italy North", countryIso2: "IT", lookupKey: "IT", electricityMapsZone: "IT-NO", year: 2024, gramsPerKwh: 287.75, source: "ember-2025-08" },
    { provider: "azure", region: "japaneast", place: "Japan East", countryIso2: "JP", lookupKey: "JP", electricityMapsZone: "JP-TK", year: 2024, gramsPerKwh: 483.73, source: "ember-2025-08" },
    { provider: "azure", region: "japanwest", place: "Japan West", countryIso2: "JP", lookupKey: "JP", electricityMapsZone: "JP-KN", year: 2024, gramsPerKwh: 483.73, source: "ember-2025-08" },
    { provider: "azure", region: "koreacentral", place: "Korea Central", countryIso2: "KR", lookupKey: "KR", electricityMapsZone: "KR", year: 2024, gramsPerKwh: 415.65, source: "ember-2025-08" },
    { provider: "azure", region: "koreasouth", place: "Korea South", countryIso2: "KR", lookupKey: "KR", electricityMapsZone: "KR", year: 2024, gramsPerKwh: 415.65, source: "ember-2025-08" },
    { provider: "azure", region: "mexicocentral", place: "Mexico Central", countryIso2: "MX", lookupKey: "MX", electricityMapsZone: "MX", year: 2024, gramsPerKwh: 483.14, source: "ember-2025-08" },
    { provider: "azure", region: "newzealandnorth", place: "New Zealand North", countryIso2: "NZ", lookupKey: "NZ", electricityMapsZone: "NZ", year: 2024, gramsPerKwh: 120.11, source: "ember-2025-08" },
    { provider: "azure", region: "northcentralus", place: "North Central US", countryIso2: "US", lookupKey: "US-IL", electricityMapsZone: "US-MIDA-PJM", year: 2024, gramsPerKwh: 211.93, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "northeurope", place: "North Europe", countryIso2: "IE", lookupKey: "IE", electricityMapsZone: "IE", year: 2024, gramsPerKwh: 279.79, source: "ember-2025-08" },
    { provider: "azure", region: "norwayeast", place: "Norway East", countryIso2: "NO", lookupKey: "NO", electricityMapsZone: "NO-NO1", year: 2024, gramsPerKwh: 30.75, source: "ember-2025-08" },
    { provider: "azure", region: "norwaywest", place: "Norway West", countryIso2: "NO", lookupKey: "NO", electricityMapsZone: "NO-NO2", year: 2024, gramsPerKwh: 30.75, source: "ember-2025-08" },
    { provider: "azure", region: "polandcentral", place: "Poland Central", countryIso2: "PL", lookupKey: "PL", electricityMapsZone: "PL", year: 2024, gramsPerKwh: 614.98, source: "ember-2025-08" },
    { provider: "azure", region: "qatarcentral", place: "Qatar Central", countryIso2: "QA", lookupKey: "QA", electricityMapsZone: "QA", year: 2024, gramsPerKwh: 602.83, source: "ember-2025-08" },
    { provider: "azure", region: "southafricanorth", place: "South Africa North", countryIso2: "ZA", lookupKey: "ZA", electricityMapsZone: "ZA", year: 2024, gramsPerKwh: 713.9, source: "ember-2025-08" },
    { provider: "azure", region: "southafricawest", place: "South Africa West", countryIso2: "ZA", lookupKey: "ZA", electricityMapsZone: "ZA", year: 2024, gramsPerKwh: 713.9, source: "ember-2025-08" },
    { provider: "azure", region: "southcentralus", place: "South Central US", countryIso2: "US", lookupKey: "US-TX", electricityMapsZone: "US-TEX-ERCO", year: 2024, gramsPerKwh: 355.4, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "southeastasia", place: "Southeast Asia", countryIso2: "SG", lookupKey: "SG", electricityMapsZone: "SG", year: 2024, gramsPerKwh: 498.74, source: "ember-2025-08" },
    { provider: "azure", region: "southindia", place: "South India", countryIso2: "IN", lookupKey: "IN-TN", electricityMapsZone: "IN-SO", year: 2024, gramsPerKwh: 493.19, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "spaincentral", place: "Spain Central", countryIso2: "ES", lookupKey: "ES", electricityMapsZone: "ES", year: 2024, gramsPerKwh: 146.15, source: "ember-2025-08" },
    { provider: "azure", region: "swedencentral", place: "Sweden Central", countryIso2: "SE", lookupKey: "SE", electricityMapsZone: "SE-SE3", year: 2024, gramsPerKwh: 35.89, source: "ember-2025-08" },
    { provider: "azure", region: "switzerlandnorth", place: "Switzerland North", countryIso2: "CH", lookupKey: "CH", electricityMapsZone: "CH", year: 2024, gramsPerKwh: 36.72, source: "ember-2025-08" },
    { provider: "azure", region: "switzerlandwest", place: "Switzerland West", countryIso2: "CH", lookupKey: "CH", electricityMapsZone: "CH", year: 2024, gramsPerKwh: 36.72, source: "ember-2025-08" },
    { provider: "azure", region: "uaecentral", place: "UAE Central", countryIso2: "AE", lookupKey: "AE", electricityMapsZone: "AE", year: 2024, gramsPerKwh: 467.51, source: "ember-2025-08" },
    { provider: "azure", region: "uaenorth", place: "UAE North", countryIso2: "AE", lookupKey: "AE", electricityMapsZone: "AE", year: 2024, gramsPerKwh: 467.51, source: "ember-2025-08" },
    { provider: "azure", region: "uksouth", place: "UK South", countryIso2: "GB", lookupKey: "GB", electricityMapsZone: "GB", year: 2024, gramsPerKwh: 215.79, source: "ember-2025-08" },
    { provider: "azure", region: "ukwest", place: "UK West", countryIso2: "GB", lookupKey: "GB", electricityMapsZone: "GB", year: 2024, gramsPerKwh: 215.79, source: "ember-2025-08" },
    { provider: "azure", region: "westcentralus", place: "West Central US", countryIso2: "US", lookupKey: "US-WY", electricityMapsZone: "US-NW-PACE", year: 2024, gramsPerKwh: 564.85, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "westeurope", place: "West Europe", countryIso2: "NL", lookupKey: "NL", electricityMapsZone: "NL", year: 2024, gramsPerKwh: 252.7, source: "ember-2025-08" },
    { provider: "azure", region: "westus", place: "West US", countryIso2: "US", lookupKey: "US-CA", electricityMapsZone: "US-CAL-CISO", year: 2024, gramsPerKwh: 199.67, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "westus2", place: "West US 2", countryIso2: "US", lookupKey: "US-WA", electricityMapsZone: "US-NW-BPAT", year: 2024, gramsPerKwh: 130.35, source: "ember-subnational-2025-05" },
    { provider: "azure", region: "westus3", place: "West US 3", countryIso2: "US", lookupKey: "US-AZ", electricityMapsZone: "US-SW-AZPS", year: 2024, gramsPerKwh: 299.71, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "africa-south1", place: "Johannesburg", countryIso2: "ZA", lookupKey: "ZA", electricityMapsZone: "ZA", year: 2024, gramsPerKwh: 713.9, source: "ember-2025-08" },
    { provider: "gcp", region: "asia-east1", place: "Taiwan", countryIso2: "TW", lookupKey: "TW", electricityMapsZone: "TW", year: 2024, gramsPerKwh: 635.15, source: "ember-2025-08" },
    { provider: "gcp", region: "asia-east2", place: "Hong Kong", countryIso2: "HK", lookupKey: "HK", electricityMapsZone: "HK", year: 2023, gramsPerKwh: 681.99, source: "ember-2025-08" },
    { provider: "gcp", region: "asia-northeast1", place: "Tokyo", countryIso2: "JP", lookupKey: "JP", electricityMapsZone: "JP-TK", year: 2024, gramsPerKwh: 483.73, source: "ember-2025-08" },
    { provider: "gcp", region: "asia-northeast2", place: "Osaka", countryIso2: "JP", lookupKey: "JP", electricityMapsZone: "JP-KN", year: 2024, gramsPerKwh: 483.73, source: "ember-2025-08" },
    { provider: "gcp", region: "asia-northeast3", place: "Seoul", countryIso2: "KR", lookupKey: "KR", electricityMapsZone: "KR", year: 2024, gramsPerKwh: 415.65, source: "ember-2025-08" },
    { provider: "gcp", region: "asia-south1", place: "Mumbai", countryIso2: "IN", lookupKey: "IN-MH", electricityMapsZone: "IN-WE", year: 2024, gramsPerKwh: 658.97, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "asia-south2", place: "Delhi", countryIso2: "IN", lookupKey: "IN-DL", electricityMapsZone: "IN-NO", year: 2024, gramsPerKwh: 421.04, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "asia-southeast1", place: "Singapore", countryIso2: "SG", lookupKey: "SG", electricityMapsZone: "SG", year: 2024, gramsPerKwh: 498.74, source: "ember-2025-08" },
    { provider: "gcp", region: "asia-southeast2", place: "Jakarta", countryIso2: "ID", lookupKey: "ID", electricityMapsZone: "ID", year: 2023, gramsPerKwh: 682.43, source: "ember-2025-08" },
    { provider: "gcp", region: "asia-southeast3", place: "Bangkok", countryIso2: "TH", lookupKey: "TH", electricityMapsZone: "TH", year: 2024, gramsPerKwh: 555.43, source: "ember-2025-08" },
    { provider: "gcp", region: "australia-southeast1", place: "Sydney", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-NSW", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "gcp", region: "australia-southeast2", place: "Melbourne", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-VIC", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-central2", place: "Warsaw", countryIso2: "PL", lookupKey: "PL", electricityMapsZone: "PL", year: 2024, gramsPerKwh: 614.98, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-north1", place: "Finland", countryIso2: "FI", lookupKey: "FI", electricityMapsZone: "FI", year: 2024, gramsPerKwh: 72.25, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-north2", place: "Stockholm", countryIso2: "SE", lookupKey: "SE", electricityMapsZone: "SE-SE3", year: 2024, gramsPerKwh: 35.89, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-southwest1", place: "Madrid", countryIso2: "ES", lookupKey: "ES", electricityMapsZone: "ES", year: 2024, gramsPerKwh: 146.15, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west1", place: "Belgium", countryIso2: "BE", lookupKey: "BE", electricityMapsZone: "BE", year: 2024, gramsPerKwh: 117.58, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west10", place: "Berlin", countryIso2: "DE", lookupKey: "DE", electricityMapsZone: "DE", year: 2024, gramsPerKwh: 342.06, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west12", place: "Turin", countryIso2: "IT", lookupKey: "IT", electricityMapsZone: "IT-NO", year: 2024, gramsPerKwh: 287.75, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west2", place: "London", countryIso2: "GB", lookupKey: "GB", electricityMapsZone: "GB", year: 2024, gramsPerKwh: 215.79, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west3", place: "Frankfurt", countryIso2: "DE", lookupKey: "DE", electricityMapsZone: "DE", year: 2024, gramsPerKwh: 342.06, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west4", place: "Eemshaven", countryIso2: "NL", lookupKey: "NL", electricityMapsZone: "NL", year: 2024, gramsPerKwh: 252.7, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west6", place: "Z\u00fcrich", countryIso2: "CH", lookupKey: "CH", electricityMapsZone: "CH", year: 2024, gramsPerKwh: 36.72, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west8", place: "Milan", countryIso2: "IT", lookupKey: "IT", electricityMapsZone: "IT-NO", year: 2024, gramsPerKwh: 287.75, source: "ember-2025-08" },
    { provider: "gcp", region: "europe-west9", place: "Paris", countryIso2: "FR", lookupKey: "FR", electricityMapsZone: "FR", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { provider: "gcp", region: "me-central1", place: "Doha", countryIso2: "QA", lookupKey: "QA", electricityMapsZone: "QA", year: 2024, gramsPerKwh: 602.83, source: "ember-2025-08" },
    { provider: "gcp", region: "me-central2", place: "Dammam", countryIso2: "SA", lookupKey: "SA", electricityMapsZone: "SA", year: 2024, gramsPerKwh: 691.95, source: "ember-2025-08" },
    { provider: "gcp", region: "me-west1", place: "Tel Aviv", countryIso2: "IL", lookupKey: "IL", electricityMapsZone: "IL", year: 2023, gramsPerKwh: 567.26, source: "ember-2025-08" },
    { provider: "gcp", region: "northamerica-northeast1", place: "Montr\u00e9al", countryIso2: "CA", lookupKey: "CA", electricityMapsZone: "CA-QC", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { provider: "gcp", region: "northamerica-northeast2", place: "Toronto", countryIso2: "CA", lookupKey: "CA", electricityMapsZone: "CA-ON", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { provider: "gcp", region: "northamerica-south1", place: "Mexico", countryIso2: "MX", lookupKey: "MX", electricityMapsZone: "MX", year: 2024, gramsPerKwh: 483.14, source: "ember-2025-08" },
    { provider: "gcp", region: "southamerica-east1", place: "S\u0101o Paulo", countryIso2: "BR", lookupKey: "BR", electricityMapsZone: "BR-CS", year: 2024, gramsPerKwh: 106.06, source: "ember-2025-08" },
    { provider: "gcp", region: "southamerica-west1", place: "Santiago", countryIso2: "CL", lookupKey: "CL", electricityMapsZone: "CL-SEN", year: 2024, gramsPerKwh: 265.52, source: "ember-2025-08" },
    { provider: "gcp", region: "us-central1", place: "Iowa", countryIso2: "US", lookupKey: "US-IA", electricityMapsZone: "US-CENT-SWPP", year: 2024, gramsPerKwh: 241.74, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-central2", place: "Oklahoma", countryIso2: "US", lookupKey: "US-OK", electricityMapsZone: null, year: 2024, gramsPerKwh: 306.25, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-east1", place: "South Carolina", countryIso2: "US", lookupKey: "US-SC", electricityMapsZone: "US-CAR-SCEG", year: 2024, gramsPerKwh: 260.55, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-east2", place: "Georgia", countryIso2: "US", lookupKey: "US-GA", electricityMapsZone: null, year: 2024, gramsPerKwh: 323.19, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-east4", place: "Northern Virginia", countryIso2: "US", lookupKey: "US-VA", electricityMapsZone: "US-MIDA-PJM", year: 2024, gramsPerKwh: 321.47, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-east5", place: "Columbus", countryIso2: "US", lookupKey: "US-OH", electricityMapsZone: "US-MIDA-PJM", year: 2024, gramsPerKwh: 475.04, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-south1", place: "Dallas", countryIso2: "US", lookupKey: "US-TX", electricityMapsZone: "US-TEX-ERCO", year: 2024, gramsPerKwh: 355.4, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-west1", place: "Oregon", countryIso2: "US", lookupKey: "US-OR", electricityMapsZone: "US-NW-PACW", year: 2024, gramsPerKwh: 203.66, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-west2", place: "Los Angeles", countryIso2: "US", lookupKey: "US-CA", electricityMapsZone: "US-CAL-CISO", year: 2024, gramsPerKwh: 199.67, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-west3", place: "Salt Lake City", countryIso2: "US", lookupKey: "US-UT", electricityMapsZone: "US-NW-PACE", year: 2024, gramsPerKwh: 539.56, source: "ember-subnational-2025-05" },
    { provider: "gcp", region: "us-west4", place: "Las Vegas", countryIso2: "US", lookupKey: "US-NV", electricityMapsZone: "US-NW-NEVP", year: 2024, gramsPerKwh: 314.87, source: "ember-subnational-2025-05" },
    { provider: "ovh", region: "au-sydney", place: "Sydney", countryIso2: "AU", lookupKey: "AU", electricityMapsZone: "AU-NSW", year: 2024, gramsPerKwh: 553.76, source: "ember-2025-08" },
    { provider: "ovh", region: "ca-beauharnois", place: "Beauharnois", countryIso2: "CA", lookupKey: "CA", electricityMapsZone: "CA-QC", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { provider: "ovh", region: "ca-toronto", place: "Toronto", countryIso2: "CA", lookupKey: "CA", electricityMapsZone: "CA-ON", year: 2024, gramsPerKwh: 184.99, source: "ember-2025-08" },
    { provider: "ovh", region: "de-frankfurt", place: "Frankfurt", countryIso2: "DE", lookupKey: "DE", electricityMapsZone: "DE", year: 2024, gramsPerKwh: 342.06, source: "ember-2025-08" },
    { provider: "ovh", region: "fr-gravelines", place: "Gravelines", countryIso2: "FR", lookupKey: "FR", electricityMapsZone: "FR", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { provider: "ovh", region: "fr-paris", place: "Paris", countryIso2: "FR", lookupKey: "FR", electricityMapsZone: "FR", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { provider: "ovh", region: "fr-roubaix", place: "Roubaix", countryIso2: "FR", lookupKey: "FR", electricityMapsZone: "FR", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { provider: "ovh", region: "fr-strasbourg", place: "Strasbourg", countryIso2: "FR", lookupKey: "FR", electricityMapsZone: "FR", year: 2024, gramsPerKwh: 44.18, source: "ember-2025-08" },
    { provider: "ovh", region: "gb-london", place: "London", countryIso2: "GB", lookupKey: "GB", electricityMapsZone: "GB", year: 2024, gramsPerKwh: 215.79, source: "ember-2025-08" },
    { provider: "ovh", region: "ie-dublin", place: "Dublin", countryIso2: "IE", lookupKey: "IE", electricityMapsZone: "IE", year: 2024, gramsPerKwh: 279.79, source: "ember-2025-08" },
    { provider: "ovh", region: "in-mumbai", place: "Mumbai", countryIso2: "IN", lookupKey: "IN-MH", electricityMapsZone: "IN-WE", year: 2024, gramsPerKwh: 658.97, source: "ember-subnational-2025-05" },
    { provider: "ovh", region: "pl-warsaw", place: "Warsaw", countryIso2: "PL", lookupKey: "PL", electricityMapsZone: "PL", year: 2024, gramsPerKwh: 614.98, source: "ember-2025-08" },
    { provider: "ovh", region: "sg-singapore", place: "Singapore", countryIso2: "SG", lookupKey: "SG", electricityMapsZone: "SG", year: 2024, gramsPerKwh: 498.74, source: "ember-2025-08" },
    { provider: "ovh", region: "us-hillsboro", place: "Hillsboro", countryIso2: "US", lookupKey: "US-OR", electricityMapsZone: "US-NW-BPAT", year: 2024, gramsPerKwh: 203.66, source: "ember-subnational-2025-05" },
    { provider: "ovh", region: "us-vint_hill", place: "Vint Hill", countryIso2: "US", lookupKey: "US-VA", electricityMapsZone: "US-MIDA-PJM", year: 2024, gramsPerKwh: 321.47, source: "ember-subnational-2025-05" },
];

;// CONCATENATED MODULE: ./src/data/electricity-maps.ts
/** 352 rows. */
// prettier-ignore
const ELECTRICITY_MAPS_ZONES = [
    { zone: "AE", altZone: null, name: "United Arab Emirates", countryIso2: "AE", year: 2025, gramsPerKwh: 348, source: "electricitymaps-2025" },
    { zone: "AF", altZone: null, name: "Afghanistan", countryIso2: "AF", year: 2025, gramsPerKwh: 120, source: "electricitymaps-2025" },
    { zone: "AG", altZone: null, name: "Antigua and Barbuda", countryIso2: "AG", year: 2025, gramsPerKwh: 665, source: "electricitymaps-2025" },
    { zone: "AL", altZone: null, name: "Albania", countryIso2: "AL", year: 2025, gramsPerKwh: 69, source: "electricitymaps-2025" },
    { zone: "AM", altZone: null, name: "Armenia", countryIso2: "AM", year: 2025, gramsPerKwh: 194, source: "electricitymaps-2025" },
    { zone: "AO", altZone: null, name: "Angola", countryIso2: "AO", year: 2025, gramsPerKwh: 213, source: "electricitymaps-2025" },
    { zone: "AR", altZone: null, name: "Argentina", countryIso2: "AR", year: 2025, gramsPerKwh: 313, source: "electricitymaps-2025" },
    { zone: "AT", altZone: null, name: "Austria", countryIso2: "AT", year: 2025, gramsPerKwh: 163, source: "electricitymaps-2025" },
    { zone: "AU", altZone: null, name: "Australia", countryIso2: "AU", year: 2025, gramsPerKwh: 474, source: "electricitymaps-2025" },
    { zone: "AU-NSW", altZone: null, name: "New South Wales", countryIso2: "AU", year: 2025, gramsPerKwh: 525, source: "electricitymaps-2025" },
    { zone: "AU-NT", altZone: null, name: "Northern Territory", countryIso2: "AU", year: 2025, gramsPerKwh: 503, source: "electricitymaps-2025" },
    { zone: "AU-QLD", altZone: null, name: "Queensland", countryIso2: "AU", year: 2025, gramsPerKwh: 577, source: "electricitymaps-2025" },
    { zone: "AU-SA", altZone: null, name: "South Australia", countryIso2: "AU", year: 2025, gramsPerKwh: 170, source: "electricitymaps-2025" },
    { zone: "AU-TAS", altZone: null, name: "Tasmania", countryIso2: "AU", year: 2025, gramsPerKwh: 69, source: "electricitymaps-2025" },
    { zone: "AU-TAS-FI", altZone: null, name: "Flinders Island", countryIso2: "AU", year: 2025, gramsPerKwh: 224, source: "electricitymaps-2025" },
    { zone: "AU-TAS-KI", altZone: null, name: "King Island", countryIso2: "AU", year: 2025, gramsPerKwh: 471, source: "electricitymaps-2025" },
    { zone: "AU-VIC", altZone: null, name: "Victoria", countryIso2: "AU", year: 2025, gramsPerKwh: 474, source: "electricitymaps-2025" },
    { zone: "AU-WA", altZone: null, name: "Western Australia", countryIso2: "AU", year: 2025, gramsPerKwh: 395, source: "electricitymaps-2025" },
    { zone: "AU-WA-RI", altZone: null, name: "Rottnest Island", countryIso2: "AU", year: 2025, gramsPerKwh: 494, source: "electricitymaps-2025" },
    { zone: "AW", altZone: null, name: "Aruba", countryIso2: "AW", year: 2025, gramsPerKwh: 545, source: "electricitymaps-2025" },
    { zone: "AX", altZone: null, name: "\u00c5land Islands", countryIso2: "AX", year: 2025, gramsPerKwh: 17, source: "electricitymaps-2025" },
    { zone: "AZ", altZone: null, name: "Azerbaijan", countryIso2: "AZ", year: 2025, gramsPerKwh: 420, source: "electricitymaps-2025" },
    { zone: "BA", altZone: null, name: "Bosnia and Herzegovina", countryIso2: "BA", year: 2025, gramsPerKwh: 462, source: "electricitymaps-2025" },
    { zone: "BB", altZone: null, name: "Barbados", countryIso2: "BB", year: 2025, gramsPerKwh: 636, source: "electricitymaps-2025" },
    { zone: "BD", altZone: null, name: "Bangladesh", countryIso2: "BD", year: 2025, gramsPerKwh: 630, source: "electricitymaps-2025" },
    { zone: "BE", altZone: null, name: "Belgium", countryIso2: "BE", year: 2025, gramsPerKwh: 180, source: "electricitymaps-2025" },
    { zone: "BF", altZone: null, name: "Burkina Faso", countryIso2: "BF", year: 2025, gramsPerKwh: 545, source: "electricitymaps-2025" },
    { zone: "BG", altZone: null, name: "Bulgaria", countryIso2: "BG", year: 2025, gramsPerKwh: 365, source: "electricitymaps-2025" },
    { zone: "BH", altZone: null, name: "Bahrain", countryIso2: "BH", year: 2025, gramsPerKwh: 488, source: "electricitymaps-2025" },
    { zone: "BI", altZone: null, name: "Burundi", countryIso2: "BI", year: 2025, gramsPerKwh: 241, source: "electricitymaps-2025" },
    { zone: "BJ", altZone: null, name: "Benin", countryIso2: "BJ", year: 2025, gramsPerKwh: 502, source: "electricitymaps-2025" },
    { zone: "BN", altZone: null, name: "Brunei", countryIso2: "BN", year: 2025, gramsPerKwh: 562, source: "electricitymaps-2025" },
    { zone: "BO", altZone: null, name: "Bolivia", countryIso2: "BO", year: 2025, gramsPerKwh: 327, source: "electricitymaps-2025" },
    { zone: "BR", altZone: null, name: "Brazil", countryIso2: "BR", year: 2025, gramsPerKwh: 98, source: "electricitymaps-2025" },
    { zone: "BR-CS", altZone: null, name: "Central Brazil", countryIso2: "BR", year: 2025, gramsPerKwh: 106, source: "electricitymaps-2025" },
    { zone: "BR-N", altZone: null, name: "North Brazil", countryIso2: "BR", year: 2025, gramsPerKwh: 154, source: "electricitymaps-2025" },
    { zone: "BR-NE", altZone: null, name: "North-East Brazil", countryIso2: "BR", year: 2025, gramsPerKwh: 47, source: "electricitymaps-2025" },
    { zone: "BR-S", altZone: null, name: "South Brazil", countryIso2: "BR", year: 2025, gramsPerKwh: 89, source: "electricitymaps-2025" },
    { zone: "BS", altZone: null, name: "Bahamas", countryIso2: "BS", year: 2025, gramsPerKwh: 692, source: "electricitymaps-2025" },
    { zone: "BT", altZone: null, name: "Bhutan", countryIso2: "BT", year: 2025, gramsPerKwh: 60, source: "electricitymaps-2025" },
    { zone: "BW", altZone: null, name: "Botswana", countryIso2: "BW", year: 2025, gramsPerKwh: 814, source: "electricitymaps-2025" },
    { zone: "BY", altZone: null, name: "Belarus", countryIso2: "BY", year: 2025, gramsPerKwh: 285, source: "electricitymaps-2025" },
    { zone: "BZ", altZone: null, name: "Belize", countryIso2: "BZ", year: 2025, gramsPerKwh: 161, source: "electricitymaps-2025" },
    { zone: "CA", altZone: null, name: "Canada", countryIso2: "CA", year: 2025, gramsPerKwh: 136, source: "electricitymaps-2025" },
    { zone: "CA-AB", altZone: null, name: "Alberta", countryIso2: "CA", year: 2025, gramsPerKwh: 385, source: "electricitymaps-2025" },
    { zone: "CA-BC", altZone: null, name: "British Columbia", countryIso2: "CA", year: 2025, gramsPerKwh: 71, source: "electricitymaps-2025" },
    { zone: "CA-MB", altZone: null, name: "Manitoba", countryIso2: "CA", year: 2025, gramsPerKwh: 74, source: "electricitymaps-2025" },
    { zone: "CA-NB", altZone: null, name: "New Brunswick", countryIso2: "CA", year: 2025, gramsPerKwh: 161, source: "electricitymaps-2025" },
    { zone: "CA-NL", altZone: null, name: "Newfoundland and Labrador", countryIso2: "CA", year: 2025, gramsPerKwh: 26, source: "electricitymaps-2025" },
    { zone: "CA-NS", altZone: null, name: "Nova Scotia", countryIso2: "CA", year: 2025, gramsPerKwh: 374, source: "electricitymaps-2025" },
    { zone: "CA-NT", altZone: null, name: "Northwest Territories", countryIso2: "CA", year: 2025, gramsPerKwh: 91, source: "electricitymaps-2025" },
    { zone: "CA-NU", altZone: null, name: "Nunavut", countryIso2: "CA", year: 2025, gramsPerKwh: 649, source: "electricitymaps-2025" },
    { zone: "CA-ON", altZone: null, name: "Ontario", countryIso2: "CA", year: 2025, gramsPerKwh: 111, source: "electricitymaps-2025" },
    { zone: "CA-PE", altZone: null, name: "Prince Edward Island", countryIso2: "CA", year: 2025, gramsPerKwh: 28, source: "electricitymaps-2025" },
    { zone: "CA-QC", altZone: null, name: "Qu\u00e9bec", countryIso2: "CA", year: 2025, gramsPerKwh: 41, source: "electricitymaps-2025" },
    { zone: "CA-SK", altZone: null, name: "Saskatchewan", countryIso2: "CA", year: 2025, gramsPerKwh: 485, source: "electricitymaps-2025" },
    { zone: "CA-YT", altZone: null, name: "Yukon", countryIso2: "CA", year: 2025, gramsPerKwh: 216, source: "electricitymaps-2025" },
    { zone: "CD", altZone: null, name: "Democratic Republic of the Congo", countryIso2: "CD", year: 2025, gramsPerKwh: 82, source: "electricitymaps-2025" },
    { zone: "CF", altZone: null, name: "Central African Republic", countryIso2: "CF", year: 2025, gramsPerKwh: 24, source: "electricitymaps-2025" },
    { zone: "CG", altZone: null, name: "Congo", countryIso2: "CG", year: 2025, gramsPerKwh: 379, source: "electricitymaps-2025" },
    { zone: "CH", altZone: null, name: "Switzerland", countryIso2: "CH", year: 2025, gramsPerKwh: 50, source: "electricitymaps-2025" },
    { zone: "CI", altZone: null, name: "Ivory Coast", countryIso2: "CI", year: 2025, gramsPerKwh: 401, source: "electricitymaps-2025" },
    { zone: "CL-SEN", altZone: null, name: "Sistema El\u00e9ctrico Nacional", countryIso2: "CL", year: 2025, gramsPerKwh: 259, source: "electricitymaps-2025" },
    { zone: "CM", altZone: null, name: "Cameroon", countryIso2: "CM", year: 2025, gramsPerKwh: 181, source: "electricitymaps-2025" },
    { zone: "CN", altZone: null, name: "China", countryIso2: "CN", year: 2025, gramsPerKwh: 485, source: "electricitymaps-2025" },
    { zone: "CO", altZone: null, name: "Colombia", countryIso2: "CO", year: 2025, gramsPerKwh: 102, source: "electricitymaps-2025" },
    { zone: "CR", altZone: null, name: "Costa Rica", countryIso2: "CR", year: 2025, gramsPerKwh: 36, source: "electricitymaps-2025" },
    { zone: "CU", altZone: null, name: "Cuba", countryIso2: "CU", year: 2025, gramsPerKwh: 609, source: "electricitymaps-2025" },
    { zone: "CV", altZone: null, name: "Cabo Verde", countryIso2: "CV", year: 2025, gramsPerKwh: 486, source: "electricitymaps-2025" },
    { zone: "CW", altZone: null, name: "Cura\u00e7ao", countryIso2: "CW", year: 2025, gramsPerKwh: 517, source: "electricitymaps-2025" },
    { zone: "CY", altZone: null, name: "Cyprus", countryIso2: "CY", year: 2025, gramsPerKwh: 838, source: "electricitymaps-2025" },
    { zone: "CZ", altZone: null, name: "Czechia", countryIso2: "CZ", year: 2025, gramsPerKwh: 439, source: "electricitymaps-2025" },
    { zone: "DE", altZone: null, name: "Germany", countryIso2: "DE", year: 2025, gramsPerKwh: 342, source: "electricitymaps-2025" },
    { zone: "DJ", altZone: null, name: "Djibouti", countryIso2: "DJ", year: 2025, gramsPerKwh: 434, source: "electricitymaps-2025" },
    { zone: "DK", altZone: null, name: "Denmark", countryIso2: "DK", year: 2025, gramsPerKwh: 123, source: "electricitymaps-2025" },
    { zone: "DK-BHM", altZone: null, name: "Bornholm", countryIso2: "DK", year: 2025, gramsPerKwh: 101, source: "electricitymaps-2025" },
    { zone: "DK-DK1", altZone: null, name: "West Denmark", countryIso2: "DK", year: 2025, gramsPerKwh: 112, source: "electricitymaps-2025" },
    { zone: "DK-DK2", altZone: null, name: "East Denmark", countryIso2: "DK", year: 2025, gramsPerKwh: 144, source: "electricitymaps-2025" },
    { zone: "DM", altZone: null, name: "Dominica", countryIso2: "DM", year: 2025, gramsPerKwh: 613, source: "electricitymaps-2025" },
    { zone: "DO", altZone: null, name: "Dominican Republic", countryIso2: "DO", year: 2025, gramsPerKwh: 527, source: "electricitymaps-2025" },
    { zone: "DZ", altZone: null, name: "Algeria", countryIso2: "DZ", year: 2025, gramsPerKwh: 487, source: "electricitymaps-2025" },
    { zone: "EC", altZone: null, name: "Ecuador", countryIso2: "EC", year: 2025, gramsPerKwh: 209, source: "electricitymaps-2025" },
    { zone: "EE", altZone: null, name: "Estonia", countryIso2: "EE", year: 2025, gramsPerKwh: 243, source: "electricitymaps-2025" },
    { zone: "EG", altZone: null, name: "Egypt", countryIso2: "EG", year: 2025, gramsPerKwh: 442, source: "electricitymaps-2025" },
    { zone: "ER", altZone: null, name: "Eritrea", countryIso2: "ER", year: 2025, gramsPerKwh: 607, source: "electricitymaps-2025" },
    { zone: "ES", altZone: null, name: "Spain", countryIso2: "ES", year: 2025, gramsPerKwh: 136, source: "electricitymaps-2025" },
    { zone: "ES-CE", altZone: null, name: "Ceuta", countryIso2: "ES", year: 2025, gramsPerKwh: 649, source: "electricitymaps-2025" },
    { zone: "ES-CN-FV", altZone: null, name: "Fuerteventura", countryIso2: "ES", year: 2025, gramsPerKwh: 748, source: "electricitymaps-2025" },
    { zone: "ES-CN-GC", altZone: null, name: "Gran Canaria", countryIso2: "ES", year: 2025, gramsPerKwh: 683, source: "electricitymaps-2025" },
    { zone: "ES-CN-HI", altZone: null, name: "El Hierro", countryIso2: "ES", year: 2025, gramsPerKwh: 504, source: "electricitymaps-2025" },
    { zone: "ES-CN-IG", altZone: null, name: "Isla de la Gomera", countryIso2: "ES", year: 2025, gramsPerKwh: 830, source: "electricitymaps-2025" },
    { zone: "ES-CN-LP", altZone: null, name: "La Palma", countryIso2: "ES", year: 2025, gramsPerKwh: 843, source: "electricitymaps-2025" },
    { zone: "ES-CN-LZ", altZone: null, name: "Lanzarote", countryIso2: "ES", year: 2025, gramsPerKwh: 793, source: "electricitymaps-2025" },
    { zone: "ES-CN-TE", altZone: null, name: "Tenerife", countryIso2: "ES", year: 2025, gramsPerKwh: 761, source: "electricitymaps-2025" },
    { zone: "ES-IB-FO", altZone: null, name: "Formentera", countryIso2: "ES", year: 2025, gramsPerKwh: 487, source: "electricitymaps-2025" },
    { zone: "ES-IB-IZ", altZone: null, name: "Ibiza", countryIso2: "ES", year: 2025, gramsPerKwh: 504, source: "electricitymaps-2025" },
    { zone: "ES-IB-MA", altZone: null, name: "Mallorca", countryIso2: "ES", year: 2025, gramsPerKwh: 399, source: "electricitymaps-2025" },
    { zone: "ES-IB-ME", altZone: null, name: "Menorca", countryIso2: "ES", year: 2025, gramsPerKwh: 799, source: "electricitymaps-2025" },
    { zone: "ES-ML", altZone: null, name: "Melilla", countryIso2: "ES", year: 2025, gramsPerKwh: 617, source: "electricitymaps-2025" },
    { zone: "ET", altZone: null, name: "Ethiopia", countryIso2: "ET", year: 2025, gramsPerKwh: 84, source: "electricitymaps-2025" },
    { zone: "FI", altZone: null, name: "Finland", countryIso2: "FI", year: 2025, gramsPerKwh: 68, source: "electricitymaps-2025" },
    { zone: "FJ", altZone: null, name: "Fiji", countryIso2: "FJ", year: 2025, gramsPerKwh: 291, source: "electricitymaps-2025" },
    { zone: "FK", altZone: null, name: "Falkland Islands", countryIso2: "FK", year: 2025, gramsPerKwh: 700, source: "electricitymaps-2025" },
    { zone: "FM", altZone: null, name: "Micronesia", countryIso2: "FM", year: 2025, gramsPerKwh: 590, source: "electricitymaps-2025" },
    { zone: "FO", altZone: null, name: "Faroe Islands", countryIso2: "FO", year: 2025, gramsPerKwh: 549, source: "electricitymaps-2025" },
    { zone: "FO-MI", altZone: null, name: "Main Islands", countryIso2: "FO", year: 2025, gramsPerKwh: 546, source: "electricitymaps-2025" },
    { zone: "FO-SI", altZone: null, name: "South Island", countryIso2: "FO", year: 2025, gramsPerKwh: 594, source: "electricitymaps-2025" },
    { zone: "FR", altZone: null, name: "France", countryIso2: "FR", year: 2025, gramsPerKwh: 31, source: "electricitymaps-2025" },
    { zone: "FR-COR", altZone: null, name: "Corsica", countryIso2: "FR", year: 2025, gramsPerKwh: 546, source: "electricitymaps-2025" },
    { zone: "GA", altZone: null, name: "Gabon", countryIso2: "GA", year: 2025, gramsPerKwh: 325, source: "electricitymaps-2025" },
    { zone: "GB", altZone: null, name: "Great Britain", countryIso2: "GB", year: 2025, gramsPerKwh: 176, source: "electricitymaps-2025" },
    { zone: "GB-NIR", altZone: null, name: "Northern Ireland", countryIso2: "GB", year: 2025, gramsPerKwh: 280, source: "electricitymaps-2025" },
    { zone: "GB-ORK", altZone: null, name: "Orkney Islands", countryIso2: "GB", year: 2025, gramsPerKwh: 57, source: "electricitymaps-2025" },
    { zone: "GE", altZone: null, name: "Georgia", countryIso2: "GE", year: 2025, gramsPerKwh: 168, source: "electricitymaps-2025" },
    { zone: "GF", altZone: null, name: "French Guiana", countryIso2: "GF", year: 2025, gramsPerKwh: 442, source: "electricitymaps-2025" },
    { zone: "GH", altZone: null, name: "Ghana", countryIso2: "GH", year: 2025, gramsPerKwh: 339, source: "electricitymaps-2025" },
    { zone: "GI", altZone: null, name: "Gibraltar", countryIso2: "GI", year: 2025, gramsPerKwh: 506, source: "electricitymaps-2025" },
    { zone: "GL", altZone: null, name: "Greenland", countryIso2: "GL", year: 2025, gramsPerKwh: 103, source: "electricitymaps-2025" },
    { zone: "GM", altZone: null, name: "Gambia", countryIso2: "GM", year: 2025, gramsPerKwh: 700, source: "electricitymaps-2025" },
    { zone: "GN", altZone: null, name: "Guinea", countryIso2: "GN", year: 2025, gramsPerKwh: 188, source: "electricitymaps-2025" },
    { zone: "GP", altZone: null, name: "Guadeloupe", countryIso2: "GP", year: 2025, gramsPerKwh: 487, source: "electricitymaps-2025" },
    { zone: "GQ", altZone: null, name: "Equatorial Guinea", countryIso2: "GQ", year: 2025, gramsPerKwh: 365, source: "electricitymaps-2025" },
    { zone: "GR", altZone: null, name: "Greece", countryIso2: "GR", year: 2025, gramsPerKwh: 296, source: "electricitymaps-2025" },
    { zone: "GS", altZone: null, name: "South Georgia and the South Sandwich Islands", countryIso2: "GS", year: 2025, gramsPerKwh: 28, source: "electricitymaps-2025" },
    { zone: "GT", altZone: null, name: "Guatemala", countryIso2: "GT", year: 2025, gramsPerKwh: 359, source: "electricitymaps-2025" },
    { zone: "GU", altZone: null, name: "Guam", countryIso2: "GU", year: 2025, gramsPerKwh: 639, source: "electricitymaps-2025" },
    { zone: "GW", altZone: null, name: "Guinea-Bissau", countryIso2: "GW", year: 2025, gramsPerKwh: 700, source: "electricitymaps-2025" },
    { zone: "GY", altZone: null, name: "Guyana", countryIso2: "GY", year: 2025, gramsPerKwh: 653, source: "electricitymaps-2025" },
    { zone: "HK", altZone: null, name: "Hong Kong", countryIso2: "HK", year: 2025, gramsPerKwh: 590, source: "electricitymaps-2025" },
    { zone: "HN", altZone: null, name: "Honduras", countryIso2: "HN", year: 2025, gramsPerKwh: 316, source: "electricitymaps-2025" },
    { zone: "HR", altZone: null, name: "Croatia", countryIso2: "HR", year: 2025, gramsPerKwh: 221, source: "electricitymaps-2025" },
    { zone: "HT", altZone: null, name: "Haiti", countryIso2: "HT", year: 2025, gramsPerKwh: 515, source: "electricitymaps-2025" },
    { zone: "HU", altZone: null, name: "Hungary", countryIso2: "HU", year: 2025, gramsPerKwh: 219, source: "electricitymaps-2025" },
    { zone: "ID", altZone: null, name: "Indonesia", countryIso2: "ID", year: 2025, gramsPerKwh: 667, source: "electricitymaps-2025" },
    { zone: "IE", altZone: null, name: "Ireland", countryIso2: "IE", year: 2025, gramsPerKwh: 301, source: "electricitymaps-2025" },
    { zone: "IL", altZone: null, name: "Israel", countryIso2: "IL", year: 2025, gramsPerKwh: 475, source: "electricitymaps-2025" },
    { zone: "IN", altZone: null, name: "Mainland India", countryIso2: "IN", year: 2025, gramsPerKwh: 593, source: "electricitymaps-2025" },
    { zone: "IN-EA", altZone: null, name: "Eastern India", countryIso2: "IN", year: 2025, gramsPerKwh: 740, source: "electricitymaps-2025" },
    { zone: "IN-NE", altZone: null, name: "North Eastern India", countryIso2: "IN", year: 2025, gramsPerKwh: 401, source: "electricitymaps-2025" },
    { zone: "IN-NO", altZone: null, name: "Northern India", countryIso2: "IN", year: 2025, gramsPerKwh: 508, source: "electricitymaps-2025" },
    { zone: "IN-SO", altZone: null, name: "Southern India", countryIso2: "IN", year: 2025, gramsPerKwh: 489, source: "electricitymaps-2025" },
    { zone: "IN-WE", altZone: null, name: "Western India", countryIso2: "IN", year: 2025, gramsPerKwh: 653, source: "electricitymaps-2025" },
    { zone: "IQ", altZone: null, name: "Iraq", countryIso2: "IQ", year: 2025, gramsPerKwh: 563, source: "electricitymaps-2025" },
    { zone: "IR", altZone: null, name: "Iran", countryIso2: "IR", year: 2025, gramsPerKwh: 489, source: "electricitymaps-2025" },
    { zone: "IS", altZone: null, name: "Iceland", countryIso2: "IS", year: 2025, gramsPerKwh: 28, source: "electricitymaps-2025" },
    { zone: "IT", altZone: null, name: "Italy", countryIso2: "IT", year: 2025, gramsPerKwh: 286, source: "electricitymaps-2025" },
    { zone: "IT-CNO", altZone: null, name: "Central North Italy", countryIso2: "IT", year: 2025, gramsPerKwh: 251, source: "electricitymaps-2025" },
    { zone: "IT-CSO", altZone: null, name: "Central South Italy", countryIso2: "IT", year: 2025, gramsPerKwh: 297, source: "electricitymaps-2025" },
    { zone: "IT-NO", altZone: null, name: "North Italy", countryIso2: "IT", year: 2025, gramsPerKwh: 275, source: "electricitymaps-2025" },
    { zone: "IT-SAR", altZone: null, name: "Sardinia", countryIso2: "IT", year: 2025, gramsPerKwh: 488, source: "electricitymaps-2025" },
    { zone: "IT-SIC", altZone: null, name: "Sicily", countryIso2: "IT", year: 2025, gramsPerKwh: 280, source: "electricitymaps-2025" },
    { zone: "IT-SO", altZone: null, name: "South Italy", countryIso2: "IT", year: 2025, gramsPerKwh: 293, source: "electricitymaps-2025" },
    { zone: "JM", altZone: null, name: "Jamaica", countryIso2: "JM", year: 2025, gramsPerKwh: 489, source: "electricitymaps-2025" },
    { zone: "JO", altZone: null, name: "Jordan", countryIso2: "JO", year: 2025, gramsPerKwh: 424, source: "electricitymaps-2025" },
    { zone: "JP", altZone: null, name: "Japan", countryIso2: "JP", year: 2025, gramsPerKwh: 463, source: "electricitymaps-2025" },
    { zone: "JP-CB", altZone: null, name: "Ch\u016bbu", countryIso2: "JP", year: 2025, gramsPerKwh: 481, source: "electricitymaps-2025" },
    { zone: "JP-CG", altZone: null, name: "Ch\u016bgoku", countryIso2: "JP", year: 2025, gramsPerKwh: 487, source: "electricitymaps-2025" },
    { zone: "JP-HKD", altZone: null, name: "Hokkaid\u014d", countryIso2: "JP", year: 2025, gramsPerKwh: 457, source: "electricitymaps-2025" },
    { zone: "JP-HR", altZone: null, name: "Hokuriku", countryIso2: "JP", year: 2025, gramsPerKwh: 459, source: "electricitymaps-2025" },
    { zone: "JP-KN", altZone: null, name: "Kansai", countryIso2: "JP", year: 2025, gramsPerKwh: 370, source: "electricitymaps-2025" },
    { zone: "JP-KY", altZone: null, name: "Ky\u016bsh\u016b", countryIso2: "JP", year: 2025, gramsPerKwh: 307, source: "electricitymaps-2025" },
    { zone: "JP-ON", altZone: null, name: "Okinawa", countryIso2: "JP", year: 2025, gramsPerKwh: 590, source: "electricitymaps-2025" },
    { zone: "JP-SK", altZone: null, name: "Shikoku", countryIso2: "JP", year: 2025, gramsPerKwh: 493, source: "electricitymaps-2025" },
    { zone: "JP-TH", altZone: null, name: "T\u014dhoku", countryIso2: "JP", year: 2025, gramsPerKwh: 480, source: "electricitymaps-2025" },
    { zone: "JP-TK", altZone: null, name: "T\u014dky\u014d", countryIso2: "JP", year: 2025, gramsPerKwh: 535, source: "electricitymaps-2025" },
    { zone: "KE", altZone: null, name: "Kenya", countryIso2: "KE", year: 2025, gramsPerKwh: 206, source: "electricitymaps-2025" },
    { zone: "KG", altZone: null, name: "Kyrgyzstan", countryIso2: "KG", year: 2025, gramsPerKwh: 152, source: "electricitymaps-2025" },
    { zone: "KH", altZone: null, name: "Cambodia", countryIso2: "KH", year: 2025, gramsPerKwh: 476, source: "electricitymaps-2025" },
    { zone: "KM", altZone: null, name: "Comoros", countryIso2: "KM", year: 2025, gramsPerKwh: 700, source: "electricitymaps-2025" },
    { zone: "KP", altZone: null, name: "North Korea", countryIso2: "KP", year: 2025, gramsPerKwh: 335, source: "electricitymaps-2025" },
    { zone: "KR", altZone: null, name: "South Korea", countryIso2: "KR", year: 2025, gramsPerKwh: 423, source: "electricitymaps-2025" },
    { zone: "KW", altZone: null, name: "Kuwait", countryIso2: "KW", year: 2025, gramsPerKwh: 517, source: "electricitymaps-2025" },
    { zone: "KY", altZone: null, name: "Cayman Islands", countryIso2: "KY", year: 2025, gramsPerKwh: 681, source: "electricitymaps-2025" },
    { zone: "KZ", altZone: null, name: "Kazakhstan", countryIso2: "KZ", year: 2025, gramsPerKwh: 592, source: "electricitymaps-2025" },
    { zone: "LA", altZone: null, name: "Laos", countryIso2: "LA", year: 2025, gramsPerKwh: 248, source: "electricitymaps-2025" },
    { zone: "LB", altZone: null, name: "Lebanon", countryIso2: "LB", year: 2025, gramsPerKwh: 362, source: "electricitymaps-2025" },
    { zone: "LC", altZone: null, name: "Saint Lucia", countryIso2: "LC", year: 2025, gramsPerKwh: 683, source: "electricitymaps-2025" },
    { zone: "LK", altZone: null, name: "Sri Lanka", countryIso2: "LK", year: 2025, gramsPerKwh: 367, source: "electricitymaps-2025" },
    { zone: "LR", altZone: null, name: "Liberia", countryIso2: "LR", year: 2025, gramsPerKwh: 470, source: "electricitymaps-2025" },
    { zone: "LS", altZone: null, name: "Lesotho", countryIso2: "LS", year: 2025, gramsPerKwh: 24, source: "electricitymaps-2025" },
    { zone: "LT", altZone: null, name: "Lithuania", countryIso2: "LT", year: 2025, gramsPerKwh: 135, source: "electricitymaps-2025" },
    { zone: "LU", altZone: null, name: "Luxembourg", countryIso2: "LU", year: 2025, gramsPerKwh: 212, source: "electricitymaps-2025" },
    { zone: "LV", altZone: null, name: "Latvia", countryIso2: "LV", year: 2025, gramsPerKwh: 155, source: "electricitymaps-2025" },
    { zone: "LY", altZone: null, name: "Libya", countryIso2: "LY", year: 2025, gramsPerKwh: 530, source: "electricitymaps-2025" },
    { zone: "MA", altZone: null, name: "Morocco", countryIso2: "MA", year: 2025, gramsPerKwh: 516, source: "electricitymaps-2025" },
    { zone: "MD", altZone: null, name: "Moldova", countryIso2: "MD", year: 2025, gramsPerKwh: 324, source: "electricitymaps-2025" },
    { zone: "ME", altZone: null, name: "Montenegro", countryIso2: "ME", year: 2025, gramsPerKwh: 356, source: "electricitymaps-2025" },
    { zone: "MG", altZone: null, name: "Madagascar", countryIso2: "MG", year: 2025, gramsPerKwh: 431, source: "electricitymaps-2025" },
    { zone: "MK", altZone: null, name: "North Macedonia", countryIso2: "MK", year: 2025, gramsPerKwh: 452, source: "electricitymaps-2025" },
    { zone: "ML", altZone: null, name: "Mali", countryIso2: "ML", year: 2025, gramsPerKwh: 410, source: "electricitymaps-2025" },
    { zone: "MM", altZone: null, name: "Myanmar", countryIso2: "MM", year: 2025, gramsPerKwh: 335, source: "electricitymaps-2025" },
    { zone: "MN", altZone: null, name: "Mongolia", countryIso2: "MN", year: 2025, gramsPerKwh: 744, source: "electricitymaps-2025" },
    { zone: "MO", altZone: null, name: "Macao", countryIso2: "MO", year: 2025, gramsPerKwh: 393, source: "electricitymaps-2025" },
    { zone: "MQ", altZone: null, name: "Martinique", countryIso2: "MQ", year: 2025, gramsPerKwh: 577, source: "electricitymaps-2025" },
    { zone: "MR", altZone: null, name: "Mauritania", countryIso2: "MR", year: 2025, gramsPerKwh: 522, source: "electricitymaps-2025" },
    { zone: "MT", altZone: null, name: "Malta", countryIso2: "MT", year: 2025, gramsPerKwh: 404, source: "electricitymaps-2025" },
    { zone: "MU", altZone: null, name: "Mauritius", countryIso2: "MU", year: 2025, gramsPerKwh: 621, source: "electricitymaps-2025" },
    { zone: "MV", altZone: null, name: "Maldives", countryIso2: "MV", year: 2025, gramsPerKwh: 648, source: "electricitymaps-2025" },
    { zone: "MW", altZone: null, name: "Malawi", countryIso2: "MW", year: 2025, gramsPerKwh: 60, source: "electricitymaps-2025" },
    { zone: "MX", altZone: null, name: "Mexico", countryIso2: "MX", year: 2025, gramsPerKwh: 385, source: "electricitymaps-2025" },
    { zone: "MY", altZone: null, name: "Malaysia", countryIso2: "MY", year: 2025, gramsPerKwh: 611, source: "electricitymaps-2025" },
    { zone: "MY-EM", altZone: null, name: "Borneo", countryIso2: "MY", year: 2025, gramsPerKwh: 517, source: "electricitymaps-2025" },
    { zone: "MY-WM", altZone: null, name: "Peninsula", countryIso2: "MY", year: 2025, gramsPerKwh: 651, source: "electricitymaps-2025" },
    { zone: "MZ", altZone: null, name: "Mozambique", countryIso2: "MZ", year: 2025, gramsPerKwh: 149, source: "electricitymaps-2025" },
    { zone: "NA", altZone: null, name: "Namibia", countryIso2: "NA", year: 2025, gramsPerKwh: 93, source: "electricitymaps-2025" },
    { zone: "NC", altZone: null, name: "New Caledonia", countryIso2: "NC", year: 2025, gramsPerKwh: 539, source: "electricitymaps-2025" },
    { zone: "NE", altZone: null, name: "Niger", countryIso2: "NE", year: 2025, gramsPerKwh: 650, source: "electricitymaps-2025" },
    { zone: "NG", altZone: null, name: "Nigeria", countryIso2: "NG", year: 2025, gramsPerKwh: 362, source: "electricitymaps-2025" },
    { zone: "NI", altZone: null, name: "Nicaragua", countryIso2: "NI", year: 2025, gramsPerKwh: 221, source: "electricitymaps-2025" },
    { zone: "NL", altZone: null, name: "Netherlands", countryIso2: "NL", year: 2025, gramsPerKwh: 253, source: "electricitymaps-2025" },
    { zone: "NO", altZone: null, name: "Norway", countryIso2: "NO", year: 2025, gramsPerKwh: 30, source: "electricitymaps-2025" },
    { zone: "NO-NO1", altZone: null, name: "Southeast Norway", countryIso2: "NO", year: 2025, gramsPerKwh: 24, source: "electricitymaps-2025" },
    { zone: "NO-NO2", altZone: null, name: "Southwest Norway", countryIso2: "NO", year: 2025, gramsPerKwh: 29, source: "electricitymaps-2025" },
    { zone: "NO-NO3", altZone: null, name: "Middle Norway", countryIso2: "NO", year: 2025, gramsPerKwh: 28, source: "electricitymaps-2025" },
    { zone: "NO-NO4", altZone: null, name: "North Norway", countryIso2: "NO", year: 2025, gramsPerKwh: 49, source: "electricitymaps-2025" },
    { zone: "NO-NO5", altZone: null, name: "West Norway", countryIso2: "NO", year: 2025, gramsPerKwh: 25, source: "electricitymaps-2025" },
    { zone: "NP", altZone: null, name: "Nepal", countryIso2: "NP", year: 2025, gramsPerKwh: 86, source: "electricitymaps-2025" },
    { zone: "NZ", altZone: null, name: "New Zealand", countryIso2: "NZ", year: 2025, gramsPerKwh: 90, source: "electricitymaps-2025" },
    { zone: "OM", altZone: null, name: "Oman", countryIso2: "OM", year: 2025, gramsPerKwh: 481, source: "electricitymaps-2025" },
    { zone: "PA", altZone: null, name: "Panama", countryIso2: "PA", year: 2025, gramsPerKwh: 148, source: "electricitymaps-2025" },
    { zone: "PE", altZone: null, name: "Peru", countryIso2: "PE", year: 2025, gramsPerKwh: 173, source: "electricitymaps-2025" },
    { zone: "PF", altZone: null, name: "French Polynesia", countryIso2: "PF", year: 2025, gramsPerKwh: 365, source: "electricitymaps-2025" },
    { zone: "PG", altZone: null, name: "Papua New Guinea", countryIso2: "PG", year: 2025, gramsPerKwh: 512, source: "electricitymaps-2025" },
    { zone: "PH", altZone: null, name: "Philippines", countryIso2: "PH", year: 2025, gramsPerKwh: 613, source: "electricitymaps-2025" },
    { zone: "PH-LU", altZone: null, name: "Luzon", countryIso2: "PH", year: 2025, gramsPerKwh: 632, source: "electricitymaps-2025" },
    { zone: "PH-MI", altZone: null, name: "Mindanao", countryIso2: "PH", year: 2025, gramsPerKwh: 545, source: "electricitymaps-2025" },
    { zone: "PH-VI", altZone: null, name: "Visayas", countryIso2: "PH", year: 2025, gramsPerKwh: 591, source: "electricitymaps-2025" },
    { zone: "PK", altZone: null, name: "Pakistan", countryIso2: "PK", year: 2025, gramsPerKwh: 268, source: "electricitymaps-2025" },
    { zone: "PL", altZone: null, name: "Poland", countryIso2: "PL", year: 2025, gramsPerKwh: 565, source: "electricitymaps-2025" },
    { zone: "PM", altZone: null, name: "Saint Pierre and Miquelon", countryIso2: "PM", year: 2025, gramsPerKwh: 700, source: "electricitymaps-2025" },
    { zone: "PR", altZone: null, name: "Puerto Rico", countryIso2: "PR", year: 2025, gramsPerKwh: 499, source: "electricitymaps-2025" },
    { zone: "PS", altZone: null, name: "State of Palestine", countryIso2: "PS", year: 2025, gramsPerKwh: 448, source: "electricitymaps-2025" },
    { zone: "PT", altZone: null, name: "Portugal", countryIso2: "PT", year: 2025, gramsPerKwh: 117, source: "electricitymaps-2025" },
    { zone: "PT-MA", altZone: null, name: "Madeira", countryIso2: "PT", year: 2025, gramsPerKwh: 633, source: "electricitymaps-2025" },
    { zone: "PW", altZone: null, name: "Palau", countryIso2: "PW", year: 2025, gramsPerKwh: 489, source: "electricitymaps-2025" },
    { zone: "PY", altZone: null, name: "Paraguay", countryIso2: "PY", year: 2025, gramsPerKwh: 25, source: "electricitymaps-2025" },
    { zone: "QA", altZone: null, name: "Qatar", countryIso2: "QA", year: 2025, gramsPerKwh: 490, source: "electricitymaps-2025" },
    { zone: "RE", altZone: null, name: "R\u00e9union", countryIso2: "RE", year: 2025, gramsPerKwh: 208, source: "electricitymaps-2025" },
    { zone: "RO", altZone: null, name: "Romania", countryIso2: "RO", year: 2025, gramsPerKwh: 300, source: "electricitymaps-2025" },
    { zone: "RS", altZone: null, name: "Serbia", countryIso2: "RS", year: 2025, gramsPerKwh: 528, source: "electricitymaps-2025" },
    { zone: "RU-1", altZone: null, name: "Europe-Ural", countryIso2: "RU", year: 2025, gramsPerKwh: 353, source: "electricitymaps-2025" },
    { zone: "RU-2", altZone: null, name: "Siberia", countryIso2: "RU", year: 2025, gramsPerKwh: 411, source: "electricitymaps-2025" },
    { zone: "RU-AS", altZone: null, name: "East", countryIso2: "RU", year: 2025, gramsPerKwh: 426, source: "electricitymaps-2025" },
    { zone: "RW", altZone: null, name: "Rwanda", countryIso2: "RW", year: 2025, gramsPerKwh: 351, source: "electricitymaps-2025" },
    { zone: "SA", altZone: null, name: "Saudi Arabia", countryIso2: "SA", year: 2025, gramsPerKwh: 552, source: "electricitymaps-2025" },
    { zone: "SB", altZone: null, name: "Solomon Islands", countryIso2: "SB", year: 2025, gramsPerKwh: 626, source: "electricitymaps-2025" },
    { zone: "SC", altZone: null, name: "Seychelles", countryIso2: "SC", year: 2025, gramsPerKwh: 593, source: "electricitymaps-2025" },
    { zone: "SD", altZone: null, name: "Sudan", countryIso2: "SD", year: 2025, gramsPerKwh: 194, source: "electricitymaps-2025" },
    { zone: "SE", altZone: null, name: "Sweden", countryIso2: "SE", year: 2025, gramsPerKwh: 21, source: "electricitymaps-2025" },
    { zone: "SE-SE1", altZone: null, name: "North Sweden", countryIso2: "SE", year: 2025, gramsPerKwh: 15, source: "electricitymaps-2025" },
    { zone: "SE-SE2", altZone: null, name: "North Central Sweden", countryIso2: "SE", year: 2025, gramsPerKwh: 15, source: "electricitymaps-2025" },
    { zone: "SE-SE3", altZone: null, name: "South Central Sweden", countryIso2: "SE", year: 2025, gramsPerKwh: 20, source: "electricitymaps-2025" },
    { zone: "SE-SE4", altZone: null, name: "South Sweden", countryIso2: "SE", year: 2025, gramsPerKwh: 37, source: "electricitymaps-2025" },
    { zone: "SG", altZone: null, name: "Singapore", countryIso2: "SG", year: 2025, gramsPerKwh: 483, source: "electricitymaps-2025" },
    { zone: "SI", altZone: null, name: "Slovenia", countryIso2: "SI", year: 2025, gramsPerKwh: 194, source: "electricitymaps-2025" },
    { zone: "SK", altZone: null, name: "Slovakia", countryIso2: "SK", year: 2025, gramsPerKwh: 232, source: "electricitymaps-2025" },
    { zone: "SL", altZone: null, name: "Sierra Leone", countryIso2: "SL", year: 2025, gramsPerKwh: 53, source: "electricitymaps-2025" },
    { zone: "SN", altZone: null, name: "Senegal", countryIso2: "SN", year: 2025, gramsPerKwh: 573, source: "electricitymaps-2025" },
    { zone: "SO", altZone: null, name: "Somalia", countryIso2: "SO", year: 2025, gramsPerKwh: 557, source: "electricitymaps-2025" },
    { zone: "SR", altZone: null, name: "Suriname", countryIso2: "SR", year: 2025, gramsPerKwh: 269, source: "electricitymaps-2025" },
    { zone: "SS", altZone: null, name: "South Sudan", countryIso2: "SS", year: 2025, gramsPerKwh: 611, source: "electricitymaps-2025" },
    { zone: "ST", altZone: null, name: "S\u00e3o Tom\u00e9 and Pr\u00edncipe", countryIso2: "ST", year: 2025, gramsPerKwh: 623, source: "electricitymaps-2025" },
    { zone: "SV", altZone: null, name: "El Salvador", countryIso2: "SV", year: 2025, gramsPerKwh: 239, source: "electricitymaps-2025" },
    { zone: "SY", altZone: null, name: "Syria", countryIso2: "SY", year: 2025, gramsPerKwh: 554, source: "electricitymaps-2025" },
    { zone: "SZ", altZone: null, name: "Eswatini", countryIso2: "SZ", year: 2025, gramsPerKwh: 146, source: "electricitymaps-2025" },
    { zone: "TD", altZone: null, name: "Chad", countryIso2: "TD", year: 2025, gramsPerKwh: 638, source: "electricitymaps-2025" },
    { zone: "TG", altZone: null, name: "Togo", countryIso2: "TG", year: 2025, gramsPerKwh: 384, source: "electricitymaps-2025" },
    { zone: "TH", altZone: null, name: "Thailand", countryIso2: "TH", year: 2025, gramsPerKwh: 485, source: "electricitymaps-2025" },
    { zone: "TJ", altZone: null, name: "Tajikistan", countryIso2: "TJ", year: 2025, gramsPerKwh: 72, source: "electricitymaps-2025" },
    { zone: "TL", altZone: null, name: "Timor-Leste", countryIso2: "TL", year: 2025, gramsPerKwh: 665, source: "electricitymaps-2025" },
    { zone: "TM", altZone: null, name: "Turkmenistan", countryIso2: "TM", year: 2025, gramsPerKwh: 490, source: "electricitymaps-2025" },
    { zone: "TN", altZone: null, name: "Tunisia", countryIso2: "TN", year: 2025, gramsPerKwh: 483, source: "electricitymaps-2025" },
    { zone: "TO", altZone: null, name: "Tonga", countryIso2: "TO", year: 2025, gramsPerKwh: 600, source: "electricitymaps-2025" },
    { zone: "TR", altZone: null, name: "Turkey", countryIso2: "TR", year: 2025, gramsPerKwh: 440, source: "electricitymaps-2025" },
    { zone: "TT", altZone: null, name: "Trinidad and Tobago", countryIso2: "TT", year: 2025, gramsPerKwh: 490, source: "electricitymaps-2025" },
    { zone: "TW", altZone: null, name: "Taiwan", countryIso2: "TW", year: 2025, gramsPerKwh: 519, source: "electricitymaps-2025" },
    { zone: "TZ", altZone: null, name: "Tanzania", countryIso2: "TZ", year: 2025, gramsPerKwh: 388, source: "electricitymaps-2025" },
    { zone: "UG", altZone: null, name: "Uganda", countryIso2: "UG", year: 2025, gramsPerKwh: 108, source: "electricitymaps-2025" },
    { zone: "US", altZone: null, name: "United States", countryIso2: "US", year: 2025, gramsPerKwh: 414, source: "electricitymaps-2025" },
    { zone: "US-AK", altZone: null, name: "Alaska", countryIso2: "US", year: 2025, gramsPerKwh: 469, source: "electricitymaps-2025" },
    { zone: "US-AK-SEAPA", altZone: null, name: "Southeast Alaska Power Agency", countryIso2: "US", year: 2025, gramsPerKwh: 28, source: "electricitymaps-2025" },
    { zone: "US-CAL-BANC", altZone: null, name: "BANC", countryIso2: "US", year: 2025, gramsPerKwh: 275, source: "electricitymaps-2025" },
    { zone: "US-CAL-CISO", altZone: null, name: "California ISO", countryIso2: "US", year: 2025, gramsPerKwh: 208, source: "electricitymaps-2025" },
    { zone: "US-CAL-IID", altZone: null, name: "Imperial Irrigation District", countryIso2: "US", year: 2025, gramsPerKwh: 168, source: "electricitymaps-2025" },
    { zone: "US-CAL-LDWP", altZone: null, name: "Los Angeles Department of Water and Power", countryIso2: "US", year: 2025, gramsPerKwh: 355, source: "electricitymaps-2025" },
    { zone: "US-CAL-TIDC", altZone: null, name: "Turlock Irrigation District", countryIso2: "US", year: 2025, gramsPerKwh: 439, source: "electricitymaps-2025" },
    { zone: "US-CAR-CPLE", altZone: null, name: "Duke Energy Progress East", countryIso2: "US", year: 2025, gramsPerKwh: 341, source: "electricitymaps-2025" },
    { zone: "US-CAR-CPLW", altZone: null, name: "Duke Energy Progress West", countryIso2: "US", year: 2025, gramsPerKwh: 508, source: "electricitymaps-2025" },
    { zone: "US-CAR-DUK", altZone: null, name: "Duke Energy Carolinas", countryIso2: "US", year: 2025, gramsPerKwh: 320, source: "electricitymaps-2025" },
    { zone: "US-CAR-SC", altZone: null, name: "South Carolina Public Service Authority", countryIso2: "US", year: 2025, gramsPerKwh: 654, source: "electricitymaps-2025" },
    { zone: "US-CAR-SCEG", altZone: null, name: "South Carolina Electric & Gas Company", countryIso2: "US", year: 2025, gramsPerKwh: 466, source: "electricitymaps-2025" },
    { zone: "US-CAR-YAD", altZone: null, name: "Alcoa Power Generating", countryIso2: "US", year: 2025, gramsPerKwh: 57, source: "electricitymaps-2025" },
    { zone: "US-CENT-SPA", altZone: null, name: "Southwestern Power Administration", countryIso2: "US", year: 2025, gramsPerKwh: 48, source: "electricitymaps-2025" },
    { zone: "US-CENT-SWPP", altZone: null, name: "SPP", countryIso2: "US", year: 2025, gramsPerKwh: 477, source: "electricitymaps-2025" },
    { zone: "US-FLA-FMPP", altZone: null, name: "Florida Municipal Power Pool", countryIso2: "US", year: 2025, gramsPerKwh: 507, source: "electricitymaps-2025" },
    { zone: "US-FLA-FPC", altZone: null, name: "Duke Energy Florida", countryIso2: "US", year: 2025, gramsPerKwh: 541, source: "electricitymaps-2025" },
    { zone: "US-FLA-FPL", altZone: null, name: "Florida Power and Light Company", countryIso2: "US", year: 2025, gramsPerKwh: 356, source: "electricitymaps-2025" },
    { zone: "US-FLA-GVL", altZone: null, name: "Gainesville Regional Utilities", countryIso2: "US", year: 2025, gramsPerKwh: 699, source: "electricitymaps-2025" },
    { zone: "US-FLA-HST", altZone: null, name: "City of Homestead", countryIso2: "US", year: 2025, gramsPerKwh: 357, source: "electricitymaps-2025" },
    { zone: "US-FLA-JEA", altZone: null, name: "Jacksonville Electric Authority", countryIso2: "US", year: 2025, gramsPerKwh: 655, source: "electricitymaps-2025" },
    { zone: "US-FLA-SEC", altZone: null, name: "Seminole Electric Cooperative", countryIso2: "US", year: 2025, gramsPerKwh: 549, source: "electricitymaps-2025" },
    { zone: "US-FLA-TAL", altZone: null, name: "City of Tallahassee", countryIso2: "US", year: 2025, gramsPerKwh: 497, source: "electricitymaps-2025" },
    { zone: "US-FLA-TEC", altZone: null, name: "Tampa Electric Company", countryIso2: "US", year: 2025, gramsPerKwh: 504, source: "electricitymaps-2025" },
    { zone: "US-HI", altZone: null, name: "Hawaii", countryIso2: "US", year: 2025, gramsPerKwh: 784, source: "electricitymaps-2025" },
    { zone: "US-MIDA-PJM", altZone: null, name: "PJM", countryIso2: "US", year: 2025, gramsPerKwh: 418, source: "electricitymaps-2025" },
    { zone: "US-MIDW-AECI", altZone: null, name: "Associated Electric Cooperative", countryIso2: "US", year: 2025, gramsPerKwh: 678, source: "electricitymaps-2025" },
    { zone: "US-MIDW-LGEE", altZone: null, name: "Louisville Gas And Electric Company", countryIso2: "US", year: 2025, gramsPerKwh: 848, source: "electricitymaps-2025" },
    { zone: "US-MIDW-MISO", altZone: null, name: "MISO", countryIso2: "US", year: 2025, gramsPerKwh: 501, source: "electricitymaps-2025" },
    { zone: "US-NE-ISNE", altZone: null, name: "ISO New England", countryIso2: "US", year: 2025, gramsPerKwh: 309, source: "electricitymaps-2025" },
    { zone: "US-NW-AVA", altZone: null, name: "Avista Corporation", countryIso2: "US", year: 2025, gramsPerKwh: 241, source: "electricitymaps-2025" },
    { zone: "US-NW-BPAT", altZone: null, name: "Bonneville Power Administration", countryIso2: "US", year: 2025, gramsPerKwh: 129, source: "electricitymaps-2025" },
    { zone: "US-NW-CHPD", altZone: null, name: "Chelan County", countryIso2: "US", year: 2025, gramsPerKwh: 26, source: "electricitymaps-2025" },
    { zone: "US-NW-DOPD", altZone: null, name: "Douglas County", countryIso2: "US", year: 2025, gramsPerKwh: 33, source: "electricitymaps-2025" },
    { zone: "US-NW-GCPD", altZone: null, name: "Grant County", countryIso2: "US", year: 2025, gramsPerKwh: 51, source: "electricitymaps-2025" },
    { zone: "US-NW-GRID", altZone: null, name: "Gridforce Energy Management", countryIso2: "US", year: 2025, gramsPerKwh: 541, source: "electricitymaps-2025" },
    { zone: "US-NW-IPCO", altZone: null, name: "Idaho Power Company", countryIso2: "US", year: 2025, gramsPerKwh: 316, source: "electricitymaps-2025" },
    { zone: "US-NW-NEVP", altZone: null, name: "Nevada Power Company", countryIso2: "US", year: 2025, gramsPerKwh: 435, source: "electricitymaps-2025" },
    { zone: "US-NW-NWMT", altZone: null, name: "Northwestern Energy", countryIso2: "US", year: 2025, gramsPerKwh: 580, source: "electricitymaps-2025" },
    { zone: "US-NW-PACE", altZone: null, name: "Pacificorp East", countryIso2: "US", year: 2025, gramsPerKwh: 618, source: "electricitymaps-2025" },
    { zone: "US-NW-PACW", altZone: null, name: "Pacificorp West", countryIso2: "US", year: 2025, gramsPerKwh: 204, source: "electricitymaps-2025" },
    { zone: "US-NW-PGE", altZone: null, name: "Portland General Electric Company", countryIso2: "US", year: 2025, gramsPerKwh: 274, source: "electricitymaps-2025" },
    { zone: "US-NW-PSCO", altZone: null, name: "PSCo", countryIso2: "US", year: 2025, gramsPerKwh: 438, source: "electricitymaps-2025" },
    { zone: "US-NW-PSEI", altZone: null, name: "Puget Sound Energy", countryIso2: "US", year: 2025, gramsPerKwh: 166, source: "electricitymaps-2025" },
    { zone: "US-NW-SCL", altZone: null, name: "Seattle City Light", countryIso2: "US", year: 2025, gramsPerKwh: 84, source: "electricitymaps-2025" },
    { zone: "US-NW-TPWR", altZone: null, name: "City of Tacoma", countryIso2: "US", year: 2025, gramsPerKwh: 89, source: "electricitymaps-2025" },
    { zone: "US-NW-WACM", altZone: null, name: "WAPA Rocky Mountains", countryIso2: "US", year: 2025, gramsPerKwh: 687, source: "electricitymaps-2025" },
    { zone: "US-NW-WAUW", altZone: null, name: "WAPA Upper Great Plains", countryIso2: "US", year: 2025, gramsPerKwh: 335, source: "electricitymaps-2025" },
    { zone: "US-NY-NYIS", altZone: null, name: "New York ISO", countryIso2: "US", year: 2025, gramsPerKwh: 314, source: "electricitymaps-2025" },
    { zone: "US-SE-SEPA", altZone: null, name: "Southeastern Power Administration", countryIso2: "US", year: 2025, gramsPerKwh: 534, source: "electricitymaps-2025" },
    { zone: "US-SE-SOCO", altZone: null, name: "Southern Company Services", countryIso2: "US", year: 2025, gramsPerKwh: 470, source: "electricitymaps-2025" },
    { zone: "US-SW-AZPS", altZone: null, name: "Arizona Public Service Company", countryIso2: "US", year: 2025, gramsPerKwh: 393, source: "electricitymaps-2025" },
    { zone: "US-SW-EPE", altZone: null, name: "El Paso Electric Company", countryIso2: "US", year: 2025, gramsPerKwh: 524, source: "electricitymaps-2025" },
    { zone: "US-SW-PNM", altZone: null, name: "Public Service Company of New Mexico", countryIso2: "US", year: 2025, gramsPerKwh: 293, source: "electricitymaps-2025" },
    { zone: "US-SW-SRP", altZone: null, name: "Salt River Project", countryIso2: "US", year: 2025, gramsPerKwh: 304, source: "electricitymaps-2025" },
    { zone: "US-SW-TEPC", altZone: null, name: "Tucson Electric Power Company", countryIso2: "US", year: 2025, gramsPerKwh: 485, source: "electricitymaps-2025" },
    { zone: "US-SW-WALC", altZone: null, name: "WAPA Desert Southwest", countryIso2: "US", year: 2025, gramsPerKwh: 325, source: "electricitymaps-2025" },
    { zone: "US-TEN-TVA", altZone: null, name: "TVA", countryIso2: "US", year: 2025, gramsPerKwh: 404, source: "electricitymaps-2025" },
    { zone: "US-TEX-ERCO", altZone: null, name: "ERCOT", countryIso2: "US", year: 2025, gramsPerKwh: 363, source: "electricitymaps-2025" },
    { zone: "UY", altZone: null, name: "Uruguay", countryIso2: "UY", year: 2025, gramsPerKwh: 71, source: "electricitymaps-2025" },
    { zone: "UZ", altZone: null, name: "Uzbekistan", countryIso2: "UZ", year: 2025, gramsPerKwh: 487, source: "electricitymaps-2025" },
    { zone: "VC", altZone: null, name: "Saint Vincent and the Grenadines", countryIso2: "VC", year: 2025, gramsPerKwh: 609, source: "electricitymaps-2025" },
    { zone: "VE", altZone: null, name: "Venezuela", countryIso2: "VE", year: 2025, gramsPerKwh: 144, source: "electricitymaps-2025" },
    { zone: "VI", altZone: null, name: "Virgin Islands", countryIso2: "VI", year: 2025, gramsPerKwh: 680, source: "electricitymaps-2025" },
    { zone: "VN", altZone: null, name: "Vietnam", countryIso2: "VN", year: 2025, gramsPerKwh: 426, source: "electricitymaps-2025" },
    { zone: "VU", altZone: null, name: "Vanuatu", countryIso2: "VU", year: 2025, gramsPerKwh: 521, source: "electricitymaps-2025" },
    { zone: "WS", altZone: null, name: "Samoa", countryIso2: "WS", year: 2025, gramsPerKwh: 455, source: "electricitymaps-2025" },
    { zone: "XK", altZone: null, name: "Kosovo", countryIso2: "XK", year: 2025, gramsPerKwh: 605, source: "electricitymaps-2025" },
    { zone: "YE", altZone: null, name: "Yemen", countryIso2: "YE", year: 2025, gramsPerKwh: 567, source: "electricitymaps-2025" },
    { zone: "YT", altZone: null, name: "Mayotte", countryIso2: "YT", year: 2025, gramsPerKwh: 567, source: "electricitymaps-2025" },
    { zone: "ZA", altZone: null, name: "South Africa", countryIso2: "ZA", year: 2025, gramsPerKwh: 700, source: "electricitymaps-2025" },
    { zone: "ZM", altZone: null, name: "Zambia", countryIso2: "ZM", year: 2025, gramsPerKwh: 166, source: "electricitymaps-2025" },
    { zone: "ZW", altZone: null, name: "Zimbabwe", countryIso2: "ZW", year: 2025, gramsPerKwh: 419, source: "electricitymaps-2025" },
];

;// CONCATENATED MODULE: ./src/core/carbon/locations.ts
/**
 * Where the runner is, as the user says it, resolved against the embedded tables. Pure.
 * Accepted forms, case-insensitive: ISO 3166-1 alpha-2 or alpha-3 (`DE`, `DEU`), ISO 3166-2
 * sub-national zones (`US-CA`, `IN-MH`), Electricity Maps zone keys for places Ember does not
 * cover (`CA-QC`, `JP-TK`, `US-CAL-CISO`), and cloud regions as `provider:region`
 * (`aws:us-east-1`, `gcp:europe-west4`, `azure:westeurope`, `ovh:gra`).
 * Ember (CC BY 4.0) answers first; Electricity Maps' yearly table (ODbL) only where Ember has no row.
 */


const EM_BY_ZONE = new Map(ELECTRICITY_MAPS_ZONES.map((row) => [row.zone, row]));
function emZoneFor(key) {
    return EM_BY_ZONE.has(key) ? key : null;
}
function fromZone(location, row, dataset) {
    return {
        location,
        description: row.name,
        key: row.zone,
        gramsPerKwh: row.gramsPerKwh,
        year: row.year,
        dataset,
        countryIso2: row.countryIso2,
        electricityMapsZone: emZoneFor(row.zone),
        inGreatBritain: row.countryIso2 === "GB" && row.zone !== "GB-NIR",
        regionalGrid: null,
    };
}
/** Resolves a location; `null` when no table knows it. */
function lookupLocation(input) {
    const text = input.trim();
    const cloud = /^([a-z]+):([a-z0-9-]+)$/i.exec(text);
    if (cloud) {
        const provider = (cloud[1] ?? "").toLowerCase();
        const region = (cloud[2] ?? "").toLowerCase();
        const row = EMBER_CLOUD_REGIONS.find((r) => r.provider === provider && r.region === region);
        if (!row)
            return null;
        const grid = row.electricityMapsZone && row.lookupKey === row.countryIso2 ? EM_BY_ZONE.get(row.electricityMapsZone) : undefined;
        return {
            location: `${provider}:${region}`,
            description: `${provider} ${region} (${row.place})`,
            key: row.lookupKey,
            gramsPerKwh: row.gramsPerKwh,
            year: row.year,
            dataset: "ember",
            countryIso2: row.countryIso2,
            electricityMapsZone: row.electricityMapsZone,
            inGreatBritain: row.countryIso2 === "GB",
            regionalGrid: grid && grid.zone !== row.countryIso2 ? { zone: grid.zone, name: grid.name, gramsPerKwh: grid.gramsPerKwh, year: grid.year } : null,
        };
    }
    const code = text.toUpperCase();
    if (/^[A-Z0-9]{2,3}$/.test(code)) {
        const country = EMBER_COUNTRIES.find((r) => r.iso2 === code || r.iso3 === code);
        if (country) {
            return {
                location: code,
                description: country.name,
                key: country.iso2,
                gramsPerKwh: country.gramsPerKwh,
                year: country.year,
                dataset: "ember",
                countryIso2: country.iso2,
                electricityMapsZone: emZoneFor(country.iso2),
                inGreatBritain: country.iso2 === "GB",
                regionalGrid: null,
            };
        }
    }
    const zone = EMBER_ZONES.find((r) => r.zone === code || r.altZone === code);
    if (zone)
        return fromZone(code, zone, "ember");
    const emZone = EM_BY_ZONE.get(code);
    if (emZone)
        return fromZone(code, emZone, "electricity-maps");
    return null;
}
/** Every accepted code, in the spelling the tables use. */
function allLocationCodes() {
    return [
        ...EMBER_COUNTRIES.flatMap((r) => [r.iso2, r.iso3]),
        ...EMBER_ZONES.flatMap((r) => (r.altZone ? [r.zone, r.altZone] : [r.zone])),
        ...ELECTRICITY_MAPS_ZONES.map((r) => r.zone),
        ...EMBER_CLOUD_REGIONS.map((r) => `${r.provider}:${r.region}`),
    ];
}
/** Edit distance (insertions, deletions, substitutions), for suggestions. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
        const current = [i];
        for (let j = 1; j <= b.length; j += 1) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/**
 * The valid codes nearest to an unknown location, best first: a place whose name matches the
 * text (`Germany` -> `DE`), then the codes of the same form with the smallest edit distance (ties:
 * the longer shared prefix).
 */
function suggestLocations(input, max = 3) {
    const text = input.trim().toLowerCase();
    if (text === "")
        return [];
    const byName = [
        ...EMBER_COUNTRIES.filter((r) => r.name.toLowerCase() === text).map((r) => r.iso2),
        ...EMBER_ZONES.filter((r) => r.name.toLowerCase() === text).map((r) => r.zone),
        ...ELECTRICITY_MAPS_ZONES.filter((r) => r.name.toLowerCase() === text).map((r) => r.zone),
    ];
    const isCloud = text.includes(":");
    const provider = isCloud ? text.slice(0, text.indexOf(":")) : "";
    const candidates = allLocationCodes().filter((code) => {
        if (code.includes(":") !== isCloud)
            return false;
        return !isCloud || !EMBER_CLOUD_REGIONS.some((r) => r.provider === provider) || code.startsWith(`${provider}:`);
    });
    const prefix = (code) => {
        let n = 0;
        while (n < code.length && code[n] === text[n])
            n += 1;
        return n;
    };
    const ranked = [...new Set(candidates)]
        .map((code) => ({ code, distance: editDistance(text, code.toLowerCase()), shared: prefix(code.toLowerCase()) }))
        .sort((a, b) => a.distance - b.distance || b.shared - a.shared || a.code.localeCompare(b.code))
        .map((c) => c.code);
    return [...new Set([...byName, ...ranked])].slice(0, max);
}

// EXTERNAL MODULE: ./src/core/carbon/pue.ts
var pue = __webpack_require__(79);
// EXTERNAL MODULE: ./src/config/names.ts
var names = __webpack_require__(234);
;// CONCATENATED MODULE: ./src/config/settings.ts
/**
 * All inputs, read once into one typed settings object. Every value is validated; a bad value
 * fails with a message that names the input, the value and what it accepts. (The checks are
 * bounds and patterns written out: building zod schemas costs every start of the CLI and the
 * hooks some 10 ms, for checks that are one comparison each.)
 */




/** An input the user got wrong: fails the step with this message. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.input = input;
        this.name = "InputError";
    }
}
/** A plain decimal number: no units, no thousands separators, no hex. */
const NUMBER_TEXT = /^[+]?\d*\.?\d+(e[+-]?\d+)?$/i;
function accepts(rule, value) {
    return (Number.isFinite(value) &&
        (!rule.whole || Number.isSafeInteger(value)) &&
        (rule.min === undefined || value >= rule.min) &&
        (rule.max === undefined || value <= rule.max) &&
        (rule.above === undefined || value > rule.above) &&
        (rule.test?.(value) ?? true));
}
function numberInput(name, accepted, rule, raw) {
    const text = raw.trim();
    const value = text === "" ? Number.NaN : Number(text);
    // A number too small for a double (1e-400) reads as 0: a typo, never the 0 it would become.
    const underflow = value === 0 && /[1-9]/.test(text.replace(/e.*$/i, ""));
    if (!accepts(rule, value) || !NUMBER_TEXT.test(text) || underflow) {
        throw new InputError(name, `Input '${name}' must be ${accepted}; got '${raw}'.`);
    }
    return value;
}
/** Parses a YAML 1.2 boolean the way `core.getBooleanInput` does. */
function booleanInput(name, raw, fallback) {
    const text = raw.trim();
    if (text === "")
        return fallback;
    if (["true", "True", "TRUE"].includes(text))
        return true;
    if (["false", "False", "FALSE"].includes(text))
        return false;
    throw new InputError(name, `Input '${name}' must be true or false; got '${raw}'.`);
}
/** Characters the artifact service rejects in a name (they break some file systems). */
const ARTIFACT_NAME_FORBIDDEN = ['"', ":", "<", ">", "|", "*", "?", "\r", "\n", "\\", "/"];
function artifactNameInput(raw) {
    const name = raw.trim();
    if (name.length > 256 || ARTIFACT_NAME_FORBIDDEN.some((c) => name.includes(c))) {
        throw new InputError(names/* INPUT */.bO.artifactName, `Input '${names/* INPUT */.bO.artifactName}' must be a name of at most 256 characters without " : < > | * ? \\ / or line breaks; got '${raw}'.`);
    }
    return name;
}
function modeInput(raw) {
    const text = raw.trim();
    if (text === "")
        return "measure";
    const mode = names/* MODES */.FN.find((m) => m === text);
    if (!mode)
        throw new InputError(names/* INPUT */.bO.mode, `Input '${names/* INPUT */.bO.mode}' must be one of ${names/* MODES */.FN.join(", ")}; got '${raw}'.`);
    return mode;
}
function phaseInput(raw, mode, selectorGiven) {
    const text = raw.trim();
    if (mode === "mark" && text === "" && !selectorGiven)
        throw new InputError(names/* INPUT */.bO.phase, `Input '${names/* INPUT */.bO.phase}' must name the phase that starts here when '${names/* INPUT */.bO.mode}' is mark (or give '${names/* INPUT */.bO.prometheusSelector}'); got ''.`);
    if (/[\r\n\t]/.test(text) || text.length > 100)
        throw new InputError(names/* INPUT */.bO.phase, `Input '${names/* INPUT */.bO.phase}' must be one line of at most 100 characters; got '${raw}'.`);
    return text;
}
function gpusInput(raw) {
    const request = (0,gpu_selection/* parseGpuList */.aN)(raw);
    if (!request)
        throw new InputError(names/* INPUT */.bO.gpus, `Input '${names/* INPUT */.bO.gpus}' must be empty (the GPUs this job may use), 'all', or a comma-separated list of GPU indices, GPU-... or MIG-... UUIDs; got '${raw}'.`);
    return request;
}
/** Default number of records kept per label in the history (input `history-limit`). */
const DEFAULT_HISTORY_LIMIT = 500;
/** Default PUE: the GPU boards only, no facility overhead counted. */
const DEFAULT_PUE = (0,pue/* pueFromNumber */.KS)(1, "no facility overhead counted (GPU board energy only)");
function pueInput(raw) {
    const text = raw.trim();
    if (text === "")
        return DEFAULT_PUE;
    const preset = NUMBER_TEXT.test(text) ? null : (0,pue/* puePreset */.GP)(text);
    if (preset)
        return preset;
    const accepted = `a number from 1.0 to 3.0 or a preset (${pue/* PUE_PRESET_NAMES */.GR.join(", ")})`;
    const value = numberInput(names/* INPUT */.bO.pue, accepted, { min: 1, max: 3 }, raw);
    // The runner passes action.yml's default "1.0" like any input; 1.0 means no overhead either way.
    return value === 1 ? DEFAULT_PUE : (0,pue/* pueFromNumber */.KS)(value, `input '${names/* INPUT */.bO.pue}'`);
}
function locationInput(raw) {
    const text = raw.trim();
    if (text === "")
        return null;
    const found = lookupLocation(text);
    if (found)
        return found;
    const nearest = suggestLocations(text);
    throw new InputError(names/* INPUT */.bO.location, `Input '${names/* INPUT */.bO.location}' must be a country code (DE, DEU), an ISO 3166-2 zone (US-CA, IN-MH), an Electricity Maps zone (CA-QC) or a cloud region (aws:us-east-1, gcp:europe-west4, azure:westeurope); got '${raw}'.` +
        (nearest.length > 0 ? ` Nearest known: ${nearest.join(", ")}.` : ""));
}
function labelInput(name, raw) {
    const text = raw.trim();
    if (text.length > 200 || /[\r\n]/.test(text))
        throw new InputError(name, `Input '${name}' must be one line of at most 200 characters; got '${raw}'.`);
    return text;
}
function optionalNumber(name, accepted, rule, raw) {
    return raw.trim() === "" ? null : numberInput(name, accepted, rule, raw);
}
/**
 * A git branch name the API accepts (no spaces, control or bidi characters, `..`, `~^:?*[\\`,
 * leading `-` or `/`, no `@` alone), given as a name: `refs/heads/x` would create a branch
 * literally named so.
 */
function branchInput(name, raw) {
    const text = raw.trim();
    if (text === "")
        return "";
    const bad = /[\s~^:?*[\\\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\.\.|@\{|^[-/]|\/$|\.lock$|\.lock\/|\/\/|^\.|\/\.|^@$|^refs\//u.test(text);
    if (bad)
        throw new InputError(name, `Input '${name}' must be a git branch name (or empty to turn history off); got '${raw}'.`);
    return text;
}
function matrixInput(name, raw) {
    const text = raw.trim();
    if (text === "" || text === "null")
        return null;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    if (value === null)
        return null;
    if (typeof value !== "object" || Array.isArray(value) || value === undefined) {
        throw new InputError(name, `Input '${name}' must be the job's matrix as JSON (its default is \${{ toJSON(matrix) }}); got '${raw}'.`);
    }
    return value;
}
function sourceInput(raw, url) {
    const text = raw.trim();
    const source = text === "" ? "auto" : names/* SOURCES */.Hl.find((s) => s === text);
    if (!source)
        throw new InputError(names/* INPUT */.bO.source, `Input '${names/* INPUT */.bO.source}' must be one of ${names/* SOURCES */.Hl.join(", ")}; got '${raw}'.`);
    if (source === "auto")
        return url === "" ? "nvidia-smi" : "prometheus";
    if (source === "prometheus" && url === "")
        throw new InputError(names/* INPUT */.bO.source, `Input '${names/* INPUT */.bO.source}' is '${raw}', which needs input '${names/* INPUT */.bO.prometheusUrl}': the base URL of the Prometheus HTTP API, such as http://prometheus.monitoring:9090.`);
    return source;
}
function prometheusUrlInput(raw) {
    const text = raw.trim();
    if (text === "")
        return "";
    let url;
    try {
        url = new URL(text);
    }
    catch {
        url = null;
    }
    // A value with credentials is not echoed: the message would print them in the log.
    if (url && (url.username || url.password))
        throw new InputError(names/* INPUT */.bO.prometheusUrl, `Input '${names/* INPUT */.bO.prometheusUrl}' must not contain credentials; give the base URL only, and the token in input '${names/* INPUT */.bO.prometheusToken}'.`);
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.search !== "" || url.hash !== "")
        throw new InputError(names/* INPUT */.bO.prometheusUrl, `Input '${names/* INPUT */.bO.prometheusUrl}' must be an http:// or https:// base URL of the Prometheus HTTP API without a query (such as http://prometheus.monitoring:9090 or https://mimir.example.com/prometheus); got '${raw}'.`);
    return text.replace(/\/+$/, "");
}
/** Default of input `reports`: where actions/download-artifact puts the artifacts of a pattern. */
const DEFAULT_REPORTS = "gpu-carbon-reports/**/report.json";
function reportsInput(raw) {
    const text = raw.trim();
    if (text === "")
        return DEFAULT_REPORTS;
    if (/[\r\n\0]/.test(text) || text.length > 1000)
        throw new InputError(names/* INPUT */.bO.reports, `Input '${names/* INPUT */.bO.reports}' must be one path or pattern (*, ** and ? as wildcards) of report.json files, relative to the workspace or absolute; got '${raw}'.`);
    return text;
}
function pushgatewayInput(raw) {
    const text = raw.trim();
    if (text === "")
        return "";
    const url = URL.canParse(text) ? new URL(text) : null;
    // A value with credentials is not echoed: the message would print them in the log.
    if (url && (url.username || url.password))
        throw new InputError(names/* INPUT */.bO.pushgatewayUrl, `Input '${names/* INPUT */.bO.pushgatewayUrl}' must not contain credentials; give the base URL only.`);
    if (!url || !["http:", "https:"].includes(url.protocol) || url.search || url.hash || url.username || url.password)
        throw new InputError(names/* INPUT */.bO.pushgatewayUrl, `Input '${names/* INPUT */.bO.pushgatewayUrl}' must be the http(s) base URL of a Prometheus Pushgateway, such as http://pushgateway.example:9091, without query or credentials; got '${raw}'.`);
    return text.replace(/\/+$/, "");
}
/** Label matchers as PromQL writes them inside braces: `name op "value"`, comma-separated. */
const MATCHER = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*(=~|!~|!=|=)\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`)\s*$/;
/** Splits on commas outside quotes. */
function splitMatchers(text) {
    const parts = [];
    let current = "";
    let quote = null;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            current += c;
            if (c === "\\" && quote !== "`")
                current += text[++i] ?? "";
            else if (c === quote)
                quote = null;
        }
        else if (c === '"' || c === "'" || c === "`") {
            quote = c;
            current += c;
        }
        else if (c === ",") {
            parts.push(current);
            current = "";
        }
        else
            current += c;
    }
    parts.push(current);
    return parts.filter((p, i, all) => p.trim() !== "" || i < all.length - 1);
}
/** Checks the selector's shape here; Prometheus itself judges the regular expressions. */
function prometheusSelectorInput(raw) {
    const text = raw.trim();
    if (text === "")
        return "";
    const parts = splitMatchers(text);
    if (/[\r\n]/.test(text) || text.length > 2000 || parts.length === 0 || !parts.every((p) => MATCHER.test(p)))
        throw new InputError(names/* INPUT */.bO.prometheusSelector, `Input '${names/* INPUT */.bO.prometheusSelector}' must be PromQL label matchers without braces, such as hpc_job="4242" or namespace="ci",pod=~"gpu-runner-x7k2.*"; got '${raw}'.`);
    return parts.map((p) => p.trim()).join(",");
}
/** Reads and validates every input. Throws `InputError` on the first bad one. */
function readSettings(getInput) {
    const get = (name) => getInput(name) ?? "";
    const intervalRaw = get(names/* INPUT */.bO.intervalMs);
    const intensityRaw = get(names/* INPUT */.bO.carbonIntensity);
    const pueRaw = get(names/* INPUT */.bO.pue);
    const maxRaw = get(names/* INPUT */.bO.maxDurationHours);
    const mode = modeInput(get(names/* INPUT */.bO.mode));
    const lifetimeRaw = get(names/* INPUT */.bO.gpuLifetimeYears);
    const pue = pueInput(pueRaw);
    const prometheusUrl = prometheusUrlInput(get(names/* INPUT */.bO.prometheusUrl));
    const prometheusSelector = prometheusSelectorInput(get(names/* INPUT */.bO.prometheusSelector));
    return {
        intervalMs: intervalRaw.trim() === ""
            ? 500
            : numberInput(names/* INPUT */.bO.intervalMs, "a whole number of milliseconds from 50 to 60000", { whole: true, min: 50, max: 60_000 }, intervalRaw),
        nvidiaSmiPath: get(names/* INPUT */.bO.nvidiaSmiPath).trim(),
        carbonIntensityGPerKwh: intensityRaw.trim() === ""
            ? null
            : numberInput(names/* INPUT */.bO.carbonIntensity, "0, or a number of gCO2e/kWh from 0.001 to 2000", 
            // A value too small for a grid (1e-400 reads as 0) is a typo, not a clean grid.
            { test: (value) => value === 0 || (value >= 0.001 && value <= 2000) }, intensityRaw),
        pue: pue.value,
        pueSource: pue,
        location: locationInput(get(names/* INPUT */.bO.location)),
        liveGrid: booleanInput(names/* INPUT */.bO.liveGrid, get(names/* INPUT */.bO.liveGrid), false),
        electricityMapsToken: get(names/* INPUT */.bO.electricityMapsToken).trim(),
        embodied: booleanInput(names/* INPUT */.bO.embodied, get(names/* INPUT */.bO.embodied), false),
        gpuLifetimeYears: lifetimeRaw.trim() === ""
            ? 5
            : numberInput(names/* INPUT */.bO.gpuLifetimeYears, "a number of years from 0.5 to 20", { min: 0.5, max: 20 }, lifetimeRaw),
        reportPath: get(names/* INPUT */.bO.reportPath).trim(),
        maxDurationMs: (maxRaw.trim() === ""
            ? 120
            : numberInput(names/* INPUT */.bO.maxDurationHours, "a number of hours from 1/60 (one minute) to 720", { min: 1 / 60, max: 720 }, maxRaw)) *
            3_600_000,
        summary: booleanInput(names/* INPUT */.bO.summary, get(names/* INPUT */.bO.summary), true),
        failOnError: booleanInput(names/* INPUT */.bO.failOnError, get(names/* INPUT */.bO.failOnError), false),
        benchmarkPath: get(names/* INPUT */.bO.benchmarkPath).trim(),
        codecarbonPath: get(names/* INPUT */.bO.codecarbonPath).trim(),
        uploadArtifact: booleanInput(names/* INPUT */.bO.uploadArtifact, get(names/* INPUT */.bO.uploadArtifact), false),
        artifactName: artifactNameInput(get(names/* INPUT */.bO.artifactName)),
        mode,
        phase: phaseInput(get(names/* INPUT */.bO.phase), mode, prometheusSelector !== ""),
        gpus: gpusInput(get(names/* INPUT */.bO.gpus)),
        githubToken: get(names/* INPUT */.bO.githubToken).trim(),
        prComment: booleanInput(names/* INPUT */.bO.prComment, get(names/* INPUT */.bO.prComment), true),
        label: labelInput(names/* INPUT */.bO.label, get(names/* INPUT */.bO.label)),
        matrix: matrixInput(names/* INPUT */.bO.matrix, get(names/* INPUT */.bO.matrix)),
        historyBranch: branchInput(names/* INPUT */.bO.historyBranch, get(names/* INPUT */.bO.historyBranch)),
        historyLimit: get(names/* INPUT */.bO.historyLimit).trim() === ""
            ? DEFAULT_HISTORY_LIMIT
            : numberInput(names/* INPUT */.bO.historyLimit, "a whole number of records from 1 to 10000", { whole: true, min: 1, max: 10_000 }, get(names/* INPUT */.bO.historyLimit)),
        maxRegressionPercent: optionalNumber(names/* INPUT */.bO.maxRegressionPercent, "a percentage from 0 to 10000, or empty for no gate", { min: 0, max: 10_000 }, get(names/* INPUT */.bO.maxRegressionPercent)),
        maxEnergyKwh: optionalNumber(names/* INPUT */.bO.maxEnergyKwh, "a number of kWh greater than 0, or empty for no gate", { above: 0 }, get(names/* INPUT */.bO.maxEnergyKwh)),
        maxEmissionsKg: optionalNumber(names/* INPUT */.bO.maxEmissionsKg, "a number of kg CO2e greater than 0, or empty for no gate", { above: 0 }, get(names/* INPUT */.bO.maxEmissionsKg)),
        runId: optionalNumber(names/* INPUT */.bO.runId, "a workflow run id (a whole number)", { whole: true, min: 1 }, get(names/* INPUT */.bO.runId)),
        source: sourceInput(get(names/* INPUT */.bO.source), prometheusUrl),
        prometheusUrl,
        prometheusSelector,
        prometheusToken: get(names/* INPUT */.bO.prometheusToken).trim(),
        reports: reportsInput(get(names/* INPUT */.bO.reports)),
        pushgatewayUrl: pushgatewayInput(get(names/* INPUT */.bO.pushgatewayUrl)),
    };
}
/** Warnings about values that are valid but probably not meant. */
function settingsWarnings(settings) {
    const warnings = [];
    if (settings.carbonIntensityGPerKwh !== null && settings.carbonIntensityGPerKwh > 0 && settings.carbonIntensityGPerKwh < 5) {
        warnings.push(`Input '${names/* INPUT */.bO.carbonIntensity}' is ${settings.carbonIntensityGPerKwh} gCO2e/kWh, which looks like kg/kWh; grids range from about 10 to 1000 g/kWh (0.5 kg/kWh is 500).`);
    }
    const live = settings.liveGrid || settings.electricityMapsToken !== "";
    if (settings.carbonIntensityGPerKwh !== null && (settings.location !== null || live)) {
        warnings.push(`Input '${names/* INPUT */.bO.carbonIntensity}' is set, so it is used; 'location' and live grid data are ignored.`);
    }
    else if (live && settings.location === null) {
        warnings.push(`Live grid data needs input '${names/* INPUT */.bO.location}' to know which grid to ask; the world average is used.`);
    }
    else if (settings.liveGrid && settings.electricityMapsToken === "" && settings.location && !settings.location.inGreatBritain) {
        warnings.push(`Input '${names/* INPUT */.bO.liveGrid}': the keyless live source (UK Carbon Intensity API) covers Great Britain only, not ${settings.location.location}; set '${names/* INPUT */.bO.electricityMapsToken}' for live data there. The yearly table is used.`);
    }
    return warnings;
}


/***/ }),

/***/ 118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ timeChunks),
/* harmony export */   V2: () => (/* binding */ hourBoundary),
/* harmony export */   iQ: () => (/* binding */ HOUR_MS)
/* harmony export */ });
/**
 * Hours and ranges of hours, as the live grid services are asked for them. Pure.
 */
const HOUR_MS = 3_600_000;
/** Splits [startMs, endMs) into consecutive pieces of at most `maxMs` (services cap a request's range). */
function timeChunks(startMs, endMs, maxMs) {
    const chunks = [];
    for (let from = startMs; from < endMs; from += maxMs)
        chunks.push({ startMs: from, endMs: Math.min(endMs, from + maxMs) });
    return chunks;
}
/** The hour containing `epochMs`, floored (`up`: the next hour boundary at or after it). */
function hourBoundary(epochMs, up = false) {
    return (up ? Math.ceil(epochMs / HOUR_MS) : Math.floor(epochMs / HOUR_MS)) * HOUR_MS;
}


/***/ }),

/***/ 984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PH: () => (/* binding */ WORLD_AVERAGE_INTENSITY),
/* harmony export */   h1: () => (/* binding */ givenIntensity),
/* harmony export */   ow: () => (/* binding */ ATTRIBUTION),
/* harmony export */   r3: () => (/* binding */ emissionsKg)
/* harmony export */ });
/** Emissions arithmetic and the description of the grid intensity a report uses. Pure. */
/**
 * World average grid carbon intensity, lifecycle basis, Ember 2024 (gCO2e/kWh).
 * Used when the user gives neither `carbon-intensity` nor a location.
 */
const WORLD_AVERAGE_INTENSITY = {
    gramsPerKwh: 472.94,
    source: "Ember 2024 world average (lifecycle, CC BY 4.0)",
    year: 2024,
};
/** Credit lines the data's licences ask for, shipped in every report that uses the data. */
const ATTRIBUTION = {
    ember: "Contains data from Ember, Yearly Electricity Data (https://ember-energy.org/data/yearly-electricity-data/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).",
    electricityMapsYearly: "Carbon intensity data 2025 (c) Electricity Maps (https://www.electricitymaps.com), made available under the Open Database License (https://opendatacommons.org/licenses/odbl/1-0/).",
    electricityMapsLive: "Live grid data from the Electricity Maps API (https://www.electricitymaps.com).",
    ukCarbonIntensity: "Live grid data from the Carbon Intensity API of Great Britain's electricity system operator (https://carbonintensity.org.uk).",
};
/** A figure the user gave (input `carbon-intensity`, `--carbon-intensity`): basis and year unknown. */
function givenIntensity(gramsPerKwh, source, location = null) {
    return { gramsPerKwh, source, resolvedBy: "input", year: null, basis: null, location, zone: null, attribution: null, hourly: null };
}
/**
 * Emissions in kg CO2e: energyKwh x pue x gramsPerKwh / 1000.
 * Returns `null` when the energy is unknown, never a made-up zero.
 */
function emissionsKg(energyKwh, pue, intensityGPerKwh) {
    if (energyKwh === null)
        return null;
    return (energyKwh * pue * intensityGPerKwh) / 1000;
}


/***/ }),

/***/ 79:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GP: () => (/* binding */ puePreset),
/* harmony export */   GR: () => (/* binding */ PUE_PRESET_NAMES),
/* harmony export */   KS: () => (/* binding */ pueFromNumber)
/* harmony export */ });
/* harmony import */ var _data_facility_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(563);
/** Power usage effectiveness: a number the user gives, or a named preset with its source. Pure. */

/** Preset name -> the published row it stands for (operator and year in pue.csv). */
const PRESETS = {
    "industry-average": { operator: "Uptime Institute Global Data Center Survey", year: 2024 },
    "on-premises": { operator: "IDC on-premises enterprise average", year: 2024 },
    "public-cloud": { operator: "IDC public-cloud industry average", year: 2024 },
    aws: { operator: "AWS (global)", year: 2025 },
    azure: { operator: "Microsoft (global portfolio)", year: 2023 },
    google: { operator: "Google (fleet)", year: 2024 },
    meta: { operator: "Meta (fleet)", year: 2023 },
};
/** The preset names, in the order the docs list them. */
const PUE_PRESET_NAMES = Object.keys(PRESETS);
/** The preset of this name (case-insensitive), `null` when there is none. */
function puePreset(name) {
    const key = name.trim().toLowerCase();
    const preset = PRESETS[key];
    if (!preset)
        return null;
    const row = _data_facility_js__WEBPACK_IMPORTED_MODULE_0__/* .PUE_ROWS */ .d.find((r) => r.operator === preset.operator && r.year === preset.year);
    if (!row)
        return null;
    const quoted = row.sourceType === "publisher" ? "" : " (as quoted by a secondary source)";
    return { value: row.pue, preset: key, source: `${row.operator} ${row.year}${quoted}`, year: row.year, url: row.sourceUrl };
}
/** A PUE the user gave as a number. */
function pueFromNumber(value, source) {
    return { value, preset: null, source, year: null, url: null };
}


/***/ }),

/***/ 274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tO: () => (/* binding */ SpanEnergy),
  en: () => (/* binding */ outsideEnergyKwh)
});

// UNUSED EXPORTS: spanReports, spanWindows

// EXTERNAL MODULE: ./src/core/units.ts
var units = __webpack_require__(184);
// EXTERNAL MODULE: ./src/core/integrator.ts
var integrator = __webpack_require__(930);
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
        if ((0,integrator/* bridged */.Id)(dtMs, this.options.gapMs, prev.interrupted))
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
            this.energyJ[i] += (0,integrator/* trapezoidJ */.Pq)(at(a), at(b), b - a);
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


/***/ }),

/***/ 284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UV: () => (/* binding */ compareEnergy),
/* harmony export */   gZ: () => (/* binding */ SENSOR_ACCURACY_FRACTION),
/* harmony export */   uC: () => (/* binding */ trimToWindow),
/* harmony export */   wV: () => (/* binding */ counterDeltas)
/* harmony export */ });
/* unused harmony exports COUNTER_UPDATE_MS, PLAUSIBLE_FRACTION */
/**
 * Stated accuracy of the board power sensor the counter and nvidia-smi both rely on: about
 * +/-5 % of the reading (Yang et al., SC'24, measured per board against an external meter; NVIDIA's
 * "+/-5 W" does not hold at high power). A larger disagreement is more than the sensor explains.
 */
const SENSOR_ACCURACY_FRACTION = 0.05;
/** The counter advances in steps about every 100 ms, so each end of the window is that uncertain. */
const COUNTER_UPDATE_MS = 100;
/**
 * Beyond this difference from sampling (plus the window edges) the counter is not believed: a
 * counter that never moves, or one reset by a driver reload, is off by far more; what sampling
 * can miss on bursty work over a whole job stays well inside it.
 */
const PLAUSIBLE_FRACTION = 0.25;
/**
 * Differences two snapshots per uuid. A GPU missing from either read, with a failed read, or
 * whose counter went backwards between any two reads, the mid-job ones (`trails`) included (the
 * driver was reloaded, which restarts the count), has no usable delta. A counter that did not
 * move reads as 0 J here; whether that is believable is for the check against sampling
 * (`compareEnergy`).
 */
function counterDeltas(start, end, trails = new Map()) {
    const deltas = new Map();
    if (!start.ok || !end.ok)
        return deltas;
    for (const first of start.gpus) {
        const last = end.gpus.find((g) => g.uuid === first.uuid);
        const delta = {
            uuid: first.uuid,
            energyJ: null,
            startEpochMs: first.readEpochMs,
            endEpochMs: last?.readEpochMs ?? null,
            reason: null,
        };
        if (!last)
            delta.reason = "the GPU was missing from the counter read at the end";
        else if (first.energyMj === null)
            delta.reason = `the driver did not give its counter at the start (${first.error ?? "no value"})`;
        else if (last.energyMj === null)
            delta.reason = `the driver did not give its counter at the end (${last.error ?? "no value"})`;
        else if (last.energyMj < first.energyMj || wentBackwards(first.energyMj, trails.get(first.uuid), last.energyMj))
            delta.reason = "the counter went backwards: the driver was reloaded during the job";
        else
            delta.energyJ = (last.energyMj - first.energyMj) / 1000;
        deltas.set(first.uuid, delta);
    }
    return deltas;
}
/** True when the mid-job reads show a restart the two ends alone may hide (the end above the start). */
function wentBackwards(startMj, trail, endMj) {
    return trail !== undefined && (trail.backwards || trail.firstMj < startMj || endMj < trail.lastMj);
}
/**
 * Compares the two figures of one GPU. The tolerance is the sensor's stated accuracy
 * (`SENSOR_ACCURACY_FRACTION` of the counter's figure) plus what the two windows cannot both
 * see: the time between the counter reads and the sampler's start and stop, and one counter
 * step at each end, all at the GPU's peak power.
 */
function compareEnergy(counterJ, sampled, counterWindow, sampledWindow) {
    const edgeMs = Math.abs(counterWindow.startEpochMs - sampledWindow.startEpochMs) +
        Math.abs(counterWindow.endEpochMs - sampledWindow.endEpochMs) +
        2 * COUNTER_UPDATE_MS;
    const edgeJ = (edgeMs / 1000) * Math.max(0, sampled.peakW);
    const toleranceJ = SENSOR_ACCURACY_FRACTION * counterJ + edgeJ;
    const coverage = sampled.coverage ?? 1;
    const wholeWindowJ = coverage > 0 ? sampled.energyJ / coverage : sampled.energyJ;
    return {
        disagreementFraction: counterJ > 0 ? (sampled.energyJ - counterJ) / counterJ : null,
        toleranceJ,
        disagrees: Math.abs(sampled.energyJ - counterJ) > toleranceJ,
        plausible: Math.abs(wholeWindowJ - counterJ) <= PLAUSIBLE_FRACTION * Math.max(wholeWindowJ, counterJ) + edgeJ,
    };
}
/**
 * The counter's energy over the sampled window instead of its own. The hooks read the counter
 * a few hundred ms outside the sampler's start and stop (or inside, if it was slow to start);
 * that stretch is taken out (or added) at the power the first and last samples show, the same
 * hold the integrator applies at the window edges. Never below 0 J.
 */
function trimToWindow(counterJ, counterWindow, sampledWindow, edge) {
    const leadS = (sampledWindow.startEpochMs - counterWindow.startEpochMs) / 1000;
    const tailS = (counterWindow.endEpochMs - sampledWindow.endEpochMs) / 1000;
    return Math.max(0, counterJ - edge.startW * leadS - edge.endW * tailS);
}


/***/ }),

/***/ 641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ relativeRange),
/* harmony export */   Do: () => (/* binding */ BURSTY_SAMPLING_FRACTION),
/* harmony export */   Y5: () => (/* binding */ counterRange),
/* harmony export */   cW: () => (/* binding */ sampledRange),
/* harmony export */   jH: () => (/* binding */ sensorFraction),
/* harmony export */   sK: () => (/* binding */ scaleRange),
/* harmony export */   uH: () => (/* binding */ addRanges)
/* harmony export */ });
/* unused harmony exports MAX_RANGE_FACTOR, samplingFraction */
/* harmony import */ var _sensor_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(252);
/**
 * The uncertainty range of an energy figure: where the true energy lies, given what is known about
 * the sensor and how the figure was obtained. Pure, no state: other sources (DCGM, merged jobs)
 * build ranges with the same functions. The model, and the meter data it was checked against,
 * are in docs/accuracy.md.
 *
 * A figure E whose relative error is at most h relative to the truth lies in [E/(1+h), E/(1-h)].
 * h combines, as independent errors (root sum of squares):
 * - the sensor's gain error (a fraction of the reading, by board family);
 * - its offset error (W, by board family), relative to the average power;
 * - sampling: the share of the time no reading saw, times how much power spread between readings,
 *   shrinking with the square root of the number of 1 s stretches (or sampling intervals) in the figure.
 * Then, added on one side:
 * - the lag of 1-second-averaged readings: a figure whose power rose from its first to its last
 *   reading misses up to lag x rise (and the other way round);
 * - uncovered time (gaps): it may have drawn up to the highest reading seen.
 */

/** Largest factor a range reaches above its figure (a relative error near 100 % has no upper bound). */
const MAX_RANGE_FACTOR = 4;
/** The relative sampling error above which a figure is flagged as bursty. */
const BURSTY_SAMPLING_FRACTION = 0.1;
/** The range of a figure with relative error at most `fraction` (relative to the truth). */
function relativeRange(value, fraction) {
    const h = Math.max(0, fraction);
    const high = h < 1 ? value / (1 - h) : value * MAX_RANGE_FACTOR;
    return [value / (1 + h), Math.min(high, value * MAX_RANGE_FACTOR)];
}
/** Relative error of a sensor reading averaging `averageW`: gain and offset as independent errors. */
function sensorFraction(profile, averageW) {
    const offset = averageW > 0 ? profile.offsetW / averageW : 1;
    return Math.hypot(profile.gainFraction, offset);
}
/**
 * Relative error from the time no reading saw: the unseen share x the spread of power relative
 * to its average x 1/sqrt(stretches), a stretch being 1 s or one sampling interval, whichever
 * is longer (a load that keeps in step with the sensor for about a second, as the meter's A100
 * square wave does, moves the figure for that long).
 */
function samplingFraction(seen, spreadW, averageW, coveredMs, intervalMs) {
    if (!(averageW > 0) || !(coveredMs > 0))
        return 0;
    const stretchMs = Math.max(1000, intervalMs);
    return (1 - seen) * (spreadW / averageW) * Math.sqrt(stretchMs / Math.max(coveredMs, stretchMs));
}
/** The range of one GPU's sampled energy figure. */
function sampledRange(figure, profile) {
    const coveredS = figure.coveredMs / 1000;
    const averageW = coveredS > 0 ? figure.energyJ / coveredS : figure.lastW;
    const seen = (0,_sensor_js__WEBPACK_IMPORTED_MODULE_0__/* .seenFraction */ .wp)(profile, figure.powerField, figure.intervalMs);
    const sensor = sensorFraction(profile, averageW);
    const sampling = samplingFraction(seen, figure.spreadW, averageW, figure.coveredMs, figure.intervalMs);
    let [low, high] = relativeRange(figure.energyJ, Math.hypot(sensor, sampling));
    if (figure.energyJ === 0)
        high = profile.offsetW * coveredS;
    if ((0,_sensor_js__WEBPACK_IMPORTED_MODULE_0__/* .readsAveraged */ .nW)(profile, figure.powerField)) {
        const lagJ = _sensor_js__WEBPACK_IMPORTED_MODULE_0__/* .AVERAGED_LAG_S */ .N_ * (figure.lastW - figure.firstW);
        if (lagJ > 0)
            high += lagJ;
        else
            low = Math.max(0, low + lagJ);
    }
    const uncoveredS = Math.max(0, figure.windowMs - figure.coveredMs) / 1000;
    high += uncoveredS * figure.peakW * (1 + profile.gainFraction);
    return { rangeJ: [low, high], sensorFraction: sensor, samplingFraction: sampling, seenFraction: seen };
}
/**
 * The range of a driver energy counter's figure over a window: the same sensor error, sampling
 * over every published reading (the counter adds them all, so only the sensor's own share of
 * each period is seen), and the counter's resolution at both ends (one update period at peak power).
 */
function counterRange(counterJ, sampled, profile) {
    const coveredS = sampled.windowMs / 1000;
    const averageW = coveredS > 0 ? counterJ / coveredS : 0;
    const sensor = sensorFraction(profile, averageW);
    const sampling = samplingFraction(profile.sensedFraction, sampled.spreadW, averageW, sampled.windowMs, profile.updatePeriodMs);
    const [low, high] = relativeRange(counterJ, Math.hypot(sensor, sampling));
    const resolutionJ = 2 * (profile.updatePeriodMs / 1000) * sampled.peakW;
    return {
        rangeJ: [Math.max(0, low - resolutionJ), high + resolutionJ],
        sensorFraction: sensor,
        samplingFraction: sampling,
        seenFraction: profile.sensedFraction,
    };
}
/** The sum of ranges (figures added together: GPUs of a job, jobs of a workflow); `null` when any is unknown. */
function addRanges(ranges) {
    let low = 0;
    let high = 0;
    for (const range of ranges) {
        if (range === null)
            return null;
        low += range[0];
        high += range[1];
    }
    return [low, high];
}
/** A range times a factor (unit conversion, PUE, carbon intensity). */
function scaleRange(range, factor) {
    return [range[0] * factor, range[1] * factor];
}


/***/ }),

/***/ 252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KK: () => (/* binding */ sensorProfile),
/* harmony export */   N_: () => (/* binding */ AVERAGED_LAG_S),
/* harmony export */   nW: () => (/* binding */ readsAveraged),
/* harmony export */   wp: () => (/* binding */ seenFraction)
/* harmony export */ });
/* unused harmony exports AVERAGED_READING_MS, UNKNOWN_SENSOR */
/**
 * What is known about a GPU's power sensor, by product family: how accurate a reading is, how
 * often the driver publishes one and how much of that period the sensor actually sees. The
 * figures and their sources are listed in docs/accuracy.md. Pure.
 */
/** The time a 1-second-averaged reading spans, ms. */
const AVERAGED_READING_MS = 1000;
/**
 * How far a 1-second-averaged reading trails the power, s: Yang et al. measured a 0.6 s delay
 * and a 0.9 s rise on the RTX 3090, so half the rise after the delay is about a second.
 */
const AVERAGED_LAG_S = 1;
// Order matters: the first match wins (an `RTX A5000` must not match the GA100 family's `A100`).
const FAMILIES = [
    {
        family: "GA100 (A100, A30)",
        match: /\b(A100|A800|A30)\b/i,
        // The meter's A100 run read 7 % low at idle; Yang et al. measured -5.5 %.
        gainFraction: 0.08,
        offsetW: 5,
        sensedFraction: 0.25,
        updatePeriodMs: 100,
        averagedPowerDraw: false,
    },
    {
        family: "Hopper and Blackwell data centre (H100, H200, GH200, B200)",
        match: /\b(H100|H200|H800|H20|GH200|B100|B200|B300|GB200|GB300)\b/i,
        gainFraction: 0.05,
        offsetW: 5,
        sensedFraction: 0.25,
        updatePeriodMs: 100,
        averagedPowerDraw: true,
    },
    {
        family: "Ada and Blackwell workstation and GeForce (RTX 40, RTX 50, L4, L40)",
        match: /(RTX\s*(40|50)\d\d|\bL4\b|\bL40S?\b|RTX\s*\d+\s*Ada|RTX PRO)/i,
        // The meter's RTX 4090 read 18 W low at idle (70 W true), 1 % low under load.
        gainFraction: 0.05,
        offsetW: 20,
        sensedFraction: 1,
        updatePeriodMs: 100,
        averagedPowerDraw: true,
    },
    {
        family: "GA10x (RTX 30, RTX A2000-A6000, A10, A40)",
        match: /(RTX\s*30\d\d|RTX\s*A\d{4}|\bA10G?\b|\bA16\b|\bA2\b|\bA40\b)/i,
        // The meter's RTX A5000 read 7 % low under load; Yang et al. measured -4.9 to -6.1 %.
        gainFraction: 0.08,
        offsetW: 5,
        sensedFraction: 1,
        updatePeriodMs: 100,
        averagedPowerDraw: true,
    },
    {
        family: "Volta and Pascal (V100, P100, GTX 10)",
        match: /(V100|P100|P40|P4\b|TITAN V|TITAN Xp|GTX\s*10\d\d)/i,
        gainFraction: 0.05,
        offsetW: 5,
        sensedFraction: 0.5,
        updatePeriodMs: 20,
        averagedPowerDraw: false,
    },
    {
        family: "Turing (RTX 20, T4, Quadro RTX, GTX 16)",
        match: /(RTX\s*20\d\d|\bT4\b|Quadro RTX|TITAN RTX|GTX\s*16\d\d)/i,
        // Yang et al.: RTX 2060 SUPER +10.9 %; the Quadro RTX 8000 senses 20 ms of every 100 ms.
        gainFraction: 0.11,
        offsetW: 5,
        sensedFraction: 0.2,
        updatePeriodMs: 100,
        averagedPowerDraw: false,
    },
];
/** A board nothing is known about: the widest of the known families' figures. */
const UNKNOWN_SENSOR = {
    family: "unknown board",
    gainFraction: 0.11,
    offsetW: 20,
    sensedFraction: 0.25,
    updatePeriodMs: 100,
    averagedPowerDraw: false,
};
/** The sensor profile of a board named `name` by nvidia-smi; `UNKNOWN_SENSOR` when the name is unknown or unlisted. */
function sensorProfile(name) {
    if (name === null)
        return UNKNOWN_SENSOR;
    const found = FAMILIES.find((family) => family.match.test(name));
    if (!found)
        return UNKNOWN_SENSOR;
    const { match: _match, ...profile } = found;
    return profile;
}
/** Whether readings of `powerField` are 1-second averages on this board. */
function readsAveraged(profile, powerField) {
    if (powerField === "power.draw.average")
        return true;
    if (powerField === "power.draw.instant")
        return false;
    return profile.averagedPowerDraw;
}
/**
 * The share of the time the integrated readings actually saw, 0..1: the sensor's own share of
 * each update period, times how much of the sampling interval one reading spans (a 25 ms
 * reading taken every 500 ms stands for 5 % of the time; a 1-second average every 500 ms, all of it).
 */
function seenFraction(profile, powerField, intervalMs) {
    const readingMs = readsAveraged(profile, powerField) ? AVERAGED_READING_MS : profile.updatePeriodMs;
    return profile.sensedFraction * Math.min(1, readingMs / Math.max(intervalMs, profile.updatePeriodMs));
}


/***/ }),

/***/ 599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ STEP_RULES)
/* harmony export */ });
/* unused harmony export stepSpans */
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


/***/ }),

/***/ 296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/** What went wrong, in words. */
/** The message of anything thrown: an Error's message, or the thrown value as text. */
function errorMessage(thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
}


/***/ }),

/***/ 965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ gpuLabel),
/* harmony export */   d: () => (/* binding */ gpuIdentity)
/* harmony export */ });
/** How GPUs are named: shared by every topic of the core. */
/** The identity of a row's GPU: keyed by uuid, else by index, else the only GPU. */
function gpuIdentity(uuid, index) {
    return { key: uuid ?? (index !== null ? `index:${index}` : "index:0"), uuid, index };
}
/** A GPU in a sentence: `GPU 1` by its index, else its uuid. */
function gpuLabel(gpu) {
    return gpu.index !== null ? `GPU ${gpu.index}` : (gpu.uuid ?? "GPU");
}


/***/ }),

/***/ 930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IU: () => (/* binding */ gapThresholdMs),
/* harmony export */   Id: () => (/* binding */ bridged),
/* harmony export */   Pq: () => (/* binding */ trapezoidJ),
/* harmony export */   eC: () => (/* binding */ EnergyIntegrator),
/* harmony export */   gt: () => (/* binding */ integrationRules)
/* harmony export */ });
/* unused harmony exports emptyRollup, GpuState */
/** Longest interval bridged: five sampling intervals, and never less than 3 s. */
function gapThresholdMs(intervalMs) {
    return Math.max(5 * intervalMs, 3000);
}
/**
 * Whether the interval between two valid readings `dtMs` apart is integrated: it is positive, at
 * most `gapMs`, and does not span an interruption. Every integration of this codebase asks here.
 */
function bridged(dtMs, gapMs, interrupted = false) {
    return !interrupted && dtMs > 0 && dtMs <= gapMs;
}
/** The trapezoid rule: energy in J of a straight line from `startW` to `endW` over `dtMs`. */
function trapezoidJ(startW, endW, dtMs) {
    return ((startW + endW) / 2) * (dtMs / 1000);
}
/** The rules above as sentences, for the report. */
function integrationRules(options) {
    const gapS = (options.gapMs / 1000).toFixed(1);
    return [
        "energy per GPU is the trapezoid rule over consecutive valid power readings",
        "missing readings ([N/A], [Not Supported], [GPU is lost], malformed or cut-off lines) are counted, never read as 0 W",
        `readings more than ${gapS} s apart are a gap: not integrated and not counted as covered; so is the time nvidia-smi was down and restarting`,
        `the window edges are held at the nearest reading when they are at most ${gapS} s long`,
        "coverage is the time covered by valid readings divided by the measurement window",
    ];
}
/** A rollup of no readings yet. */
function emptyRollup() {
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
class GpuState {
    identity;
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
    constructor(identity) {
        this.identity = identity;
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
    get firstMs() {
        return Number.isNaN(this.firstAtMs) ? null : this.firstAtMs;
    }
    get lastMs() {
        return Number.isNaN(this.lastAtMs) ? null : this.lastAtMs;
    }
    get peakW() {
        return Number.isNaN(this.peakAtW) ? null : this.peakAtW;
    }
}
/** Accumulates readings for every GPU of a log. */
class EnergyIntegrator {
    options;
    gpus = new Map();
    constructor(options) {
        this.options = options;
    }
    /** Number of GPUs seen so far. */
    get gpuCount() {
        return this.gpus.size;
    }
    /** Adds one reading; `powerW` is `null` for a missing value. Readings must come in time order. */
    add(tMs, identity, powerW) {
        this.addTo(this.state(identity), tMs, powerW);
    }
    /** `add` for a GPU already looked up with `state` (the reader's fast path). */
    addTo(gpu, tMs, powerW) {
        // Nearly every reading: a valid one a bridged interval after the last (kept small, to be
        // inlined into the reader's loop). `step` has the same rules for every case.
        const dtMs = tMs - gpu.lastAtMs;
        if (powerW !== null && powerW >= 0 && powerW < Infinity && bridged(dtMs, this.options.gapMs, gpu.interrupted)) {
            gpu.validSamples += 1;
            if (!(powerW <= gpu.peakAtW))
                gpu.peakAtW = powerW;
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
    addAny(gpu, tMs, powerW) {
        if (powerW === null || !Number.isFinite(powerW) || powerW < 0) {
            gpu.missingSamples += 1;
            return;
        }
        gpu.validSamples += 1;
        if (!(powerW <= gpu.peakAtW))
            gpu.peakAtW = powerW; // also when there is none yet (NaN)
        this.step(gpu, tMs, powerW);
        gpu.lastAtMs = tMs;
        gpu.lastW = powerW;
    }
    /**
     * Adds a rollup integrated elsewhere (the sampler's compact records): the interval from this
     * GPU's last reading to the rollup's first follows the usual rules, then its totals are added.
     * The result equals adding its readings one by one, up to rounding.
     */
    addRollup(identity, rollup) {
        this.addRollupTo(this.state(identity), rollup);
    }
    /** `addRollup` for a GPU already looked up with `state`. */
    addRollupTo(gpu, rollup) {
        gpu.missingSamples += rollup.missingSamples;
        if (rollup.validSamples === 0 || rollup.firstMs === null || rollup.lastMs === null)
            return;
        gpu.validSamples += rollup.validSamples;
        if (rollup.peakW !== null && !(rollup.peakW <= gpu.peakAtW))
            gpu.peakAtW = rollup.peakW;
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
    states() {
        return [...this.gpus.values()];
    }
    /**
     * Marks an interruption (nvidia-smi died and was restarted): for every GPU the interval from
     * its last reading before to its first reading after is a gap, not bridged even when short.
     */
    interrupt() {
        for (const gpu of this.gpus.values())
            if (!Number.isNaN(gpu.lastAtMs))
                gpu.interrupted = true;
    }
    /** The interval from the last valid reading to a new one at (tMs, powerW): integrated or a gap. */
    step(gpu, tMs, powerW) {
        if (Number.isNaN(gpu.lastAtMs)) {
            gpu.firstAtMs = tMs;
            gpu.firstW = powerW;
            return;
        }
        const dtMs = tMs - gpu.lastAtMs;
        if (gpu.interrupted && dtMs > 0) {
            gpu.gaps += 1;
            gpu.longestGapMs = Math.max(gpu.longestGapMs, dtMs);
        }
        else if (bridged(dtMs, this.options.gapMs)) {
            gpu.energyJ += trapezoidJ(gpu.lastW, powerW, dtMs);
            gpu.powerSquaredW2s += trapezoidJ(gpu.lastW * gpu.lastW, powerW * powerW, dtMs);
            gpu.coveredMs += dtMs;
        }
        else if (dtMs > this.options.gapMs) {
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
    finish(startMs, endMs, lostAtMs = null) {
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
                }
                else if (leadMs > 0)
                    longestGapMs = Math.max(longestGapMs, leadMs);
                const tailMs = endMs - gpu.lastMs;
                const lost = lostAtMs !== null && gpu.lastMs < lostAtMs;
                if (tailMs > 0 && tailMs <= this.options.gapMs && !lost) {
                    energyJ += gpu.lastW * (tailMs / 1000);
                    squaredW2s += gpu.lastW * gpu.lastW * (tailMs / 1000);
                    coveredMs += tailMs;
                }
                else if (tailMs > 0)
                    longestGapMs = Math.max(longestGapMs, tailMs);
            }
            else {
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
    state(identity) {
        let gpu = this.gpus.get(identity.key);
        if (!gpu) {
            gpu = new GpuState(identity);
            this.gpus.set(identity.key, gpu);
        }
        else if (gpu.identity.index === null && identity.index !== null) {
            gpu.identity = { ...gpu.identity, index: identity.index };
        }
        return gpu;
    }
}


/***/ }),

/***/ 319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ START_TAG),
/* harmony export */   UD: () => (/* binding */ isRestartEvent),
/* harmony export */   dn: () => (/* binding */ diagnosedProblems),
/* harmony export */   zd: () => (/* binding */ parseSamplerRecord)
/* harmony export */ });
/* unused harmony exports SAMPLER_LOG_MAGIC, TAG, EVENT, DIAGNOSTIC_PREFIX, PROBLEM_START, formatDiagnostic, formatStart, formatHeader, formatRow, formatRollup, formatCounter, formatEvent, formatStop */
/* harmony import */ var _gpu_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(965);
/**
 * The sampler's log format, one record per line, fields separated by a tab:
 *
 *     @start  <epochMs>  <intervalMs>      window start (wall clock) and requested interval
 *     @header <tMs>      <csv header>      nvidia-smi's header, repeated after every restart (tMs: when it started)
 *     <tMs>   <csv row>                    one nvidia-smi output line, timed by its own timestamp
 *     @rollup <tMs>      name=value ...    one GPU's rows up to tMs, integrated (see below)
 *     @event  <tMs>      <text>            nvidia-smi exit, restart, stderr, watchdog
 *     @counter <tMs>     uuid=mJ ...       the driver's energy counters, read every minute
 *     @stop   <tMs>      <reason>          window end
 *
 * `tMs` is milliseconds since `@start` on the sampler's monotonic clock; a row's is nvidia-smi's
 * `timestamp` mapped onto that clock (`row-clock.ts`), or its arrival where it has none that fits,
 * so rows come in time order even when nvidia-smi's output arrives in blocks. Lines starting with
 * `#` are comments. Pure: formatting and parsing only.
 *
 * v2 added `@rollup`: after the first hours of a job the sampler stops writing every row and
 * writes, once a minute per GPU, the totals of that GPU's rows (`GpuRollup`), each field named:
 * `uuid`, `index` (empty when the row had none), `validSamples`, `missingSamples`, `firstMs`,
 * `firstW`, `lastMs`, `lastW` (`firstMs`/`lastMs` empty without a valid reading), `energyJ`,
 * `coveredMs`, `gaps`, `longestGapMs`, `peakW`. Unknown names are ignored, so later versions can
 * add fields. v1 logs (rows only) read the same as before.
 */

/** First line of every sampler log. */
const SAMPLER_LOG_MAGIC = "# gpu-carbon samples v2";
/** The tag that opens each kind of record. */
const TAG = { start: "@start", header: "@header", rollup: "@rollup", event: "@event", counter: "@counter", stop: "@stop" };
/** What a log holds once the window is open (the starter waits for it). */
const START_TAG = `${TAG.start}\t`;
/**
 * How the `@event` texts post reads begin. The sampler writes them from these names and post
 * matches them by these names, so rewording one cannot silently drop a warning.
 */
const EVENT = {
    /** nvidia-smi exited; followed by ` (code N)` or ` (signal S)`. */
    exited: "nvidia-smi exited",
    /** nvidia-smi could not be started; followed by `: <error>`. */
    couldNotStart: "nvidia-smi could not start",
    /** A killed nvidia-smi did not exit and was abandoned. */
    didNotExit: "nvidia-smi did not exit",
    /** nvidia-smi went silent and was restarted; followed by `: <details>`. */
    watchdog: "watchdog",
};
/** True for an event saying nvidia-smi stopped or stalled and was restarted. */
function isRestartEvent(text) {
    return Object.values(EVENT).some((start) => text.startsWith(start));
}
/** Prefix of each line the sampler writes to its own log (its stderr, `sampler.log`). */
const DIAGNOSTIC_PREFIX = "gpu-carbon sampler: ";
/** A diagnostic that post passes on as a warning starts with this (after the prefix). */
const PROBLEM_START = "cannot ";
/** A line of the sampler's own log. */
function formatDiagnostic(message) {
    return `${DIAGNOSTIC_PREFIX}${message}`;
}
/** The problems (`cannot ...`) among the lines of the sampler's own log, without the prefix. */
function diagnosedProblems(text) {
    return text
        .split("\n")
        .filter((line) => line.startsWith(DIAGNOSTIC_PREFIX + PROBLEM_START))
        .map((line) => line.slice(DIAGNOSTIC_PREFIX.length));
}
/** Milliseconds rounded for the log: whole ms are plenty for a >= 10 ms loop. */
function ms(tMs) {
    return String(Math.round(tMs));
}
/** Removes tabs and newlines so free text cannot break the record structure. */
function oneLine(text) {
    return text.replace(/[\t\r\n]+/g, " ");
}
function formatStart(epochMs, intervalMs) {
    return `${TAG.start}\t${Math.round(epochMs)}\t${intervalMs}`;
}
function formatHeader(tMs, line) {
    return `${TAG.header}\t${ms(tMs)}\t${oneLine(line)}`;
}
function formatRow(tMs, line) {
    return `${ms(tMs)}\t${oneLine(line)}`;
}
/** A `@rollup` record: one GPU's rows up to `tMs`, integrated. */
function formatRollup(tMs, identity, rollup) {
    const fields = [
        ["uuid", identity.uuid],
        ["index", identity.index],
        ["validSamples", rollup.validSamples],
        ["missingSamples", rollup.missingSamples],
        ["firstMs", rollup.firstMs === null ? null : Math.round(rollup.firstMs)],
        ["firstW", rollup.firstW],
        ["lastMs", rollup.lastMs === null ? null : Math.round(rollup.lastMs)],
        ["lastW", rollup.lastW],
        ["energyJ", rollup.energyJ],
        ["powerSquaredW2s", rollup.powerSquaredW2s],
        ["coveredMs", rollup.coveredMs],
        ["gaps", rollup.gaps],
        ["longestGapMs", rollup.longestGapMs],
        ["peakW", rollup.peakW],
    ];
    // String(number) is the shortest text that reads back as the same double: no precision is lost.
    return `${TAG.rollup}\t${ms(tMs)}\t${fields.map(([name, value]) => `${name}=${value === null ? "" : oneLine(String(value)).replace(/=/g, " ")}`).join("\t")}`;
}
/** Reads the fields of a `@rollup` record; `null` when a number is missing or not a number. */
function parseRollup(fields) {
    const values = new Map();
    for (const field of fields.split("\t")) {
        const eq = field.indexOf("=");
        if (eq > 0)
            values.set(field.slice(0, eq), field.slice(eq + 1));
    }
    let bad = false;
    const number = (name) => {
        const value = Number(values.get(name) || NaN);
        bad ||= !Number.isFinite(value);
        return value;
    };
    const optional = (name) => (values.get(name) === "" ? null : number(name));
    const rollup = {
        validSamples: number("validSamples"),
        missingSamples: number("missingSamples"),
        firstMs: optional("firstMs"),
        firstW: number("firstW"),
        lastMs: optional("lastMs"),
        lastW: number("lastW"),
        energyJ: number("energyJ"),
        powerSquaredW2s: 0,
        coveredMs: number("coveredMs"),
        gaps: number("gaps"),
        longestGapMs: number("longestGapMs"),
        peakW: optional("peakW"),
    };
    if (bad)
        return null;
    // Written since the uncertainty range; an older record counts as no spread (steady power).
    const squared = values.get("powerSquaredW2s");
    rollup.powerSquaredW2s =
        squared !== undefined && Number.isFinite(Number(squared)) && squared !== ""
            ? Number(squared)
            : rollup.coveredMs > 0
                ? rollup.energyJ ** 2 / (rollup.coveredMs / 1000)
                : 0;
    return { identity: (0,_gpu_js__WEBPACK_IMPORTED_MODULE_0__/* .gpuIdentity */ .d)(values.get("uuid") || null, values.get("index") || null), rollup };
}
/** A `@counter` record: the driver's energy counters read mid-job, `uuid=mJ` per GPU that gave one. */
function formatCounter(tMs, readings) {
    const fields = readings.flatMap((r) => (r.energyMj === null ? [] : [`${oneLine(r.uuid).replace(/=/g, " ")}=${r.energyMj}`]));
    return `${TAG.counter}\t${ms(tMs)}\t${fields.join("\t")}`;
}
function formatEvent(tMs, text) {
    return `${TAG.event}\t${ms(tMs)}\t${oneLine(text)}`;
}
function formatStop(tMs, reason) {
    return `${TAG.stop}\t${ms(tMs)}\t${oneLine(reason)}`;
}
/** Parses a sampler record; `null` when the line is not one (for example a plain CSV line). */
function parseSamplerRecord(line) {
    const tab = line.indexOf("\t");
    if (tab < 0)
        return null;
    const tag = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    if (/^\d+$/.test(tag))
        return { kind: "row", tMs: Number(tag), line: rest };
    const tab2 = rest.indexOf("\t");
    const first = tab2 < 0 ? rest : rest.slice(0, tab2);
    const second = tab2 < 0 ? "" : rest.slice(tab2 + 1);
    if (!/^\d+$/.test(first))
        return null;
    const tMs = Number(first);
    switch (tag) {
        case TAG.start: {
            const intervalMs = Number(second);
            return Number.isFinite(intervalMs) && intervalMs > 0 ? { kind: "start", epochMs: tMs, intervalMs } : null;
        }
        case TAG.header:
            return { kind: "header", tMs, line: second };
        case TAG.rollup: {
            const parsed = parseRollup(second);
            return parsed ? { kind: "rollup", tMs, ...parsed } : null;
        }
        case TAG.event:
            return { kind: "event", tMs, text: second };
        case TAG.counter: {
            const readings = second.split("\t").flatMap((field) => {
                const eq = field.lastIndexOf("=");
                const energyMj = Number(field.slice(eq + 1));
                return eq > 0 && field.slice(eq + 1) !== "" && Number.isFinite(energyMj) ? [{ uuid: field.slice(0, eq), energyMj }] : [];
            });
            return { kind: "counter", tMs, readings };
        }
        case TAG.stop:
            return { kind: "stop", tMs, reason: second };
        default:
            return null;
    }
}


/***/ }),

/***/ 933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ PlainClock),
/* harmony export */   er: () => (/* binding */ inferIntervalMs),
/* harmony export */   kQ: () => (/* binding */ isTimeZone)
/* harmony export */ });
/* unused harmony export zoneOffsetMs */
/* harmony import */ var _integrator_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(930);
/**
 * Time in a plain `nvidia-smi -l` log, whose `timestamp` column is host local time without a zone:
 * maps one GPU's timestamps onto a monotonic scale, taking out the clock's backward steps (NTP,
 * DST ending) and DST's hour forward, and infers the loop's interval when nobody gave it. Pure.
 *
 * A jump forward is DST only where the log's time zone really changes its offset there (IANA data
 * through `Intl`); anywhere else, and in a log whose zone is not known, it is a gap: a real hour
 * without samples must not vanish.
 */

const MINUTE_MS = 60_000;
/** Offsets of real zones are whole minutes; a change of at least this much is a DST change. */
const MIN_CHANGE_MS = 15 * MINUTE_MS;
class PlainClock {
    /** Clock steps and DST changes taken out so far. */
    jumps = 0;
    /**
     * Backward steps seen before the interval was known: each counts as one interval of elapsed
     * time, added by `sizeSteps` once the interval is known.
     */
    unsizedSteps = 0;
    /** The last row's timestamp; `NaN` before the first (a number, so storing one allocates nothing). */
    prevRawMs = NaN;
    offsetMs = 0;
    zone;
    /** @param timeZone the zone the timestamps are in; `null` when unknown (no DST is assumed). */
    constructor(timeZone = null) {
        this.zone = timeZone;
    }
    /** The zone's name, asked for once. */
    timeZone() {
        if (typeof this.zone === "function")
            this.zone = this.zone();
        return this.zone;
    }
    /**
     * The monotonic time of a row stamped `rawMs` (the timestamp read as if it were UTC).
     * @param intervalMs the loop's interval, `null` while it is not known yet
     */
    monotonic(rawMs, intervalMs) {
        // Nearly every row: time went forward by less than any DST change (kept small, to be inlined).
        const stepMs = rawMs - this.prevRawMs;
        if (stepMs >= 0 && stepMs < MIN_CHANGE_MS) {
            this.prevRawMs = rawMs;
            return rawMs + this.offsetMs;
        }
        return this.jump(rawMs, intervalMs);
    }
    /** `monotonic` for the first row, a step back, and a step forward that could be DST. */
    jump(rawMs, intervalMs) {
        if (!Number.isNaN(this.prevRawMs)) {
            const stepMs = rawMs - this.prevRawMs;
            if (stepMs < 0) {
                // Clock stepped back: the step counts as one interval of elapsed time.
                this.offsetMs += -stepMs + (intervalMs ?? 0);
                if (intervalMs === null)
                    this.unsizedSteps += 1;
                this.jumps += 1;
            }
            else if (stepMs >= MIN_CHANGE_MS && this.timeZone() !== null) {
                // DST starting: local time jumped forward by the zone's change, if it has one here.
                const zone = this.timeZone();
                const changeMs = offsetAtLocal(zone, rawMs) - offsetAtLocal(zone, this.prevRawMs);
                if (changeMs >= MIN_CHANGE_MS && stepMs - changeMs <= (0,_integrator_js__WEBPACK_IMPORTED_MODULE_0__/* .gapThresholdMs */ .IU)(intervalMs ?? 1000)) {
                    this.offsetMs -= Math.min(changeMs, stepMs);
                    this.jumps += 1;
                }
            }
        }
        this.prevRawMs = rawMs;
        return rawMs + this.offsetMs;
    }
    /** Adds the interval, now known, for each backward step seen before; times given out before lack them. */
    sizeSteps(intervalMs) {
        this.offsetMs += this.unsizedSteps * intervalMs;
        this.unsizedSteps = 0;
    }
}
const formats = new Map();
/** True when `timeZone` is an IANA zone this runtime knows. */
function isTimeZone(timeZone) {
    try {
        new Intl.DateTimeFormat("en-US", { timeZone });
        return true;
    }
    catch {
        return false;
    }
}
/** The zone's offset from UTC at the instant `utcMs`, ms (local = UTC + offset). */
function zoneOffsetMs(timeZone, utcMs) {
    let format = formats.get(timeZone);
    if (!format) {
        format = new Intl.DateTimeFormat("en-US", {
            timeZone,
            hourCycle: "h23",
            year: "numeric",
            month: "numeric",
            day: "numeric",
            hour: "numeric",
            minute: "numeric",
            second: "numeric",
        });
        formats.set(timeZone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(utcMs).map((part) => [part.type, part.value]));
    const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return local - Math.floor(utcMs / 1000) * 1000;
}
/**
 * The offset in force at a local wall time (`localMs`, read as if UTC): the one whose instant maps
 * back to that wall time. Around a change the earlier offset is taken for a time that exists twice.
 */
function offsetAtLocal(timeZone, localMs) {
    const guess = zoneOffsetMs(timeZone, localMs);
    const offset = zoneOffsetMs(timeZone, localMs - guess);
    return offset;
}
/**
 * The loop's effective interval: the median spacing of distinct timestamps within each GPU's rows
 * (rows of different GPUs may be a few ms apart); 1000 ms if unknown.
 */
function inferIntervalMs(timesByGpu) {
    const steps = [];
    for (const times of timesByGpu) {
        const distinct = [...new Set(times)].sort((a, b) => a - b);
        for (let i = 1; i < distinct.length; i += 1)
            steps.push((distinct[i] ?? 0) - (distinct[i - 1] ?? 0));
    }
    if (steps.length === 0)
        return 1000;
    steps.sort((a, b) => a - b);
    return Math.max(1, steps[Math.floor(steps.length / 2)] ?? 1000);
}


/***/ }),

/***/ 809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ PowerSeriesBuilder)
/* harmony export */ });
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


/***/ }),

/***/ 53:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ powerField),
/* harmony export */   EF: () => (/* binding */ parseReading),
/* harmony export */   Hd: () => (/* binding */ rowPowerW),
/* harmony export */   I5: () => (/* binding */ plausibleRow),
/* harmony export */   RW: () => (/* binding */ parseHeader),
/* harmony export */   Sd: () => (/* binding */ isHeaderLine),
/* harmony export */   UL: () => (/* binding */ splitCells),
/* harmony export */   Y$: () => (/* binding */ GPU_LOST),
/* harmony export */   YD: () => (/* binding */ parseTimestampMs),
/* harmony export */   _R: () => (/* binding */ hasPowerFallback),
/* harmony export */   b_: () => (/* binding */ FIELD),
/* harmony export */   ls: () => (/* binding */ identify),
/* harmony export */   r4: () => (/* binding */ parseText)
/* harmony export */ });
/* unused harmony exports fieldName, isPlaceholder */
/* harmony import */ var _gpu_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(965);
/**
 * The CSV dialect `nvidia-smi --query-gpu=... --format=csv[,nounits][,noheader]` prints.
 * Cells are separated by ", " with no quoting; the header names each field followed by its
 * unit in brackets (`power.draw [W]`), also with `nounits`. Pure.
 */

/** Canonical names of the fields gpu-carbon reads from the sampling loop. */
const FIELD = {
    timestamp: "timestamp",
    index: "index",
    uuid: "uuid",
    name: "name",
    powerDraw: "power.draw",
    powerAverage: "power.draw.average",
    powerInstant: "power.draw.instant",
    utilization: "utilization.gpu",
    memoryUsed: "memory.used",
    temperature: "temperature.gpu",
};
/** Aliases nvidia-smi accepts on input and echoes in canonical spelling in the header. */
const ALIASES = {
    gpu_uuid: "uuid",
    gpu_name: "name",
    "gpu.power.draw.average": "power.draw.average",
    "gpu.power.draw.instant": "power.draw.instant",
};
/** Splits one CSV line into trimmed cells. */
function splitCells(line) {
    return line.split(",").map((cell) => cell.trim());
}
/** Strips the ` [unit]` suffix of a header cell and maps aliases to canonical names. */
function fieldName(headerCell) {
    const name = headerCell.replace(/\s*\[[^\]]*\]\s*$/, "").trim();
    return ALIASES[name] ?? name;
}
/** A query field's name: dotted words such as `power.draw`, `clocks.current.sm` or `pci.baseClass`. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;
/**
 * True when the line is a header: every cell is a field name (optionally with a unit), the first
 * one `timestamp`, `index` or a dotted name, e.g. `timestamp, index, power.draw [W]`. Data rows
 * start with a value, never a field name; prose ("carbon.", "e.g. this, that") is not a header.
 */
function isHeaderLine(line) {
    const names = splitCells(line).map(fieldName);
    const first = names[0];
    return (first === "timestamp" || first === "index" || first.includes(".")) && names.every((name) => FIELD_NAME.test(name));
}
/** Parses a header line into its column layout. */
function parseHeader(line) {
    const fields = splitCells(line).map(fieldName);
    const positions = new Map();
    fields.forEach((field, position) => {
        if (!positions.has(field))
            positions.set(field, position);
    });
    return { fields, positions };
}
/**
 * True for the values nvidia-smi prints instead of a reading: `[N/A]`, bare `N/A`, an empty
 * cell, and every bracketed message (`[Not Supported]`, `[GPU is lost]`, `[Unknown Error]`,
 * `[Insufficient Permissions]`, `[Requested functionality has been deprecated]`, ...).
 */
function isPlaceholder(cell) {
    return cell === "" || cell === "N/A" || (cell.startsWith("[") && cell.endsWith("]"));
}
/**
 * A numeric reading, or `null` for a placeholder or anything that is not a finite number.
 * Accepts values with or without a unit suffix (`250.00 W` with `csv`, `250.00` with `nounits`).
 */
function parseReading(cell) {
    if (cell === undefined || isPlaceholder(cell))
        return null;
    const match = /^(-?\d+(?:\.\d+)?)(?:\s*[A-Za-z%]+)?$/.exec(cell);
    if (!match)
        return null;
    const value = Number(match[1]);
    return Number.isFinite(value) ? value : null;
}
/**
 * A text cell, or `null` for a placeholder. Control characters become spaces: a GPU name is
 * printed in logs, where a carriage return could start a line the runner reads as a command.
 */
function parseText(cell) {
    if (cell === undefined || isPlaceholder(cell))
        return null;
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    return cell.replace(/[\u0000-\u001f\u007f]/g, " ");
}
/**
 * Parses nvidia-smi's `timestamp` (`YYYY/MM/DD HH:MM:SS.mmm`, host local time, no zone) into
 * milliseconds on a zone-less scale: the wall-clock fields read as if they were UTC. Differences
 * between two such values are real durations except across a clock or DST change, which the
 * caller must detect. Returns `null` for anything else. Only the form is checked, not the values
 * (the byte reader's `RecentTimestamp` relies on that; change both together).
 */
function parseTimestampMs(cell) {
    if (cell === undefined)
        return null;
    const match = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(cell);
    if (!match)
        return null;
    const [, y, mo, d, h, mi, s, frac] = match;
    const ms = frac ? Number(frac.padEnd(3, "0")) : 0;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
}
/** The placeholder nvidia-smi prints in every cell of a GPU that fell off the bus. */
const GPU_LOST = "[GPU is lost]";
/**
 * True when the identity and time cells of a row look like what nvidia-smi prints there: a
 * timestamp, a whole-number index, a `GPU-`/`MIG-` uuid, or a placeholder. Event lines (Xid,
 * ECC) and garbage that happen to hold as many commas as the header fail this test, so they
 * cannot become readings of a GPU that does not exist.
 */
function plausibleRow(cells, header) {
    const at = (field) => {
        const position = header.positions.get(field);
        return position === undefined ? undefined : (cells[position] ?? "");
    };
    const timestamp = at(FIELD.timestamp);
    if (timestamp !== undefined && !isPlaceholder(timestamp) && parseTimestampMs(timestamp) === null)
        return false;
    const index = at(FIELD.index);
    if (index !== undefined && !isPlaceholder(index) && !/^\d+$/.test(index))
        return false;
    const uuid = at(FIELD.uuid);
    if (uuid !== undefined && !isPlaceholder(uuid) && !/^(GPU|MIG)-\S+$/.test(uuid))
        return false;
    return true;
}
/** Which column carries board power: `power.draw` where present, else `power.draw.average`. */
function powerField(header) {
    if (header.positions.has(FIELD.powerDraw))
        return FIELD.powerDraw;
    if (header.positions.has(FIELD.powerAverage))
        return FIELD.powerAverage;
    if (header.positions.has(FIELD.powerInstant))
        return FIELD.powerInstant;
    return null;
}
/**
 * The row's board power, W: `power.draw`, or where that is a placeholder (`[N/A]`) the first of
 * `power.draw.average` and `power.draw.instant` the row has a reading in; `null` when none has.
 */
function rowPowerW(cells, header) {
    for (const field of [FIELD.powerDraw, FIELD.powerAverage, FIELD.powerInstant]) {
        const position = header.positions.get(field);
        if (position === undefined)
            continue;
        const powerW = parseReading(cells[position]);
        if (powerW !== null)
            return powerW;
    }
    return null;
}
/** True when the header has a power column to fall back on when `powerField`'s is a placeholder. */
function hasPowerFallback(header) {
    return [FIELD.powerDraw, FIELD.powerAverage, FIELD.powerInstant].filter((field) => header.positions.has(field)).length > 1;
}
/**
 * The GPU a row belongs to: by uuid, else by index, else the only GPU (a log without either
 * column). `null` when the log has the columns but the row names no GPU (`[GPU is lost]` in each).
 */
function identify(cells, header) {
    const uuidAt = header.positions.get(FIELD.uuid);
    const indexAt = header.positions.get(FIELD.index);
    const uuid = uuidAt === undefined ? null : parseText(cells[uuidAt]);
    const index = indexAt === undefined ? null : parseText(cells[indexAt]);
    if (uuid === null && index === null && (uuidAt !== undefined || indexAt !== undefined))
        return null;
    return (0,_gpu_js__WEBPACK_IMPORTED_MODULE_0__/* .gpuIdentity */ .d)(uuid, index);
}


/***/ }),

/***/ 276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NV: () => (/* binding */ parseListGpus),
/* harmony export */   aN: () => (/* binding */ parseGpuList),
/* harmony export */   uF: () => (/* binding */ selectGpus)
/* harmony export */ });
/**
 * Which GPUs a job counts. Pure: from the `gpus` input or the job's environment and what
 * nvidia-smi lists, decides which physical GPUs to sample and says why.
 *
 * nvidia-smi ignores CUDA_VISIBLE_DEVICES and NVIDIA_VISIBLE_DEVICES, so their ids are mapped
 * to the GPUs it lists: UUIDs by uuid (unique prefixes accepted, as CUDA does), indices by
 * position in nvidia-smi's order, which is PCI bus order. CUDA numbers GPUs fastest first unless
 * CUDA_DEVICE_ORDER=PCI_BUS_ID; the two agree for GPUs of one model in practice, and a report on
 * a host that mixes models says the mapping may be wrong. A MIG slice is mapped to its parent
 * GPU, whose power covers every slice: that figure is the whole board's.
 */
const ID = /^(\d+|GPU-[0-9A-Fa-f-]+|MIG-[0-9A-Za-z/-]+)$/;
/** Parses the `gpus` input: "" (auto), `all`, or ids separated by commas; `null` when invalid. */
function parseGpuList(raw) {
    const text = raw.trim();
    if (text === "")
        return { kind: "auto" };
    if (text.toLowerCase() === "all")
        return { kind: "all" };
    const ids = text
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id.length > 0);
    return ids.length > 0 && ids.every((id) => ID.test(id)) ? { kind: "list", ids } : null;
}
function byPrefix(inventory, id, key) {
    const exact = inventory.filter((gpu) => key(gpu).includes(id));
    if (exact.length === 1)
        return exact[0] ?? null;
    const prefixed = inventory.filter((gpu) => key(gpu).some((uuid) => uuid.startsWith(id)));
    return prefixed.length === 1 ? (prefixed[0] ?? null) : null;
}
/** Finds the physical GPU an id names. Indices count in nvidia-smi's (PCI) order. */
function resolve(id, inventory) {
    if (/^\d+$/.test(id)) {
        const gpu = inventory[Number(id)];
        return gpu ? { gpu, how: `index ${id}`, mig: false } : null;
    }
    // CUDA 11.0-11.x style: MIG-GPU-<parent uuid>/<gpu instance>/<compute instance>.
    const legacy = /^MIG-(GPU-[0-9A-Fa-f-]+)\/\d+\/\d+$/.exec(id);
    if (legacy) {
        const gpu = byPrefix(inventory, legacy[1] ?? "", (g) => (g.uuid ? [g.uuid] : []));
        return gpu ? { gpu, how: `MIG device ${id} of ${gpu.uuid}`, mig: true } : null;
    }
    if (id.startsWith("MIG-")) {
        const gpu = byPrefix(inventory, id, (g) => g.migUuids);
        return gpu ? { gpu, how: `MIG device ${id} of ${gpu.uuid}`, mig: true } : null;
    }
    const gpu = byPrefix(inventory, id, (g) => (g.uuid ? [g.uuid] : []));
    return gpu ? { gpu, how: `uuid ${id}`, mig: false } : null;
}
function select(ids, inventory, source, stopAtUnknown) {
    const counted = [];
    const warnings = [];
    let wholeBoard = false;
    for (const id of ids) {
        const match = resolve(id, inventory);
        if (!match) {
            warnings.push(stopAtUnknown
                ? `${source} entry '${id}' matches no GPU nvidia-smi lists; CUDA ignores it and every entry after it`
                : `'${id}' in ${source === "input" ? "input 'gpus'" : source} matches no GPU nvidia-smi lists`);
            if (stopAtUnknown)
                break;
            continue;
        }
        wholeBoard ||= match.mig;
        const seen = counted.find((c) => c.uuid === match.gpu.uuid && c.index === match.gpu.index);
        if (seen)
            seen.reason += `; ${match.how}`;
        else
            counted.push({ index: match.gpu.index, uuid: match.gpu.uuid, name: match.gpu.name, reason: `${source}: ${match.how}` });
    }
    if (wholeBoard)
        warnings.push("a MIG slice was mapped to its parent GPU: nvidia-smi reads power only for the whole board, so the energy counted is the whole board's, shared with the other slices");
    return { source, counted, excludedCount: inventory.length - counted.length, wholeBoard, notes: [], warnings };
}
function everyGpu(inventory, source, reason) {
    return {
        source,
        requested: source === "all" ? null : "all",
        counted: inventory.map((gpu) => ({ index: gpu.index, uuid: gpu.uuid, name: gpu.name, reason })),
        excludedCount: 0,
        wholeBoard: false,
        notes: [],
        warnings: [],
    };
}
/** How CUDA indices were read: a note when it is safe, a warning when it may be wrong. */
function cudaOrder(ids, inventory, order) {
    if (!ids.some((id) => /^\d+$/.test(id)) || order === "PCI_BUS_ID")
        return { notes: [], warnings: [] };
    const models = new Set(inventory.map((gpu) => gpu.name));
    if (models.size <= 1)
        return {
            notes: ["CUDA_VISIBLE_DEVICES indices were read in PCI bus order (nvidia-smi's), as CUDA numbers GPUs of one model"],
            warnings: [],
        };
    return {
        notes: [],
        warnings: [
            "CUDA_VISIBLE_DEVICES indices were read in PCI bus order, but CUDA numbers GPUs fastest first unless CUDA_DEVICE_ORDER=PCI_BUS_ID, and this host mixes GPU models: the counted GPUs may not be the job's; set CUDA_DEVICE_ORDER=PCI_BUS_ID or use GPU UUIDs",
        ],
    };
}
/**
 * Decides which GPUs to count.
 * @param inContainer true inside a container, where NVIDIA_VISIBLE_DEVICES already limited what
 *   nvidia-smi sees (and renumbered it), so its indices are not nvidia-smi's
 */
function selectGpus(request, env, inventory, inContainer) {
    if (request.kind === "all")
        return everyGpu(inventory, "input", "input 'gpus' is all");
    if (request.kind === "list") {
        const result = select(request.ids, inventory, "input", false);
        return { ...result, requested: request.ids.join(",") };
    }
    const cuda = env.CUDA_VISIBLE_DEVICES;
    if (cuda !== undefined) {
        const ids = cuda
            .split(",")
            .map((id) => id.trim())
            .filter((id) => id.length > 0);
        if (ids.length === 0 || /^-/.test(ids[0] ?? ""))
            return { ...select([], inventory, "CUDA_VISIBLE_DEVICES", true), requested: cuda };
        const result = select(ids, inventory, "CUDA_VISIBLE_DEVICES", true);
        const order = cudaOrder(ids, inventory, env.CUDA_DEVICE_ORDER);
        return { ...result, requested: cuda, notes: order.notes, warnings: [...result.warnings, ...order.warnings] };
    }
    const nvidia = env.NVIDIA_VISIBLE_DEVICES?.trim();
    if (nvidia && nvidia !== "void") {
        if (nvidia === "all")
            return everyGpu(inventory, "NVIDIA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES is all");
        if (nvidia === "none")
            return { ...select([], inventory, "NVIDIA_VISIBLE_DEVICES", false), requested: nvidia };
        const ids = nvidia.split(",").map((id) => id.trim());
        if (inContainer && ids.every((id) => /^\d+$/.test(id))) {
            // The container runtime exposed only these GPUs and renumbered them: count what it shows.
            const selection = everyGpu(inventory, "NVIDIA_VISIBLE_DEVICES", `NVIDIA_VISIBLE_DEVICES=${nvidia}: exposed to this container`);
            return { ...selection, requested: nvidia };
        }
        const result = select(ids, inventory, "NVIDIA_VISIBLE_DEVICES", false);
        return { ...result, requested: nvidia };
    }
    return everyGpu(inventory, "all", "no CUDA_VISIBLE_DEVICES or NVIDIA_VISIBLE_DEVICES: every GPU nvidia-smi lists");
}
/** Parses `nvidia-smi -L`: GPUs with the MIG devices listed under each. */
function parseListGpus(text) {
    const gpus = [];
    for (const line of text.split("\n")) {
        const gpu = /^GPU (\d+): .*\(UUID: (GPU-[^)\s]+)\)/.exec(line);
        if (gpu) {
            gpus.push({ index: gpu[1] ?? "", uuid: gpu[2] ?? "", migUuids: [] });
            continue;
        }
        const mig = /^\s+MIG .*\(UUID: (MIG-[^)\s]+)\)/.exec(line);
        if (mig && gpus.length > 0)
            gpus[gpus.length - 1]?.migUuids.push(mig[1] ?? "");
    }
    return gpus;
}


/***/ }),

/***/ 363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ hostsPhrase),
/* harmony export */   PP: () => (/* binding */ hostsOf),
/* harmony export */   Wk: () => (/* binding */ dcgmSourceLines),
/* harmony export */   Y_: () => (/* binding */ gpuOnHost)
/* harmony export */ });
/* harmony import */ var _gpu_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(965);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(184);


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
    return gpu.host ? `${(0,_gpu_js__WEBPACK_IMPORTED_MODULE_0__/* .gpuLabel */ .F)(gpu)} on ${gpu.host}` : (0,_gpu_js__WEBPACK_IMPORTED_MODULE_0__/* .gpuLabel */ .F)(gpu);
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
        lines.push(`Range ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatEnergy */ .QE)(report.energyKwhRange[0])} to ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatEnergy */ .QE)(report.energyKwhRange[1])}: the window's edges between scrapes, counter resets, gaps and the sensor's +/-5 %.`);
    for (const gpu of report.gpus) {
        if (gpu.mig)
            lines.push(`${gpuOnHost(gpu)}: this job has MIG instance(s) ${gpu.mig.instances.join(", ")}, given ${(gpu.mig.share * 100).toFixed(1)} % of the board's energy ${gpu.mig.basis}.`);
    }
    return lines;
}


/***/ }),

/***/ 702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ noLogQuality),
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   Hl: () => (/* binding */ noBreakdown),
/* harmony export */   S6: () => (/* binding */ counterNotRead),
/* harmony export */   bV: () => (/* binding */ ACCURACY_NOTE),
/* harmony export */   f$: () => (/* binding */ SCHEMA_VERSION),
/* harmony export */   lT: () => (/* binding */ MIN_COVERAGE_MEASURED),
/* harmony export */   ul: () => (/* binding */ precise),
/* harmony export */   yM: () => (/* binding */ notMeasuredReport)
/* harmony export */ });
/* unused harmony export SCOPE_NOTE */
/* harmony import */ var _carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(984);
/* harmony import */ var _integrator_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(930);
/* harmony import */ var _energy_counter_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(284);
/* harmony import */ var _carbon_pue_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79);
/* harmony import */ var _uncertainty_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22);
/* harmony import */ var _gpu_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(965);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(184);







/**
 * Report schema version; bumped on any incompatible change. 2 added `kind`, `label`, `jobs` and
 * `gpus[].host` (a report of a whole workflow run, merged from its jobs' reports).
 */
const SCHEMA_VERSION = 2;
/** Below this coverage a measurement is `partial`. */
const MIN_COVERAGE_MEASURED = 0.9;
/** The parts of a report that depend on more than the log, empty; post fills them in. */
function noBreakdown() {
    return { steps: [], outsideStepsEnergyKwh: null, stepRules: [], phases: [], gpuSelection: null, idle: null, work: null };
}
const SCOPE_NOTE = "GPU board power only, as nvidia-smi reports it: no CPU, host memory, networking or cooling, except as PUE accounts for the facility overhead";
const ACCURACY_NOTE = "each energy figure comes with the range the true energy lies in: the board sensor's error for its family, the time the readings did not see times how much power moved, the lag of 1-second averages, and gaps (docs/accuracy.md)";
/** The method note before any counter was consulted. */
/** The quality of a report with no sampler log behind it (not measured, or read from Prometheus). */
function noLogQuality(longestGapSeconds) {
    return { malformedLines: 0, events: 0, eventSamples: [], clockJumps: 0, lostRows: 0, restarts: 0, stopReason: null, longestGapSeconds };
}
function counterNotRead(reason) {
    return { status: "unavailable", reason, toleranceFraction: _energy_counter_js__WEBPACK_IMPORTED_MODULE_3__/* .SENSOR_ACCURACY_FRACTION */ .gZ, windowSeconds: null };
}
function pueSourceOf(settings) {
    return settings.pueSource ?? (0,_carbon_pue_js__WEBPACK_IMPORTED_MODULE_1__/* .pueFromNumber */ .KS)(settings.pue, "given");
}
/** Keeps 12 significant digits: enough for any energy, without float noise in the JSON. */
function precise(value) {
    return Number(value.toPrecision(12));
}
function gpuReport(gpu, info, log) {
    const known = info.find((g) => (gpu.uuid !== null && g.uuid === gpu.uuid) || (gpu.uuid === null && g.index === gpu.index));
    const indexText = gpu.index ?? known?.index ?? null;
    const index = indexText !== null && /^\d+$/.test(indexText) ? Number(indexText) : null;
    const name = known?.name ?? null;
    const { energyKwhRange, uncertainty } = (0,_uncertainty_js__WEBPACK_IMPORTED_MODULE_2__/* .sampledGpuRange */ .kq)(gpu, name, log.windowMs, log.intervalMs, log.powerField);
    return {
        index,
        uuid: gpu.uuid ?? known?.uuid ?? null,
        name,
        host: null,
        energyKwh: gpu.energyJ === null ? null : precise((0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .joulesToKwh */ .em)(gpu.energyJ)),
        energyKwhRange,
        uncertainty,
        sampledEnergyKwh: gpu.energyJ === null ? null : precise((0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .joulesToKwh */ .em)(gpu.energyJ)),
        counterEnergyKwh: null,
        energyDisagreementFraction: null,
        averageWatts: gpu.averageW === null ? null : (0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(gpu.averageW, 2),
        peakWatts: gpu.peakW,
        spreadWatts: gpu.energyJ === null ? null : (0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(gpu.spreadW, 2),
        samples: gpu.validSamples,
        missingSamples: gpu.missingSamples,
        coverage: (0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(gpu.coverage, 4),
    };
}
/** Builds the report of a measured log. `warnings` are added to those the log itself implies. */
function buildReport(log, settings, info = [], warnings = []) {
    // A plain log with at most one reading per GPU is a one-shot query, whose rows may still be
    // stamped a few ms apart, GPU after GPU: no time to integrate over, so energy is unknown.
    const singleMoment = log.gpus.some((gpu) => gpu.validSamples > 0) &&
        (log.windowMs <= 0 || (log.format === "nvidia-smi" && log.gpus.every((gpu) => gpu.validSamples <= 1)));
    const gpus = log.gpus.map((gpu) => gpuReport(singleMoment ? { ...gpu, energyJ: null, coverage: 0 } : gpu, info, log));
    const all = [...warnings];
    const measured = gpus.filter((gpu) => gpu.energyKwh !== null);
    const energyKwh = measured.length === 0 ? null : precise(measured.reduce((sum, gpu) => sum + (gpu.energyKwh ?? 0), 0));
    const coverage = measured.length === 0 ? 0 : (0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(measured.reduce((sum, gpu) => sum + gpu.coverage, 0) / measured.length, 4);
    if (gpus.length === 0)
        all.push("no GPU rows were found in the power log");
    else if (singleMoment)
        all.push("the log holds a single moment (a one-shot query, not a loop with -l or -lms): there is no time to integrate power over, so energy is unknown");
    else if (measured.length === 0)
        all.push("power was not available on any GPU ([N/A] or unsupported): energy is unknown, not 0 kWh");
    for (const gpu of gpus) {
        if (gpu.energyKwh === null && measured.length > 0)
            all.push(`${(0,_gpu_js__WEBPACK_IMPORTED_MODULE_5__/* .gpuLabel */ .F)(gpu)} reported no power reading: it is left out of the total`);
    }
    if (measured.length > 0 && coverage < MIN_COVERAGE_MEASURED) {
        all.push(`valid samples cover ${(coverage * 100).toFixed(1)} % of the window: energy in the gaps is not counted`);
    }
    const longestGapMs = Math.max(0, ...log.gpus.filter((gpu) => gpu.energyJ !== null).map((gpu) => gpu.longestGapMs));
    if (measured.length > 0 && coverage >= MIN_COVERAGE_MEASURED && longestGapMs >= LONG_GAP_MS) {
        all.push(`no valid samples for ${(0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(longestGapMs / 1000)} at a stretch: energy in that gap is not counted`);
    }
    if (log.lostRows > 0)
        all.push(`nvidia-smi reported [GPU is lost] in ${log.lostRows} row(s): a GPU fell off the bus (check the host's kernel log for Xid errors); its energy after that is not counted`);
    for (const gpu of gpus) {
        const bursty = (0,_uncertainty_js__WEBPACK_IMPORTED_MODULE_2__/* .burstyWarning */ .Og)((0,_gpu_js__WEBPACK_IMPORTED_MODULE_5__/* .gpuLabel */ .F)(gpu), gpu.uncertainty, {
            coveredSeconds: (gpu.coverage * log.windowMs) / 1000,
            spreadW: gpu.spreadWatts ?? 0,
            averageW: gpu.averageWatts ?? 0,
        });
        if (bursty)
            all.push(bursty);
    }
    if (log.clockJumps > 0)
        all.push(`the log's clock jumped ${log.clockJumps} time(s); the jumps were taken out of the durations`);
    let status = "measured";
    if (energyKwh === null)
        status = "not-measured";
    else if (coverage < MIN_COVERAGE_MEASURED || measured.length < gpus.length)
        status = "partial";
    const startedAt = log.startEpochMs === null ? null : new Date(log.startEpochMs).toISOString();
    const endedAt = log.startEpochMs === null ? null : new Date(log.startEpochMs + log.windowMs).toISOString();
    const facilityEnergyKwh = energyKwh === null ? null : precise(energyKwh * settings.pue);
    const emissions = (0,_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .emissionsKg */ .r3)(energyKwh, settings.pue, settings.carbonIntensity.gramsPerKwh);
    const energyKwhRange = (0,_uncertainty_js__WEBPACK_IMPORTED_MODULE_2__/* .totalRange */ .md)(gpus);
    const emissionsKgPrecise = emissions === null ? null : precise(emissions);
    return {
        schemaVersion: SCHEMA_VERSION,
        kind: "job",
        label: null,
        jobs: [],
        status,
        warnings: all,
        startedAt,
        endedAt,
        durationSeconds: (0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(log.windowMs / 1000, 3),
        energyKwh,
        energyKwhRange,
        energySource: "sampled",
        sampledEnergyKwh: energyKwh,
        counterEnergyKwh: null,
        energyDisagreementFraction: null,
        facilityEnergyKwh,
        pue: settings.pue,
        pueSource: pueSourceOf(settings),
        emissionsKg: emissionsKgPrecise,
        emissionsKgRange: (0,_uncertainty_js__WEBPACK_IMPORTED_MODULE_2__/* .emissionsRange */ .MT)(energyKwhRange, energyKwh, emissionsKgPrecise),
        coverage,
        carbonIntensity: settings.carbonIntensity,
        embodied: null,
        gpus,
        method: {
            powerField: log.powerField,
            intervalMs: log.intervalMs,
            gapThresholdMs: log.gapMs,
            integration: "trapezoid",
            rules: (0,_integrator_js__WEBPACK_IMPORTED_MODULE_6__/* .integrationRules */ .gt)({ gapMs: log.gapMs }),
            scope: SCOPE_NOTE,
            accuracy: ACCURACY_NOTE,
            energyCounter: counterNotRead("the driver's energy counter was not read"),
        },
        quality: {
            malformedLines: log.malformedLines,
            events: log.eventCount,
            eventSamples: log.events,
            clockJumps: log.clockJumps,
            lostRows: log.lostRows,
            restarts: log.restarts,
            stopReason: log.stopReason,
            longestGapSeconds: (0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(Math.max(0, ...log.gpus.map((gpu) => gpu.longestGapMs)) / 1000, 3),
        },
        powerSeries: {
            bucketSeconds: log.series.bucketSeconds,
            points: log.series.points.map((p) => [(0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(p.tMs / 1000, 3), (0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(p.totalW, 2)]),
        },
        ...noBreakdown(),
    };
}
/** A gap this long is worth a warning even when coverage stays high (an outage in a long log). */
const LONG_GAP_MS = 5 * 60_000;
/** A report for a job where nothing could be measured (no GPU, no driver, no nvidia-smi). */
function notMeasuredReport(settings, warnings, window) {
    return {
        schemaVersion: SCHEMA_VERSION,
        kind: "job",
        label: null,
        jobs: [],
        status: "not-measured",
        warnings,
        startedAt: window.startEpochMs === null ? null : new Date(window.startEpochMs).toISOString(),
        endedAt: window.startEpochMs === null ? null : new Date(window.startEpochMs + window.durationMs).toISOString(),
        durationSeconds: (0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(window.durationMs / 1000, 3),
        energyKwh: null,
        energyKwhRange: null,
        energySource: "sampled",
        sampledEnergyKwh: null,
        counterEnergyKwh: null,
        energyDisagreementFraction: null,
        facilityEnergyKwh: null,
        pue: settings.pue,
        pueSource: pueSourceOf(settings),
        emissionsKg: null,
        emissionsKgRange: null,
        coverage: 0,
        carbonIntensity: settings.carbonIntensity,
        embodied: null,
        gpus: [],
        method: {
            powerField: null,
            intervalMs: window.intervalMs,
            gapThresholdMs: window.gapMs,
            integration: "trapezoid",
            rules: (0,_integrator_js__WEBPACK_IMPORTED_MODULE_6__/* .integrationRules */ .gt)({ gapMs: window.gapMs }),
            scope: SCOPE_NOTE,
            accuracy: ACCURACY_NOTE,
            energyCounter: counterNotRead("the driver's energy counter was not read"),
        },
        quality: noLogQuality((0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .round */ .LI)(window.durationMs / 1000, 3)),
        powerSeries: { bucketSeconds: 0, points: [] },
        ...noBreakdown(),
    };
}


/***/ }),

/***/ 22:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ emissionsRange),
/* harmony export */   Og: () => (/* binding */ burstyWarning),
/* harmony export */   eM: () => (/* binding */ counterGpuRange),
/* harmony export */   kq: () => (/* binding */ sampledGpuRange),
/* harmony export */   md: () => (/* binding */ totalRange)
/* harmony export */ });
/* unused harmony exports preciseRange, SHORT_PART_TIME_S */
/* harmony import */ var _energy_range_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(641);
/* harmony import */ var _energy_sensor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(184);



/** Rounds a range for the report: 12 significant digits, as energy figures are. */
function preciseRange(range) {
    return [Number(range[0].toPrecision(12)), Number(range[1].toPrecision(12))];
}
function uncertaintyOf(parts, family) {
    return {
        sensorFamily: family,
        sensorFraction: (0,_units_js__WEBPACK_IMPORTED_MODULE_2__/* .round */ .LI)(parts.sensorFraction, 4),
        samplingFraction: (0,_units_js__WEBPACK_IMPORTED_MODULE_2__/* .round */ .LI)(parts.samplingFraction, 4),
        seenFraction: (0,_units_js__WEBPACK_IMPORTED_MODULE_2__/* .round */ .LI)(parts.seenFraction, 4),
    };
}
/** One GPU's sampled range in kWh and what went into it; `null` range when the GPU has no energy. */
function sampledGpuRange(gpu, name, windowMs, intervalMs, powerField) {
    if (gpu.energyJ === null)
        return { energyKwhRange: null, uncertainty: null };
    const profile = (0,_energy_sensor_js__WEBPACK_IMPORTED_MODULE_1__/* .sensorProfile */ .KK)(name);
    const parts = (0,_energy_range_js__WEBPACK_IMPORTED_MODULE_0__/* .sampledRange */ .cW)({
        energyJ: gpu.energyJ,
        windowMs,
        coveredMs: gpu.coveredMs,
        spreadW: gpu.spreadW,
        firstW: gpu.firstW ?? 0,
        lastW: gpu.lastW ?? 0,
        peakW: gpu.peakW ?? 0,
        intervalMs,
        powerField,
    }, profile);
    return { energyKwhRange: preciseRange((0,_energy_range_js__WEBPACK_IMPORTED_MODULE_0__/* .scaleRange */ .sK)(parts.rangeJ, 1 / _units_js__WEBPACK_IMPORTED_MODULE_2__/* .JOULES_PER_KWH */ .EI)), uncertainty: uncertaintyOf(parts, profile.family) };
}
/** The range of a GPU's counter figure, kWh, and what went into it. */
function counterGpuRange(counterKwh, name, windowSeconds, spreadW, peakW) {
    const profile = (0,_energy_sensor_js__WEBPACK_IMPORTED_MODULE_1__/* .sensorProfile */ .KK)(name);
    const parts = (0,_energy_range_js__WEBPACK_IMPORTED_MODULE_0__/* .counterRange */ .Y5)(counterKwh * _units_js__WEBPACK_IMPORTED_MODULE_2__/* .JOULES_PER_KWH */ .EI, { windowMs: windowSeconds * 1000, spreadW, peakW }, profile);
    return { energyKwhRange: preciseRange((0,_energy_range_js__WEBPACK_IMPORTED_MODULE_0__/* .scaleRange */ .sK)(parts.rangeJ, 1 / _units_js__WEBPACK_IMPORTED_MODULE_2__/* .JOULES_PER_KWH */ .EI)), uncertainty: uncertaintyOf(parts, profile.family) };
}
/** The job's range: the sum of its measured GPUs' ranges; `null` when none has one. */
function totalRange(gpus) {
    const measured = gpus.filter((gpu) => gpu.energyKwh !== null);
    if (measured.length === 0)
        return null;
    const sum = (0,_energy_range_js__WEBPACK_IMPORTED_MODULE_0__/* .addRanges */ .uH)(measured.map((gpu) => gpu.energyKwhRange));
    return sum === null ? null : preciseRange(sum);
}
/**
 * The emissions range that goes with an energy range: the same relative bounds (emissions are
 * energy x PUE x intensity; the intensity's own uncertainty is not in it). `null` when either is unknown.
 */
function emissionsRange(energyKwhRange, energyKwh, emissionsKg) {
    if (energyKwhRange === null || energyKwh === null || emissionsKg === null)
        return null;
    if (energyKwh === 0)
        return [0, 0];
    return preciseRange((0,_energy_range_js__WEBPACK_IMPORTED_MODULE_0__/* .scaleRange */ .sK)(energyKwhRange, emissionsKg / energyKwh));
}
/** Below this many seconds of readings, a part-time sensor's figure cannot show whether the work is bursty. */
const SHORT_PART_TIME_S = 10;
/** Power that moves by less than this fraction of its average is steady. */
const STEADY_SPREAD_FRACTION = 0.02;
/**
 * The warning for a GPU whose figure sampling may move by more than `BURSTY_SAMPLING_FRACTION`;
 * or, on a sensor that sees at most half of the time, a figure of under `SHORT_PART_TIME_S` whose
 * power moved at all: a load in step with the sensor's cycle looks smooth in so few readings
 * (1 s of the meter's A100 square wave reads 64 to 94 W where the card drew 128 W). `null` otherwise.
 */
function burstyWarning(label, uncertainty, figure) {
    if (uncertainty === null)
        return null;
    const pct = (fraction) => `${Math.round(fraction * 100)} %`;
    const moved = figure.averageW > 0 && figure.spreadW / figure.averageW > STEADY_SPREAD_FRACTION;
    if (uncertainty.samplingFraction <= _energy_range_js__WEBPACK_IMPORTED_MODULE_0__/* .BURSTY_SAMPLING_FRACTION */ .Do) {
        if (uncertainty.seenFraction > 0.5 || figure.coveredSeconds >= SHORT_PART_TIME_S || !moved)
            return null;
        return (`${label}'s power moved, and its readings saw about ${pct(uncertainty.seenFraction)} of the time over only ${figure.coveredSeconds.toFixed(1)} s: ` +
            "bursty work in step with the sensor's cycle can look smooth in so few readings and be off by tens of percent, beyond the range shown. " +
            "A longer run averages it out; a shorter interval helps only until every value the driver publishes is read");
    }
    return (`${label}'s power changed faster than its readings can follow (bursty work): the readings saw about ${pct(uncertainty.seenFraction)} of the time, ` +
        `so sampling alone may move the figure by about +/-${pct(uncertainty.samplingFraction)}; the range includes this. ` +
        "A longer run averages it out; a shorter interval helps only until every value the driver publishes is read");
}


/***/ }),

/***/ 184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EI: () => (/* binding */ JOULES_PER_KWH),
/* harmony export */   LI: () => (/* binding */ round),
/* harmony export */   QE: () => (/* binding */ formatEnergy),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   bk: () => (/* binding */ formatMassRange),
/* harmony export */   d5: () => (/* binding */ formatPower),
/* harmony export */   em: () => (/* binding */ joulesToKwh),
/* harmony export */   l$: () => (/* binding */ formatEnergyRange),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   so: () => (/* binding */ formatMass),
/* harmony export */   wu: () => (/* binding */ signedPercent)
/* harmony export */ });
/* unused harmony export kwhFromPower */
/** Unit conversions and human-readable formatting. Pure; every name carries its unit. */
/** Joules in one kilowatt-hour. */
const JOULES_PER_KWH = 3_600_000;
/** Converts joules to kilowatt-hours. */
function joulesToKwh(energyJ) {
    return energyJ / JOULES_PER_KWH;
}
/** Energy in kWh from a constant power over a duration: E = P x t / 3,600,000. */
function kwhFromPower(powerW, durationS) {
    return (powerW * durationS) / JOULES_PER_KWH;
}
function trim(value, digits) {
    return value.toFixed(digits);
}
/** Significant-figure style rendering: 3 significant digits, no exponent for normal ranges. */
function formatNumber(value) {
    if (value === 0)
        return "0";
    const abs = Math.abs(value);
    if (abs >= 100)
        return trim(value, 0);
    if (abs >= 10)
        return trim(value, 1);
    if (abs >= 1)
        return trim(value, 2);
    if (abs >= 0.01)
        return trim(value, 3);
    return value.toPrecision(2);
}
/** Energy in readable units: Wh below 1 kWh, kWh (or MWh) above. `null` renders as "n/a". */
function formatEnergy(energyKwh) {
    if (energyKwh === null)
        return "n/a";
    if (Math.abs(energyKwh) >= 1000)
        return `${formatNumber(energyKwh / 1000)} MWh`;
    if (Math.abs(energyKwh) >= 1)
        return `${formatNumber(energyKwh)} kWh`;
    return `${formatNumber(energyKwh * 1000)} Wh`;
}
/** Mass of CO2e in readable units: g below 1 kg, kg (or t) above. `null` renders as "n/a". */
function formatMass(massKg) {
    if (massKg === null)
        return "n/a";
    if (Math.abs(massKg) >= 1000)
        return `${formatNumber(massKg / 1000)} t`;
    if (Math.abs(massKg) >= 1)
        return `${formatNumber(massKg)} kg`;
    return `${formatNumber(massKg * 1000)} g`;
}
/** Decimals `formatNumber` shows for `value`; `null` below 0.01 (two significant digits there). */
function decimalsOf(value) {
    const abs = Math.abs(value);
    if (abs >= 100 || value === 0)
        return 0;
    if (abs >= 10)
        return 1;
    if (abs >= 1)
        return 2;
    if (abs >= 0.01)
        return 3;
    return null;
}
/**
 * A figure and its range in the figure's unit: the bounds to the first significant digit of the
 * range's half-width (two when it starts with 1; never finer than the figure), rounded outwards so the shown range still
 * holds the true one: `80.7 Wh (77-84)`, `10.0 Wh (9.4-10.6)`.
 */
function withRange(value, range, unitOf) {
    const [factor, unit] = unitOf(value);
    const figure = value * factor;
    const text = `${formatNumber(figure)} ${unit}`;
    if (range === null)
        return text;
    const [low, high] = [range[0] * factor, range[1] * factor];
    const decimals = decimalsOf(figure);
    if (decimals === null)
        return `${text} (${low.toPrecision(2)}-${high.toPrecision(2)})`;
    const halfWidth = (high - low) / 2;
    // One significant digit of the half-width, two when it starts with 1 (1.1 rounds too coarsely to 1).
    const magnitude = halfWidth > 0 ? Math.floor(Math.log10(halfWidth)) : null;
    const leading = magnitude === null ? 0 : Math.floor(halfWidth / 10 ** magnitude);
    const d = magnitude === null ? decimals : Math.min(decimals, Math.max(0, -magnitude + (leading === 1 ? 1 : 0)));
    const step = 10 ** d;
    const out = (v, round) => (round(Number((v * step).toPrecision(12))) / step).toFixed(d);
    return `${text} (${out(low, Math.floor)}-${out(high, Math.ceil)})`;
}
/** The factor from kWh to the unit `formatEnergy` picks for `energyKwh`, and the unit. */
function energyUnit(energyKwh) {
    if (Math.abs(energyKwh) >= 1000)
        return [1 / 1000, "MWh"];
    if (Math.abs(energyKwh) >= 1)
        return [1, "kWh"];
    return [1000, "Wh"];
}
/** The factor from kg to the unit `formatMass` picks for `massKg`, and the unit. */
function massUnit(massKg) {
    if (Math.abs(massKg) >= 1000)
        return [1 / 1000, "t"];
    if (Math.abs(massKg) >= 1)
        return [1, "kg"];
    return [1000, "g"];
}
/** Energy with its uncertainty range: `80.7 Wh (76-84)`; without a range as `formatEnergy`. */
function formatEnergyRange(energyKwh, rangeKwh) {
    return energyKwh === null ? "n/a" : withRange(energyKwh, rangeKwh, energyUnit);
}
/** Mass with its uncertainty range: `32.3 g (30-34)`; without a range as `formatMass`. */
function formatMassRange(massKg, rangeKg) {
    return massKg === null ? "n/a" : withRange(massKg, rangeKg, massUnit);
}
/** Power in watts (kW above 10 kW). */
function formatPower(powerW) {
    if (powerW === null)
        return "n/a";
    if (Math.abs(powerW) >= 10_000)
        return `${formatNumber(powerW / 1000)} kW`;
    return `${formatNumber(powerW)} W`;
}
/** Duration as `1h 02m 03s`, `2m 05s` or `4.2s`. */
function formatDuration(durationS) {
    if (!Number.isFinite(durationS) || durationS < 0)
        return "n/a";
    if (durationS < 60)
        return `${trim(durationS, 1)}s`;
    const total = Math.round(durationS);
    const days = Math.floor(total / 86_400);
    const hours = Math.floor((total % 86_400) / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    const mm = String(minutes).padStart(2, "0");
    const ss = String(seconds).padStart(2, "0");
    if (days > 0)
        return `${days}d ${hours}h ${mm}m`;
    if (hours > 0)
        return `${hours}h ${mm}m ${ss}s`;
    return `${minutes}m ${ss}s`;
}
/** A 0..1 fraction as a percentage with one decimal. */
function formatPercent(fraction) {
    if (fraction === null)
        return "n/a";
    return `${(fraction * 100).toFixed(1)}%`;
}
/** A signed relative difference: `+2.5%`, `-12.0%`; `n/a` for `null`. */
function signedPercent(fraction) {
    if (fraction === null)
        return "n/a";
    return `${fraction >= 0 ? "+" : ""}${formatPercent(fraction)}`;
}
/** Rounds to `digits` decimals (9 by default: kWh without float noise; fewer for watts, fractions). */
function round(value, digits = 9) {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}


/***/ }),

/***/ 563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ EMBODIED_ROWS),
/* harmony export */   d: () => (/* binding */ PUE_ROWS)
/* harmony export */ });
/** 12 rows. */
// prettier-ignore
const PUE_ROWS = [
    { operator: "Uptime Institute Global Data Center Survey", year: 2023, pue: 1.58, sourceUrl: "https://intelligence.uptimeinstitute.com/resource/large-data-centers-are-mostly-more-efficient-analysis-confirms", sourceType: "publisher" },
    { operator: "Uptime Institute Global Data Center Survey", year: 2024, pue: 1.56, sourceUrl: "https://datacenter.uptimeinstitute.com/rs/711-RIA-145/images/2024.GlobalDataCenterSurvey.Report.pdf", sourceType: "secondary" },
    { operator: "Uptime Institute Global Data Center Survey", year: 2025, pue: 1.54, sourceUrl: "https://intelligence.uptimeinstitute.com/resource/uptime-institute-global-data-center-survey-2025", sourceType: "secondary" },
    { operator: "Google (fleet)", year: 2023, pue: 1.1, sourceUrl: "https://blog.google/outreach-initiatives/sustainability/2024-environmental-report", sourceType: "publisher" },
    { operator: "Google (fleet)", year: 2024, pue: 1.09, sourceUrl: "https://blog.google/outreach-initiatives/sustainability/environmental-report-2025", sourceType: "secondary" },
    { operator: "AWS (global)", year: 2023, pue: 1.15, sourceUrl: "https://www.datacenterdynamics.com/en/news/aws-global-data-centers-achieved-pue-of-115-in-2023/", sourceType: "secondary" },
    { operator: "AWS (global)", year: 2024, pue: 1.15, sourceUrl: "https://aws.amazon.com/sustainability/data-centers/", sourceType: "publisher" },
    { operator: "AWS (global)", year: 2025, pue: 1.14, sourceUrl: "https://sustainability.aboutamazon.com/environment/the-cloud", sourceType: "publisher" },
    { operator: "Microsoft (global portfolio)", year: 2023, pue: 1.18, sourceUrl: "https://www.datacenterdynamics.com/en/news/aws-global-data-centers-achieved-pue-of-115-in-2023/", sourceType: "secondary" },
    { operator: "Meta (fleet)", year: 2023, pue: 1.08, sourceUrl: "https://www.datacenterdynamics.com/en/news/aws-global-data-centers-achieved-pue-of-115-in-2023/", sourceType: "secondary" },
    { operator: "IDC public-cloud industry average", year: 2024, pue: 1.25, sourceUrl: "https://aws.amazon.com/sustainability/data-centers/", sourceType: "secondary" },
    { operator: "IDC on-premises enterprise average", year: 2024, pue: 1.63, sourceUrl: "https://aws.amazon.com/sustainability/data-centers/", sourceType: "secondary" },
];
/** 6 rows. */
// prettier-ignore
const EMBODIED_ROWS = [
    { item: "NVIDIA HGX H100 baseboard (8x H100 SXM)", boundary: "cradle-to-gate", kgPerGpu: 164, sourceUrl: "https://images.nvidia.com/aem-dam/Solutions/documents/HGX-H100-PCF-Summary.pdf", sourceType: "secondary" },
    { item: "NVIDIA HGX H100 vs HGX B200 embodied intensity", boundary: "cradle-to-gate", kgPerGpu: null, sourceUrl: "https://developer.nvidia.com/blog/?p=106112", sourceType: "publisher" },
    { item: "NVIDIA A100 GPU (BLOOM study)", boundary: "cradle-to-gate", kgPerGpu: 150, sourceUrl: "https://jmlr.org/papers/v24/23-0069.html", sourceType: "secondary" },
    { item: "GPU server excluding GPUs (BLOOM study; HPE Apollo 6500 Gen10 Plus)", boundary: "cradle-to-gate", kgPerGpu: null, sourceUrl: "https://jmlr.org/papers/v24/23-0069.html", sourceType: "secondary" },
    { item: "NVIDIA A100 SXM 40GB (Falk et al. 2025)", boundary: "cradle-to-gate", kgPerGpu: 127.6, sourceUrl: "https://arxiv.org/abs/2509.00093", sourceType: "secondary" },
    { item: "NVIDIA A100 incl. 1/8 of instance CPU/DRAM/SSD/HDD (Chien et al. HotCarbon 2023)", boundary: "embodied", kgPerGpu: 318, sourceUrl: "https://dl.acm.org/doi/pdf/10.1145/3604930.3605705", sourceType: "secondary" },
];


/***/ }),

/***/ 854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kN: () => (/* binding */ UnreadableLog),
  ul: () => (/* binding */ UnusableLogError),
  Y_: () => (/* binding */ analyseLogFile),
  Um: () => (/* binding */ analyseSession)
});

// UNUSED EXPORTS: unusableLog

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(455);
;// CONCATENATED MODULE: ./src/adapters/log-file.ts
/** Reading a sample log from disk as a stream of bytes (never the whole file in memory). */


/** Bytes read at a time, into two buffers reused for the whole file. */
const CHUNK_BYTES = 1 << 20;
/**
 * Streams `path` into `reader`. A final line without a newline (cut off when the writer was
 * killed) is counted as malformed, never parsed. Two read buffers serve the whole file, in turn:
 * the next chunk is read into one while the reader parses the other, so parsing never waits on
 * the disk it could have overlapped. The reader copies what it keeps of a chunk, so a long log
 * makes no garbage here.
 *
 * With `snapshot`, only a regular file is read, and only up to the size it has when reading
 * starts: a log that some leftover process keeps appending to, or a device in its place, cannot
 * keep the caller reading for ever.
 * @returns bytes read
 */
async function readLogInto(path, reader, options = {}) {
    let bytes = 0;
    let size = Infinity;
    if (options.snapshot) {
        const stat = (0,external_node_fs_.statSync)(path);
        if (!stat.isFile())
            throw new Error(`${path} is not a regular file`);
        if (stat.size === 0)
            return 0;
        size = stat.size;
    }
    const file = await (0,promises_.open)(path, "r");
    let pending = null;
    try {
        let filling = Buffer.allocUnsafe(CHUNK_BYTES);
        let spare = Buffer.allocUnsafe(CHUNK_BYTES);
        // One read in flight at a time (reads follow the file's position), started before parsing.
        const readInto = (buffer) => file.read(buffer, 0, Math.min(CHUNK_BYTES, size - bytes), null);
        pending = bytes < size ? readInto(filling) : null;
        while (pending) {
            const { bytesRead } = await pending;
            if (bytesRead === 0)
                break;
            bytes += bytesRead;
            const full = filling;
            filling = spare;
            spare = full;
            pending = bytes < size ? readInto(filling) : null;
            reader.pushBytes(full.subarray(0, bytesRead));
        }
    }
    finally {
        // A read still in flight when the reader threw: the file is closed after it.
        await pending?.catch(() => undefined);
        await file.close();
    }
    reader.endBytes();
    return bytes;
}

// EXTERNAL MODULE: ./src/adapters/safe-file.ts
var safe_file = __webpack_require__(286);
// EXTERNAL MODULE: ./src/config/names.ts
var names = __webpack_require__(234);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
;// CONCATENATED MODULE: ./src/adapters/session-store.ts
/** The session file: what `pre`/`main` started, for `post` (and later uses) to find. */





/**
 * The job's working folder: `$RUNNER_TEMP/gpu-carbon`. Without `RUNNER_TEMP` it is the folder the
 * first use of the action made for this job and exported (`GPU_CARBON_WORK_DIR`), never one
 * shared folder that every later job on the host would find; `null` when there is none yet.
 */
function workDir(env) {
    if (env.RUNNER_TEMP)
        return external_node_path_default().join(env.RUNNER_TEMP, names/* FILE */.PW.workDir);
    return env[names/* ENV */.Km.workDir] || null;
}
/** A new folder of this job's own in the OS temp folder, for a job without `RUNNER_TEMP`. */
function makeOwnWorkDir() {
    return mkdtempSync(path.join(os.tmpdir(), `${FILE.workDir}-`));
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
 * Which job a claim belongs to: the run, its attempt, the job and its matrix values. Two uses of
 * the action in one job agree on it; a later job whose work folder is the same one does not.
 */
function jobIdentity(env, matrix) {
    return JSON.stringify([env.GITHUB_RUN_ID ?? "", env.GITHUB_RUN_ATTEMPT ?? "", env.GITHUB_JOB ?? "", matrix]);
}
/**
 * Claims the job's measurement: `claimed` for the first use of the action in a job, `taken` when
 * an earlier use of this job claimed it (exactly one sampler per job), `stale` when the folder
 * holds another job's claim (or a claim that was never completed). A claim that cannot be written
 * is removed again and thrown, so that nothing half-made is left for the next use to trip on.
 */
function claim(dir, identity) {
    const lock = path.join(dir, FILE.lock);
    let fd;
    try {
        fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    }
    catch (e) {
        if (e.code !== "EEXIST")
            throw e;
        const held = readRegularFile(lock, 4096);
        return held.ok && held.text === identity ? "taken" : "stale";
    }
    try {
        const bytes = Buffer.from(identity);
        let offset = 0;
        while (offset < bytes.length)
            offset += writeSync(fd, bytes, offset, bytes.length - offset);
        closeSync(fd);
        return "claimed";
    }
    catch (e) {
        closeSync(fd);
        unlinkSync(lock); // we just made it: an empty claim would stop every later use from measuring
        throw new Error(`could not write ${lock} (${e.message})`, { cause: e });
    }
}
/**
 * Moves a folder another job left behind aside (kept for whoever wants to look, never reused),
 * so that a fresh one can be made in its place. Returns where it went.
 */
function moveAside(dir) {
    const aside = `${dir}.stale-${Date.now()}`;
    renameSync(dir, aside);
    return aside;
}
/** Writes the session file; returns an error message instead of throwing (disk full, read-only). */
function writeSession(file, session) {
    return writeRegularFile(file, JSON.stringify(session, null, 2));
}
/**
 * Reads at most `maxBytes` of a regular file; `null` for anything else (missing, a device, a
 * FIFO, too large), without ever blocking on it.
 */
function readSmallFile(file, maxBytes) {
    const read = (0,safe_file/* readRegularFile */.XF)(file, maxBytes);
    return read.ok ? read.text : null;
}
/** Reads the session file: the session, or why there is none (`null` when it simply is not there). */
function loadSession(file) {
    const read = readRegularFile(file, 4 << 20);
    if (!read.ok)
        return { session: null, problem: read.missing ? null : read.reason };
    try {
        const session = JSON.parse(read.text);
        if (session !== null && typeof session === "object" && session.version === 1)
            return { session };
    }
    catch {
        /* corrupt */
    }
    return { session: null, problem: `${file} is not a session gpu-carbon wrote` };
}
/** Reads the session file; `null` when it is missing, unreadable, not ours or corrupt. */
function readSession(file) {
    return loadSession(file).session;
}

;// CONCATENATED MODULE: ./src/adapters/selector-file.ts
/**
 * The Prometheus selector a `mode: mark` use gave (known only after a step, such as a Slurm job
 * id): kept in the job's work folder for post. The last one given wins.
 */




/** Replaces the recorded selector (written beside and renamed, so post never reads half of it). */
function writeSelector(dir, selector) {
    const file = path.join(dir, FILE.prometheusSelector);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, selector + "\n", { flag: "w" });
    renameSync(temp, file);
}
/** The recorded selector; `null` when none was recorded. */
function readSelector(dir) {
    const text = readSmallFile(external_node_path_default().join(dir, names/* FILE */.PW.prometheusSelector), 8192);
    return text === null || text.trim() === "" ? null : text.trim();
}

// EXTERNAL MODULE: ./src/adapters/deadlines.ts
var deadlines = __webpack_require__(853);
// EXTERNAL MODULE: ./src/core/carbon/intensity.ts
var intensity = __webpack_require__(984);
// EXTERNAL MODULE: ./src/core/energy/counter.ts
var counter = __webpack_require__(284);
// EXTERNAL MODULE: ./src/core/gpu.ts
var core_gpu = __webpack_require__(965);
// EXTERNAL MODULE: ./src/core/report/report.ts
var report_report = __webpack_require__(702);
// EXTERNAL MODULE: ./src/core/report/uncertainty.ts
var uncertainty = __webpack_require__(22);
// EXTERNAL MODULE: ./src/core/units.ts
var core_units = __webpack_require__(184);
;// CONCATENATED MODULE: ./src/core/report/energy-source.ts






function percent(fraction) {
    return `${fraction >= 0 ? "+" : ""}${(fraction * 100).toFixed(1)} %`;
}
function unavailable(report, reason) {
    return { ...report, method: { ...report.method, energyCounter: (0,report_report/* counterNotRead */.S6)(reason) } };
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
function applyEnergyCounter(report, start, end, edges = new Map(), trails = new Map()) {
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
    const deltas = (0,counter/* counterDeltas */.wV)(start, end, trails);
    const sampledStart = report.startedAt === null ? null : Date.parse(report.startedAt);
    const sampledEnd = report.endedAt === null ? null : Date.parse(report.endedAt);
    const windows = [...deltas.values()].flatMap((d) => d.startEpochMs !== null && d.endEpochMs !== null ? [d.endEpochMs - d.startEpochMs] : []);
    const windowSeconds = windows.length === 0 ? null : (0,core_units/* round */.LI)(Math.max(...windows) / 1000, 3);
    const missing = [];
    const disagreeing = [];
    const gpus = report.gpus.map((gpu) => {
        if (gpu.sampledEnergyKwh === null)
            return gpu;
        const delta = gpu.uuid === null ? undefined : deltas.get(gpu.uuid);
        if (!delta || delta.energyJ === null) {
            missing.push(`${(0,core_gpu/* gpuLabel */.F)(gpu)}: ${delta?.reason ?? "the driver listed no counter for this GPU"}`);
            return gpu;
        }
        const sampledJ = gpu.sampledEnergyKwh * core_units/* JOULES_PER_KWH */.EI;
        const counterWindow = { startEpochMs: delta.startEpochMs ?? 0, endEpochMs: delta.endEpochMs ?? 0 };
        const sampledWindow = { startEpochMs: sampledStart ?? counterWindow.startEpochMs, endEpochMs: sampledEnd ?? counterWindow.endEpochMs };
        const edge = gpu.uuid === null ? undefined : edges.get(gpu.uuid);
        const counterJ = edge ? (0,counter/* trimToWindow */.uC)(delta.energyJ, counterWindow, sampledWindow, edge) : delta.energyJ;
        // The allowance for the edges stays: what the GPU drew there is only estimated.
        const comparison = (0,counter/* compareEnergy */.UV)(counterJ, { energyJ: sampledJ, peakW: gpu.peakWatts ?? gpu.averageWatts ?? 0, coverage: gpu.coverage }, counterWindow, sampledWindow);
        const counterKwh = (0,report_report/* precise */.ul)((0,core_units/* joulesToKwh */.em)(counterJ));
        if (!comparison.plausible) {
            missing.push(`${(0,core_gpu/* gpuLabel */.F)(gpu)}: its counter gives ${(0,core_units/* round */.LI)(counterKwh * 1000, 4)} Wh where sampling gives ${(0,core_units/* round */.LI)(gpu.sampledEnergyKwh * 1000, 4)} Wh, more than the sensor and the window edges explain`);
        }
        else if (comparison.disagrees) {
            const by = comparison.disagreementFraction === null ? "" : ` (${percent(comparison.disagreementFraction)})`;
            disagreeing.push(`${(0,core_gpu/* gpuLabel */.F)(gpu)} sampled ${(0,core_units/* round */.LI)(gpu.sampledEnergyKwh * 1000, 4)} Wh vs counter ${(0,core_units/* round */.LI)(counterKwh * 1000, 4)} Wh${by}`);
        }
        return {
            ...gpu,
            counterEnergyKwh: counterKwh,
            energyDisagreementFraction: comparison.disagreementFraction === null ? null : (0,core_units/* round */.LI)(comparison.disagreementFraction, 4),
        };
    });
    const warnings = [...report.warnings];
    if (disagreeing.length > 0) {
        warnings.push(`sampled power and the driver's energy counter disagree by more than the sensor's +/-${counter/* SENSOR_ACCURACY_FRACTION */.gZ * 100} % accuracy and the window edges explain: ${disagreeing.join("; ")}`);
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
                    toleranceFraction: counter/* SENSOR_ACCURACY_FRACTION */.gZ,
                    windowSeconds,
                },
            },
        };
    }
    const counterKwh = (0,report_report/* precise */.ul)(gpus.reduce((sum, gpu) => sum + (gpu.counterEnergyKwh ?? 0), 0));
    if (report.coverage < report_report/* MIN_COVERAGE_MEASURED */.lT) {
        warnings.push("the totals come from the driver's energy counter, which has no gaps: the sampling gaps affect only the sampled figure, averages and the chart");
    }
    const withCounter = gpus.map((gpu) => gpu.sampledEnergyKwh === null || gpu.counterEnergyKwh === null
        ? gpu
        : {
            ...gpu,
            energyKwh: gpu.counterEnergyKwh,
            ...(0,uncertainty/* counterGpuRange */.eM)(gpu.counterEnergyKwh, gpu.name, report.durationSeconds, gpu.spreadWatts ?? 0, gpu.peakWatts ?? 0),
        });
    const emissions = (0,intensity/* emissionsKg */.r3)(counterKwh, report.pue, report.carbonIntensity.gramsPerKwh);
    const energyKwhRange = (0,uncertainty/* totalRange */.md)(withCounter);
    const emissionsPrecise = emissions === null ? null : (0,report_report/* precise */.ul)(emissions);
    return {
        ...report,
        warnings,
        gpus: withCounter,
        energyKwh: counterKwh,
        energyKwhRange,
        energySource: "counter",
        counterEnergyKwh: counterKwh,
        energyDisagreementFraction: sampledKwh === null || counterKwh === 0 ? null : (0,core_units/* round */.LI)((sampledKwh - counterKwh) / counterKwh, 4),
        facilityEnergyKwh: (0,report_report/* precise */.ul)(counterKwh * report.pue),
        emissionsKg: emissionsPrecise,
        emissionsKgRange: (0,uncertainty/* emissionsRange */.MT)(energyKwhRange, counterKwh, emissionsPrecise),
        method: {
            ...report.method,
            energyCounter: { status: "used", reason: null, toleranceFraction: counter/* SENSOR_ACCURACY_FRACTION */.gZ, windowSeconds },
        },
    };
}

// EXTERNAL MODULE: ./src/core/energy/breakdown.ts + 1 modules
var breakdown = __webpack_require__(274);
;// CONCATENATED MODULE: ./src/core/energy/idle.ts

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
    return { powerWatts: (0,core_units/* round */.LI)(powerW, 2), energyKwh: (0,core_units/* round */.LI)((0,core_units/* joulesToKwh */.em)(idleJ)), aboveIdleEnergyKwh: (0,core_units/* round */.LI)((0,core_units/* joulesToKwh */.em)(aboveJ)) };
}

;// CONCATENATED MODULE: ./src/core/log/fast/byte-lines.ts
/**
 * Splits a stream of bytes into lines without turning them into strings, so the reader can
 * parse most rows straight from the bytes. Memory is bounded: of a line longer than
 * `maxLineBytes` only the start is kept, and the line is handed on marked as overlong. Pure.
 */
const NEWLINE = 10;
const RETURN = 13;
class ByteLines {
    onLine;
    tryLine;
    maxLineBytes;
    /** The start of a line cut by the end of a chunk (at most `maxLineBytes + 1` bytes). */
    carry = null;
    /** The carried line had more bytes than were kept. */
    carryCut = false;
    constructor(onLine, tryLine = null, maxLineBytes = 65_536) {
        this.onLine = onLine;
        this.tryLine = tryLine;
        this.maxLineBytes = maxLineBytes;
    }
    /** Feeds the next chunk of the stream. */
    push(chunk) {
        const tryLine = this.tryLine;
        // The reader sees no further than the `\n` of a line of `maxLineBytes` bytes (a longer one,
        // and one that long with a `\r`, go to the sink, which tells them apart).
        const reach = this.maxLineBytes + 1;
        let start = 0;
        if (this.carry) {
            const nl = chunk.indexOf(NEWLINE);
            if (nl < 0) {
                this.carry = this.join(this.carry, chunk);
                return;
            }
            const line = this.join(this.carry, chunk.subarray(0, nl));
            const cut = this.carryCut;
            this.carry = null;
            this.carryCut = false;
            if (cut || !this.tryWhole(line, reach))
                this.emit(line, 0, line.length, cut);
            start = nl + 1;
        }
        while (start < chunk.length) {
            let nl = tryLine === null ? -1 : tryLine(chunk, start, chunk.length, reach);
            if (nl < 0) {
                nl = chunk.indexOf(NEWLINE, start);
                if (nl < 0)
                    break;
                this.emit(chunk, start, nl, false);
            }
            start = nl + 1;
        }
        // Copied, because the caller may reuse the chunk's memory.
        if (start < chunk.length)
            this.carry = this.join(new Uint8Array(0), chunk.subarray(start));
    }
    /**
     * Offers the `LineReader` a line carried over from the last chunk, as one of its own with its
     * `\n`: true when it read it. (Left to the sink, one record a chunk would take the slow path,
     * and the reader's compiled code would meet a second kind of record for each of them.)
     */
    tryWhole(line, reach) {
        if (this.tryLine === null)
            return false;
        const whole = new Uint8Array(line.length + 1);
        whole.set(line, 0);
        whole[line.length] = NEWLINE;
        return this.tryLine(whole, 0, whole.length, reach) === line.length;
    }
    /** Ends the stream; returns the last line when it had no newline (cut off), else `null`. */
    end() {
        const rest = this.carry;
        this.carry = null;
        this.carryCut = false;
        return rest && rest.length > 0 ? rest : null;
    }
    emit(bytes, start, end, cut) {
        const lineEnd = end > start && bytes[end - 1] === RETURN ? end - 1 : end;
        const overlong = cut || lineEnd - start > this.maxLineBytes;
        this.onLine(bytes, start, overlong ? Math.min(lineEnd, start + this.maxLineBytes) : lineEnd, overlong);
    }
    /** `head` and as much of `tail` as fits in `maxLineBytes + 1` bytes (room for a `\r`). */
    join(head, tail) {
        const room = Math.max(0, this.maxLineBytes + 1 - head.length);
        if (tail.length > room)
            this.carryCut = true;
        const taken = tail.subarray(0, Math.min(room, tail.length));
        if (taken.length === 0)
            return head;
        const joined = new Uint8Array(head.length + taken.length);
        joined.set(head, 0);
        joined.set(taken, head.length);
        return joined;
    }
}

;// CONCATENATED MODULE: ./src/core/log/fast/csv-bytes.ts
/**
 * Byte-level reading of nvidia-smi rows, for the reader's fast path: a week-long log has millions
 * of rows, and turning each into strings and arrays costs more than reading the file. Every
 * function here either returns exactly what the string functions of `nvidia-smi-csv.ts` would,
 * or says it cannot (`false`, `null`, `NaN`), and the caller then takes the string path. Pure.
 */
const TAB = 9;
const csv_bytes_NEWLINE = 10;
const SPACE = 32;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const PERCENT = 37;
const LOWER_A = 97;
const LOWER_Z = 122;
/**
 * Zero as a double (a small integer zero cannot be one). A sum of digits that starts from it is
 * computed in doubles by V8 from the first row on: started from 0, it is computed in 32-bit
 * integers until a time passes 2^31 ms (a job of 25 days), and every compiled function that
 * adds it is then thrown away and compiled again, mid-log. Any digit added makes it +0 or more.
 */
const DOUBLE_ZERO = -0;
/** 10^0 .. 10^22: exact doubles, so `mantissa / 10^k` is the correctly rounded decimal. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/**
 * Splits the row that starts at `start` on commas as `splitCells` does, up to the newline that
 * ends it (searched no further than `limit`), counts the cells and records where the wanted ones
 * are: `slotOfCell[n]` is the slot of cell n in `out.spans`, or -1. Spans are untrimmed (a `\r`
 * before the newline is left in the last cell). When `expect` is given and its cells hold exactly
 * its bytes followed by a comma or the newline, they are compared four bytes at a time instead of
 * scanned (only the last of them gets a span, covering them all, which callers ignore); the
 * `sized` cell is measured rather than scanned when it can be.
 * A tab ends the scan with no `end` (such lines take the string path): only bytes up to the row's
 * own end are ever read, so the cost of a row does not depend on what follows it in the chunk.
 * Finding the row's end here saves searching each line twice.
 */
function scanCells(bytes, view, start, limit, slotOfCell, expect, sized, out) {
    const spans = out.spans;
    out.expected = false;
    out.end = -1;
    let cell = 0;
    let i = start;
    for (;;) {
        const cellStart = i;
        if (expect !== null && cell === expect.cell) {
            const to = cellStart + expect.bytes.byteLength;
            // Compared first: expected bytes hold no newline, so a match lies within this row, and so
            // does the byte after it.
            if (to < limit && sameBytes(view, cellStart, to, expect.bytes) && (bytes[to] === COMMA || bytes[to] === csv_bytes_NEWLINE)) {
                // Their own spans are not needed: the caller knows whose cells these are.
                out.expected = true;
                cell += expect.cells - 1;
                i = to;
            }
        }
        let b = 0;
        if (sized !== null && cell === sized.cell && sized.length >= 0 && i + sized.length < limit && bytes[i + sized.length] === COMMA) {
            i += sized.length;
            b = COMMA;
        }
        else {
            // Most bytes lie above the comma (digits, letters, `.`, `/`, `:`): one comparison settles them.
            while (i < limit && ((b = bytes[i]) > COMMA || (b !== COMMA && b !== csv_bytes_NEWLINE && b !== TAB)))
                i += 1;
            if (b === TAB && i < limit)
                break;
        }
        const slot = cell < slotOfCell.length ? slotOfCell[cell] : -1;
        if (slot >= 0) {
            spans[2 * slot] = cellStart;
            spans[2 * slot + 1] = i;
        }
        cell += 1;
        if (i >= limit)
            break;
        if (b === csv_bytes_NEWLINE) {
            out.end = i;
            break;
        }
        i += 1;
    }
    out.count = cell;
}
/** Masks for looking at the four bytes of a word at once. */
/** 11 in each byte: a byte below it is a control byte (a newline or a tab among them). */
const CONTROL = 0x0b0b0b0b;
const HIGH_BITS = 0x80808080 | 0;
const COMMAS = 0x2c2c2c2c;
const LOW_BITS = 0x7f7f7f7f;
const BYTE_ONES = 0x01010101;
/** The high bit of each byte of `word` that is zero, and no other bit (exact, no false hits). */
function zeroBytes(word) {
    return ~(((word & LOW_BITS) + LOW_BITS) | word | LOW_BITS);
}
/**
 * The rest of a row from `start`: the offset of its newline, with the commas before it counted
 * into `out.commas`; -1 when a tab comes first (the string path reads such rows) or no newline
 * comes before `limit`. Reads four bytes at a time through `words`, an `Int32Array` over the whole
 * of `bytes.buffer`: the cells a reader skips are most of a wide log's bytes.
 */
function rowEnd(bytes, words, start, limit, out) {
    const base = bytes.byteOffset;
    let commas = 0;
    let i = start;
    for (;;) {
        // A byte at a time up to a word boundary, and where a word holds a newline or a tab.
        for (; i < limit && ((base + i) & 3) !== 0; i += 1) {
            const b = bytes[i];
            if (b === csv_bytes_NEWLINE || b === TAB)
                return finish(out, commas, b === csv_bytes_NEWLINE ? i : -1);
            if (b === COMMA)
                commas += 1;
        }
        // Counted by the word's index, not the byte's (a sixth faster than shifting an offset).
        let w = (base + i) >> 2;
        const wordsEnd = (base + limit) >> 2;
        for (; w < wordsEnd; w += 1) {
            const word = words[w];
            // Any byte below 11 (a newline, a tab or another control byte) is looked at a byte at a time.
            if (((word - CONTROL) & ~word & HIGH_BITS) !== 0)
                break;
            const found = zeroBytes(word ^ COMMAS);
            // One high bit per comma: their count is the sum of the bytes once shifted down.
            if (found !== 0)
                commas += Math.imul(found >>> 7, BYTE_ONES) >>> 24;
        }
        i = (w << 2) - base;
        if (w >= wordsEnd)
            break;
        for (const stop = i + 4; i < stop; i += 1) {
            const b = bytes[i];
            if (b === csv_bytes_NEWLINE || b === TAB)
                return finish(out, commas, b === csv_bytes_NEWLINE ? i : -1);
            if (b === COMMA)
                commas += 1;
        }
    }
    for (; i < limit; i += 1) {
        const b = bytes[i];
        if (b === csv_bytes_NEWLINE || b === TAB)
            return finish(out, commas, b === csv_bytes_NEWLINE ? i : -1);
        if (b === COMMA)
            commas += 1;
    }
    return -1;
}
function finish(out, commas, end) {
    out.commas = commas;
    return end;
}
/**
 * A cell of the form `-?\d+(\.\d+)?`, optionally followed by a unit (`250.00 W`, `45 %`: letters
 * or `%` after any spaces), with spaces around, as the number `parseReading` would return; `NaN`
 * for anything else (placeholders, other whitespace, more than 15 digits), which the caller then
 * parses as a string.
 */
function plainNumber(bytes, start, end) {
    return readPlainNumber(bytes, start, end, scratch) === end ? scratch[0] : NaN;
}
const scratch = new Float64Array(1);
/**
 * Reads a `plainNumber` cell forward from `start`, stopping at the first byte that cannot
 * continue it (or at `end`): stores its value in `out[0]` and returns that byte's offset, or
 * -1 when no number in that form starts there. A cell is a `plainNumber` when the offset returned
 * is its end. The value is stored, not returned: a number returned from a call that is not
 * inlined is an allocation, and this runs once per row.
 */
function readPlainNumber(bytes, start, end, out) {
    // Spaces, the number, then spaces, a unit and spaces, each part optional.
    let i = start;
    while (i < end && bytes[i] === SPACE)
        i += 1;
    i = readDecimal(bytes, i, end, out);
    if (i < 0)
        return -1;
    while (i < end && bytes[i] === SPACE)
        i += 1;
    while (i < end && isUnitByte(bytes[i]))
        i += 1;
    while (i < end && bytes[i] === SPACE)
        i += 1;
    return i;
}
/** `bytes[start, end)` as `-?\d+(\.\d+)?` with at most 15 digits, correctly rounded; `NaN` for anything else. */
function decimalBytes(bytes, start, end) {
    return readDecimal(bytes, start, end, scratch) === end ? scratch[0] : NaN;
}
/**
 * Reads `-?\d+(\.\d+)?` of at most 15 digits from `start`, stopping at the first byte that
 * cannot continue it (or at `end`): stores its value, correctly rounded, in `out[0]` and returns
 * that byte's offset; -1 when no such number starts there.
 */
function readDecimal(bytes, start, end, out) {
    let i = start;
    const negative = i < end && bytes[i] === MINUS;
    if (negative)
        i += 1;
    let mantissa = 0;
    let digits = 0;
    let fraction = -1;
    for (; i < end; i += 1) {
        const b = bytes[i];
        if (b >= ZERO && b <= NINE) {
            mantissa = mantissa * 10 + (b - ZERO);
            digits += 1;
            if (fraction >= 0)
                fraction += 1;
        }
        else if (b === DOT && fraction < 0 && digits > 0)
            fraction = 0;
        else
            break;
    }
    if (digits === 0 || fraction === 0 || digits > 15)
        return -1;
    // The mantissa and the power of ten are exact, and one division rounds correctly.
    const value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
    out[0] = negative ? -value : value;
    return i;
}
/**
 * `decimalBytes` for longer numbers too: up to 19 significant digits (the sums `String(number)`
 * writes, such as `13280.550000000001`), as `Number` reads them; `NaN` for anything else, and for
 * the rare number `longDecimal` cannot settle.
 */
function exactDecimalBytes(bytes, start, end) {
    const short = decimalBytes(bytes, start, end);
    return Number.isNaN(short) ? longDecimal(bytes, start, end) : short;
}
/** Dekker's split of a double into two halves of 26 bits, for `productError`. */
const SPLITTER = 134_217_729; // 2^27 + 1
/** Relative nudge that tells a settled rounding from one too close to call (see `longDecimal`). */
const NUDGE = 2 ** -40;
const TWO_TO_20 = 2 ** 20;
/** Significant digits the high part of a long mantissa takes; the rest (at most 8) are the low part. */
const HIGH_DIGITS = 11;
/** The low part of `a * b`: `a * b` (rounded) plus it is the exact product (Dekker). */
function productError(a, b, product) {
    let t = SPLITTER * a;
    const ah = t - (t - a);
    const al = a - ah;
    t = SPLITTER * b;
    const bh = t - (t - b);
    const bl = b - bh;
    return al * bl - (product - ah * bh - al * bh - ah * bl);
}
/**
 * `-?\d+(\.\d+)?` of up to 19 significant digits, correctly rounded without making a string: the
 * mantissa, too long for one double, is held exactly as two, divided by the exact power of ten,
 * and the quotient's remainder worked out exactly. Where the exact value lies so near the middle
 * between two doubles that the remainder's own small error could tip it, `NaN` says so and the
 * caller reads the text with `Number`.
 */
function longDecimal(bytes, start, end) {
    let i = start;
    const negative = i < end && bytes[i] === MINUS;
    if (negative)
        i += 1;
    // The mantissa as high * 10^lowDigits + low, each exact: high has at most 11 digits, low 8.
    let high = 0;
    let low = 0;
    let lowDigits = 0;
    let significant = 0;
    let digits = 0;
    let fraction = -1;
    for (; i < end; i += 1) {
        const b = bytes[i] ?? 0;
        if (b === DOT && fraction < 0 && digits > 0)
            fraction = 0;
        else if (b < ZERO || b > NINE)
            return NaN;
        else {
            digits += 1;
            if (fraction >= 0)
                fraction += 1;
            if (significant === 0 && b === ZERO)
                continue; // a leading zero
            significant += 1;
            if (significant <= HIGH_DIGITS)
                high = high * 10 + (b - ZERO);
            else {
                low = low * 10 + (b - ZERO);
                lowDigits += 1;
            }
        }
    }
    if (digits === 0 || fraction === 0 || fraction > 22 || significant > 19)
        return NaN;
    const parts = longParts;
    parts[HIGH] = high;
    parts[LOW] = low;
    parts[LOW_DIGITS] = lowDigits;
    parts[FRACTION] = Math.max(0, fraction);
    if (!decimalFromParts(parts))
        return NaN;
    return negative ? -parts[VALUE] : parts[VALUE];
}
/** Where `decimalFromParts` finds its inputs and puts its result (see there). */
const HIGH = 0;
const LOW = 1;
const LOW_DIGITS = 2;
const FRACTION = 3;
const VALUE = 0;
const longParts = new Float64Array(4);
/**
 * The correctly rounded value of a decimal of up to 19 digits, from the two parts a reader
 * collects as it scans: `parts[HIGH]` (its first digits, at most 11 of them), then `parts[LOW]`
 * (the `parts[LOW_DIGITS]` after them, at most 8), with `parts[FRACTION]` of all its digits
 * after the point (at most 22). This is `longDecimal`'s arithmetic; the numbers come and go
 * through `parts` because a double passed to or returned from a call that is not inlined is an
 * allocation, two a record for a `@rollup` reader. Puts the value in `parts[VALUE]` and returns
 * true; false when the value lies too near the middle between two doubles to settle here.
 */
function decimalFromParts(parts) {
    const high = parts[HIGH];
    const low = parts[LOW];
    // high * 10^lowDigits exactly, as two products whose bits fit a double: high = h1 * 2^20 + h0.
    const scale = POW10[parts[LOW_DIGITS]];
    // Not `high % TWO_TO_20`: V8 computes a double's remainder with the x87 unit's `fprem`, slowly.
    // Each step here is exact (high is a whole number below 2^53, TWO_TO_20 a power of two).
    const h0 = high - Math.floor(high / TWO_TO_20) * TWO_TO_20;
    const a = (high - h0) * scale; // (h1 * 10^lowDigits) * 2^20: at most 44 significant bits
    const b = h0 * scale + low; // below 2^48: exact
    // The mantissa = sum + sumError exactly (Knuth's two-sum).
    const sum = a + b;
    const bVirtual = sum - a;
    const sumError = a - (sum - bVirtual) + (b - bVirtual);
    const power = POW10[parts[FRACTION]];
    const quotient = sum / power;
    // The remainder mantissa - quotient * power, exact up to rounding far below the quotient's last bit.
    const product = quotient * power;
    const remainder = sum - product - productError(quotient, power, product) + sumError;
    const correction = remainder / power;
    const up = quotient + correction * (1 + NUDGE);
    if (up !== quotient + correction * (1 - NUDGE))
        return false;
    parts[VALUE] = up;
    return true;
}
/** `[A-Za-z%]`, the bytes of a unit suffix. */
function isUnitByte(b) {
    const lower = b | 0x20;
    return (lower >= LOWER_A && lower <= LOWER_Z) || b === PERCENT;
}
function digitsAt(bytes, at, n) {
    let value = 0;
    for (let i = at; i < at + n; i += 1) {
        const b = bytes[i] ?? 0;
        if (b < ZERO || b > NINE)
            return NaN;
        value = value * 10 + (b - ZERO);
    }
    return value;
}
/**
 * nvidia-smi's `YYYY/MM/DD HH:MM:SS[.mmm]` (spaces around allowed) as `parseTimestampMs` reads
 * it; `null` for anything else, which the caller then parses as a string. With `compute` false
 * it only checks the form (and returns 0). It checks the form only, as `parseTimestampMs` does;
 * `RecentTimestamp` relies on that.
 */
function plainTimestampMs(bytes, start, end, compute = true) {
    let s = start;
    let e = end;
    while (s < e && bytes[s] === SPACE)
        s += 1;
    while (e > s && bytes[e - 1] === SPACE)
        e -= 1;
    const length = e - s;
    if (length !== 19 && (length < 21 || length > 23))
        return null;
    if (bytes[s + 4] !== SLASH || bytes[s + 7] !== SLASH || bytes[s + 10] !== SPACE)
        return null;
    if (bytes[s + 13] !== COLON || bytes[s + 16] !== COLON)
        return null;
    if (length > 19 && bytes[s + 19] !== DOT)
        return null;
    for (let i = s; i < e; i += 1) {
        const at = i - s;
        if (at === 4 || at === 7 || at === 10 || at === 13 || at === 16 || at === 19)
            continue;
        const b = bytes[i];
        if (b < ZERO || b > NINE)
            return null;
    }
    if (!compute)
        return 0;
    const ms = length > 19 ? digitsAt(bytes, s + 20, length - 20) * POW10[3 - (length - 20)] : 0;
    return Date.UTC(digitsAt(bytes, s, 4), digitsAt(bytes, s + 5, 2) - 1, digitsAt(bytes, s + 8, 2), digitsAt(bytes, s + 11, 2), digitsAt(bytes, s + 14, 2), digitsAt(bytes, s + 17, 2), ms);
}
/** How a timestamp cell compares with the last one read. */
const SAME = 0;
const DIGITS_DIFFER = 1;
const DIFFERENT = 2;
/** Longer timestamp cells (spaces around) are not remembered. */
const MAX_REMEMBERED = 32;
const isDigit = (b) => b >= ZERO && b <= NINE;
/**
 * `plainTimestampMs` for a run of rows, with the same results. nvidia-smi prints one timestamp per
 * loop iteration, shared by every GPU's row, so a cell is usually the same bytes as the last one,
 * or differs from it only in digits: a cell that a valid one turns into by changing digits into
 * other digits is valid too, and needs no check beyond the comparison. That holds because the
 * format check looks at the form alone, never at the values (no month <= 12): a check on values
 * added to `plainTimestampMs` and `parseTimestampMs` must be added here too. When the date is
 * unchanged, only the time of day is read, and added to the day's start: `Date.UTC` adds the
 * same sum.
 */
class RecentTimestamp {
    /** The last cell's value (a number, so storing one makes no garbage); `NaN` when it was only checked. */
    valueMs = NaN;
    cell = new Uint8Array(MAX_REMEMBERED);
    cellView = new DataView(this.cell.buffer);
    length = -1;
    /**
     * The remembered cell as three doubles, for `same`: its first eight bytes, the next eight and
     * the last eight (overlapping the ones before); set and used when it has 17 to 24 bytes.
     * Two doubles are equal exactly when their bytes are, except zeros (+0 equals -0) and NaN (equal
     * to nothing); eight bytes of a timestamp (digits, spaces, `/`, `:` and `.`, all between 0x20 and
     * 0x3a) read as a double are neither, so the comparison is exact.
     */
    firstWord = NaN;
    secondWord = NaN;
    lastWord = NaN;
    /** Offset of the last cell's first digit (after any spaces), and the start of its day (UTC ms; `NaN` until worked out). */
    lead = 0;
    dayMs = NaN;
    /** Set by `compare`: the first position where the cell differs from the last one. */
    firstDiff = 0;
    /** The length of the last cell read, for `SizedCell`; -1 before. */
    get lastLength() {
        return this.length;
    }
    /**
     * Checks the cell `bytes[start, end)` as `plainTimestampMs(bytes, start, end, compute)` does and,
     * with `compute`, leaves its value in `valueMs`; `view` is a DataView of `bytes`.
     * @returns false where `plainTimestampMs` gives `null`
     */
    /**
     * True when the cell at `start` holds the last one's bytes and that one's value is known: `read`
     * of it would change nothing. Small, to be inlined: nvidia-smi stamps every GPU's row of a loop
     * iteration alike.
     */
    same(view, start) {
        const length = this.length;
        if (length < 0 || Number.isNaN(this.valueMs) || start + length > view.byteLength)
            return false;
        // Three loads, not six words and three bytes: this runs on every row of a plain log.
        if (length >= 17 && length <= 24) {
            const first = view.getFloat64(start, true) === this.firstWord;
            return first && view.getFloat64(start + 8, true) === this.secondWord && view.getFloat64(start + length - 8, true) === this.lastWord;
        }
        const cell = this.cellView;
        let i = 0;
        for (; i + 4 <= length; i += 4)
            if (view.getInt32(start + i, true) !== cell.getInt32(i, true))
                return false;
        for (; i < length; i += 1)
            if (view.getUint8(start + i) !== cell.getUint8(i))
                return false;
        return true;
    }
    read(bytes, view, start, end, compute) {
        const kind = end - start === this.length ? this.compare(bytes, view, start) : DIFFERENT;
        if (kind === SAME && !(compute && Number.isNaN(this.valueMs)))
            return true;
        // The numbers are stored here, each by a statement of its own: passed to `remember`, or held
        // by `compute ? value : NaN`, each would be an allocation (a new timestamp every eight rows).
        if (kind === DIGITS_DIFFER && compute && this.sameDay()) {
            // Only the time of day changed.
            this.valueMs = this.dayMs + timeOfDayMs(bytes, start + this.lead, this.timeLength());
            this.remember(bytes, start, end);
            return true;
        }
        // Only a cell unlike the last needs checking; one that differs in digits needs reading at most.
        const value = kind === DIFFERENT || compute ? plainTimestampMs(bytes, start, end, compute) : 0;
        if (value === null)
            return false;
        if (compute)
            this.valueMs = value;
        else
            this.valueMs = NaN;
        this.dayMs = NaN;
        this.remember(bytes, start, end);
        return true;
    }
    /**
     * True when the cell just compared differs from the last one only in its time of day, and the
     * last one's day is known: worked out from the remembered copy, never read again from the row.
     */
    sameDay() {
        if (Number.isNaN(this.valueMs))
            return false;
        if (Number.isNaN(this.dayMs)) {
            let lead = 0;
            while (lead < this.length && this.cell[lead] === SPACE)
                lead += 1;
            this.lead = lead;
            this.dayMs = this.valueMs - timeOfDayMs(this.cell, lead, this.timeLength());
        }
        return this.firstDiff >= this.lead + TIME_OF_DAY;
    }
    /** Length of the remembered cell's date and time, without the spaces around it. */
    timeLength() {
        let e = this.length;
        while (e > this.lead && this.cell[e - 1] === SPACE)
            e -= 1;
        return e - this.lead;
    }
    compare(bytes, view, start) {
        const length = this.length;
        const cell = this.cell;
        let kind = SAME;
        let i = 0;
        for (; i + 4 <= length; i += 4) {
            if (view.getInt32(start + i, true) === this.cellView.getInt32(i, true))
                continue;
            for (let k = i; k < i + 4; k += 1) {
                const b = bytes[start + k];
                if (b === cell[k])
                    continue;
                if (!isDigit(b) || !isDigit(cell[k]))
                    return DIFFERENT;
                if (kind === SAME)
                    this.firstDiff = k;
                kind = DIGITS_DIFFER;
            }
        }
        for (; i < length; i += 1) {
            const b = bytes[start + i];
            if (b === cell[i])
                continue;
            if (!isDigit(b) || !isDigit(cell[i]))
                return DIFFERENT;
            if (kind === SAME)
                this.firstDiff = i;
            kind = DIGITS_DIFFER;
        }
        return kind;
    }
    /** Keeps a copy of the cell (its value and day's start are set by the caller). */
    remember(bytes, start, end) {
        if (end - start > MAX_REMEMBERED) {
            this.length = -1;
            return;
        }
        for (let i = start; i < end; i += 1)
            this.cell[i - start] = bytes[i];
        const length = end - start;
        this.length = length;
        if (length >= 17 && length <= 24) {
            const cell = this.cellView;
            this.firstWord = cell.getFloat64(0, true);
            this.secondWord = cell.getFloat64(8, true);
            this.lastWord = cell.getFloat64(length - 8, true);
        }
    }
}
/** Where the time of day starts in `YYYY/MM/DD HH:MM:SS[.mmm]`. */
const TIME_OF_DAY = 11;
/** `HH:MM:SS[.mmm]` of a timestamp of `length` bytes starting at `at` (its year), ms, as `Date.UTC` adds it. */
function timeOfDayMs(bytes, at, length) {
    const ms = length > 19 ? digitsAt(bytes, at + 20, length - 20) * POW10[3 - (length - 20)] : 0;
    return digitsAt(bytes, at + 11, 2) * 3_600_000 + digitsAt(bytes, at + 14, 2) * 60_000 + digitsAt(bytes, at + 17, 2) * 1000 + ms;
}
/**
 * Reads a sampler row's tag, `<tMs>\t` with 1 to 15 digits, at the start of `bytes[start, end)`:
 * returns the tab's offset and stores the value in `out.tMs`; -1 when the line has no such tag.
 */
function samplerRowTag(bytes, start, end, out) {
    let value = DOUBLE_ZERO;
    for (let i = start; i < end && i - start <= 15; i += 1) {
        const b = bytes[i];
        if (b === TAB) {
            out.tMs = value;
            return i > start ? i : -1;
        }
        if (b < ZERO || b > NINE)
            return -1;
        value = value * 10 + (b - ZERO);
    }
    return -1;
}
/**
 * True when `view[start, end)` holds the same bytes as `cell` (whose view is `cellView`).
 * Compares four bytes at a time: this runs once per row on a 40-byte uuid.
 */
function sameBytes(view, start, end, cellView) {
    const length = cellView.byteLength;
    if (end - start !== length)
        return false;
    let i = 0;
    // Little-endian reads are plain loads on x86 and Arm; equality does not care about byte order.
    // Signed words: V8's mid-tier compiler (Maglev), whose code reads a cold log's first megabytes,
    // loads one inline but calls out for an unsigned one (some six times slower per word).
    for (; i + 4 <= length; i += 4)
        if (view.getInt32(start + i, true) !== cellView.getInt32(i, true))
            return false;
    if (i === length)
        return true;
    // The last bytes as one word ending where the cell ends (it overlaps the word before).
    if (length >= 4)
        return view.getInt32(start + length - 4, true) === cellView.getInt32(length - 4, true);
    for (; i < length; i += 1)
        if (view.getUint8(start + i) !== cellView.getUint8(i))
            return false;
    return true;
}
/** A copy (the chunk's memory is not ours to keep) of `bytes[start, end)`, to compare later rows with. */
function copyView(bytes, start, end) {
    const copy = new Uint8Array(end - start);
    copy.set(bytes.subarray(start, end));
    return new DataView(copy.buffer);
}

// EXTERNAL MODULE: ./src/core/integrator.ts
var core_integrator = __webpack_require__(930);
;// CONCATENATED MODULE: ./src/core/log/counter-trail.ts
/**
 * The driver's energy counter as the sampler reads it while the job runs (`@counter` records,
 * every minute): enough to tell whether the count restarted (a driver reload) between the reads
 * at the window's ends. Pure.
 */
/** Adds one mid-job read to a GPU's trail (a new trail when `trail` is undefined). */
function extendTrail(trail, uuid, energyMj) {
    if (!trail)
        return { uuid, firstMj: energyMj, lastMj: energyMj, backwards: false };
    return { ...trail, lastMj: energyMj, backwards: trail.backwards || energyMj < trail.lastMj };
}

// EXTERNAL MODULE: ./src/core/nvidia-smi/csv.ts
var csv = __webpack_require__(53);
;// CONCATENATED MODULE: ./src/core/log/fast/rows.ts
/**
 * The reader's fast path for data rows: finds the identity, power and timestamp cells of a row
 * in its bytes and looks the GPU up in a small cache keyed by the raw identity cells, so that a
 * typical row costs no string or array. Anything unusual is declined (-1) and the reader
 * parses that row as a string, so results are the same either way. Pure.
 */


const UUID = 0;
const INDEX = 1;
const POWER = 2;
const TIMESTAMP = 3;
const rows_TAB = 9;
const rows_NEWLINE = 10;
const rows_RETURN = 13;
const rows_COMMA = 44;
/** What the straight path does with each cell: scans over it, or reads it as the timestamp, the identity or the power. */
const OTHER = 0;
const STAMP = 1;
const IDENTITY = 2;
const POWER_CELL = 3;
/** The straight path gives way to the general one. */
const GENERAL = -2;
/** More distinct identity cells than this are not cached (a log has a handful of GPUs). */
const MAX_CACHED_GPUS = 256;
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
/** The text of a cell as `splitCells` would give it (trimmed). */
function cellText(bytes, start, end) {
    return decoder.decode(bytes.subarray(start, end)).trim();
}
class FastRows {
    header;
    track;
    /**
     * Outputs of the last successful `parse`: the power (`NaN` for a placeholder) and the timestamp
     * read as UTC (`NaN` when not asked for). Numbers, never `null`, so that storing one makes no
     * garbage: a log has millions of rows.
     */
    powerW = NaN;
    rawTimestampMs = NaN;
    entry = null;
    cellCount;
    /** The header has another power column to read when the first is a placeholder. */
    fallback;
    slotOfCell;
    /** Spans of a column the header lacks stay -1; the others are written by every row read whole. */
    cells = { count: 0, spans: new Int32Array(8).fill(-1), expected: false, end: -1 };
    /** The identity cells (index, uuid) when they are next to each other: compared as one run of bytes. */
    expect = null;
    gpus = [];
    stamp = new RecentTimestamp();
    /** The timestamp cell, measured by the last one's length (`stamp` then checks its bytes). */
    stampCell = null;
    /**
     * What each cell is, for the straight path (`straight`): `null` when the layout has no
     * timestamp, no power or identity cells that are not side by side.
     */
    plan = null;
    /** The first cell from which on the straight path reads nothing but where the row ends. */
    tail = 0;
    rest = { commas: 0 };
    words = new Int32Array(0);
    /** The power cell's value, read by `readPlainNumber`. */
    number = new Float64Array(1);
    next = 0;
    bytes = null;
    view = new DataView(new ArrayBuffer(0));
    /**
     * @param header the column layout rows follow
     * @param track called once per new GPU identity; returns what the caller keeps for it
     */
    constructor(header, track) {
        this.header = header;
        this.track = track;
        this.cellCount = header.fields.length;
        this.fallback = (0,csv/* hasPowerFallback */._R)(header);
        this.slotOfCell = new Int8Array(header.fields.length).fill(-1);
        const power = (0,csv/* powerField */.CN)(header);
        const wanted = [
            [UUID, csv/* FIELD */.b_.uuid],
            [INDEX, csv/* FIELD */.b_.index],
            [POWER, power],
            [TIMESTAMP, csv/* FIELD */.b_.timestamp],
        ];
        for (const [slot, field] of wanted) {
            const position = field === null ? undefined : header.positions.get(field);
            if (position !== undefined)
                this.slotOfCell[position] = slot;
        }
        const stampAt = header.positions.get(csv/* FIELD */.b_.timestamp);
        if (stampAt !== undefined)
            this.stampCell = { cell: stampAt, length: -1 };
        const identityAt = [csv/* FIELD */.b_.uuid, csv/* FIELD */.b_.index].map((f) => header.positions.get(f)).filter((p) => p !== undefined);
        const first = Math.min(...identityAt);
        if (identityAt.length > 0 && Math.max(...identityAt) - first === identityAt.length - 1)
            this.expect = { cell: first, cells: identityAt.length, bytes: new DataView(new ArrayBuffer(0)) };
        const powerAt = power === null ? undefined : header.positions.get(power);
        if (this.expect && powerAt !== undefined) {
            const plan = new Int8Array(this.cellCount).fill(OTHER);
            if (stampAt !== undefined)
                plan[stampAt] = STAMP;
            plan[powerAt] = POWER_CELL;
            plan[first] = IDENTITY;
            this.plan = plan;
            this.tail = Math.max(stampAt ?? 0, powerAt, first + identityAt.length - 1) + 1;
        }
    }
    /**
     * Reads the row that starts at `start` and ends at the next newline before `limit`.
     * `withTimestamp` asks for the `timestamp` cell too (plain logs); the row is declined when it
     * cannot be read.
     * @returns the offset of the row's newline; -1 (declined) when there is no newline before
     *   `limit`, the column count differs or a cell needs the string path
     */
    parse(bytes, start, limit, withTimestamp) {
        // Small, to be inlined into the reader's loop: the work is in `straight` and `scanned`.
        if (bytes !== this.bytes)
            this.setBytes(bytes);
        if (this.plan !== null && this.gpus.length > 0) {
            const end = this.straight(bytes, start, limit, this.plan, withTimestamp);
            if (end !== GENERAL)
                return end;
        }
        return this.scanned(bytes, start, limit, withTimestamp);
    }
    setBytes(bytes) {
        this.bytes = bytes;
        this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        this.words = new Int32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2);
    }
    /** `parse` through `scanCells`: every row it can read, whatever its form. */
    scanned(bytes, start, limit, withTimestamp) {
        const cells = this.cells;
        // Rows come in index order, so the GPU after the last one is nearly always the next row's:
        // its identity cells are compared as they stand instead of being scanned.
        const guess = this.gpus.length > 0 ? this.gpus[this.next] : null;
        const expect = guess?.identityCells ? this.expect : null;
        if (expect && guess?.identityCells)
            expect.bytes = guess.identityCells;
        if (this.stampCell)
            this.stampCell.length = this.stamp.lastLength;
        scanCells(bytes, this.view, start, limit, this.slotOfCell, expect, this.stampCell, cells);
        const end = cells.end;
        if (end < 0 || cells.count !== this.cellCount)
            return -1;
        const spans = cells.spans;
        // A line ending in `\r\n`: the `\r` is not part of the last cell.
        if (end > start && bytes[end - 1] === rows_RETURN)
            for (let k = 1; k < spans.length; k += 2)
                if (spans[k] === end)
                    spans[k] = end - 1;
        // A timestamp cell must read as one (or the row is not a plausible row, see plausibleRow);
        // its value is only needed in a plain log.
        if (spans[2 * TIMESTAMP] >= 0) {
            if (!this.stamp.read(bytes, this.view, spans[2 * TIMESTAMP], spans[2 * TIMESTAMP + 1], withTimestamp))
                return -1;
            if (withTimestamp)
                this.rawTimestampMs = this.stamp.valueMs;
            else
                this.rawTimestampMs = NaN;
        }
        else if (withTimestamp)
            return -1;
        const powerStart = spans[2 * POWER];
        if (powerStart < 0)
            this.powerW = NaN;
        else {
            const powerEnd = spans[2 * POWER + 1];
            const value = plainNumber(bytes, powerStart, powerEnd);
            this.powerW = Number.isNaN(value) ? ((0,csv/* parseReading */.EF)(cellText(bytes, powerStart, powerEnd)) ?? NaN) : value;
        }
        // A placeholder where another power column could stand in: the string path reads that.
        if (Number.isNaN(this.powerW) && this.fallback)
            return -1;
        this.entry = cells.expected && guess ? this.advance(this.next) : this.gpu(bytes, spans);
        return this.entry === null ? -1 : end;
    }
    /**
     * `parse` of a plain row in the form the last rows had, in one pass: the next GPU's identity
     * cells as they were, a timestamp of the last one's length, and a power in `plainNumber`'s
     * form. It reads the row as `parse` would, or gives way (`GENERAL`) having changed nothing.
     */
    straight(bytes, start, limit, plan, withTimestamp) {
        const guess = this.gpus[this.next];
        const identity = guess.identityCells;
        const stampCell = this.stampCell;
        // A timestamp is measured by the last one: none yet, and the general path reads the row.
        const stampLength = stampCell === null ? 0 : this.stamp.lastLength;
        if (identity === null || stampLength < 0 || (withTimestamp && stampCell === null))
            return GENERAL;
        const identityCells = this.expect.cells;
        const last = plan.length - 1;
        let stampStart = -1;
        let i = start;
        for (let c = 0; c <= last; c += 1) {
            if (c === this.tail) {
                // The cells left are only counted: as many commas as they have cells, less one, then the newline.
                i = rowEnd(bytes, this.words, i, limit, this.rest);
                if (i < 0 || this.rest.commas !== last - c)
                    return GENERAL;
                break;
            }
            const kind = plan[c];
            if (kind === STAMP) {
                // Its bytes are checked by `stamp.read` below, every one of them.
                stampStart = i;
                i += stampLength;
            }
            else if (kind === IDENTITY) {
                const to = i + identity.byteLength;
                if (to >= limit || !sameBytes(this.view, i, to, identity))
                    return GENERAL;
                i = to;
                c += identityCells - 1;
            }
            else if (kind === POWER_CELL) {
                i = readPlainNumber(bytes, i, limit, this.number);
                if (i < 0)
                    return GENERAL;
            }
            else {
                for (; i < limit; i += 1) {
                    const b = bytes[i];
                    if (b <= rows_COMMA && (b === rows_COMMA || b === rows_NEWLINE || b === rows_TAB))
                        break;
                }
            }
            if (i >= limit)
                return GENERAL;
            // The byte after the cell: a comma, or the row's end after the last cell.
            const b = bytes[i];
            if (c < last) {
                if (b !== rows_COMMA)
                    return GENERAL;
                i += 1;
            }
            else if (b !== rows_NEWLINE) {
                if (b !== rows_RETURN || i + 1 >= limit || bytes[i + 1] !== rows_NEWLINE)
                    return GENERAL;
                i += 1;
            }
        }
        if (stampCell !== null) {
            const stamp = this.stamp;
            const same = withTimestamp && stamp.same(this.view, stampStart);
            if (!same && !stamp.read(bytes, this.view, stampStart, stampStart + stampLength, withTimestamp))
                return GENERAL;
            // Two statements: `withTimestamp ? stamp.valueMs : NaN` makes a number to hold either, an
            // allocation on every row (16 bytes, 80 MB for a week's plain log).
            if (withTimestamp)
                this.rawTimestampMs = stamp.valueMs;
            else
                this.rawTimestampMs = NaN;
        }
        this.powerW = this.number[0];
        this.entry = this.advance(this.next);
        return i;
    }
    advance(at) {
        // Not `%`: a division, on every row.
        this.next = at + 1 === this.gpus.length ? 0 : at + 1;
        return this.gpus[at];
    }
    /** The row's GPU from the cache, or a new entry; `null` (declined) for cells no GPU would print. */
    gpu(bytes, spans) {
        const count = this.gpus.length;
        for (let k = 0; k < count; k += 1) {
            const at = (this.next + k) % count;
            const gpu = this.gpus[at];
            if (this.matches(gpu.uuidCell, spans, UUID) && this.matches(gpu.indexCell, spans, INDEX))
                return this.advance(at);
        }
        const [uuidStart, uuidEnd, indexStart, indexEnd] = spans;
        // The identity cells alone, as the string path would see them (an empty cell passes for the rest).
        const cells = new Array(this.cellCount).fill("");
        const uuidAt = this.header.positions.get(csv/* FIELD */.b_.uuid);
        const indexAt = this.header.positions.get(csv/* FIELD */.b_.index);
        if (uuidAt !== undefined)
            cells[uuidAt] = cellText(bytes, uuidStart, uuidEnd);
        if (indexAt !== undefined)
            cells[indexAt] = cellText(bytes, indexStart, indexEnd);
        const identity = (0,csv/* plausibleRow */.I5)(cells, this.header) ? (0,csv/* identify */.ls)(cells, this.header) : null;
        if (!identity)
            return null;
        const starts = [uuidStart, indexStart].filter((at) => at >= 0);
        const gpu = {
            identity,
            handle: this.track(identity),
            uuidCell: uuidStart < 0 ? null : copyView(bytes, uuidStart, uuidEnd),
            indexCell: indexStart < 0 ? null : copyView(bytes, indexStart, indexEnd),
            identityCells: this.expect ? copyView(bytes, Math.min(...starts), Math.max(uuidEnd, indexEnd)) : null,
        };
        if (count < MAX_CACHED_GPUS)
            this.gpus.push(gpu);
        return gpu;
    }
    matches(cell, spans, which) {
        const start = spans[2 * which];
        if (cell === null)
            return start < 0;
        return start >= 0 && sameBytes(this.view, start, spans[2 * which + 1], cell);
    }
}

// EXTERNAL MODULE: ./src/core/log/plain-clock.ts
var plain_clock = __webpack_require__(933);
// EXTERNAL MODULE: ./src/core/log/power-series.ts
var power_series = __webpack_require__(809);
;// CONCATENATED MODULE: ./src/core/log/fast/rollup-bytes.ts
/**
 * The reader's fast path for the sampler's `@rollup` records (see `sample-format.ts`): a 30-day
 * log is mostly these, one per GPU per minute, and reading each as strings (a split, a map, a
 * dozen numbers) makes garbage that grows the heap with the job's length. A record in exactly the
 * form `formatRollup` writes (since the uncertainty range: with `powerSquaredW2s`) is read here from its bytes into one reused `GpuRollup`; anything
 * else is declined (-1) and the reader parses that line as a string, so results are the same
 * either way. Pure.
 */


const rollup_bytes_TAB = 9;
const rollup_bytes_NEWLINE = 10;
const rollup_bytes_MINUS = 45;
const rollup_bytes_DOT = 46;
const rollup_bytes_ZERO = 48;
const rollup_bytes_NINE = 57;
/** Below this an integer's digits, summed as a double, are exact. */
const TWO_TO_53 = 2 ** 53;
/** More distinct identities than this are not cached (a log has a handful of GPUs). */
const rollup_bytes_MAX_CACHED_GPUS = 256;
const encoder = new TextEncoder();
const rollup_bytes_decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const TAG = encoder.encode("@rollup\t");
/** The fields in the order `formatRollup` writes them. */
const FIELDS = [
    "uuid",
    "index",
    "validSamples",
    "missingSamples",
    "firstMs",
    "firstW",
    "lastMs",
    "lastW",
    "energyJ",
    "powerSquaredW2s",
    "coveredMs",
    "gaps",
    "longestGapMs",
    "peakW",
];
/** Each field's `name=`, compared four bytes at a time. */
const NAMES = FIELDS.map((name) => new DataView(encoder.encode(`${name}=`).buffer));
const TAG_VIEW = new DataView(TAG.buffer);
/** Fields the sampler writes as whole numbers (counts and times), read by `whole` first. */
const WHOLE = new Uint8Array(FIELDS.map((name) => ["validSamples", "missingSamples", "firstMs", "lastMs", "coveredMs", "gaps", "longestGapMs"].includes(name) ? 1 : 0));
/** Fields that may be empty (`null`); every other number must be present. */
const OPTIONAL = new Set(["firstMs", "lastMs", "peakW"]);
/**
 * The record `parse` fills, again and again. Its fields start as `NaN` (nothing read yet), a
 * double: V8 then keeps each as a double from the start, so that storing a number in one
 * allocates nothing, and times past 2^31 ms (a job of 25 days) change nothing in the compiled
 * code. (An object whose field has held `null`, as `emptyRollup()`'s do, boxes every number
 * stored in it.) A record with an empty field stores its `null` as usual.
 */
class ReusedRollup {
    energyJ = NaN;
    powerSquaredW2s = NaN;
    coveredMs = NaN;
    peakW = NaN;
    validSamples = NaN;
    missingSamples = NaN;
    gaps = NaN;
    longestGapMs = NaN;
    firstMs = NaN;
    firstW = NaN;
    lastMs = NaN;
    lastW = NaN;
}
class RollupBytes {
    /** Outputs of the last successful `parse`; `rollup` is reused by the next. */
    tMs = NaN;
    identity = null;
    /** The record's GPU from the cache; `null` when there was no room for it there. */
    gpu = null;
    rollup = new ReusedRollup();
    values = new Float64Array(FIELDS.length);
    /** A long number's parts, for `decimalFromParts`. */
    parts = new Float64Array(4);
    /** The record's time as read, kept apart from `tMs` until the whole record is. */
    time = { tMs: NaN };
    empty = new Uint8Array(FIELDS.length);
    gpus = [];
    /** Where in `gpus` the next record's GPU probably is. */
    next = 0;
    /** The GPU `newGpu` read last. */
    added = null;
    bytes = null;
    view = new DataView(new ArrayBuffer(0));
    /** True when the line at `start` begins with `@rollup\t` (eight bytes, two reads). */
    isTag(start, limit) {
        return start + TAG.length <= limit && sameBytes(this.view, start, start + TAG.length, TAG_VIEW);
    }
    /**
     * Reads the `@rollup` record at `start`, whose newline must come before `limit`.
     * @returns the offset of its newline, or -1 (declined: not in the form written, or a number
     *   that `parseSamplerRecord` would reject)
     */
    parse(bytes, start, limit) {
        if (bytes !== this.bytes) {
            this.bytes = bytes;
            this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        }
        if (!this.isTag(start, limit))
            return -1;
        const view = this.view;
        // The record's time: digits, then a tab, as a sampler row's.
        const tab = samplerRowTag(bytes, start + TAG.length, limit, this.time);
        if (tab < 0)
            return -1;
        let i = tab + 1;
        // Its GPU: nearly always the one after the last record's, whose identity cells (names and
        // all) are compared at once with each cached GPU's; else a GPU not seen before (or not kept).
        let gpu = this.known(view, i, limit);
        if (gpu !== null)
            i += gpu.prefix.byteLength;
        else {
            i = this.newGpu(bytes, i, limit);
            if (i < 0)
                return -1;
            gpu = this.added;
        }
        const last = FIELDS.length - 1;
        for (let f = 2; f <= last; f += 1) {
            const name = NAMES[f];
            const valueStart = i + name.byteLength;
            if (valueStart > limit || !sameBytes(view, i, valueStart, name))
                return -1;
            i = WHOLE[f] ? this.whole(bytes, valueStart, limit, f) : this.number(bytes, valueStart, limit, f);
            if (i < 0)
                return -1;
            // The last field ends the record; a tab there would bring fields this reader does not know.
            if ((f === last) !== (bytes[i] === rollup_bytes_NEWLINE))
                return -1;
            i += 1;
        }
        const end = i - 1;
        const v = this.values;
        const empty = this.empty;
        const r = this.rollup;
        r.validSamples = v[2];
        r.missingSamples = v[3];
        // Each as a statement of its own: `empty ? null : v` would box the number to hold either.
        if (empty[4])
            r.firstMs = null;
        else
            r.firstMs = v[4];
        r.firstW = v[5];
        if (empty[6])
            r.lastMs = null;
        else
            r.lastMs = v[6];
        r.lastW = v[7];
        r.energyJ = v[8];
        r.powerSquaredW2s = v[9];
        r.coveredMs = v[10];
        r.gaps = v[11];
        r.longestGapMs = v[12];
        if (empty[13])
            r.peakW = null;
        else
            r.peakW = v[13];
        this.tMs = this.time.tMs;
        this.identity = gpu.identity;
        this.gpu = gpu.cached ? gpu : null;
        return end;
    }
    /**
     * `number` for a field written as a whole number: its digits alone (at most 15), then a tab or
     * newline. Anything else goes to `number`. Seven of a record's twelve numbers are these.
     */
    whole(bytes, start, limit, f) {
        let value = DOUBLE_ZERO;
        let i = start;
        let b = 0;
        for (; i < limit && (b = bytes[i]) >= rollup_bytes_ZERO && b <= rollup_bytes_NINE; i += 1)
            value = value * 10 + (b - rollup_bytes_ZERO);
        if (i === start || i - start > 15 || (b !== rollup_bytes_TAB && b !== rollup_bytes_NEWLINE) || i >= limit)
            return this.number(bytes, start, limit, f);
        this.empty[f] = 0;
        this.values[f] = value;
        return i;
    }
    /**
     * Reads field `f`'s value, which starts at `start`, into `values[f]` as `Number` would, in one
     * scan: a value of up to 15 digits is its digits divided by a power of ten, and one of 16 to
     * 19 (as the sampler writes its sums) is settled from the two parts the scan kept (see
     * `decimalFromParts`). Only an unusual value (an exponent, more digits, a sum too near a
     * rounding boundary) is read again.
     * @returns the offset of the tab or newline after it; -1 when there is none before `limit`,
     *   or the string path rejects the value
     */
    number(bytes, start, limit, f) {
        let i = start;
        if (i < limit && bytes[i] === rollup_bytes_MINUS)
            i += 1;
        // All the digits (exact up to 15 of them); the first HIGH_DIGITS again, and those after;
        // one point among them, after a digit.
        let mantissa = 0;
        let high = 0;
        let low = 0;
        let digits = 0;
        let point = -1;
        let b = 0;
        for (; i < limit; i += 1) {
            b = bytes[i];
            if (b >= rollup_bytes_ZERO && b <= rollup_bytes_NINE) {
                mantissa = mantissa * 10 + (b - rollup_bytes_ZERO);
                low = low * 10 + (b - rollup_bytes_ZERO);
                if ((digits += 1) === HIGH_DIGITS) {
                    high = mantissa;
                    low = 0;
                }
            }
            else if (b === rollup_bytes_DOT && point < 0 && digits > 0)
                point = i;
            else
                break;
        }
        const fraction = point < 0 ? 0 : i - point - 1;
        if (point >= 0 && fraction === 0)
            digits = 0; // "12." is not a number here
        if (i >= limit)
            return -1;
        this.empty[f] = 0;
        if ((b === rollup_bytes_TAB || b === rollup_bytes_NEWLINE) && digits > 0) {
            const negative = bytes[start] === rollup_bytes_MINUS;
            // Digits below 2^53 were summed exactly, and one division of two exact doubles rounds
            // correctly: every number of up to 15 digits, and a 16-digit sum such as 36609.31750000002.
            if (digits <= 15 || (digits === 16 && mantissa < TWO_TO_53)) {
                const value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
                this.values[f] = negative ? -value : value;
                return i;
            }
            const parts = this.parts;
            parts[HIGH] = high;
            parts[LOW] = low;
            parts[LOW_DIGITS] = digits - HIGH_DIGITS;
            parts[FRACTION] = fraction;
            if (digits <= HIGH_DIGITS + 8 && fraction <= 22 && decimalFromParts(parts)) {
                this.values[f] = negative ? -parts[VALUE] : parts[VALUE];
                return i;
            }
        }
        // Anything else: found the end, then read as the string path reads it.
        const end = endOfValue(bytes, i, limit);
        if (end < 0)
            return -1;
        if (end === start) {
            if (!OPTIONAL.has(FIELDS[f]))
                return -1;
            this.empty[f] = 1;
            return end;
        }
        let value = exactDecimalBytes(bytes, start, end);
        // Other forms (exponents, more than 19 digits): the string path's own conversion.
        if (Number.isNaN(value))
            value = Number(rollup_bytes_decoder.decode(bytes.subarray(start, end)));
        this.values[f] = value;
        return Number.isFinite(value) ? end : -1;
    }
    /** The cached GPU whose identity cells, from `uuid=` to the tab after the index, are at `at`; `null` when none's are. */
    known(view, at, limit) {
        // Records come in the GPUs' order, so the one after the last is nearly always next.
        const count = this.gpus.length;
        for (let k = 0, g = this.next; k < count; k += 1, g = g + 1 === count ? 0 : g + 1) {
            const gpu = this.gpus[g];
            const end = at + gpu.prefix.byteLength;
            if (end <= limit && sameBytes(view, at, end, gpu.prefix)) {
                this.next = g + 1 === count ? 0 : g + 1;
                return gpu;
            }
        }
        return null;
    }
    /**
     * Reads the identity cells at `at` of a GPU that `known` did not find, and makes it `added`.
     * A call of its own, seldom made: the optimizing compiler then has less of `parse` to compile,
     * and a cold reader gets its compiled code sooner.
     * @returns the offset after the identity cells; -1 when they are not in the form written
     */
    newGpu(bytes, at, limit) {
        const view = this.view;
        const uuidStart = at + NAMES[0].byteLength;
        if (uuidStart > limit || !sameBytes(view, at, uuidStart, NAMES[0]))
            return -1;
        const uuidEnd = endOfValue(bytes, uuidStart, limit);
        if (uuidEnd < 0 || bytes[uuidEnd] !== rollup_bytes_TAB)
            return -1;
        const indexStart = uuidEnd + 1 + NAMES[1].byteLength;
        if (indexStart > limit || !sameBytes(view, uuidEnd + 1, indexStart, NAMES[1]))
            return -1;
        const indexEnd = endOfValue(bytes, indexStart, limit);
        if (indexEnd < 0 || bytes[indexEnd] !== rollup_bytes_TAB)
            return -1;
        this.added = this.add(bytes, uuidStart, uuidEnd, indexStart, indexEnd);
        return indexEnd + 1;
    }
    /**
     * A new GPU for a record's uuid and index cells, none of the cached ones (`known` would have
     * found it): cached while there is room (`cached` false when there is none).
     */
    add(bytes, uuidStart, uuidEnd, indexStart, indexEnd) {
        const text = (from, to) => rollup_bytes_decoder.decode(bytes.subarray(from, to)) || null;
        const gpu = {
            identity: (0,core_gpu/* gpuIdentity */.d)(text(uuidStart, uuidEnd), text(indexStart, indexEnd)),
            handle: null,
            prefix: copyView(bytes, uuidStart - NAMES[0].byteLength, indexEnd + 1),
            cached: this.gpus.length < rollup_bytes_MAX_CACHED_GPUS,
        };
        if (gpu.cached) {
            this.gpus.push(gpu);
            this.next = 0;
        }
        return gpu;
    }
}
/** The offset of the tab or newline that ends a value starting at `start`; -1 when none comes before `limit`. */
function endOfValue(bytes, start, limit) {
    for (let i = start; i < limit; i += 1) {
        const b = bytes[i];
        if (b === rollup_bytes_TAB || b === rollup_bytes_NEWLINE)
            return i;
    }
    return -1;
}

// EXTERNAL MODULE: ./src/core/log/format.ts
var format = __webpack_require__(319);
;// CONCATENATED MODULE: ./src/core/log/reader.ts
/**
 * Reads a power log and feeds the energy integrator. Pure and streaming: callers push lines (from
 * a pipe or a test) or raw bytes (`pushBytes`, from a file: most rows are then read without
 * becoming strings, see `fast-rows.ts`) and ask for the result at the end. Memory stays bounded
 * whatever the log's length.
 *
 * Two formats are understood:
 * - the sampler's own log (see `sample-format.ts`): every row carries the sampler's monotonic
 *   time, so wall-clock jumps cannot distort durations; `@rollup` records (v2) are added as the
 *   rows they stand for;
 * - a plain `nvidia-smi --query-gpu=... --format=csv[,nounits] -l/-lms` log with its header,
 *   timed by its `timestamp` column (host local time, no zone). Time is followed per GPU: rows of
 *   different GPUs may interleave out of order (logs merged or concatenated), and only a GPU's
 *   own row going back in time is a clock step. Clock steps backwards, and DST changes where the
 *   log's time zone has one, are taken out (`plain-clock.ts`).
 */












const MAX_EVENTS = 20;
/** A longer line is malformed, whichever way it comes: no row is that long, and memory stays bounded. */
const MAX_LINE_BYTES = 65_536;
const reader_NEWLINE = 10;
const HASH = 35;
const AT = 64;
const reader_ZERO = 48;
const reader_NINE = 57;
const reader_decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const INFER_ROWS = 16;
/** The clock of rows that name no GPU (`[GPU is lost]`). */
const NO_GPU = "";
/** A time kept as a number, `NaN` for none, as the rest of the code has it: `null` for none. */
function known(ms) {
    return Number.isNaN(ms) ? null : ms;
}
class SampleLogReader {
    format = null;
    header = null;
    integrator = null;
    series = null;
    intervalMs;
    startEpochMs = null;
    /** The span of times read so far; `NaN` before the first (numbers: a store makes no garbage). */
    firstMs = NaN;
    lastMs = NaN;
    stopMs = null;
    stopReason = null;
    malformedLines = 0;
    eventCount = 0;
    events = [];
    lostRows = 0;
    lostAtMs = null;
    restarts = 0;
    headerSeen = false;
    headerlessRows = 0;
    sawLine = false;
    sawBytes = false;
    utf16 = false;
    pending = [];
    /** The distinct times of the rows in `pending`. */
    pendingTimes = new Set();
    counterTrails = new Map();
    /** A plain log's clock per GPU key: rows of different GPUs need not come in time order. */
    clocks = new Map();
    timeZone;
    onReading;
    onInterrupt;
    fast = null;
    /**
     * The time and power of the reading being added (`reading`): passed in a typed array, because
     * numbers passed to a call that is not inlined are allocations, one per row.
     */
    readingValues = new Float64Array(2);
    /** The sampler row's time; `NaN` at first, so that V8 holds it as a double (times pass 2^31 ms). */
    tag = { tMs: NaN };
    rollups = new RollupBytes();
    lines = new ByteLines((bytes, start, end, overlong) => this.pushLine(bytes, start, end, overlong), (bytes, start, end, reach) => this.fastRows(bytes, start, end, reach), MAX_LINE_BYTES);
    /**
     * @param options.intervalMs sampling interval of a plain log, when known (else inferred)
     * @param options.onReading also receives every reading the integrator gets (sub-window energy)
     * @param options.onInterrupt told when nvidia-smi was restarted (no reading bridges the restart)
     * @param options.timeZone the zone a plain log's timestamps are in (or a function naming it when first needed): its DST changes are taken
     *   out; without one, a jump forward is a gap like any other
     * @param options.columns the columns of a plain log without a header line, in order
     *   (`["timestamp", "index", "power.draw"]`); a header in the log takes over from them
     */
    constructor(options = {}) {
        this.intervalMs = options.intervalMs ?? null;
        this.timeZone = options.timeZone ?? null;
        if (options.columns)
            this.setHeader((0,csv/* parseHeader */.RW)(options.columns.join(", ")));
        this.onReading = options.onReading ?? null;
        this.onInterrupt = options.onInterrupt ?? null;
    }
    /** The sampler log's `@start` epoch once read, ms since the epoch; `null` before (or in a plain log). */
    get startEpoch() {
        return this.startEpochMs;
    }
    /** Feeds the next chunk of a UTF-8 log, cut anywhere; lines are read as they complete. */
    pushBytes(chunk) {
        if (!this.sawBytes && chunk.length > 0) {
            this.sawBytes = true;
            this.utf16 = isUtf16(chunk);
        }
        if (this.utf16)
            return; // every line would be garbage: the whole file is reported instead
        // A plain Uint8Array view of a Buffer: V8 reads its bytes about twice as fast as a Buffer's.
        this.lines.push(chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    /** Ends a stream fed with `pushBytes`: a last line without a newline is counted as cut off. */
    endBytes() {
        const rest = this.lines.end();
        if (rest)
            this.pushCutOff(reader_decoder.decode(rest));
    }
    /** Feeds one line, without its newline. One of over 64 KiB is malformed (and not read). */
    push(line) {
        if (isOverlong(line))
            return this.malformed(line);
        this.readLine(line);
    }
    readLine(line) {
        if (line.length === 0)
            return;
        this.sawLine = true;
        if (line.startsWith("#"))
            return;
        const record = (0,format/* parseSamplerRecord */.zd)(line);
        if (record) {
            this.format ??= "sampler";
            switch (record.kind) {
                case "start":
                    this.startEpochMs = record.epochMs;
                    this.intervalMs = record.intervalMs;
                    this.firstMs = 0;
                    this.ensureIntegrator(0);
                    return;
                case "header":
                    // The sampler repeats the header each time it restarts nvidia-smi: nothing was read
                    // between the last row before and the first row after, so that stretch is a gap.
                    if (!Number.isNaN(this.lastMs) || this.pending.length > 0) {
                        this.flushPending();
                        this.integrator?.interrupt();
                        this.onInterrupt?.();
                        this.restarts += 1;
                    }
                    this.setHeader((0,csv/* parseHeader */.RW)(record.line));
                    return;
                case "counter":
                    if (this.stopMs !== null && record.tMs > this.stopMs)
                        return;
                    for (const { uuid, energyMj } of record.readings)
                        this.counterTrails.set(uuid, extendTrail(this.counterTrails.get(uuid), uuid, energyMj));
                    return;
                case "event":
                    this.eventCount += 1;
                    this.note(record.text);
                    return;
                case "stop":
                    this.stopMs ??= record.tMs;
                    this.stopReason ??= record.reason;
                    return;
                case "row":
                    if (this.stopMs !== null && record.tMs > this.stopMs)
                        return;
                    this.row(record.tMs, record.line);
                    return;
                case "rollup":
                    if (this.stopMs !== null && record.tMs > this.stopMs)
                        return;
                    this.addRollup(record.identity, record.rollup);
                    return;
            }
        }
        this.format ??= "nvidia-smi";
        if ((0,csv/* isHeaderLine */.Sd)(line)) {
            this.setHeader((0,csv/* parseHeader */.RW)(line));
            return;
        }
        const header = this.header;
        const cells = (0,csv/* splitCells */.UL)(line);
        if (!header && looksLikeRow(cells))
            this.headerlessRows += 1;
        if (!header || cells.length !== header.fields.length || !(0,csv/* plausibleRow */.I5)(cells, header))
            return this.malformed(line);
        const position = header.positions.get(csv/* FIELD */.b_.timestamp);
        const rawMs = position === undefined ? null : (0,csv/* parseTimestampMs */.YD)(cells[position]);
        if (rawMs === null) {
            if (!cells.includes(csv/* GPU_LOST */.Y$))
                return this.malformed(line);
            this.lostAtMs = known(this.lastMs);
            return this.lost(line);
        }
        const clock = this.clockFor((0,csv/* identify */.ls)(cells, header)?.key ?? NO_GPU);
        this.accept(clock.monotonic(rawMs, this.intervalMs), cells, header, clock.unsizedSteps);
    }
    /** Feeds a last line that ended without a newline: counted as malformed, never parsed. */
    pushCutOff(line) {
        this.malformed(line);
    }
    /**
     * Closes the window and returns the result.
     * @param fallbackEndMs window end (sampler time) to use when the log has no stop record
     */
    finish(fallbackEndMs) {
        this.flushPending();
        const intervalMs = this.intervalMs ?? 1000;
        const integrator = this.integrator ?? new core_integrator/* EnergyIntegrator */.eC({ gapMs: (0,core_integrator/* gapThresholdMs */.IU)(intervalMs) });
        const startMs = known(this.firstMs) ?? 0;
        const endMs = this.stopMs ?? (this.format === "sampler" ? fallbackEndMs : undefined) ?? known(this.lastMs) ?? startMs;
        return {
            format: this.format ?? "nvidia-smi",
            startEpochMs: this.startEpochMs,
            windowMs: Math.max(0, endMs - startMs),
            intervalMs,
            gapMs: (0,core_integrator/* gapThresholdMs */.IU)(intervalMs),
            powerField: this.header ? (0,csv/* powerField */.CN)(this.header) : null,
            columns: this.header ? [...this.header.fields] : null,
            gpus: integrator.finish(startMs, endMs, this.lostAtMs),
            series: (this.series ?? new power_series/* PowerSeriesBuilder */.w(startMs, intervalMs)).build(),
            malformedLines: this.malformedLines,
            eventCount: this.eventCount,
            events: [...this.events],
            // A clock step shows in every GPU's rows: counted once.
            clockJumps: Math.max(0, ...[...this.clocks.values()].map((clock) => clock.jumps)),
            lostRows: this.lostRows,
            restarts: this.restarts,
            stopReason: this.stopReason,
            problem: this.problem(),
            counterTrails: new Map(this.counterTrails),
        };
    }
    problem() {
        if (this.utf16)
            return "utf-16";
        if (this.format === "sampler" || this.headerSeen)
            return null;
        if (!this.sawLine)
            return "empty";
        return this.headerlessRows > 0 ? "no-header" : "not-a-log";
    }
    setHeader(header) {
        this.headerSeen = true;
        this.header = header;
        this.fast = null;
    }
    /** One line of a byte stream that the fast path did not read: the string path. */
    pushLine(bytes, start, end, overlong) {
        const line = reader_decoder.decode(bytes.subarray(start, end));
        if (overlong)
            this.malformed(line);
        else
            this.readLine(line);
    }
    /** Reads rows straight from their bytes while it can (see `LineReader`); -1 when it cannot read the first. */
    fastRows(bytes, start, end, reach) {
        let last = -1;
        // Runs of rows and runs of `@rollup` records each have a loop of their own, which V8 compiles
        // once: this loop only goes from one run to the next (a few times a log), so it is never
        // compiled again with both inlined.
        for (let at = start; at < end;) {
            let nl;
            if (bytes[at] === AT)
                nl = this.rollupRecords(bytes, at, end, reach);
            else {
                nl = this.rows(bytes, at, end, reach);
                // The first row of a log, and any row `rows` leaves (the reader not settled yet).
                if (nl < 0)
                    nl = this.fastRow(bytes, at, Math.min(end, at + reach));
            }
            if (nl < 0)
                break;
            last = nl;
            at = nl + 1;
        }
        return last;
    }
    /** `fastRollup` for a run of `@rollup` records; the offset of the last one's newline, -1 when it read none. */
    rollupRecords(bytes, start, end, reach) {
        let last = -1;
        for (let at = start; at < end && bytes[at] === AT;) {
            const nl = this.fastRollup(bytes, at, Math.min(end, at + reach));
            if (nl < 0)
                break;
            last = nl;
            at = nl + 1;
        }
        return last;
    }
    /**
     * `fastRow` for a run of rows of the log's format (the sampler's `<ms>\t<row>`, or a plain
     * log's), once its first row has been read: what cannot change from row to row is checked
     * once, and a cold reader (the first rows of every log) runs through fewer calls. Returns the
     * offset of the last row's newline; -1 when it read none.
     */
    rows(bytes, start, end, reach) {
        const fast = this.fast;
        const integrator = this.integrator;
        const series = this.series;
        const format = this.format;
        if (format === null || fast === null || integrator === null || series === null || this.pending.length > 0)
            return -1;
        const sampler = format === "sampler";
        const values = this.readingValues;
        let last = -1;
        for (let at = start; at < end;) {
            // A row starts with a digit (never a header or a record); a plain row's `parse` declines a tab.
            const first = bytes[at];
            if (first < reader_ZERO || first > reader_NINE)
                break;
            const limit = Math.min(end, at + reach);
            let nl;
            if (sampler) {
                const tab = samplerRowTag(bytes, at, limit, this.tag);
                if (tab < 0 || (this.stopMs !== null && this.tag.tMs > this.stopMs))
                    break;
                nl = fast.parse(bytes, tab + 1, limit, false);
                if (nl < 0)
                    break;
                values[0] = this.tag.tMs;
            }
            else {
                nl = fast.parse(bytes, at, limit, true);
                if (nl < 0)
                    break;
                values[0] = fast.entry.handle.clock.monotonic(fast.rawTimestampMs, this.intervalMs);
            }
            values[1] = fast.powerW;
            this.reading(integrator, series, fast.entry);
            last = nl;
            at = nl + 1;
        }
        return last;
    }
    /**
     * The reading the fast path read, in `readingValues` (its power `NaN` for a placeholder): to the
     * integrator, the chart and any listener.
     */
    reading(integrator, series, entry) {
        const tMs = this.readingValues[0];
        const powerW = this.readingValues[1];
        this.span(tMs);
        if (Number.isNaN(powerW)) {
            integrator.addTo(entry.handle.state, tMs, null);
            this.onReading?.(tMs, entry.identity, null);
        }
        else {
            integrator.addTo(entry.handle.state, tMs, powerW);
            this.onReading?.(tMs, entry.identity, powerW);
            series.addTo(entry.handle.slot, tMs, powerW);
        }
    }
    /**
     * Reads a data row straight from its bytes when everything it needs is settled (a header, the
     * integrator, nothing pending); returns the offset of the row's newline, or -1 to leave the
     * line to `push`, which treats every row the same way, only slower.
     */
    fastRow(bytes, start, limit) {
        const header = this.header;
        const integrator = this.integrator;
        const series = this.series;
        const first = bytes[start];
        if (!header || !integrator || !series || this.pending.length > 0 || first === reader_NEWLINE || first === HASH)
            return -1;
        this.fast ??= new FastRows(header, (identity) => ({
            state: integrator.state(identity),
            slot: series.slot(identity.key),
            clock: this.clockFor(identity.key),
        }));
        const fast = this.fast;
        let tMs;
        let end;
        // In a plain log a row is a plain row or declined (a tab ends the scan): no tag to look for.
        const tab = this.format === "nvidia-smi" ? -1 : samplerRowTag(bytes, start, limit, this.tag);
        if (tab >= 0) {
            tMs = this.tag.tMs;
            if (this.stopMs !== null && tMs > this.stopMs)
                return -1;
            end = fast.parse(bytes, tab + 1, limit, false);
            if (end < 0)
                return -1;
            this.format ??= "sampler";
        }
        else {
            // A plain row starts with a digit (never a header) and has no tab (never a sampler record:
            // the scan declines a row at its first tab).
            if (this.format !== "nvidia-smi" || first < reader_ZERO || first > reader_NINE)
                return -1;
            end = fast.parse(bytes, start, limit, true);
            if (end < 0)
                return -1;
            tMs = fast.entry.handle.clock.monotonic(fast.rawTimestampMs, this.intervalMs);
        }
        this.readingValues[0] = tMs;
        this.readingValues[1] = fast.powerW;
        this.reading(integrator, series, fast.entry);
        return end;
    }
    /** A `@rollup` record read from its bytes (see `rollup-bytes.ts`), or -1 to leave it to `push`. */
    fastRollup(bytes, start, limit) {
        const integrator = this.integrator;
        const series = this.series;
        if (!integrator || !series || this.pending.length > 0)
            return -1;
        const rollups = this.rollups;
        const end = rollups.parse(bytes, start, limit);
        if (end < 0 || (this.stopMs !== null && rollups.tMs > this.stopMs))
            return -1;
        this.format ??= "sampler";
        const gpu = rollups.gpu;
        if (gpu === null)
            this.addRollup(rollups.identity, rollups.rollup);
        else {
            // Its GPU's totals and place in the chart, found once.
            gpu.handle ??= { state: integrator.state(gpu.identity), slot: series.slot(gpu.identity.key) };
            integrator.addRollupTo(gpu.handle.state, rollups.rollup);
            this.rollupReadings(gpu.identity, rollups.rollup, gpu.handle.slot);
        }
        return end;
    }
    /**
     * A `@rollup` record: the sampler integrated these rows itself. Sub-window listeners get its
     * power as readings at most half a gap apart: flat at the rollup's mean between its first and
     * last reading, so the energy they see is the rollup's (steps and phases resolve to the rollup).
     */
    addRollup(identity, rollup) {
        this.flushPending();
        this.ensureIntegrator(0);
        this.integrator?.addRollup(identity, rollup);
        this.rollupReadings(identity, rollup, null);
    }
    /** What a rollup adds besides its totals: the span of times, listeners' readings and the chart (through `slot` when given). */
    rollupReadings(identity, rollup, slot) {
        if (rollup.firstMs === null || rollup.lastMs === null || rollup.validSamples === 0)
            return;
        this.span(rollup.firstMs);
        this.span(rollup.lastMs);
        const spanMs = rollup.lastMs - rollup.firstMs;
        const meanW = spanMs > 0 ? rollup.energyJ / (spanMs / 1000) : rollup.firstW;
        if (this.onReading) {
            const steps = Math.max(1, Math.ceil(spanMs / ((0,core_integrator/* gapThresholdMs */.IU)(this.intervalMs ?? 1000) / 2)));
            this.onReading(rollup.firstMs, identity, rollup.validSamples > 1 ? meanW : rollup.firstW);
            for (let k = 1; k <= steps && spanMs > 0; k += 1)
                this.onReading(rollup.firstMs + (spanMs * k) / steps, identity, meanW);
        }
        // The chart gets the rollup's mean power at its middle, weighted by the readings it stands for.
        const chartW = rollup.coveredMs > 0 ? rollup.energyJ / (rollup.coveredMs / 1000) : rollup.firstW;
        const middleMs = (rollup.firstMs + rollup.lastMs) / 2;
        if (slot)
            this.series?.addTo(slot, middleMs, chartW, rollup.validSamples);
        else
            this.series?.add(middleMs, identity.key, chartW, rollup.validSamples);
    }
    row(tMs, line) {
        const header = this.header;
        const cells = (0,csv/* splitCells */.UL)(line);
        if (!header || cells.length !== header.fields.length) {
            if ((0,csv/* isHeaderLine */.Sd)(line)) {
                this.setHeader((0,csv/* parseHeader */.RW)(line));
                return;
            }
            return this.malformed(line);
        }
        if (!(0,csv/* plausibleRow */.I5)(cells, header))
            return this.malformed(line);
        this.accept(tMs, cells, header);
    }
    /** The clock of one GPU's rows in a plain log. */
    clockFor(key) {
        let clock = this.clocks.get(key);
        if (!clock) {
            clock = new plain_clock/* PlainClock */.Hm(this.timeZone);
            this.clocks.set(key, clock);
        }
        return clock;
    }
    /** Widens the span of times read so far: rows of different GPUs may come out of order. */
    span(tMs) {
        if (!(tMs >= this.firstMs))
            this.firstMs = tMs; // also when NaN: none yet
        if (!(tMs <= this.lastMs))
            this.lastMs = tMs;
    }
    accept(tMs, cells, header, unsizedSteps = 0) {
        // A lost GPU prints [GPU is lost] in its index and uuid too: the row names no GPU, so it
        // cannot be charged to one. It is counted; the GPU's readings simply stop (a gap).
        if ((0,csv/* identify */.ls)(cells, header) === null) {
            this.lostAtMs = tMs;
            return this.lost(cells.join(", "));
        }
        if (this.integrator)
            return this.feed(tMs, cells, header);
        this.pending.push({ tMs, cells, header, unsizedSteps });
        this.pendingTimes.add(tMs);
        if (this.intervalMs !== null || this.pendingTimes.size > INFER_ROWS)
            this.flushPending();
    }
    flushPending() {
        if (this.pending.length === 0)
            return;
        if (this.intervalMs === null) {
            // Each GPU's own spacing: rows of different GPUs a few ms apart are not the loop's interval.
            const byGpu = new Map();
            for (const row of this.pending) {
                const key = (0,csv/* identify */.ls)(row.cells, row.header)?.key ?? NO_GPU;
                const times = byGpu.get(key);
                if (times)
                    times.push(row.tMs);
                else
                    byGpu.set(key, [row.tMs]);
            }
            const intervalMs = (0,plain_clock/* inferIntervalMs */.er)([...byGpu.values()]);
            this.intervalMs = intervalMs;
            for (const row of this.pending)
                row.tMs += row.unsizedSteps * intervalMs;
            for (const clock of this.clocks.values())
                clock.sizeSteps(intervalMs);
        }
        this.ensureIntegrator(Math.min(...this.pending.map((row) => row.tMs)));
        const rows = this.pending;
        this.pending = [];
        this.pendingTimes.clear();
        for (const row of rows)
            this.feed(row.tMs, row.cells, row.header);
    }
    ensureIntegrator(originMs) {
        if (this.integrator)
            return;
        const intervalMs = this.intervalMs ?? 1000;
        this.integrator = new core_integrator/* EnergyIntegrator */.eC({ gapMs: (0,core_integrator/* gapThresholdMs */.IU)(intervalMs) });
        this.series = new power_series/* PowerSeriesBuilder */.w(originMs, intervalMs);
    }
    feed(tMs, cells, header) {
        const integrator = this.integrator;
        if (!integrator)
            return;
        this.span(tMs);
        const identity = (0,csv/* identify */.ls)(cells, header);
        if (!identity)
            return;
        const powerW = (0,csv/* rowPowerW */.Hd)(cells, header);
        integrator.add(tMs, identity, powerW);
        this.onReading?.(tMs, identity, powerW);
        if (powerW !== null)
            this.series?.add(tMs, identity.key, powerW);
    }
    lost(line) {
        this.lostRows += 1;
        this.note(line.length > 200 ? `${line.slice(0, 200)}...` : line);
    }
    malformed(line) {
        this.malformedLines += 1;
        this.note(line.length > 200 ? `${line.slice(0, 200)}...` : line);
    }
    note(text) {
        if (this.events.length < MAX_EVENTS && !this.events.includes(text))
            this.events.push(text);
    }
}
/**
 * True when a file's first bytes are UTF-16 text: a byte-order mark, or the NUL bytes that every
 * ASCII character has beside it in UTF-16 (nvidia-smi and the sampler write only ASCII).
 */
function isUtf16(first) {
    if (first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)))
        return true;
    // Without a byte-order mark: ASCII text in UTF-16 has a NUL in every other byte, on one side.
    const head = first.subarray(0, 256 - (Math.min(first.length, 256) % 2));
    if (head.length < 4)
        return false;
    let evenNuls = 0;
    let oddNuls = 0;
    for (let i = 0; i < head.length; i += 1) {
        if (head[i] !== 0)
            continue;
        if (i % 2 === 0)
            evenNuls += 1;
        else
            oddNuls += 1;
    }
    const half = head.length / 2;
    return (oddNuls >= half * 0.9 && evenNuls === 0) || (evenNuls >= half * 0.9 && oddNuls === 0);
}
/** Cells that look like an nvidia-smi data row (a timestamp, an index or a uuid first), for a log without its header. */
function looksLikeRow(cells) {
    const first = cells[0] ?? "";
    return cells.length >= 2 && ((0,csv/* parseTimestampMs */.YD)(first) !== null || /^\d+$/.test(first) || /^(GPU|MIG)-\S+$/.test(first));
}
const reader_encoder = new TextEncoder();
/** True when `line` takes more than `MAX_LINE_BYTES` in UTF-8 (at most 3 bytes per UTF-16 unit). */
function isOverlong(line) {
    return line.length * 3 > MAX_LINE_BYTES && reader_encoder.encode(line).length > MAX_LINE_BYTES;
}

// EXTERNAL MODULE: ./src/core/energy/steps.ts
var energy_steps = __webpack_require__(599);
// EXTERNAL MODULE: ./src/measure/intensity.ts
var measure_intensity = __webpack_require__(793);
// EXTERNAL MODULE: ./src/measure/pricing.ts + 5 modules
var pricing = __webpack_require__(976);
;// CONCATENATED MODULE: ./src/core/energy/work-units.ts
/**
 * Energy per unit of work, opt-in. Pure: the work file's format and the figure.
 *
 * A step writes a count of work (samples, tokens, optimizer steps) to the file named by
 * GPU_CARBON_WORK_FILE, one count per line, optionally followed by the unit's name:
 * `echo "128000 tokens" >> "$GPU_CARBON_WORK_FILE"`. The counts are added up, so several steps
 * can append; the unit is the first one named. Lines that are not a count are skipped.
 */

/** The counts in a work file, or why it cannot be used. */
function parseWorkUnits(text) {
    let units = 0;
    let unit = null;
    let skippedLines = 0;
    for (const raw of text.split("\n")) {
        const line = raw.trim();
        if (line === "")
            continue;
        const match = /^([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)(?:\s+(\S.{0,39}))?$/i.exec(line);
        if (!match) {
            skippedLines += 1;
            continue;
        }
        units += Number(match[1]);
        unit ??= match[2]?.trim() ?? null;
    }
    return { units, unit, skippedLines };
}
/** Joules per unit; `null` without energy or without a positive count. */
function workReport(energyKwh, units, unit) {
    if (energyKwh === null || !(units > 0))
        return null;
    return { units, unit, joulesPerUnit: Math.round(((energyKwh * core_units/* JOULES_PER_KWH */.EI) / units) * 1e6) / 1e6 };
}

;// CONCATENATED MODULE: ./src/adapters/work-file.ts
/** The work-units file (GPU_CARBON_WORK_FILE) the job's steps may write to. */


/** Reads at most this much: a count is a few bytes; a huge file is a mistake, not work. */
const MAX_BYTES = 64 * 1024;
/** The counts, `null` when no step wrote the file, or a problem in words. */
function readWorkFile(file) {
    const read = (0,safe_file/* readRegularFile */.XF)(file, MAX_BYTES);
    if (read.ok)
        return parseWorkUnits(read.text);
    if (read.missing)
        return null;
    return `the work file ${read.reason}; it should hold counts, one per line`;
}

;// CONCATENATED MODULE: ./src/measure/work.ts
/** Energy per unit of work: reads what the job's steps wrote to GPU_CARBON_WORK_FILE. */



/** The report with `work` filled in when the job counted its work; problems become warnings. */
function withWork(report, file) {
    const read = readWorkFile(file);
    if (read === null)
        return report;
    if (typeof read === "string")
        return { ...report, warnings: [...report.warnings, read] };
    const warnings = [...report.warnings];
    if (read.skippedLines > 0)
        warnings.push(`${read.skippedLines} line(s) of ${names/* ENV */.Km.workFile} are not a count (a number, optionally followed by a unit) and were skipped`);
    if (!(read.units > 0))
        warnings.push(`${names/* ENV */.Km.workFile} holds no positive count: no energy per unit`);
    return { ...report, warnings, work: workReport(report.energyKwh, read.units, read.unit) };
}

// EXTERNAL MODULE: ./src/config/settings.ts + 3 modules
var config_settings = __webpack_require__(891);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(296);
;// CONCATENATED MODULE: ./src/measure/analyse.ts
/**
 * Turning a session (the sampler's log and what start recorded) into a report: integration,
 * energy per step and phase, the idle baseline, carbon. Shared by `post`, `mode: report` and
 * `gpu-carbon run`. A measurement problem is a warning in the report, never an error.
 */



















/**
 * The final report of a session, built here and only here: the log integrated (energy per GPU,
 * per step and phase, the idle baseline), the driver's counter applied, the GPU selection, the
 * carbon priced (live grid data, embodied), the work units. Never throws for a measurement
 * problem: it becomes a warning and an honest report.
 */
async function analyseSession(options) {
    const { session, settings } = options;
    let report;
    if (!session) {
        const { intensity } = (0,measure_intensity/* resolveIntensity */.y)(settings);
        report = (0,report_report/* notMeasuredReport */.yM)({ pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity }, [`the measurement never started (${options.notStartedReason || "no session was recorded"})`], { startEpochMs: null, durationMs: 0, intervalMs: settings.intervalMs, gapMs: (0,core_integrator/* gapThresholdMs */.IU)(settings.intervalMs) });
    }
    else if (session.source === "prometheus") {
        // Read back from Prometheus, with the last selector the job gave (loaded only for such a job).
        const { prometheusReport } = await __webpack_require__.e(/* import() */ 740).then(__webpack_require__.bind(__webpack_require__, 740));
        const dir = workDir(options.env);
        report = await prometheusReport({
            settings,
            selector: (dir === null ? null : readSelector(dir)) ?? settings.prometheusSelector,
            window: { startEpochMs: session.startedEpochMs, endEpochMs: options.endEpochMs ?? Date.now() },
            waitForLastScrape: options.windowJustEnded === true,
            // Inside post's one network deadline, with the Jobs API, history and comment after it.
            deadlineEpochMs: (0,deadlines/* networkDeadline */.jH)(options.env).atEpochMs,
            spans: options.spans,
            warnings: [...session.warnings, ...(options.stopWarnings ?? [])],
            env: options.env,
        });
    }
    else {
        const measured = await analyseLog(session, options);
        report = await (0,pricing/* priceReport */.m)({ ...measured, gpuSelection: session.selection ?? null }, settings, options.env);
    }
    return options.workFile ? withWork(report, options.workFile) : report;
}
/** A file that cannot be read as a power log at all (see `LogProblem`). */
class UnreadableLog extends Error {
    problem;
    constructor(problem) {
        super(`not a power log (${problem})`);
        this.problem = problem;
    }
}
/** The report of a log file; throws when the file cannot be read. */
async function analyseLogFile(options) {
    const { settings } = options;
    const reader = new SampleLogReader({
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
        timeZone: options.timeZone ?? null,
        columns: options.columns,
    });
    await readLogInto(options.file, reader);
    const log = reader.finish();
    if (log.problem)
        throw new UnreadableLog(log.problem);
    const unusable = unusableLog(options.file, log);
    if (unusable)
        throw new UnusableLogError(unusable);
    const { intensity } = (0,measure_intensity/* resolveIntensity */.y)(settings);
    const report = (0,report_report/* buildReport */.FK)(log, { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity }, [], (0,config_settings/* settingsWarnings */.Td)(settings));
    return (0,pricing/* priceReport */.m)(report, settings, options.env);
}
/** A file that was read whole but is no log to report on (not nvidia-smi's, or without power). */
class UnusableLogError extends Error {
}
/** Why a log that has its header cannot be reported on, or null when it can (see `LogProblem` for the rest). */
function unusableLog(file, log) {
    if (log.columns !== null && log.powerField === null)
        return `${file} has no power column (its columns: ${log.columns.join(", ")}). Add power.draw to nvidia-smi's --query-gpu list.`;
    return null;
}
async function analyseLog(session, options) {
    const { settings, spans = { steps: null, phases: [] } } = options;
    const { intensity } = (0,measure_intensity/* resolveIntensity */.y)(settings);
    const reportSettings = { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity };
    const warnings = [...(0,config_settings/* settingsWarnings */.Td)(settings), ...session.warnings, ...(options.stopWarnings ?? [])];
    const window = {
        startEpochMs: session.startedEpochMs,
        durationMs: (options.endEpochMs ?? Date.now()) - session.startedEpochMs,
        intervalMs: session.intervalMs,
        gapMs: (0,core_integrator/* gapThresholdMs */.IU)(session.intervalMs),
    };
    if (!session.measuring)
        return (0,report_report/* notMeasuredReport */.yM)(reportSettings, warnings, window);
    const diagnostics = samplerDiagnostics(session);
    warnings.push(...diagnostics);
    const writesFailed = diagnostics.some((d) => d.includes("cannot write samples"));
    const stepEnergy = new breakdown/* SpanEnergy */.tO(spans.steps ?? [], window.gapMs);
    const phaseEnergy = new breakdown/* SpanEnergy */.tO(spans.phases, window.gapMs);
    // Every reading goes to the steps and phases, when there are any: a month's rollups stand for
    // tens of millions of readings, not worth making for nobody.
    const spansToFill = stepEnergy.spans.length + phaseEnergy.spans.length > 0;
    const reader = new SampleLogReader({
        ...(spansToFill && {
            onReading: (tMs, identity, powerW) => {
                const startEpochMs = reader.startEpoch ?? session.startedEpochMs;
                stepEnergy.add(startEpochMs, tMs, identity, powerW);
                phaseEnergy.add(startEpochMs, tMs, identity, powerW);
            },
        }),
        onInterrupt: () => {
            stepEnergy.interrupt();
            phaseEnergy.interrupt();
        },
    });
    try {
        await readLogInto(session.samplesPath, reader, { snapshot: true });
    }
    catch (e) {
        return (0,report_report/* notMeasuredReport */.yM)(reportSettings, [...warnings, `the sample log could not be read (${(0,errors/* errorMessage */.g)(e)})`], window);
    }
    const log = reader.finish(window.durationMs);
    if (log.startEpochMs === null) {
        return (0,report_report/* notMeasuredReport */.yM)(reportSettings, [...warnings, "the sampler wrote no samples (it may have been unable to write its log)"], window);
    }
    const trouble = log.events.filter(format/* isRestartEvent */.UD);
    if (trouble.length > 0)
        warnings.push(`nvidia-smi stopped or stalled during the job and was restarted ${log.restarts} time(s) (e.g. "${trouble[0]}"); the time it was down counts as a gap in coverage`);
    if (log.stopReason && log.stopReason !== "signal")
        warnings.push(`the sampler stopped before the end of the job (${log.stopReason})`);
    const lost = log.events.filter((e) => /could not be written .* and are lost/.test(e));
    if (lost.length > 0)
        warnings.push(`some samples could not be written and are lost ("${lost[0]}"); that time counts as a gap in coverage`);
    if (!log.stopReason)
        warnings.push(writesFailed
            ? "the sample log has no end record: the sampler's last writes failed (see above); the window ends when post ran"
            : "the sampler did not close its log (it was killed); the window ends when post ran");
    const sampled = (0,report_report/* buildReport */.FK)(log, reportSettings, session.gpus, warnings);
    const edges = new Map(log.gpus.flatMap((gpu) => gpu.uuid !== null && gpu.firstW !== null && gpu.lastW !== null ? [[gpu.uuid, { startW: gpu.firstW, endW: gpu.lastW }]] : []));
    const report = applyEnergyCounter(sampled, session.energyCounterStart ?? null, options.counterEnd ?? null, edges, log.counterTrails);
    // Steps and phases are cut from the sampled power curve: their shares are of the sampled total.
    const sampledKwh = sampled.energyKwh;
    const gpuCount = log.gpus.filter((gpu) => gpu.energyJ !== null).length;
    const steps = stepEnergy.rows(log.windowMs, sampledKwh, gpuCount);
    return {
        ...report,
        steps,
        outsideStepsEnergyKwh: spans.steps === null ? null : (0,breakdown/* outsideEnergyKwh */.en)(steps, sampledKwh),
        stepRules: spans.steps === null ? [] : energy_steps/* STEP_RULES */.L,
        phases: phaseEnergy.rows(log.windowMs, sampledKwh, gpuCount),
        idle: idleBaseline(log.gpus, session.gpus),
    };
}
/**
 * Problems the sampler wrote to its own log (`sampler.log` beside the samples), such as a full
 * disk, which the sample log itself cannot record.
 */
function samplerDiagnostics(session) {
    const read = (0,safe_file/* readRegularFile */.XF)(external_node_path_default().join(external_node_path_default().dirname(session.samplesPath), names/* FILE */.PW.samplerLog), 1 << 20);
    if (!read.ok)
        return read.missing ? [] : [`the sampler's own log was not read: ${read.reason}`];
    const text = read.text;
    const found = (0,format/* diagnosedProblems */.dn)(text).map((problem) => `the sampler reported: ${problem}`);
    return [...new Set(found)].slice(0, 3);
}


/***/ }),

/***/ 793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ resolveIntensity)
/* harmony export */ });
/* unused harmony export tableIntensity */
/* harmony import */ var _core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(984);
/* harmony import */ var _config_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(234);
/**
 * Which grid carbon intensity a report uses, in this order: the `carbon-intensity` input > live
 * grid data (in post, see live-intensity.ts) > the yearly table for `location` > the world average.
 */


/** The table figure for a location, described for the report. */
function tableIntensity(location) {
    const ember = location.dataset === "ember";
    const where = location.key === location.location ? location.description : `${location.description}, figure of ${location.key}`;
    const grid = location.regionalGrid;
    // A national average for a region inside one provincial grid can be far off (Canada 185, Qu\u00e9bec 41): say so.
    const hint = grid
        ? `; the region's own grid ${grid.zone} (${grid.name}) averaged ${grid.gramsPerKwh} g/kWh in ${grid.year} (Electricity Maps): set '${_config_names_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT */ .bO.location}' to ${grid.zone} to use it`
        : "";
    return {
        gramsPerKwh: location.gramsPerKwh,
        source: `${ember ? "Ember" : "Electricity Maps"} ${location.year} yearly average for ${where} (lifecycle, ${ember ? "CC BY 4.0" : "ODbL"})${hint}`,
        resolvedBy: "table",
        year: location.year,
        basis: "lifecycle",
        location: location.location,
        zone: location.key,
        attribution: ember ? _core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .ATTRIBUTION */ .ow.ember : _core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .ATTRIBUTION */ .ow.electricityMapsYearly,
        hourly: null,
    };
}
/** The intensity to use before any live data, and, when it is the fallback, a notice telling the user how to set it. */
function resolveIntensity(settings) {
    if (settings.carbonIntensityGPerKwh !== null) {
        return {
            intensity: (0,_core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .givenIntensity */ .h1)(settings.carbonIntensityGPerKwh, `input '${_config_names_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT */ .bO.carbonIntensity}'`, settings.location?.location ?? null),
            notice: null,
        };
    }
    if (settings.location)
        return { intensity: tableIntensity(settings.location), notice: null };
    return {
        intensity: {
            gramsPerKwh: _core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .WORLD_AVERAGE_INTENSITY */ .PH.gramsPerKwh,
            source: _core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .WORLD_AVERAGE_INTENSITY */ .PH.source,
            resolvedBy: "world-average",
            year: _core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .WORLD_AVERAGE_INTENSITY */ .PH.year,
            basis: "lifecycle",
            location: null,
            zone: "WLD",
            attribution: _core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .ATTRIBUTION */ .ow.ember,
            hourly: null,
        },
        notice: `No '${_config_names_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT */ .bO.location}' or '${_config_names_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT */ .bO.carbonIntensity}' given: using the world average of ${_core_carbon_intensity_js__WEBPACK_IMPORTED_MODULE_0__/* .WORLD_AVERAGE_INTENSITY */ .PH.gramsPerKwh} gCO2e/kWh. Set '${_config_names_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT */ .bO.location}' (a country such as DE, a zone such as US-CA, a cloud region such as aws:us-east-1) or '${_config_names_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT */ .bO.carbonIntensity}' for an honest number.`,
    };
}


/***/ }),

/***/ 976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ priceReport)
});

// EXTERNAL MODULE: ./src/core/carbon/intensity.ts
var carbon_intensity = __webpack_require__(984);
// EXTERNAL MODULE: ./src/data/facility.ts
var facility = __webpack_require__(563);
;// CONCATENATED MODULE: ./src/core/carbon/embodied.ts
/**
 * Embodied (manufacturing) carbon of the GPUs, amortised over their service life per GPU-hour.
 * Reported apart from the operational emissions, never added to them. Pure.
 */

/** Hours in a (365-day) year, for amortisation over calendar time. */
const HOURS_PER_YEAR = 8760;
/** GPU model patterns (on nvidia-smi's `name`) -> the gpu-embodied.csv item that describes it. */
const MATCHERS = [
    { pattern: /\bA100[- ]SXM4?[- ]40GB\b/i, item: "NVIDIA A100 SXM 40GB (Falk et al. 2025)" },
    { pattern: /\bA100\b/i, item: "NVIDIA A100 GPU (BLOOM study)" },
    { pattern: /\bH100\b/i, item: "NVIDIA HGX H100 baseboard (8x H100 SXM)" },
];
const EMBODIED_BOUNDARY = "cradle-to-gate manufacturing of the GPU boards only (no host server), spread evenly over the service life";
/** The published per-GPU figure for a model name, `null` when none matches. */
function embodiedFigure(name) {
    if (!name)
        return null;
    const matcher = MATCHERS.find((m) => m.pattern.test(name));
    const row = matcher && facility/* EMBODIED_ROWS */.S.find((r) => r.item === matcher.item);
    return row && row.kgPerGpu !== null ? { item: row.item, kgPerGpu: row.kgPerGpu } : null;
}
/**
 * Each GPU's share: kgPerGpu x 1000 / (lifetimeYears x 8760) g per GPU-hour, times the hours the
 * job held it (the whole window, busy or idle: the GPU was reserved for the job either way).
 */
function amortiseEmbodied(gpus, durationSeconds, lifetimeYears) {
    const gpuHours = durationSeconds / 3600;
    const perGpu = gpus.map((gpu) => {
        const figure = embodiedFigure(gpu.name);
        if (!figure)
            return { index: gpu.index, name: gpu.name, item: null, kgPerGpu: null, gramsPerGpuHour: null, kg: null };
        const gramsPerGpuHour = (figure.kgPerGpu * 1000) / (lifetimeYears * HOURS_PER_YEAR);
        return { index: gpu.index, name: gpu.name, ...figure, gramsPerGpuHour, kg: (gramsPerGpuHour * gpuHours) / 1000 };
    });
    const matched = perGpu.filter((g) => g.kg !== null);
    return {
        kg: matched.length === 0 ? null : matched.reduce((sum, g) => sum + (g.kg ?? 0), 0),
        lifetimeYears,
        gpuHours,
        gpus: perGpu,
        boundary: EMBODIED_BOUNDARY,
    };
}

// EXTERNAL MODULE: ./src/core/report/report.ts
var report_report = __webpack_require__(702);
// EXTERNAL MODULE: ./src/core/report/uncertainty.ts
var uncertainty = __webpack_require__(22);
// EXTERNAL MODULE: ./src/core/units.ts
var units = __webpack_require__(184);
;// CONCATENATED MODULE: ./src/core/report/carbon.ts
/** Re-pricing a built report: another grid intensity (live data), embodied carbon. Pure. */





/** The report with this intensity and the emissions recomputed from it (energy x PUE x intensity). */
function withIntensity(report, intensity, warnings = []) {
    const emissions = (0,carbon_intensity/* emissionsKg */.r3)(report.energyKwh, report.pue, intensity.gramsPerKwh);
    const emissionsPrecise = emissions === null ? null : (0,report_report/* precise */.ul)(emissions);
    return {
        ...report,
        carbonIntensity: { ...intensity, gramsPerKwh: (0,units/* round */.LI)(intensity.gramsPerKwh, 4) },
        emissionsKg: emissionsPrecise,
        emissionsKgRange: (0,uncertainty/* emissionsRange */.MT)(report.energyKwhRange, report.energyKwh, emissionsPrecise),
        warnings: [...report.warnings, ...warnings],
    };
}
/**
 * The report with the GPUs' amortised manufacturing footprint in `embodied` (never in
 * `emissionsKg`), and a warning naming each GPU model without a published figure.
 */
function withEmbodied(report, lifetimeYears) {
    const embodied = amortiseEmbodied(report.gpus, report.durationSeconds, lifetimeYears);
    const unmatched = [...new Set(embodied.gpus.filter((g) => g.item === null).map((g) => g.name ?? "an unnamed GPU"))];
    const warnings = unmatched.map((name) => `embodied carbon: no published manufacturing figure for ${name} (known: A100, H100); it is left out of the embodied total`);
    return {
        ...report,
        embodied: {
            ...embodied,
            kg: embodied.kg === null ? null : (0,report_report/* precise */.ul)(embodied.kg),
            gpuHours: (0,units/* round */.LI)(embodied.gpuHours, 6),
            gpus: embodied.gpus.map((g) => ({
                ...g,
                gramsPerGpuHour: g.gramsPerGpuHour === null ? null : (0,units/* round */.LI)(g.gramsPerGpuHour, 6),
                kg: g.kg === null ? null : (0,report_report/* precise */.ul)(g.kg),
            })),
        },
        warnings: [...report.warnings, ...warnings],
    };
}

// EXTERNAL MODULE: ./src/adapters/deadlines.ts
var deadlines = __webpack_require__(853);
// EXTERNAL MODULE: ./src/config/names.ts
var names = __webpack_require__(234);
;// CONCATENATED MODULE: ./src/adapters/grid-api.ts
/**
 * The live grid services over HTTP: one attempt per request, a short timeout, no retries (post
 * must not hang on a slow service; the tables are the fallback). Base URLs can be overridden
 * through environment variables, for tests against local fakes and for proxies.
 */

const ELECTRICITY_MAPS_URL = "https://api.electricitymaps.com";
const UK_CARBON_INTENSITY_URL = "https://api.carbonintensity.org.uk";
/** Longest range per request: Electricity Maps' hourly past-range allows 10 days, the UK API 14. */
const ELECTRICITY_MAPS_MAX_RANGE_MS = 10 * 24 * 3_600_000;
const UK_MAX_RANGE_MS = 14 * 24 * 3_600_000;
/** A failed request, described without secrets (the token travels in a header, never in the text). */
class GridApiError extends Error {
    name = "GridApiError";
}
/** GETs JSON once; rejects with `GridApiError` on a timeout, a network error or a non-2xx status. */
async function getJson(url, headers, timeoutMs) {
    let response;
    try {
        response = await fetch(url, { headers: { accept: "application/json", ...headers }, signal: AbortSignal.timeout(timeoutMs) });
    }
    catch (e) {
        const error = e;
        const timedOut = error.name === "TimeoutError" || error.name === "AbortError";
        throw new GridApiError(timedOut ? `no answer within ${timeoutMs} ms` : `the request failed (${error.message})`);
    }
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new GridApiError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    }
    try {
        return await response.json();
    }
    catch {
        throw new GridApiError("the answer was not JSON");
    }
}
function base(env, name, fallback) {
    return (env[name] || fallback).replace(/\/+$/, "");
}
/** Electricity Maps hourly lifecycle history of `zone` over [startMs, endMs). */
function electricityMapsRange(zone, startMs, endMs, token, env, timeoutMs) {
    const query = new URLSearchParams({
        zone,
        start: new Date(startMs).toISOString(),
        end: new Date(endMs).toISOString(),
        emissionFactorType: "lifecycle",
        temporalGranularity: "hourly",
    });
    const url = `${base(env, names/* ENV */.Km.electricityMapsUrl, ELECTRICITY_MAPS_URL)}/v3/carbon-intensity/past-range?${query}`;
    return getJson(url, { "auth-token": token }, timeoutMs);
}
/** `2026-03-01T10:00Z`: the UK API's minute-precision UTC form. */
function ukTime(epochMs) {
    return new Date(epochMs).toISOString().slice(0, 16) + "Z";
}
/** UK Carbon Intensity API national half-hours over [startMs, endMs). */
function ukIntensityRange(startMs, endMs, env, timeoutMs) {
    const url = `${base(env, names/* ENV */.Km.ukCarbonIntensityUrl, UK_CARBON_INTENSITY_URL)}/intensity/${ukTime(startMs)}/${ukTime(endMs)}`;
    return getJson(url, {}, timeoutMs);
}

// EXTERNAL MODULE: ./src/core/carbon/hours.ts
var carbon_hours = __webpack_require__(118);
;// CONCATENATED MODULE: ./src/core/carbon/time-weighting.ts
/**
 * Weighting a grid's changing intensity by when the energy was used. Pure.
 * A 10-hour run across a sunny afternoon is priced hour by hour: each slice of energy takes the
 * intensity of the period it fell in, and the job's intensity is the energy-weighted mean
 * sum(E_i x I_i) / sum(E_i), so that emissions = energy x that mean, as everywhere else.
 */

/**
 * Energy slices from the report's power series: each point is the mean total power over a bucket
 * of `bucketSeconds` starting `secondsSinceStart` after the window start; the last bucket ends
 * at the window end.
 */
function slicesFromPowerSeries(windowStartMs, windowEndMs, series) {
    const slices = [];
    for (const [secondsSinceStart, watts] of series.points) {
        const startMs = windowStartMs + secondsSinceStart * 1000;
        const endMs = Math.min(windowEndMs, startMs + series.bucketSeconds * 1000);
        if (endMs <= startMs)
            continue;
        slices.push({ startMs, endMs, energyKwh: (watts * (endMs - startMs)) / (1000 * units/* JOULES_PER_KWH */.EI) });
    }
    return slices;
}
function nearest(periods, startMs, endMs) {
    const middle = (startMs + endMs) / 2;
    let best = 0;
    let bestDistance = Infinity;
    periods.forEach((p, i) => {
        const distance = middle < p.startMs ? p.startMs - middle : middle >= p.endMs ? middle - p.endMs : 0;
        if (distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    });
    return best;
}
/**
 * Splits each slice's energy over the periods it overlaps, in proportion to the overlap; energy
 * outside every period goes to the nearest period (same series, so one basis). `null` when there
 * are no periods or no energy.
 */
function energyWeightedIntensity(slices, periods) {
    const sorted = [...periods].filter((p) => p.endMs > p.startMs).sort((a, b) => a.startMs - b.startMs);
    if (sorted.length === 0)
        return null;
    const energy = sorted.map(() => 0);
    let filledKwh = 0;
    let totalKwh = 0;
    for (const slice of slices) {
        const spanMs = slice.endMs - slice.startMs;
        if (spanMs <= 0 || slice.energyKwh <= 0)
            continue;
        totalKwh += slice.energyKwh;
        let placedKwh = 0;
        sorted.forEach((p, i) => {
            const overlapMs = Math.min(slice.endMs, p.endMs) - Math.max(slice.startMs, p.startMs);
            if (overlapMs <= 0)
                return;
            const share = (slice.energyKwh * overlapMs) / spanMs;
            energy[i] = (energy[i] ?? 0) + share;
            placedKwh += share;
        });
        const restKwh = slice.energyKwh - placedKwh;
        if (restKwh > slice.energyKwh * 1e-9) {
            const i = nearest(sorted, slice.startMs, slice.endMs);
            energy[i] = (energy[i] ?? 0) + restKwh;
            filledKwh += restKwh;
        }
    }
    if (totalKwh <= 0)
        return null;
    let weighted = 0;
    const used = [];
    sorted.forEach((p, i) => {
        const kwh = energy[i] ?? 0;
        if (kwh <= 0)
            return;
        weighted += kwh * p.gramsPerKwh;
        used.push({ startMs: p.startMs, endMs: p.endMs, gramsPerKwh: p.gramsPerKwh, energyKwh: kwh });
    });
    return { gramsPerKwh: weighted / totalKwh, periods: used, filledFraction: filledKwh / totalKwh };
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(296);
;// CONCATENATED MODULE: ./src/measure/live-intensity.ts
/**
 * Live grid data for the job's hours (opt-in, in post): Electricity Maps with a token, or the
 * keyless UK Carbon Intensity API for locations in Great Britain. Each hour's energy is priced at
 * that hour's intensity. The whole fetch is capped at a few seconds; any failure leaves the table
 * figure in place with a warning.
 */








/** Every warning about live data starts with this, so post can show it even on a good measurement. */
const LIVE_WARNING_PREFIX = "live grid data";
/** All live requests of one report together stop after this long. */
const LIVE_BUDGET_MS = 5000;
/** One request gives up after this long. */
const LIVE_REQUEST_TIMEOUT_MS = 4000;
/** The services to try, in order, for these settings. */
function services(settings, env, warnings) {
    const location = settings.location;
    if (!location)
        return [];
    const list = [];
    if (settings.electricityMapsToken) {
        const zone = location.electricityMapsZone;
        if (zone) {
            list.push({
                name: "Electricity Maps API",
                zone,
                maxRangeMs: ELECTRICITY_MAPS_MAX_RANGE_MS,
                attribution: carbon_intensity/* ATTRIBUTION */.ow.electricityMapsLive,
                fetch: (startMs, endMs, timeoutMs) => electricityMapsRange(zone, startMs, endMs, settings.electricityMapsToken, env, timeoutMs),
                parse: async (json) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(332)]).then(__webpack_require__.bind(__webpack_require__, 332))).parseElectricityMaps(json),
            });
        }
        else {
            warnings.push(`${LIVE_WARNING_PREFIX}: no Electricity Maps zone is known for ${location.location}; set '${names/* INPUT */.bO.location}' to a zone key (such as US-CAL-CISO) for live data.`);
        }
    }
    if (settings.liveGrid && location.inGreatBritain) {
        list.push({
            name: "UK Carbon Intensity API",
            zone: "GB",
            maxRangeMs: UK_MAX_RANGE_MS,
            attribution: carbon_intensity/* ATTRIBUTION */.ow.ukCarbonIntensity,
            fetch: (startMs, endMs, timeoutMs) => ukIntensityRange(startMs, endMs, env, timeoutMs),
            parse: async (json) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(332)]).then(__webpack_require__.bind(__webpack_require__, 332))).parseUkCarbonIntensity(json),
        });
    }
    return list;
}
async function fetchSeries(service, startMs, endMs, deadlineMs, now) {
    const periods = [];
    let basis = null;
    for (const chunk of (0,carbon_hours/* timeChunks */.Iu)(startMs, endMs, service.maxRangeMs)) {
        const leftMs = deadlineMs - now();
        if (leftMs <= 0)
            return { ok: false, reason: `no complete answer within ${LIVE_BUDGET_MS} ms` };
        const parsed = await service.parse(await service.fetch(chunk.startMs, chunk.endMs, Math.min(LIVE_REQUEST_TIMEOUT_MS, leftMs)));
        if (!parsed.ok)
            return parsed;
        if (basis !== null && parsed.basis !== basis)
            return { ok: false, reason: "the answers mixed emission-factor bases" };
        basis = parsed.basis;
        periods.push(...parsed.periods);
    }
    return basis === null ? { ok: false, reason: "the job's window is empty" } : { ok: true, periods, basis };
}
function iso(epochMs) {
    return new Date(epochMs).toISOString();
}
/**
 * Live, energy-weighted intensity for a measured report. `intensity: null` (with warnings when
 * something went wrong) means: keep the table figure. An explicit `carbon-intensity` wins over
 * live data, so nothing is fetched then.
 */
async function liveIntensity(report, settings, env, now = Date.now) {
    const warnings = [];
    if (settings.carbonIntensityGPerKwh !== null || report.energyKwh === null || !report.startedAt || !report.endedAt) {
        return { intensity: null, warnings };
    }
    const list = services(settings, env, warnings);
    const windowStartMs = Date.parse(report.startedAt);
    const windowEndMs = Date.parse(report.endedAt);
    const slices = slicesFromPowerSeries(windowStartMs, windowEndMs, report.powerSeries);
    // Its own few seconds, within post's one network deadline.
    const deadlineMs = now() + Math.min(LIVE_BUDGET_MS, (0,deadlines/* networkDeadline */.jH)(env).remainingMs());
    for (const service of list) {
        let series;
        try {
            series = await fetchSeries(service, (0,carbon_hours/* hourBoundary */.V2)(windowStartMs), (0,carbon_hours/* hourBoundary */.V2)(windowEndMs, true), deadlineMs, now);
        }
        catch (e) {
            series = { ok: false, reason: (0,errors/* errorMessage */.g)(e) };
        }
        const weighted = series.ok ? energyWeightedIntensity(slices, series.periods) : null;
        if (!series.ok || !weighted) {
            const why = series.ok ? "it had no figures for the job's hours" : series.reason;
            warnings.push(`${LIVE_WARNING_PREFIX}: the ${service.name} could not be used (${why}); the yearly table figure is used instead.`);
            continue;
        }
        if (weighted.filledFraction > 0) {
            warnings.push(`${LIVE_WARNING_PREFIX}: ${(weighted.filledFraction * 100).toFixed(1)} % of the energy fell in hours the ${service.name} had no figure for yet; they were priced at the nearest hour's figure.`);
        }
        const hours = weighted.periods.length;
        return {
            intensity: {
                gramsPerKwh: weighted.gramsPerKwh,
                source: `${service.name}, ${series.basis} intensity of ${service.zone}, weighted by the energy used in each of ${hours} period${hours === 1 ? "" : "s"}`,
                resolvedBy: "live",
                year: new Date(windowStartMs).getUTCFullYear(),
                basis: series.basis,
                location: settings.location?.location ?? null,
                zone: service.zone,
                attribution: service.attribution,
                hourly: weighted.periods.map((p) => ({
                    from: iso(p.startMs),
                    to: iso(p.endMs),
                    gramsPerKwh: p.gramsPerKwh,
                    energyKwh: (0,report_report/* precise */.ul)(p.energyKwh),
                })),
            },
            warnings,
        };
    }
    return { intensity: null, warnings };
}

;// CONCATENATED MODULE: ./src/measure/pricing.ts
/** Prices a built report: live grid data where asked and available, then embodied carbon. */


/**
 * The report with live grid data applied (when configured and the service answered; otherwise
 * the table figure stays and a warning says why) and `embodied` filled (when asked).
 */
async function priceReport(report, settings, env) {
    const live = await liveIntensity(report, settings, env);
    let priced = live.intensity
        ? withIntensity(report, live.intensity, live.warnings)
        : { ...report, warnings: [...report.warnings, ...live.warnings] };
    if (settings.embodied && priced.gpus.length > 0)
        priced = withEmbodied(priced, settings.gpuLifetimeYears);
    return priced;
}


/***/ })

};
