// `npm run bench [-- --quick]`: measures gpu-carbon's speed, memory, growth, overhead and
// accuracy in one run and prints one table. Nothing here is a pass/fail test; the targets are
// printed next to the figures. `--quick` (or BENCH_QUICK=1) uses small inputs for a smoke run;
// `--accuracy` measures only accuracy: the synthetic traces and the external power meter's runs.
// `--dist` times the bundles in dist/ as they are instead of bundling the source afresh (only
// when dist/ is fresh: `npm run check-dist`). `--plain-hours=N` and `--action-hours=N,N,...`
// set the length of the plain logs and of the action's logs (e.g. a quick run with the long
// action logs, once they are in the cache).
//
// Reading is timed on each kind of log a user hands `gpu-carbon report` or the action's post
// reads, against baselines run in rounds of paired runs (each ratio is the median over rounds of
// the ratio within a round, steadier than a ratio of medians on a shared machine; the newline
// count, which the target is set against, in more rounds than the others): a streaming
// newline count with the same chunking, `wc -l`, and what a user would otherwise write, pandas +
// numpy (Debian's python3-pandas) and DuckDB (npm `@duckdb/node-api`), each skipped with a note
// where missing. Energies are cross-checked between all of them.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { accuracyTable, DRIVERS, TRACES } from "./bench/accuracy.mjs";
import { ACTION_LOG_CODE, generateActionLog, generatePlainLog } from "./bench/generate-log.mjs";
import { DCGM_HISTORY_CODE, writeDcgmHistory } from "./bench/dcgm-history.mjs";
import { meterMarkdown, meterRows, withMeterFigures } from "./bench/meter.mjs";
import { measureHooks } from "./bench/hooks.mjs";
import { measureCommand, measureNode, median } from "./bench/processes.mjs";
import { measureSampler } from "./bench/sampler-cost.mjs";
import { formatTable, kib, mib, pct, ratio, seconds } from "./bench/table.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const BENCH = path.join(ROOT, "scripts/bench");
const QUICK = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";
const USE_DIST = process.argv.includes("--dist");
const ACCURACY_ONLY = process.argv.includes("--accuracy");
const GPUS = 8;
const P = QUICK
  ? {
      plainHours: 6,
      actionHours: [1, 24],
      prometheusHours: 6,
      rounds: 3,
      countRounds: 3,
      samplerWarmupMs: 1500,
      samplerMeasureMs: 4000,
      hookReps: 2,
      accuracyMs: 60_000,
    }
  : {
      plainHours: 168,
      actionHours: [1, 168, 720],
      prometheusHours: 168,
      rounds: 3,
      // The 2x target is against the newline count: more pairs of it (a second or two each)
      // than of the slow baselines, so that one burst of load on a shared machine cannot move
      // the median.
      countRounds: 9,
      samplerWarmupMs: 3000,
      samplerMeasureMs: 30_000,
      hookReps: 3,
      accuracyMs: 600_000,
    };
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
if (option("plain-hours")) P.plainHours = Number(option("plain-hours"));
if (option("action-hours")) P.actionHours = option("action-hours").split(",").map(Number);
if (option("prometheus-hours")) P.prometheusHours = Number(option("prometheus-hours"));
/** The scrape interval of the Prometheus history: a common setting for dcgm-exporter. */
const SCRAPE_S = 15;
const INTERVALS_MS = [100, 500, 1000];
const ACCURACY_INTERVALS_MS = [100, 500, 1000, 5000];
/** The action's default `interval-ms`. */
const ACTION_INTERVAL_MS = 500;
/** Logs written through the sampler's code are kept here between runs, keyed by that code. */
const CACHE = path.join(os.tmpdir(), "gpu-carbon-bench-cache");
const log = (text) => process.stderr.write(`bench: ${text}\n`);
const hoursLabel = (hours) => (hours >= 24 ? `${hours / 24} day${hours === 24 ? "" : "s"}` : `${hours} h`);

/** The plain `--query-gpu ... --format=csv` logs users feed the CLI. */
const PLAIN_FORMATS = [
  { name: "--format=csv: timestamp, index, uuid, power.draw", units: true, uuid: true, extra: 0 },
  { name: "--format=csv,nounits: timestamp, index, uuid, power.draw", units: false, uuid: true, extra: 0 },
  { name: "--format=csv: timestamp, index, power.draw (no uuid)", units: true, uuid: false, extra: 0 },
  { name: "--format=csv: 20 fields", units: true, uuid: true, extra: 16 },
  // Read with --columns (the CLI cannot know them); pandas and DuckDB are given no header either.
  { name: "--format=csv,noheader,nounits: timestamp, index, uuid, power.draw", units: false, uuid: true, extra: 0, noheader: true },
];

/**
 * Runs `main` and every baseline in `rounds` rounds, alternating the order from round to round
 * (main first, then main last). Each baseline's ratio is the median over rounds of main's wall
 * time over the baseline's in the same round: paired runs, steadier than a ratio of medians on a
 * shared machine.
 */
async function inRounds(main, baselines, rounds) {
  const mains = [];
  const runs = baselines.map(() => []);
  for (let k = 0; k < rounds; k += 1) {
    const order = [-1, ...baselines.map((_, i) => i)];
    if (k % 2 === 1) order.reverse();
    for (const at of order) {
      if (at < 0) mains.push(await main());
      else runs[at].push(await baselines[at]());
    }
  }
  const paired = (key) => runs.map((r) => (r[0][key] === undefined ? null : median(r.map((x, k) => mains[k][key] / x[key]))));
  return { mains, runs, ratios: paired("wallMs"), cpuRatios: paired("cpuS") };
}

/** `inRounds` with one more set of rounds of `main` and the first baseline alone, pooled into the first's pairs. */
async function withMoreRounds(main, baselines, rounds, firstRounds) {
  const result = await inRounds(main, baselines, rounds);
  if (firstRounds <= rounds) return result;
  const more = await inRounds(main, [baselines[0]], firstRounds - rounds);
  const mains = [...result.mains, ...more.mains];
  const firstRuns = [...result.runs[0], ...more.runs[0]];
  const pooled = (key) => (firstRuns[0][key] === undefined ? null : median(firstRuns.map((x, k) => mains[k][key] / x[key])));
  return {
    mains,
    runs: [firstRuns, ...result.runs.slice(1)],
    ratios: [pooled("wallMs"), ...result.ratios.slice(1)],
    cpuRatios: [pooled("cpuS"), ...result.cpuRatios.slice(1)],
  };
}

/** The Python that has pandas and numpy, or `null`. */
function findPandas() {
  for (const python of [process.env.BENCH_PYTHON, "python3", "/usr/bin/python3"].filter(Boolean)) {
    const probe = spawnSync(python, [path.join(BENCH, "pandas-energy.py"), "--version"], { encoding: "utf8" });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
  }
  return null;
}

/** The installed DuckDB npm package's version, or `null`. */
function findDuckDb() {
  try {
    const require = createRequire(path.join(ROOT, "package.json"));
    const manifest = require.resolve("@duckdb/node-api/package.json");
    return JSON.parse(readFileSync(manifest, "utf8")).version;
  } catch {
    return null;
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-bench-"));
/** The Prometheus server the bench starts, while it runs. */
let prometheus = null;
try {
  // What is measured is the current source: fresh bundles, and the pure core compiled for in-process use.
  const dist = USE_DIST ? path.join(ROOT, "dist") : path.join(tmp, "dist");
  if (!USE_DIST && !ACCURACY_ONLY) {
    log("bundling");
    execFileSync(process.execPath, [path.join(ROOT, "scripts/bundle.mjs"), dist], { cwd: ROOT, stdio: "inherit" });
  }
  /** Compiles `files` (below `rootDir`) into `outDir` for `import`; returns an importer of its modules. */
  const compiled = (files, rootDir, outDir) => {
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules/typescript/bin/tsc"), ...files, "--rootDir", rootDir, "--outDir", outDir].concat([
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--skipLibCheck",
        "--types",
        "node",
      ]),
      { cwd: ROOT, stdio: "inherit" },
    );
    writeFileSync(path.join(outDir, "package.json"), '{"type":"module"}');
    return async (name) => import(pathToFileURL(path.join(outDir, `${name}.js`)).href);
  };
  const coreDir = path.join(tmp, "core");
  const coreFiles = ["src/core/log/reader.ts", "src/core/log/rollup.ts", "src/core/report/report.ts", "src/core/energy/range.ts"];
  const fromCore = compiled(coreFiles, "src", coreDir);
  const core = (name) => fromCore(`core/${name}`);
  // The test suite's Prometheus starter (a real server on loopback with temporary storage).
  const supportModule = compiled(["test/support/prometheus.ts"], "test/support", path.join(tmp, "support"));
  const { SampleLogReader } = await core("log/reader");
  const { SampleRollup } = await core("log/rollup");
  const format = await core("log/format");

  // Accuracy: synthetic traces whose energy is known exactly, then real cards against an external meter.
  log("sampling synthetic traces");
  const integrate = (samples, intervalMs, durationMs) => {
    const reader = new SampleLogReader();
    reader.push(format.formatStart(0, intervalMs));
    reader.push(format.formatHeader(0, "index, uuid, power.draw [W]"));
    for (const [tMs, powerW] of samples) reader.push(format.formatRow(tMs, `0, GPU-0, ${powerW.toFixed(2)}`));
    reader.push(format.formatStop(durationMs, "signal"));
    return reader.finish().gpus.reduce((sum, g) => sum + (g.energyJ ?? 0), 0);
  };
  const accuracyRows = accuracyTable(integrate, ACCURACY_INTERVALS_MS, P.accuracyMs).map((row) => [
    "Accuracy",
    `${TRACES[row.trace].label}; ${DRIVERS[row.driver].label}`,
    row.errorsPct
      .map(
        (e, i) =>
          `${ACCURACY_INTERVALS_MS[i] >= 1000 ? `${ACCURACY_INTERVALS_MS[i] / 1000} s` : `${ACCURACY_INTERVALS_MS[i]} ms`}: ${pct(e)}`,
      )
      .join(", "),
    "",
  ]);
  log("comparing with the external power meter");
  const meterCore = {
    SampleLogReader,
    buildReport: (await core("report/report")).buildReport,
    ...(await core("energy/range")),
    ...(await core("energy/sensor")),
  };
  const meter = meterRows(path.join(ROOT, "test/fixtures/meter"), meterCore);
  accuracyRows.push(...meter);
  // The accuracy page shows these figures: keep it in step with the code that produced them.
  const accuracyDoc = path.join(ROOT, "docs/accuracy.md");
  writeFileSync(accuracyDoc, withMeterFigures(readFileSync(accuracyDoc, "utf8"), meterMarkdown(meter)));
  const cpus = os.cpus();
  if (ACCURACY_ONLY) {
    process.stdout.write(
      `gpu-carbon bench (accuracy): Node ${process.version}; accuracy over ${P.accuracyMs / 1000} s jobs\n\n` +
        formatTable(["Area", "Measure", "Value", "Target / note"], accuracyRows),
    );
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }
  const rusageFile = path.join(tmp, "ru");
  const cli = path.join(dist, "cli/index.js");

  const pandas = findPandas();
  const duckdb = findDuckDb();
  const notes = [];
  if (!pandas) notes.push("pandas: not timed, no Python with pandas and numpy here (Debian: apt-get install python3-pandas)");
  if (!duckdb) notes.push("DuckDB: not timed, its npm package is not installed (npm install --no-save @duckdb/node-api)");

  const runCli = async (file, args = []) => {
    const run = await measureNode([cli, "report", file, "--json", ...args], { rusageFile, stdout: "pipe" });
    const report = JSON.parse(run.stdout);
    return { ...run, energyJ: report.sampledEnergyKwh * 3.6e6, status: report.status };
  };
  const runCount = async (file) => {
    const run = await measureNode([path.join(BENCH, "count-lines.mjs"), file], { rusageFile, stdout: "pipe" });
    return { ...run, lines: JSON.parse(run.stdout).lines };
  };
  const runWc = async (file) => {
    const run = await measureCommand("wc", ["-l", file]);
    return { ...run, lines: Number(run.stdout.trim().split(/\s+/)[0]) };
  };
  const runPandas = async (file) => {
    const run = await measureCommand(pandas.python, [path.join(BENCH, "pandas-energy.py"), file]);
    const out = JSON.parse(run.stdout);
    return { ...run, energyJ: out.energyJ, maxRssMiB: out.maxRssKiB / 1024, cpuS: out.cpuS };
  };
  const runDuckDb = (columns) => async (file) => {
    const run = await measureNode([path.join(BENCH, "duckdb-energy.mjs"), file, ...columns.map(String)], { rusageFile, stdout: "pipe" });
    return { ...run, energyJ: JSON.parse(run.stdout).energyJ };
  };

  /** Times the CLI on one log against every baseline that can read it. */
  const timeReading = async (label, file, { lines, energyJ = null, tabular = null, cliArgs = [] }) => {
    const bytes = statSync(file).size;
    const baselines = [
      ["newline count (same chunking)", runCount],
      ["wc -l", runWc],
      ...(tabular && pandas ? [[`pandas ${pandas.version} + numpy`, runPandas]] : []),
      ...(tabular && duckdb ? [[`DuckDB ${duckdb}`, runDuckDb(tabular)]] : []),
    ];
    log(`${label}: gpu-carbon report vs ${baselines.map(([name]) => name).join(", ")}`);
    const result = await withMoreRounds(
      () => runCli(file, cliArgs),
      baselines.map(
        ([, run]) =>
          () =>
            run(file),
      ),
      P.rounds,
      P.countRounds,
    );
    const cliRuns = result.mains;
    const against = baselines.map(([name], i) => ({ name, ratio: result.ratios[i], cpuRatio: result.cpuRatios[i], runs: result.runs[i] }));
    // Every reader must agree: lines with the counters, energy with each other (and with the truth, when known).
    const checks = [];
    for (const { name, runs } of against) {
      if (runs[0].lines !== undefined && runs[0].lines !== lines) checks.push(`${name} counted ${runs[0].lines} lines, not ${lines}`);
      if (runs[0].energyJ !== undefined && Math.abs(runs[0].energyJ / cliRuns[0].energyJ - 1) > 1e-6)
        checks.push(`${name} found ${runs[0].energyJ.toFixed(0)} J, gpu-carbon ${cliRuns[0].energyJ.toFixed(0)} J`);
    }
    if (energyJ !== null && Math.abs(energyJ / cliRuns[0].energyJ - 1) > 1e-6)
      checks.push(`the log's readings integrate to ${energyJ.toFixed(0)} J, gpu-carbon found ${cliRuns[0].energyJ.toFixed(0)} J`);
    return {
      label,
      bytes,
      lines,
      cli: {
        wallMs: median(cliRuns.map((r) => r.wallMs)),
        cpuS: median(cliRuns.map((r) => r.cpuS)),
        maxRssMiB: Math.max(...cliRuns.map((r) => r.maxRssMiB)),
        energyJ: cliRuns[0].energyJ,
      },
      against: against.map(({ name, ratio: r, cpuRatio, runs }) => ({
        name,
        ratio: r,
        cpuRatio,
        cpuS: runs[0].cpuS === undefined ? null : median(runs.map((x) => x.cpuS)),
        wallMs: median(runs.map((x) => x.wallMs)),
        maxRssMiB: runs[0].maxRssMiB === undefined ? null : Math.max(...runs.map((x) => x.maxRssMiB)),
      })),
      checks,
    };
  };

  // 1. Plain nvidia-smi logs, one 8-GPU job at 1 s in each format.
  const reads = [];
  for (const f of PLAIN_FORMATS) {
    const file = path.join(tmp, "plain.csv");
    log(`writing a ${hoursLabel(P.plainHours)}, ${GPUS}-GPU plain log (${f.name})`);
    const { rows, columns } = generatePlainLog({ path: file, gpus: GPUS, hours: P.plainHours, intervalMs: 1000, ...f });
    // pandas' and DuckDB's readers here expect the header line: a noheader log is timed against the counts only.
    const tabular = f.noheader ? null : [columns, 0, f.uuid ? 2 : 1, f.uuid ? 3 : 2];
    const cliArgs = f.noheader ? ["--columns", `timestamp,index,${f.uuid ? "uuid," : ""}power.draw`] : [];
    const label = `plain log, ${hoursLabel(P.plainHours)}, ${GPUS} GPUs, 1 s, ${f.name}`;
    reads.push({ kind: "plain", ...(await timeReading(label, file, { lines: rows + (f.noheader ? 0 : 1), tabular, cliArgs })) });
    rmSync(file);
  }

  // 2. The action's own log (v2: rows, then rollups), written through the sampler's own code.
  const sourceHash = createHash("sha256");
  for (const name of ["log/rollup", "log/format", "integrator", "nvidia-smi/csv"])
    sourceHash.update(readFileSync(path.join(coreDir, "core", `${name}.js`)));
  sourceHash.update(ACTION_LOG_CODE);
  const codeKey = sourceHash.digest("hex").slice(0, 12);
  mkdirSync(CACHE, { recursive: true });
  const actionLogs = [];
  for (const hours of P.actionHours) {
    const file = path.join(CACHE, `action-${hours}h-${GPUS}gpu-${ACTION_INTERVAL_MS}ms-${codeKey}.log`);
    let info;
    if (existsSync(file) && existsSync(`${file}.json`)) info = JSON.parse(readFileSync(`${file}.json`, "utf8"));
    else {
      log(
        `writing the sampler's log of a ${hoursLabel(hours)}, ${GPUS}-GPU job at ${ACTION_INTERVAL_MS} ms (through its own code; kept in ${CACHE})`,
      );
      info = generateActionLog({ path: `${file}.part`, gpus: GPUS, hours, intervalMs: ACTION_INTERVAL_MS, core: { SampleRollup, format } });
      renameSync(`${file}.part`, file);
      writeFileSync(`${file}.json`, JSON.stringify(info));
    }
    actionLogs.push({ hours, file, ...info });
    const label = `action log ${hoursLabel(hours)}, ${GPUS} GPUs, ${ACTION_INTERVAL_MS} ms (v2, rollups after 2 h)`;
    reads.push({ kind: "action", hours, ...(await timeReading(label, file, { lines: info.lines, energyJ: info.energyJ })) });
  }

  // 3. A window read back from a real Prometheus (`source: prometheus`, `report --prometheus-url`):
  // one 8-GPU job's dcgm-exporter series, scraped every 15 s, backfilled with promtool. Against
  // what a user would otherwise ask Prometheus: one increase() of the energy counters, and the
  // window's raw samples (what gpu-carbon reads), both with curl.
  const promReads = [];
  const support = await supportModule("prometheus");
  try {
    support.ensurePrometheus();
  } catch (e) {
    notes.push(`Prometheus windows: not timed (${e.message.split(". ")[0]})`);
  }
  if (notes.every((n) => !n.startsWith("Prometheus"))) {
    const hours = P.prometheusHours;
    const fromMs = Date.UTC(2026, 9, 1);
    const toMs = fromMs + hours * 3_600_000;
    const key = createHash("sha256").update(`${DCGM_HISTORY_CODE} ${hours} ${SCRAPE_S} ${GPUS}`).digest("hex").slice(0, 12);
    const blocks = path.join(CACHE, `prometheus-${hours}h-${GPUS}gpu-${SCRAPE_S}s-${key}`);
    let info;
    if (existsSync(blocks) && existsSync(`${blocks}.json`)) info = JSON.parse(readFileSync(`${blocks}.json`, "utf8"));
    else {
      log(`writing ${hoursLabel(hours)} of dcgm-exporter history for ${GPUS} GPUs and backfilling it (promtool; kept in ${CACHE})`);
      const history = path.join(tmp, "history.om");
      info = writeDcgmHistory({ path: history, gpus: GPUS, hours, scrapeS: SCRAPE_S, fromMs, job: "4242" });
      rmSync(`${blocks}.part`, { recursive: true, force: true });
      support.backfillBlocks(history, `${blocks}.part`);
      rmSync(history);
      renameSync(`${blocks}.part`, blocks);
      writeFileSync(`${blocks}.json`, JSON.stringify(info));
    }
    prometheus = await support.startPrometheus({ blocks, retention: "100y" });
    const selector = 'hpc_job="4242"';
    const range = `[${(toMs - fromMs) / 1000}s]`;
    const iso = (ms) => new Date(ms).toISOString();
    const curl = (query) => async () => {
      const run = await measureCommand("curl", [
        "-sS",
        "-G",
        `${prometheus.url}/api/v1/query`,
        "--data-urlencode",
        `query=${query}`,
        "--data-urlencode",
        `time=${toMs / 1000}`,
      ]);
      const body = JSON.parse(run.stdout);
      if (body.status !== "success") throw new Error(`Prometheus refused ${query}: ${run.stdout.slice(0, 300)}`);
      const result = body.data.result;
      return { ...run, samples: result.reduce((n, series) => n + (series.values?.length ?? 1), 0), value: Number(result[0]?.value?.[1]) };
    };
    const baselines = [
      [
        "one PromQL increase() of the energy counters (curl)",
        curl(`sum(increase(DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{${selector}}${range}))`),
      ],
      [
        "the window's raw samples (curl)",
        curl(`{__name__=~"DCGM_FI_DEV_POWER_USAGE|DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",${selector}}${range}`),
      ],
    ];
    log(`Prometheus window, ${hoursLabel(hours)}: gpu-carbon report vs ${baselines.map(([name]) => name).join(", ")}`);
    const runPromCli = async () => {
      const run = await measureNode(
        [
          cli,
          "report",
          "--prometheus-url",
          prometheus.url,
          "--prometheus-selector",
          selector,
          "--from",
          iso(fromMs),
          "--to",
          iso(toMs),
          "--json",
        ],
        { rusageFile, stdout: "pipe" },
      );
      return { ...run, energyJ: JSON.parse(run.stdout).energyKwh * 3.6e6 };
    };
    const result = await inRounds(
      runPromCli,
      baselines.map(([, run]) => run),
      P.rounds,
    );
    const cliRuns = result.mains;
    const checks = [];
    const increaseJ = result.runs[0][0].value / 1000;
    if (Math.abs(cliRuns[0].energyJ / info.energyJ - 1) > 1e-6)
      checks.push(`the samples integrate to ${info.energyJ.toFixed(0)} J, gpu-carbon found ${cliRuns[0].energyJ.toFixed(0)} J`);
    if (Math.abs(increaseJ / info.energyJ - 1) > 1e-6)
      checks.push(`increase() found ${increaseJ.toFixed(0)} J, the samples integrate to ${info.energyJ.toFixed(0)} J`);
    if (result.runs[1][0].samples !== info.samples)
      checks.push(`the raw query gave ${result.runs[1][0].samples} samples, not ${info.samples}`);
    promReads.push({
      label: `Prometheus window, ${hoursLabel(hours)}, ${GPUS} GPUs, dcgm-exporter scraped every ${SCRAPE_S} s`,
      samples: info.samples,
      cli: {
        wallMs: median(cliRuns.map((r) => r.wallMs)),
        cpuS: median(cliRuns.map((r) => r.cpuS)),
        maxRssMiB: Math.max(...cliRuns.map((r) => r.maxRssMiB)),
        energyJ: cliRuns[0].energyJ,
      },
      against: baselines.map(([name], i) => ({ name, ratio: result.ratios[i], wallMs: median(result.runs[i].map((x) => x.wallMs)) })),
      checks,
    });
    await prometheus.stop();
    prometheus = null;
  }

  // 4. The sampler's own cost and the bytes its rows take, at three intervals.
  const sampler = [];
  for (const intervalMs of INTERVALS_MS) {
    log(`running the sampler at ${intervalMs} ms`);
    sampler.push({
      intervalMs,
      ...(await measureSampler({
        samplerScript: path.join(dist, "sampler/index.js"),
        fakeSmi: path.join(ROOT, "test/support/nvidia-smi/nvidia-smi"),
        dir: tmp,
        intervalMs,
        gpus: GPUS,
        warmupMs: P.samplerWarmupMs,
        measureMs: P.samplerMeasureMs,
      })),
    });
  }

  // 5. Hook latency: a tiny job, an 8-GPU job, and post on the longest log above.
  const action = parse(readFileSync(path.join(ROOT, "action.yml"), "utf8"));
  // Defaults as the runner evaluates them in a job without a matrix; no token, so no network.
  const expressions = { "toJSON(matrix)": "null" };
  const evaluate = (text) => String(text).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, expression) => expressions[expression] ?? "");
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, evaluate(spec.default ?? "")]));
  const hookArgs = { distDir: dist, fakeSmiDir: path.join(ROOT, "test/support/nvidia-smi"), inputs, reps: P.hookReps, jobMs: 1000 };
  log("timing the hooks: 1 GPU, 1 s");
  const hooksTiny = await measureHooks({ ...hookArgs, gpus: 1 });
  log(`timing the hooks: ${GPUS} GPUs, 1 s`);
  const hooksWide = await measureHooks({ ...hookArgs, gpus: GPUS });
  const longest = actionLogs[actionLogs.length - 1];
  log(`timing post on the ${hoursLabel(longest.hours)} log`);
  const hooksLong = await measureHooks({ ...hookArgs, gpus: GPUS, samplesLog: longest.file });

  // The table.
  const met = (ok) => (ok ? "met" : "MISSED");
  const rowsTable = [];
  for (const r of reads) {
    const area = r.kind === "plain" ? "Read" : "Read v2";
    const count = r.against.find((a) => a.name.startsWith("newline"));
    const others = r.against.filter((a) => a !== count);
    rowsTable.push([area, r.label, `${r.lines.toLocaleString("en")} lines, ${mib(r.bytes)} MiB`, ""]);
    rowsTable.push([
      area,
      "gpu-carbon report: wall, CPU, peak memory",
      `${seconds(r.cli.wallMs / 1000)}, ${seconds(r.cli.cpuS)} CPU, ${r.cli.maxRssMiB.toFixed(0)} MiB (${((r.bytes / 1e6 / r.cli.wallMs) * 1000).toFixed(0)} MB/s)`,
      r.kind === "plain" && !QUICK ? `<= 100 MiB: ${met(r.cli.maxRssMiB <= 100)}` : "",
    ]);
    rowsTable.push([
      area,
      `vs ${count.name}`,
      `${ratio(count.ratio)}, CPU ${ratio(count.cpuRatio)} (count ${seconds(count.wallMs / 1000)}, ${seconds(count.cpuS)} CPU, ${count.maxRssMiB.toFixed(0)} MiB)`,
      `<= 2x: ${met(count.ratio <= 2)}`,
    ]);
    for (const a of others)
      rowsTable.push([
        area,
        `vs ${a.name}`,
        `${ratio(a.ratio)}${a.cpuRatio === null ? "" : `, CPU ${ratio(a.cpuRatio)}`} (${seconds(a.wallMs / 1000)}${a.cpuS === null ? "" : `, ${seconds(a.cpuS)} CPU`}${a.maxRssMiB === null ? "" : `, ${a.maxRssMiB.toFixed(0)} MiB`})`,
        a.name === "wc -l" ? "" : `< 1x: ${met(a.ratio < 1)}`,
      ]);
    rowsTable.push([
      area,
      "cross-check",
      r.checks.length === 0
        ? `${(r.cli.energyJ / 3.6e6).toFixed(3)} kWh; ${r.kind === "plain" ? "every reader agrees" : "equal to integrating every reading"}, line counts equal`
        : r.checks.join("; "),
      r.checks.length === 0 ? "" : "MISMATCH",
    ]);
  }
  for (const r of promReads) {
    rowsTable.push(["Read Prom", r.label, `${r.samples.toLocaleString("en")} samples`, ""]);
    rowsTable.push([
      "Read Prom",
      "gpu-carbon report --prometheus-url: wall, CPU, peak memory",
      `${seconds(r.cli.wallMs / 1000)}, ${seconds(r.cli.cpuS)} CPU, ${r.cli.maxRssMiB.toFixed(0)} MiB`,
      "",
    ]);
    for (const a of r.against) rowsTable.push(["Read Prom", `vs ${a.name}`, `${ratio(a.ratio)} (${seconds(a.wallMs / 1000)})`, ""]);
    rowsTable.push([
      "Read Prom",
      "cross-check",
      r.checks.length === 0
        ? `${(r.cli.energyJ / 3.6e6).toFixed(3)} kWh; equal to integrating every sample, and to increase()`
        : r.checks.join("; "),
      r.checks.length === 0 ? "" : "MISMATCH",
    ]);
  }
  // Past the first two hours a log grows by its rollups alone: the difference of two such logs.
  const [shorter, longer] = actionLogs.filter((a) => a.hours > 2).slice(-2);
  const rollupGrowth = longer
    ? `${kib((longer.bytes - shorter.bytes) / GPUS / ((longer.hours - shorter.hours) / 24))} KiB per GPU-day`
    : "needs two action logs longer than 2 h";
  rowsTable.push(
    [
      "Growth",
      `rows, first 2 h: ${INTERVALS_MS.map((i) => `${i} ms`).join(" / ")}`,
      `${sampler.map((s) => kib(s.bytesPerGpuHour)).join(" / ")} KiB per GPU-hour`,
      "",
    ],
    ["Growth", "rollups after 2 h (from the logs above)", rollupGrowth, "<= 400 KiB per GPU-day"],
    ...actionLogs.map((a) => [
      "Growth",
      `action log, ${hoursLabel(a.hours)}, ${GPUS} GPUs, ${ACTION_INTERVAL_MS} ms`,
      `${mib(a.bytes)} MiB (written by the sampler's code)`,
      "",
    ]),
    [
      "Sampler",
      `CPU s per hour: ${INTERVALS_MS.map((i) => `${i} ms`).join(" / ")}`,
      sampler.map((s) => s.samplerCpuSPerHour.toFixed(1)).join(" / "),
      "measured without a GPU",
    ],
    [
      "Sampler",
      `stand-in nvidia-smi CPU s per hour (not the real tool)`,
      sampler.map((s) => s.standInCpuSPerHour.toFixed(1)).join(" / "),
      "real nvidia-smi: see docs/performance.md",
    ],
    ["Hooks", "empty Node process (wall)", `${hooksTiny.emptyMs.toFixed(0)} ms`, ""],
    [
      "Hooks",
      "pre / post, 1 GPU, 1 s job",
      `${hooksTiny.preMs.toFixed(0)} / ${hooksTiny.postMs.toFixed(0)} ms, post ${hooksTiny.postMaxRssMiB.toFixed(0)} MiB`,
      "",
    ],
    [
      "Hooks",
      `pre / post, ${GPUS} GPUs, 1 s job`,
      `${hooksWide.preMs.toFixed(0)} / ${hooksWide.postMs.toFixed(0)} ms, post ${hooksWide.postMaxRssMiB.toFixed(0)} MiB`,
      "",
    ],
    [
      "Hooks",
      `post, ${GPUS} GPUs, ${hoursLabel(longest.hours)} job (${mib(longest.bytes)} MiB log)`,
      `${hooksLong.postMs.toFixed(0)} ms, ${hooksLong.postMaxRssMiB.toFixed(0)} MiB; ${hooksLong.energyKwh} kWh`,
      longest.hours >= 720 ? `< 1 s: ${met(hooksLong.postMs < 1000)}; < 100 MiB: ${met(hooksLong.postMaxRssMiB < 100)}` : "",
    ],
    ["Hooks", "one stand-in nvidia-smi run (pre runs 3)", `${hooksTiny.standInMs.toFixed(0)} ms`, ""],
    ...accuracyRows,
  );
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  const rounds = `${P.countRounds} rounds of paired runs with the newline count, ${P.rounds} with the others`;
  process.stdout.write(
    `gpu-carbon bench${QUICK ? " (quick)" : ""}: Node ${process.version}, ${cpus.length} x ${cpus[0]?.model ?? "CPU"}, ${os.platform()}, load average ${load}; ratios are medians over ${rounds}; accuracy over ${P.accuracyMs / 1000} s jobs\n\n`,
  );
  process.stdout.write(formatTable(["Area", "Measure", "Value", "Target / note"], rowsTable));
  if (notes.length > 0) process.stdout.write(`\n${notes.map((n) => `- ${n}`).join("\n")}\n`);
} finally {
  await prometheus?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
