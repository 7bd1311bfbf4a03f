import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 972:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _sampler_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(291);

process.exitCode = await (0,_sampler_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runSamplerFromArgs */ .B)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 291:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  B: () => (/* binding */ runSamplerFromArgs)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:perf_hooks"
const external_node_perf_hooks_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");
;// CONCATENATED MODULE: ./src/core/nvidia-smi-csv.ts
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
/**
 * True when the line is a header: its first cell is a known field name (optionally with a unit),
 * e.g. `timestamp, index, power.draw [W]`. Data rows start with a value, never a field name.
 */
function isHeaderLine(line) {
    const first = splitCells(line)[0] ?? "";
    const name = fieldName(first);
    return /^[a-z_][a-z0-9_.]*$/.test(name) && (name === "timestamp" || name === "index" || name.includes("."));
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
/** A text cell, or `null` for a placeholder. */
function parseText(cell) {
    if (cell === undefined || isPlaceholder(cell))
        return null;
    return cell;
}
/**
 * Parses nvidia-smi's `timestamp` (`YYYY/MM/DD HH:MM:SS.mmm`, host local time, no zone) into
 * milliseconds on a zone-less scale: the wall-clock fields read as if they were UTC. Differences
 * between two such values are real durations except across a clock or DST change, which the
 * caller must detect. Returns `null` for anything else.
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

;// CONCATENATED MODULE: ./src/core/sample-format.ts
/**
 * The sampler's log format, one record per line, fields separated by a tab:
 *
 *     @start  <epochMs>  <intervalMs>      window start (wall clock) and requested interval
 *     @header <tMs>      <csv header>      nvidia-smi's header, repeated after every restart
 *     <tMs>   <csv row>                    one nvidia-smi output line, stamped on arrival
 *     @event  <tMs>      <text>            nvidia-smi exit, restart, stderr, watchdog
 *     @stop   <tMs>      <reason>          window end
 *
 * `tMs` is milliseconds since `@start` on the sampler's monotonic clock. Lines starting with
 * `#` are comments. Pure: formatting and parsing only.
 */
/** First line of every sampler log. */
const SAMPLER_LOG_MAGIC = "# gpu-carbon samples v1";
/** Milliseconds rounded for the log: whole ms are plenty for a >= 10 ms loop. */
function ms(tMs) {
    return String(Math.round(tMs));
}
/** Removes tabs and newlines so free text cannot break the record structure. */
function oneLine(text) {
    return text.replace(/[\t\r\n]+/g, " ");
}
function formatStart(epochMs, intervalMs) {
    return `@start\t${Math.round(epochMs)}\t${intervalMs}`;
}
function formatHeader(tMs, line) {
    return `@header\t${ms(tMs)}\t${oneLine(line)}`;
}
function formatRow(tMs, line) {
    return `${ms(tMs)}\t${oneLine(line)}`;
}
function formatEvent(tMs, text) {
    return `@event\t${ms(tMs)}\t${oneLine(text)}`;
}
function formatStop(tMs, reason) {
    return `@stop\t${ms(tMs)}\t${oneLine(reason)}`;
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
        case "@start": {
            const intervalMs = Number(second);
            return Number.isFinite(intervalMs) && intervalMs > 0 ? { kind: "start", epochMs: tMs, intervalMs } : null;
        }
        case "@header":
            return { kind: "header", tMs, line: second };
        case "@event":
            return { kind: "event", tMs, text: second };
        case "@stop":
            return { kind: "stop", tMs, reason: second };
        default:
            return null;
    }
}

;// CONCATENATED MODULE: ./src/sampler/supervisor.ts
/**
 * The sampler: a small detached process that supervises one looping `nvidia-smi` and writes
 * every line it prints to the sample log, stamped with this process's monotonic clock.
 *
 * It restarts nvidia-smi with backoff when it dies, restarts it when it goes silent (watchdog),
 * and stops itself when asked (SIGTERM/SIGINT), when the job that started it is gone, or after
 * a maximum duration, so that no sampler outlives its job on a shared host.
 */





const BACKOFF_START_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
const WATCH_EVERY_MS = 2000;
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === "EPERM";
    }
}
/** Runs the sampler until it is stopped; resolves after the log is closed. */
function runSampler(config) {
    return new Promise((resolve) => {
        const t0 = external_node_perf_hooks_namespaceObject.performance.now();
        const now = () => external_node_perf_hooks_namespaceObject.performance.now() - t0;
        const fd = (0,external_node_fs_namespaceObject.openSync)(config.samplesPath, "a");
        let writable = true;
        let child = null;
        let carry = "";
        let stopping = false;
        let backoffMs = BACKOFF_START_MS;
        let lastOutputMs = 0;
        let childStartedMs = 0;
        let restartTimer = null;
        const write = (lines) => {
            if (!writable || lines.length === 0)
                return;
            try {
                (0,external_node_fs_namespaceObject.writeSync)(fd, lines.join("\n") + "\n");
            }
            catch (e) {
                // Disk full or gone: keep supervising so the job is not disturbed; the report will show the gap.
                writable = false;
                process.stderr.write(`gpu-carbon sampler: cannot write samples (${e.message})\n`);
            }
        };
        const onStdout = (chunk) => {
            if (stopping)
                return;
            const t = now();
            lastOutputMs = t;
            const parts = (carry + chunk).split("\n");
            carry = parts.pop() ?? "";
            const out = [];
            for (const raw of parts) {
                const line = raw.replace(/\r$/, "");
                if (line.trim().length === 0)
                    continue;
                out.push(isHeaderLine(line) ? formatHeader(t, line) : formatRow(t, line));
            }
            write(out);
        };
        const start = () => {
            restartTimer = null;
            if (stopping)
                return;
            carry = "";
            childStartedMs = now();
            lastOutputMs = childStartedMs;
            const proc = (0,external_node_child_process_namespaceObject.spawn)(config.nvidiaSmiPath, config.args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TZ: "UTC" } });
            child = proc;
            proc.stdout?.setEncoding("utf8").on("data", onStdout);
            proc.stderr?.setEncoding("utf8").on("data", (chunk) => {
                const t = now();
                write(chunk
                    .split("\n")
                    .filter((l) => l.trim())
                    .map((l) => formatEvent(t, `nvidia-smi: ${l.trim()}`)));
            });
            proc.on("error", (e) => write([formatEvent(now(), `nvidia-smi could not start: ${e.message}`)]));
            proc.on("close", (code, signal) => {
                if (child === proc)
                    child = null;
                if (stopping)
                    return;
                const t = now();
                write([
                    formatEvent(t, `nvidia-smi exited (${code !== null ? `code ${code}` : `signal ${signal}`}); restarting in ${backoffMs} ms`),
                ]);
                // A loop that ran a while earns a fresh backoff; one that dies at once backs off further.
                backoffMs = t - childStartedMs > BACKOFF_MAX_MS ? BACKOFF_START_MS : backoffMs;
                restartTimer = setTimeout(start, backoffMs);
                backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
            });
        };
        const silenceLimitMs = Math.max(10 * config.intervalMs, 15_000);
        const watchdog = setInterval(() => {
            if (stopping || !child)
                return;
            const silentMs = now() - lastOutputMs;
            if (silentMs > silenceLimitMs) {
                write([formatEvent(now(), `watchdog: no output from nvidia-smi for ${Math.round(silentMs / 1000)} s; restarting it`)]);
                lastOutputMs = now();
                child.kill("SIGKILL");
            }
        }, Math.min(Math.max(config.intervalMs, 500), 5000));
        const watcher = setInterval(() => {
            if (config.watchPid !== null && !alive(config.watchPid))
                stop("job-gone");
        }, WATCH_EVERY_MS);
        const deadline = setTimeout(() => stop("max-duration"), config.maxDurationMs);
        function stop(reason) {
            if (stopping)
                return;
            stopping = true;
            write([formatStop(now(), reason)]);
            clearInterval(watchdog);
            clearInterval(watcher);
            clearTimeout(deadline);
            if (restartTimer)
                clearTimeout(restartTimer);
            const proc = child;
            const done = () => {
                try {
                    (0,external_node_fs_namespaceObject.closeSync)(fd);
                }
                catch {
                    /* already closed */
                }
                resolve(reason);
            };
            if (!proc || proc.exitCode !== null || proc.signalCode !== null)
                return done();
            const kill = setTimeout(() => proc.kill("SIGKILL"), 1000);
            proc.once("close", () => {
                clearTimeout(kill);
                done();
            });
            proc.kill("SIGINT");
        }
        for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"])
            process.on(signal, () => stop("signal"));
        write([SAMPLER_LOG_MAGIC, formatStart(Date.now(), config.intervalMs)]);
        start();
    });
}

;// CONCATENATED MODULE: ./src/sampler/main.ts
/** Command line of the sampler process: `<marker> <config.json>`. */


async function runSamplerFromArgs(args) {
    const configPath = args[args.length - 1];
    if (!configPath) {
        process.stderr.write("usage: sampler --gpu-carbon-sampler <config.json>\n");
        return 2;
    }
    const config = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(configPath, "utf8"));
    const reason = await runSampler(config);
    process.stderr.write(`gpu-carbon sampler stopped (${reason})\n`);
    return 0;
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(972);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
