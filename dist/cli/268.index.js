export const id = 268;
export const ids = [268];
export const modules = {

/***/ 268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommandWithSampling: () => (/* binding */ runCommandWithSampling)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(193);
// EXTERNAL MODULE: ./src/core/integrator.ts
var integrator = __webpack_require__(930);
// EXTERNAL MODULE: ./src/core/nvidia-smi/csv.ts
var csv = __webpack_require__(53);
// EXTERNAL MODULE: ./src/core/log/format.ts
var format = __webpack_require__(319);
// EXTERNAL MODULE: ./src/core/units.ts
var units = __webpack_require__(184);
;// CONCATENATED MODULE: ./src/core/log/progress.ts
/**
 * A running estimate while a command is measured: the sampler's log read as it grows, giving
 * the current total power and the energy so far. Pure. It integrates with the report's own
 * integrator (rows and, after the first hours, the sampler's `@rollup` records, by the same
 * rules); the report at the end adds the held window edges and the rest of the reader's rules.
 */




/** Follows a sampler log line by line. */
class LiveEnergy {
    header = null;
    power = null;
    gapMs = (0,integrator/* gapThresholdMs */.IU)(500);
    integrator = new integrator/* EnergyIntegrator */.eC({ gapMs: this.gapMs });
    /** Latest sampler time seen in a row or rollup, ms. */
    latestMs = 0;
    /** Feeds one complete line of the sampler's log. */
    push(line) {
        const record = (0,format/* parseSamplerRecord */.zd)(line);
        if (!record)
            return;
        switch (record.kind) {
            case "start":
                this.gapMs = (0,integrator/* gapThresholdMs */.IU)(record.intervalMs);
                this.integrator = new integrator/* EnergyIntegrator */.eC({ gapMs: this.gapMs });
                return;
            case "header":
                // A repeated header: nvidia-smi restarted, nothing was read in between (as the reader).
                if (this.header)
                    this.integrator.interrupt();
                this.header = (0,csv/* parseHeader */.RW)(record.line);
                this.power = (0,csv/* powerField */.CN)(this.header);
                return;
            case "row":
                this.row(record.tMs, record.line);
                return;
            case "rollup":
                this.integrator.addRollup(record.identity, record.rollup);
                this.latestMs = Math.max(this.latestMs, record.rollup.lastMs ?? 0);
                return;
        }
    }
    row(tMs, line) {
        const header = this.header;
        if (!header || !this.power)
            return;
        const cells = (0,csv/* splitCells */.UL)(line);
        if (cells.length !== header.fields.length || !(0,csv/* plausibleRow */.I5)(cells, header))
            return;
        const identity = (0,csv/* identify */.ls)(cells, header);
        if (!identity)
            return;
        this.latestMs = Math.max(this.latestMs, tMs);
        this.integrator.add(tMs, identity, (0,csv/* rowPowerW */.Hd)(cells, header));
    }
    /** The current estimate. */
    snapshot() {
        const seen = this.integrator.states().filter((gpu) => gpu.lastMs !== null);
        const fresh = seen.filter((gpu) => this.latestMs - (gpu.lastMs ?? 0) <= this.gapMs);
        return {
            powerW: fresh.length === 0 ? null : fresh.reduce((sum, gpu) => sum + gpu.lastW, 0),
            energyJ: seen.reduce((sum, gpu) => sum + gpu.energyJ, 0),
            gpus: seen.length,
        };
    }
}
/** `gpu-carbon: 1m 05s \u00b7 612 W now \u00b7 10.4 Wh so far (2 GPUs)`; `snapshot` null when not measuring. */
function formatProgress(elapsedS, snapshot) {
    if (!snapshot)
        return `gpu-carbon: ${(0,units/* formatDuration */.a3)(elapsedS)} \u00b7 not measuring`;
    const gpus = snapshot.gpus === 1 ? "1 GPU" : `${snapshot.gpus} GPUs`;
    return `gpu-carbon: ${(0,units/* formatDuration */.a3)(elapsedS)} \u00b7 ${(0,units/* formatPower */.d5)(snapshot.powerW)} now \u00b7 ${(0,units/* formatEnergy */.QE)((0,units/* joulesToKwh */.em)(snapshot.energyJ))} so far (${gpus})`;
}

;// CONCATENATED MODULE: ./src/cli/progress.ts
/**
 * The progress line `gpu-carbon run` shows on a terminal while the command runs: elapsed time,
 * current power and energy so far, read from the sampler's log as it grows (only the new bytes
 * each time). It lives on the terminal's last row, which it takes out of the scrolling region
 * (as apt's progress bar does), so the command's own output scrolls above it and the two never
 * share a line. Off a terminal there is none: a log or a pipe gets only the command's output and
 * the report.
 */



/** Reads what was appended to a file since the last call, as complete lines. */
class FileFollower {
    file;
    offset = 0;
    carry = "";
    decoder = new external_node_string_decoder_.StringDecoder("utf8");
    buffer = Buffer.alloc(1 << 16);
    constructor(file) {
        this.file = file;
    }
    newLines() {
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(this.file, "r");
        }
        catch {
            return []; // not created yet
        }
        try {
            let text = this.carry;
            for (let n = (0,external_node_fs_.readSync)(fd, this.buffer, 0, this.buffer.length, this.offset); n > 0;) {
                this.offset += n;
                text += this.decoder.write(this.buffer.subarray(0, n));
                n = (0,external_node_fs_.readSync)(fd, this.buffer, 0, this.buffer.length, this.offset);
            }
            const lines = text.split("\n");
            this.carry = lines.pop() ?? "";
            return lines;
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
}
const SAVE = "\x1b7";
const RESTORE = "\x1b8";
const CLEAR_LINE = "\x1b[2K";
/** Reserves the last row: a new line (so the cursor is not on it), then a scrolling region above it. */
function reserveLastRow(rows) {
    return `\n${SAVE}\x1b[1;${rows - 1}r${RESTORE}\x1b[1A`;
}
/** Draws `line` on the last row and puts the cursor back where the command left it. */
function drawOnLastRow(rows, columns, line) {
    return `${SAVE}\x1b[${rows};1H${CLEAR_LINE}${line.slice(0, Math.max(1, columns - 1))}${RESTORE}`;
}
/** Clears the last row and gives the whole screen back to scrolling. */
function releaseLastRow(rows) {
    return `${SAVE}\x1b[${rows};1H${CLEAR_LINE}\x1b[r${RESTORE}`;
}
/** Starts showing progress on the terminal's last row; `stop()` clears it and gives the row back. */
function startProgress(options) {
    const now = options.now ?? Date.now;
    const { rows, columns } = options.terminal;
    const startedMs = now();
    const follower = options.samplesPath ? new FileFollower(options.samplesPath) : null;
    const live = follower ? new LiveEnergy() : null;
    options.write(reserveLastRow(rows));
    const tick = () => {
        if (follower && live)
            for (const line of follower.newLines())
                live.push(line);
        options.write(drawOnLastRow(rows, columns, formatProgress((now() - startedMs) / 1000, live ? live.snapshot() : null)));
    };
    const timer = setInterval(tick, options.everyMs);
    timer.unref();
    let stopped = false;
    return {
        stop() {
            if (stopped)
                return;
            stopped = true;
            clearInterval(timer);
            options.write(releaseLastRow(rows));
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/signals.ts
/**
 * Who passes a signal on to the command `gpu-carbon run` starts, so that it arrives exactly once.
 *
 * A terminal sends Ctrl+C (SIGINT), Ctrl+\ (SIGQUIT) and a hang-up (SIGHUP) to every process of
 * its foreground process group. Used interactively, the command stays in the CLI's group, so it
 * can read the terminal and gets those signals from the terminal itself: passing them on too would
 * deliver each twice (and a second Ctrl+C means "force quit" to many training scripts, which then
 * skip their checkpoint). Anywhere else (CI, a script, a background job) the command gets a
 * process group of its own, so a signal sent to the CLI's group reaches it only through the CLI,
 * once. SIGTERM is always passed on: no terminal sends it.
 */

const TERMINAL_SIGNALS = new Set(["SIGINT", "SIGQUIT", "SIGHUP"]);
/** Process group and the terminal's foreground group from a `/proc/<pid>/stat` line. */
function groupsFromStat(stat) {
    // Fields after the command name (which may hold spaces) start after its last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pgrp = Number(fields[2]);
    const tpgid = Number(fields[5]);
    return Number.isInteger(pgrp) && Number.isInteger(tpgid) ? { pgrp, tpgid } : null;
}
/** True when stdin is a terminal and this process is in that terminal's foreground group. */
function inTerminalForeground(stdinIsTty, stat = () => (0,external_node_fs_.readFileSync)("/proc/self/stat", "utf8")) {
    if (!stdinIsTty)
        return false;
    try {
        const groups = groupsFromStat(stat());
        return groups !== null && groups.tpgid > 0 && groups.tpgid === groups.pgrp;
    }
    catch {
        return false; // no /proc: not Linux, where `run` samples nothing anyway
    }
}
/** Whether the CLI passes `signal` on to a command that does (`sharedGroup`) or does not share its group. */
function forwardsSignal(signal, sharedGroup) {
    return !(sharedGroup && TERMINAL_SIGNALS.has(signal));
}

// EXTERNAL MODULE: ./src/measure/analyse.ts + 14 modules
var analyse = __webpack_require__(854);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(816);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(136);
// EXTERNAL MODULE: ./src/config/names.ts
var names = __webpack_require__(234);
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
    return fileURLToPath(new URL("../native/koffi-linux-x64.node", moduleUrl));
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

// EXTERNAL MODULE: ./src/adapters/deadlines.ts
var deadlines = __webpack_require__(853);
;// CONCATENATED MODULE: ./src/adapters/child-env.ts
/**
 * The environment of every process the action starts (nvidia-smi, the sampler, the counter
 * reader). A runner hands each hook the action's inputs (tokens included), its saved state, the
 * runner's own credentials and the files that set outputs; the detached sampler lives for the
 * whole job, and any later step could read its environment from /proc. None of that is needed to
 * read a GPU, so none of it is handed on.
 */
/** Runner files through which a process could set outputs, state, variables or the summary. */
const RUNNER_FILES = ["GITHUB_STATE", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"];
/** Names that hold credentials by convention. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|CREDENTIAL|API_?KEY/i;
/** `env` without inputs, state, runner credentials, runner command files or anything holding a secret input's value. */
function childEnv(env) {
    const secrets = Object.entries(env)
        .filter(([name, value]) => /^INPUT_/i.test(name) && SECRET_NAME.test(name) && value && value.trim().length >= 4)
        .map(([, value]) => value.trim());
    const kept = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (/^(INPUT|STATE|ACTIONS)_/i.test(name) || SECRET_NAME.test(name) || RUNNER_FILES.includes(name))
            continue;
        if (secrets.some((secret) => value.includes(secret)))
            continue;
        kept[name] = value;
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/adapters/process-runner.ts
/**
 * Runs a short-lived command with arguments as an array (never a shell string), in a process
 * group of its own with a deadline. At the deadline, or as soon as the command itself has exited,
 * the whole group is killed and its pipes are let go: a wrapper whose child keeps stdout open, or
 * an nvidia-smi stuck in the driver, can neither hold the step up nor outlive it.
 */


/** How long output still held open by the command's children is read after the command exits, ms. */
const DRAIN_MS = 200;
function killGroup(child) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, "SIGKILL");
    }
    catch {
        /* the group is gone */
    }
}
/**
 * Runs `file args...`, capturing output; ends it (its whole group) after `timeoutMs`. Its
 * environment is `env` without inputs, state or credentials (see `childEnv`). Never throws.
 */
function runCommand(file, args, options = {}) {
    return new Promise((resolve) => {
        let stdout = "";
        let stderr = "";
        let error = null;
        let settled = false;
        let timedOut = false;
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(file, args, { stdio: ["ignore", "pipe", "pipe"], env: childEnv(options.env ?? process.env), detached: true });
        }
        catch (e) {
            resolve({ exitCode: null, signal: null, stdout, stderr, error: e.message });
            return;
        }
        let drain;
        const finish = (exitCode, signal) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearTimeout(drain);
            // Nothing it started may outlive it, and nothing it left may keep this process waiting.
            killGroup(child);
            child.stdout?.destroy();
            child.stderr?.destroy();
            child.unref();
            resolve({ exitCode, signal, stdout, stderr, error, timedOut });
        };
        const timeoutMs = options.timeoutMs ?? 30_000;
        const timer = setTimeout(() => {
            error = `timed out after ${timeoutMs} ms`;
            timedOut = true;
            finish(null, "SIGKILL");
        }, timeoutMs);
        child.stdout.setEncoding("utf8").on("data", (chunk) => {
            if (stdout.length < 1_000_000)
                stdout += chunk;
        });
        child.stderr.setEncoding("utf8").on("data", (chunk) => {
            if (stderr.length < 100_000)
                stderr += chunk;
        });
        child.on("error", (e) => {
            error = e.code ? `${e.code}: ${e.message}` : e.message;
            finish(null, null);
        });
        child.on("exit", (code, signal) => {
            drain = setTimeout(() => finish(code, signal), DRAIN_MS);
        });
        child.on("close", (code, signal) => finish(code, signal));
    });
}

;// CONCATENATED MODULE: ./src/adapters/energy-counter-process.ts
/**
 * The counter process: `dist/nvml/index.js` reads every GPU's energy counter once, prints the
 * snapshot as one JSON line and exits. The hooks run it with a time limit, so NVML is never
 * loaded into a hook and a hanging or crashing driver call cannot take the report with it.
 */




const snapshotSchema = schemas/* union */.KCZ([
    schemas/* object */.Ikc({
        ok: schemas/* literal */.euz(true),
        gpus: schemas/* array */.YOg(schemas/* object */.Ikc({
            uuid: schemas/* string */.YjP(),
            energyMj: schemas/* number */.aig().nonnegative().nullable(),
            readEpochMs: schemas/* number */.aig(),
            error: schemas/* string */.YjP().nullable(),
        })),
    }),
    schemas/* object */.Ikc({ ok: schemas/* literal */.euz(false), reason: schemas/* string */.YjP() }),
]);
/**
 * Runs the counter process `script` and returns its snapshot. Never throws: a crash, a time-out
 * or unreadable output is `{ ok: false, reason }`.
 */
async function readCounterSnapshot(script, env, 
/** NVML's first call can take a few seconds on a host without persistence mode. */
timeoutMs = (0,deadlines/* deadlines */.QA)(env).commandMs) {
    const unsupported = unsupportedPlatformReason(process.platform, process.arch, glibcVersion());
    if (unsupported)
        return { ok: false, reason: unsupported };
    const result = await runCommand(process.execPath, [script], { env, timeoutMs });
    const line = result.stdout.trim().split("\n").pop() ?? "";
    try {
        return snapshotSchema.parse(JSON.parse(line));
    }
    catch {
        const how = result.error ?? (result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`);
        const said = result.stderr.trim().split("\n").slice(-1)[0];
        return { ok: false, reason: `the counter reader failed (${how}${said ? `: ${said}` : ""})` };
    }
}

// EXTERNAL MODULE: ./src/adapters/safe-file.ts
var safe_file = __webpack_require__(286);
;// CONCATENATED MODULE: ./src/adapters/sampler-process.ts
/** Starting and stopping the detached sampler process. */





/** Argument that marks our sampler's command line, so a reused pid is never killed by mistake. */
const SAMPLER_MARKER = "--gpu-carbon-sampler";
/**
 * True while `pid` runs. A zombie (exited, not yet reaped) counts as gone: in a job container
 * whose first process never reaps, our exited sampler stays a zombie for ever.
 */
function alive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (e) {
        if (e.code !== "EPERM")
            return false;
    }
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, "utf8");
        const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
        return state !== "Z" && state !== "X";
    }
    catch {
        return true; // no /proc: trust the signal check
    }
}
/** True when `pid` runs our sampler (checked through /proc where it exists). */
function isSampler(pid) {
    if (!alive(pid))
        return false;
    try {
        return (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, "utf8").includes(SAMPLER_MARKER);
    }
    catch {
        return true; // no /proc: trust the pid we saved
    }
}
/**
 * Starts the sampler bundle detached (its own process group, no inherited pipes, so the runner
 * neither waits for it nor stalls the step) and returns its pid. It gets no input, state or
 * token (see `childEnv`): it lives for the whole job, where later steps could read them.
 */
function startSamplerProcess(samplerScript, config, configPath, logPath) {
    const error = (0,safe_file/* writeRegularFile */.E2)(configPath, JSON.stringify(config));
    if (error)
        throw new Error(error);
    // Emptied: whatever was there is not this job's, and post reads it for the sampler's complaints.
    const log = (0,external_node_fs_.openSync)(logPath, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_APPEND | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_TRUNC | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOCTTY, 0o644);
    try {
        const stat = (0,external_node_fs_.fstatSync)(log);
        if (!stat.isFile())
            throw new Error(`${logPath} is ${(0,safe_file/* describeKind */.SB)(stat)}, not a regular file`);
        const child = (0,external_node_child_process_.spawn)(process.execPath, [samplerScript, SAMPLER_MARKER, configPath], {
            detached: true,
            stdio: ["ignore", log, log],
            env: childEnv(process.env),
        });
        child.unref();
        if (child.pid === undefined)
            throw new Error("the sampler process did not start");
        return child.pid;
    }
    finally {
        (0,external_node_fs_.closeSync)(log);
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Waits until the sampler has opened its log and written the window start, so that work started
 * afterwards lies inside the measurement window. Returns false after `timeoutMs`.
 */
async function waitForSamplerStart(samplesPath, timeoutMs = 5000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        if (readPrefix(samplesPath, 4096).includes(format/* START_TAG */.AX))
            return true;
        await sleep(20);
    }
    return false;
}
/** The first `maxBytes` of a file ("" when there is none): bounded even if a device stands in for it. */
function readPrefix(file, maxBytes) {
    let fd = null;
    try {
        fd = (0,external_node_fs_.openSync)(file, "r");
        const buffer = Buffer.alloc(maxBytes);
        const n = (0,external_node_fs_.readSync)(fd, buffer, 0, maxBytes, 0);
        return buffer.subarray(0, n).toString("utf8");
    }
    catch {
        return ""; // not created yet
    }
    finally {
        if (fd !== null)
            (0,external_node_fs_.closeSync)(fd);
    }
}
async function waitGone(pid, timeoutMs) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        if (!alive(pid))
            return true;
        await sleep(25);
    }
    return !alive(pid);
}
function sampler_process_killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            /* already gone */
        }
    }
}
/**
 * Stops the sampler: SIGTERM (it writes its stop record and stops nvidia-smi), a bounded wait,
 * then SIGKILL to its whole process group. Idempotent and bounded (about `graceMs` + 1 s).
 *
 * A pid that no longer runs our sampler is never signalled: it may belong to someone else now.
 * Only when no process has that pid at all is its group killed, to end an nvidia-smi orphaned by
 * a sampler that was itself killed; a group whose leader is gone keeps its id reserved, so that
 * group can only be ours.
 * @returns how it ended
 */
async function stopSamplerProcess(pid, graceMs = 5000) {
    if (!isSampler(pid)) {
        if (!alive(pid))
            killGroupOnly(pid);
        return "not-running";
    }
    try {
        process.kill(pid, "SIGTERM");
    }
    catch {
        /* raced with its exit */
    }
    const stopped = await waitGone(pid, graceMs);
    if (stopped)
        killGroupOnly(pid);
    else
        sampler_process_killGroup(pid, "SIGKILL");
    if (!stopped)
        await waitGone(pid, 1000);
    return stopped ? "stopped" : "killed";
}
/** SIGKILL to the process group `pgid` only, never to a single process of that pid. */
function killGroupOnly(pgid) {
    try {
        process.kill(-pgid, "SIGKILL");
    }
    catch {
        /* no such group: nothing left behind */
    }
}

;// CONCATENATED MODULE: ./src/measure/stop.ts
/**
 * Closing the window, the same for the action and `gpu-carbon run`: stop the sampler, then read
 * the driver's energy counter, so that both windows close together.
 */


/**
 * Stops the session's sampler (bounded, safe to repeat) and reads the counter.
 * @param what what was measured, for the warnings: "the job" or "the command"
 */
async function stopSampling(session, counterScript, env, what) {
    const stopWarnings = [];
    if (session.samplerPid !== null) {
        const how = await stopSamplerProcess(session.samplerPid);
        if (how === "killed")
            stopWarnings.push("the sampler did not stop when asked and was killed");
        if (how === "not-running")
            stopWarnings.push(`the sampler was no longer running when ${what} ended`);
    }
    const counterEnd = session.energyCounterStart?.ok && counterScript ? await readCounterSnapshot(counterScript, env) : null;
    return { stopWarnings, counterEnd };
}

;// CONCATENATED MODULE: ./src/adapters/container.ts
/**
 * Whether the action runs inside a container (a `container:` job runs JavaScript actions inside
 * the job container), and what to tell the user when nvidia-smi is missing there.
 */

/** Files container engines create in every container: Docker, then Podman. */
const CONTAINER_MARKERS = ["/.dockerenv", "/run/.containerenv"];
/** The marker file found, or `null` outside a container. */
function detectContainer(exists = external_node_fs_.existsSync) {
    return CONTAINER_MARKERS.find((file) => exists(file)) ?? null;
}
/** The warning for a missing nvidia-smi, with what to mount or install where the step runs. */
function missingNvidiaSmiMessage(containerMarker, inputName) {
    if (containerMarker === null)
        return `nvidia-smi was not found on PATH, so GPU power cannot be read. Install the NVIDIA driver (it ships nvidia-smi) on the runner, or set '${inputName}'.`;
    return [
        `nvidia-smi was not found on PATH inside this container (${containerMarker} exists: in a \`container:\` job the action runs in the job's image), so GPU power cannot be read.`,
        "Give the job container the GPUs and the driver's utilities: on a runner with the NVIDIA Container Toolkit, set `container.options: --gpus all` and `container.env.NVIDIA_DRIVER_CAPABILITIES: compute,utility` (the toolkit mounts nvidia-smi and libnvidia-ml.so.1 only with `utility`).",
        `Without the toolkit, mount the host's nvidia-smi and libnvidia-ml.so.1 and the /dev/nvidia* devices into the container (\`container.volumes\`, \`--device\`) and set '${inputName}' to where nvidia-smi is mounted.`,
    ].join(" ");
}

// EXTERNAL MODULE: ./src/core/nvidia-smi/gpu-selection.ts
var gpu_selection = __webpack_require__(276);
;// CONCATENATED MODULE: ./src/adapters/gpu-inventory.ts
/** The GPUs nvidia-smi lists, with their MIG devices when a MIG id must be mapped to a GPU. */



/**
 * The inventory for GPU selection. `--query-gpu` has one row per physical GPU even with MIG on,
 * and only `nvidia-smi -L` names the MIG devices under their parent, so it runs only when
 * `needMig` (some id to map is a `MIG-...` uuid). If it fails, MIG ids simply match nothing.
 */
async function gpuInventory(nvidiaSmi, gpus, needMig) {
    const inventory = gpus.map((gpu) => ({ index: gpu.index, uuid: gpu.uuid, name: gpu.name, migUuids: [] }));
    if (!needMig)
        return inventory;
    const listed = await runCommand(nvidiaSmi, ["-L"], { timeoutMs: (0,deadlines/* deadlines */.QA)().commandMs });
    if (listed.exitCode !== 0)
        return inventory;
    for (const entry of (0,gpu_selection/* parseListGpus */.NV)(listed.stdout)) {
        const gpu = inventory.find((g) => g.uuid === entry.uuid);
        if (gpu)
            gpu.migUuids.push(...entry.migUuids);
    }
    return inventory;
}

;// CONCATENATED MODULE: ./src/adapters/nvidia-smi.ts
/**
 * Everything gpu-carbon asks of the `nvidia-smi` executable: where it is, which fields the
 * driver supports, which GPUs there are, and the arguments of the sampling loop.
 */





/** Fields of the one-shot identity query; optional ones are dropped when the driver lacks them. */
const IDENTITY_FIELDS = ["index", "uuid", "name", "pci.bus_id", "driver_version", "power.draw", "power.limit"];
/**
 * Fields of the sampling loop: nvidia-smi's own time of each row, the GPU's identity and board
 * power, nothing unused. The timestamp times each row (the sampler maps it onto its monotonic
 * clock, see `row-clock.ts`): rows may reach the sampler late and in bursts when nvidia-smi's
 * output is block-buffered, so their arrival cannot time them.
 */
const LOOP_FIELDS = ["timestamp", "index", "uuid", "power.draw"];
/** Board power fields read where `power.draw` is a placeholder (drivers from about R530 have them). */
const POWER_FALLBACK_FIELDS = ["power.draw.average", "power.draw.instant"];
const EXIT_REASONS = {
    2: "nvidia-smi rejected its arguments",
    3: "the operation is not available on this GPU",
    4: "nvidia-smi has no permission to query the GPU",
    6: "no GPU was found",
    8: "the GPU's external power cables are not attached",
    9: "the NVIDIA driver is not loaded",
    12: "the NVML library was not found",
    13: "NVML does not implement this query",
    14: "the GPU's infoROM is corrupted",
    15: "the GPU has fallen off the bus or is inaccessible",
    18: "the NVIDIA driver and library versions do not match (reboot after a driver upgrade)",
    255: "nvidia-smi failed with an internal error",
};
/** A one-line explanation of a failed nvidia-smi run, quoting what it printed. */
function describeFailure(result) {
    if (result.error)
        return `nvidia-smi could not run (${result.error})`;
    // What it said about the failure: stderr first; a CSV header it printed before crashing says nothing.
    const said = (text) => text
        .split("\n")
        .map((line) => line.trim())
        .find((line) => line.length > 0 && !(0,csv/* isHeaderLine */.Sd)(line)) ?? "";
    const printed = said(result.stderr) || said(result.stdout);
    const reason = (result.exitCode !== null && EXIT_REASONS[result.exitCode]) || "nvidia-smi failed";
    const code = result.exitCode !== null ? `exit ${result.exitCode}` : `signal ${result.signal ?? "?"}`;
    return `${reason} (${code}${printed ? `: ${printed}` : ""})`;
}
function isExecutableFile(file) {
    try {
        if (!(0,external_node_fs_.statSync)(file).isFile())
            return false;
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Finds nvidia-smi: the explicit path when given (which must exist), else the first executable
 * `nvidia-smi` on `PATH`. Returns `null` when there is none.
 */
function locateNvidiaSmi(explicitPath, envPath) {
    if (explicitPath)
        return isExecutableFile(explicitPath) ? external_node_path_default().resolve(explicitPath) : null;
    return locateExecutable("nvidia-smi", envPath);
}
/** The first executable file called `name` on `envPath`; `null` when there is none. */
function locateExecutable(name, envPath) {
    for (const dir of (envPath ?? "").split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        const candidate = external_node_path_default().join(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return null;
}
/** The field names `--help-query-gpu` lists (lines such as `"uuid" or "gpu_uuid"`). */
function parseHelpQueryGpu(text) {
    const fields = new Set();
    for (const line of text.split("\n")) {
        if (!line.startsWith('"'))
            continue;
        for (const match of line.matchAll(/"([^"]+)"/g))
            if (match[1])
                fields.add(match[1]);
    }
    return fields;
}
/** The field named in `Field "X" is not a valid field to query.`, if that is what was printed. */
function invalidField(output) {
    return /Field "([^"]+)" is not a valid field to query/.exec(output)?.[1] ?? null;
}
/**
 * Runs a one-shot `--query-gpu` with the given fields. When the driver rejects a field (exit 2,
 * `Field "X" is not a valid field to query.` on stdout) that field is dropped and the query
 * retried; `required` fields are never dropped.
 */
async function queryFields(nvidiaSmi, fields, required, extraArgs = [], deadlineEpochMs = Date.now() + (0,deadlines/* deadlines */.QA)().commandMs) {
    let remaining = [...fields];
    const dropped = [];
    for (let attempt = 0; attempt <= fields.length; attempt += 1) {
        const result = await runCommand(nvidiaSmi, [`--query-gpu=${remaining.join(",")}`, "--format=csv,nounits", ...extraArgs], {
            timeoutMs: Math.max(1, deadlineEpochMs - Date.now()),
            env: { ...process.env, TZ: "UTC" },
        });
        const bad = result.exitCode === 2 ? invalidField(result.stdout + result.stderr) : null;
        if (bad && remaining.includes(bad) && !required.includes(bad)) {
            remaining = remaining.filter((f) => f !== bad);
            dropped.push(bad);
            continue;
        }
        if (result.exitCode !== 0 || result.error)
            return { ok: false, result };
        const lines = result.stdout
            .split("\n")
            .map((l) => l.trimEnd())
            .filter((l) => l.length > 0);
        const headerLine = lines[0];
        if (!headerLine || !(0,csv/* isHeaderLine */.Sd)(headerLine))
            return { ok: false, result: { ...result, exitCode: result.exitCode ?? 255, error: "unexpected output (no CSV header)" } };
        const header = (0,csv/* parseHeader */.RW)(headerLine).fields;
        const rows = lines
            .slice(1)
            .map(csv/* splitCells */.UL)
            .filter((cells) => cells.length === header.length);
        return { ok: true, header, rows, dropped };
    }
    return { ok: false, result: { exitCode: 2, signal: null, stdout: "", stderr: "", error: "every optional field was rejected" } };
}
/** Maps identity rows to snapshots. */
function parseIdentity(header, rows) {
    const at = (cells, name) => {
        const i = header.indexOf(name);
        return i < 0 ? undefined : cells[i];
    };
    return rows.map((cells) => ({
        index: (0,csv/* parseText */.r4)(at(cells, "index")),
        uuid: (0,csv/* parseText */.r4)(at(cells, "uuid")),
        name: (0,csv/* parseText */.r4)(at(cells, "name")),
        busId: (0,csv/* parseText */.r4)(at(cells, "pci.bus_id")),
        driverVersion: (0,csv/* parseText */.r4)(at(cells, "driver_version")),
        powerW: (0,csv/* parseReading */.EF)(at(cells, "power.draw")),
        powerLimitW: (0,csv/* parseReading */.EF)(at(cells, "power.limit")),
    }));
}
/**
 * Probes nvidia-smi: which GPUs there are (with their idle power) and which loop fields the
 * driver accepts. `--help-query-gpu` is used as a shortcut where it works. All its commands
 * together end within `timeoutMs`.
 */
async function probe(nvidiaSmi, timeoutMs = (0,deadlines/* deadlines */.QA)().commandMs) {
    const deadlineEpochMs = Date.now() + timeoutMs;
    const help = await runCommand(nvidiaSmi, ["--help-query-gpu"], { timeoutMs });
    // A hang here used the probe's whole time: say so, rather than start a query with none left.
    if (help.timedOut)
        return { ok: false, reason: describeFailure(help), exitCode: null };
    const known = help.exitCode === 0 ? parseHelpQueryGpu(help.stdout) : new Set();
    const filter = (fields, required) => known.size > 0 ? fields.filter((f) => known.has(f) || required.includes(f)) : fields;
    const identity = await queryFields(nvidiaSmi, filter(IDENTITY_FIELDS, ["index", "uuid"]), ["index", "uuid"], [], deadlineEpochMs);
    if (!identity.ok)
        return { ok: false, reason: describeFailure(identity.result), exitCode: identity.result.exitCode };
    const gpus = parseIdentity(identity.header, identity.rows);
    if (gpus.length === 0)
        return { ok: false, reason: "nvidia-smi lists no GPU", exitCode: 0 };
    // Where power.draw reads [N/A], the loop also asks for the average and instant readings to use instead.
    const fallback = gpus.some((gpu) => gpu.powerW === null) ? POWER_FALLBACK_FIELDS : [];
    const loopCandidates = filter([...LOOP_FIELDS, ...fallback], ["index", "uuid", "power.draw"]);
    const loop = await queryFields(nvidiaSmi, loopCandidates, ["index", "uuid", "power.draw"], [], deadlineEpochMs);
    if (!loop.ok)
        return { ok: false, reason: describeFailure(loop.result), exitCode: loop.result.exitCode };
    const loopFields = loopCandidates.filter((f) => !loop.dropped.includes(f));
    const droppedFields = [
        ...new Set([...IDENTITY_FIELDS, ...LOOP_FIELDS].filter((f) => !identity.header.includes(f) && !loopFields.includes(f))),
    ];
    return { ok: true, gpus, loopFields, droppedFields };
}
/** Arguments of the sampling loop. `ids` limits it to some GPUs (`-i`). */
function loopArgs(fields, intervalMs, ids = []) {
    const args = [`--query-gpu=${fields.join(",")}`, "--format=csv,nounits", `-lms`, String(intervalMs)];
    if (ids.length > 0)
        args.push("-i", ids.join(","));
    return args;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(296);
;// CONCATENATED MODULE: ./src/measure/start.ts
/**
 * Starting to sample, the same for the action and `gpu-carbon run`: find nvidia-smi, probe the
 * driver, choose the job's GPUs (the `gpus` input or `--gpus`, else CUDA_VISIBLE_DEVICES or
 * NVIDIA_VISIBLE_DEVICES, else every GPU), read the driver's energy counter and start the
 * detached sampler. A missing GPU or driver is a reason in the session, never an error.
 */









/** An option's name as the user wrote it. */
function optionName(via, input) {
    return via === "action" ? `input '${input}'` : `--${input}`;
}
async function startSampling(ctx) {
    const { settings, env } = ctx;
    const samplesPath = external_node_path_default().join(ctx.dir, names/* FILE */.PW.samples);
    const base = {
        version: 1,
        startedEpochMs: Date.now(),
        intervalMs: settings.intervalMs,
        measuring: false,
        samplerPid: null,
        samplesPath,
        nvidiaSmiPath: null,
        gpus: [],
        warnings: [],
    };
    const fail = (failure) => ({ session: { ...base, warnings: [failure] }, failure });
    const nvidiaSmi = locateNvidiaSmi(settings.nvidiaSmiPath, env.PATH);
    if (!nvidiaSmi) {
        const option = optionName(ctx.via, names/* INPUT */.bO.nvidiaSmiPath);
        return fail(settings.nvidiaSmiPath
            ? `${option[0].toUpperCase()}${option.slice(1)} names ${settings.nvidiaSmiPath}, which is not an executable file.`
            : missingNvidiaSmiMessage(detectContainer(), ctx.via === "action" ? names/* INPUT */.bO.nvidiaSmiPath : `--${names/* INPUT */.bO.nvidiaSmiPath}`));
    }
    const probed = await probe(nvidiaSmi);
    if (!probed.ok)
        return fail(`GPU power cannot be read: ${probed.reason}.`);
    if (probed.droppedFields.length > 0)
        ctx.info(`This driver does not support: ${probed.droppedFields.join(", ")}.`);
    const named = settings.gpus.kind === "list" ? settings.gpus.ids : [env.CUDA_VISIBLE_DEVICES ?? "", env.NVIDIA_VISIBLE_DEVICES ?? ""];
    const inventory = await gpuInventory(nvidiaSmi, probed.gpus, named.join(",").includes("MIG-"));
    const selection = (0,gpu_selection/* selectGpus */.uF)(settings.gpus, env, inventory, detectContainer() !== null);
    const warnings = [...selection.warnings];
    for (const warning of warnings)
        ctx.warning(warning);
    if (selection.counted.length === 0) {
        const by = selection.source === "input" ? optionName(ctx.via, names/* INPUT */.bO.gpus) : selection.source;
        const why = `this job may use no GPU of its own (${by} is '${selection.requested ?? ""}'), so nothing was measured`;
        ctx.warning(why);
        return { session: { ...base, nvidiaSmiPath: nvidiaSmi, selection, warnings: [...warnings, why] }, failure: null };
    }
    const counted = probed.gpus.filter((gpu) => selection.counted.some((c) => c.uuid === gpu.uuid && c.index === gpu.index));
    const ids = selection.excludedCount > 0 ? counted.map((gpu) => gpu.uuid ?? gpu.index ?? "") : [];
    const config = {
        nvidiaSmiPath: nvidiaSmi,
        args: loopArgs(probed.loopFields, settings.intervalMs, ids),
        samplesPath,
        intervalMs: settings.intervalMs,
        watchPid: ctx.watchPid,
        maxDurationMs: settings.maxDurationMs,
        gpuCount: counted.length,
    };
    // Read right before the sampler starts so that both windows open together; the sampler reads it
    // again every minute, where it could be read now.
    const energyCounterStart = ctx.counterScript ? await readCounterSnapshot(ctx.counterScript, env) : undefined;
    if (energyCounterStart?.ok)
        config.counterScript = ctx.counterScript;
    let pid;
    try {
        pid = startSamplerProcess(ctx.samplerScript, config, external_node_path_default().join(ctx.dir, names/* FILE */.PW.samplerConfig), external_node_path_default().join(ctx.dir, names/* FILE */.PW.samplerLog));
    }
    catch (e) {
        return fail(`The sampler could not be started (${(0,errors/* errorMessage */.g)(e)}).`);
    }
    // Return only once the window is open, so what is measured (the job's next steps, the command) is inside it.
    if (!(await waitForSamplerStart(samplesPath)))
        warnings.push("the sampler was slow to start: the first moments may be missed");
    return {
        session: {
            ...base,
            measuring: true,
            samplerPid: pid,
            nvidiaSmiPath: nvidiaSmi,
            gpus: counted,
            selection,
            warnings,
            energyCounterStart,
        },
        failure: null,
    };
}

// EXTERNAL MODULE: ./src/cli/output.ts + 5 modules
var output = __webpack_require__(538);
;// CONCATENATED MODULE: ./src/cli/run.ts
/**
 * `gpu-carbon run`: samples the GPUs while a command runs, then reports. Loaded only for `run`,
 * so that `report` starts without the process machinery.
 */











/**
 * Starts the sampler for `run`, exactly as the action does (same GPU selection). Any failure (no
 * nvidia-smi, no temp folder, no sampler) becomes a warning in the session: the user's command
 * runs whatever happens to the measurement.
 */
async function startRunSampling(settings, io, samplerScript, counterScript) {
    const warn = (message) => io.err(`gpu-carbon: warning: ${message}\n`);
    let dir;
    try {
        dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), "gpu-carbon-"));
    }
    catch (e) {
        const why = `sampling could not start (${(0,errors/* errorMessage */.g)(e)}): energy is not measured`;
        warn(why);
        return { session: notSampling(settings, why), dir: null };
    }
    const { session, failure } = await startSampling({
        settings,
        env: process.env,
        dir,
        samplerScript,
        counterScript,
        watchPid: process.pid,
        via: "cli",
        info: (message) => io.err(`gpu-carbon: ${message}\n`),
        warning: warn,
    });
    if (failure)
        warn(failure);
    return { session, dir };
}
/** The session of a `run` that could not sample. */
function notSampling(settings, why) {
    return {
        version: 1,
        startedEpochMs: Date.now(),
        intervalMs: settings.intervalMs,
        measuring: false,
        samplerPid: null,
        samplesPath: "",
        nvidiaSmiPath: null,
        gpus: [],
        warnings: [why],
    };
}
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
/** The progress period in seconds from --progress-seconds (default 1), or an error message. */
function progressSeconds(text) {
    if (typeof text !== "string")
        return 1;
    const seconds = Number(text);
    if (text.trim() === "" || !Number.isFinite(seconds) || seconds < 0 || seconds > 3600)
        return `--progress-seconds must be a number of seconds from 0 to 3600; got '${text}'.`;
    return seconds;
}
async function runCommandWithSampling(command, values, io, samplerScript, counterScript) {
    const settings = (0,output/* settingsFrom */.m)(values);
    const progressS = progressSeconds(values["progress-seconds"]);
    if (typeof progressS === "string") {
        io.err(`gpu-carbon: ${progressS}\n`);
        return 2;
    }
    if (values.json === true && !settings.reportPath) {
        io.err("gpu-carbon: run --json writes the JSON report to the file --report-path names (stdout is the command's); give --report-path FILE.\n");
        return 2;
    }
    // Interactive: the command shares the terminal's foreground group (see signals.ts).
    const sharedGroup = inTerminalForeground(process.stdin.isTTY === true);
    // From here on Ctrl+C never kills the CLI outright: before the command starts it cancels the
    // run (the sampler is still stopped and the report printed); once it runs it goes to the command.
    let child = null;
    let interrupted = null;
    const handlers = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"].map((signal) => {
        const handler = () => {
            if (child) {
                if (forwardsSignal(signal, sharedGroup))
                    child.kill(signal);
            }
            else
                interrupted ??= signal;
        };
        process.on(signal, handler);
        return [signal, handler];
    });
    try {
        return await sampleWhileRunning();
    }
    finally {
        for (const [signal, handler] of handlers)
            process.off(signal, handler);
    }
    async function sampleWhileRunning() {
        const { session, dir } = await startRunSampling(settings, io, samplerScript, counterScript);
        try {
            return await runAndReport(session);
        }
        finally {
            // The sampler's folder (its log can be large after a long run): the report is what stays.
            try {
                if (dir !== null)
                    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            }
            catch (e) {
                io.err(`gpu-carbon: warning: could not remove the sampler's folder ${dir} (${(0,errors/* errorMessage */.g)(e)})\n`);
            }
        }
    }
    async function runAndReport(session) {
        const rows = process.stderr.isTTY === true ? (process.stderr.rows ?? 0) : 0;
        const progress = typeof progressS === "number" && progressS > 0 && rows >= 3
            ? startProgress({
                samplesPath: session.measuring ? session.samplesPath : null,
                everyMs: progressS * 1000,
                terminal: { rows, columns: process.stderr.columns ?? 80 },
                write: (text) => io.err(text),
            })
            : null;
        const [file, ...args] = command;
        const exit = await new Promise((resolve) => {
            if (interrupted)
                return resolve({ code: null, signal: interrupted });
            const proc = (0,external_node_child_process_.spawn)(file ?? "", args, { stdio: "inherit", detached: !sharedGroup });
            child = proc;
            proc.on("error", (e) => resolve({ code: 127, signal: null, error: e.message }));
            proc.on("close", (code, signal) => resolve({ code, signal }));
        });
        progress?.stop();
        if (exit.error)
            io.err(`gpu-carbon: cannot run ${file}: ${exit.error}\n`);
        const stopped = await stopSampling(session, counterScript, process.env, "the command");
        const report = await (0,analyse/* analyseSession */.Um)({ session, settings, env: process.env, ...stopped });
        // stdout is the command's: the text goes to stderr, the JSON only to --report-path.
        (0,output/* print */.y)(report, values, io.err, false, io);
        if (exit.signal)
            return 128 + (SIGNAL_NUMBERS[exit.signal] ?? 1);
        return exit.code ?? 1;
    }
}


/***/ })

};
