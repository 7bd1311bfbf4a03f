// `npm run bench [-- --quick]`: measures gpu-carbon's speed, memory, growth, overhead and
// accuracy in one run and prints one table. Nothing here is a pass/fail test; the targets are
// printed next to the figures. `--quick` (or BENCH_QUICK=1) uses small inputs for a smoke run;
// `--accuracy` measures only accuracy: the synthetic traces and the external power meter's runs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { accuracyTable, DRIVERS, TRACES } from "./bench/accuracy.mjs";
import { generateSamplerLog } from "./bench/generate-log.mjs";
import { meterMarkdown, meterRows, withMeterFigures } from "./bench/meter.mjs";
import { measureHooks } from "./bench/hooks.mjs";
import { measureNode, median } from "./bench/processes.mjs";
import { measureSampler } from "./bench/sampler-cost.mjs";
import { formatTable, kib, mib, pct, ratio, seconds } from "./bench/table.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const QUICK = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";
const ACCURACY_ONLY = process.argv.includes("--accuracy");
const GPUS = 8;
const P = QUICK
  ? { logHours: [2, 12], reps: 2, samplerWarmupMs: 1500, samplerMeasureMs: 4000, hookReps: 2, accuracyMs: 60_000, rollupHours: 6 }
  : { logHours: [24, 168], reps: 5, samplerWarmupMs: 3000, samplerMeasureMs: 30_000, hookReps: 5, accuracyMs: 600_000, rollupHours: 24 };
const INTERVALS_MS = [100, 500, 1000];
const ACCURACY_INTERVALS_MS = [100, 500, 1000, 5000];
const log = (text) => process.stderr.write(`bench: ${text}\n`);

const tmp = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-bench-"));
try {
  // What is measured is the current source: fresh bundles, and the pure core compiled for in-process use.
  const dist = path.join(tmp, "dist");
  if (!ACCURACY_ONLY) {
    log("bundling");
    execFileSync(process.execPath, [path.join(ROOT, "scripts/bundle.mjs"), dist], { cwd: ROOT, stdio: "inherit" });
  }
  const coreDir = path.join(tmp, "core");
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/typescript/bin/tsc"),
      "src/core/log/reader.ts",
      "src/core/log/rollup.ts",
      "src/core/report/report.ts",
      "src/core/energy/range.ts",
      "--rootDir",
      "src",
      "--outDir",
      coreDir,
    ].concat(["--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "--types", "node"]),
    { cwd: ROOT, stdio: "inherit" },
  );
  writeFileSync(path.join(coreDir, "package.json"), '{"type":"module"}');
  const core = async (name) => import(pathToFileURL(path.join(coreDir, "core", `${name}.js`)).href);
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
  const heading = `gpu-carbon bench${QUICK ? " (quick)" : ""}: Node ${process.version}, ${cpus.length} x ${cpus[0]?.model ?? "CPU"}, ${os.platform()}; accuracy over ${P.accuracyMs / 1000} s jobs\n\n`;
  if (ACCURACY_ONLY) {
    process.stdout.write(heading + formatTable(["Area", "Measure", "Value", "Target / note"], accuracyRows));
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }

  // 1. Post-processing of long logs against Node counting their lines.
  const post = [];
  for (const hours of P.logHours) {
    const file = path.join(tmp, `samples-${hours}h.log`);
    log(`writing a ${hours} h, ${GPUS}-GPU, 1 Hz log`);
    const { bytes, rows } = generateSamplerLog({ path: file, gpus: GPUS, hours, intervalMs: 1000 });
    const count = [];
    const report = [];
    for (let r = 0; r < P.reps; r += 1) {
      log(`reading it (${r + 1}/${P.reps})`);
      count.push(await measureNode([path.join(ROOT, "scripts/bench/count-lines.mjs"), file], { rusageFile: path.join(tmp, "ru") }));
      report.push(await measureNode([path.join(dist, "cli/index.js"), "report", file, "--json"], { rusageFile: path.join(tmp, "ru") }));
    }
    rmSync(file);
    const m = (runs, key) => median(runs.map((run) => run[key]));
    post.push({
      hours,
      bytes,
      rows,
      countWallMs: m(count, "wallMs"),
      countCpuS: m(count, "cpuS"),
      countRssMiB: Math.max(...count.map((c) => c.maxRssMiB)),
      wallMs: m(report, "wallMs"),
      cpuS: m(report, "cpuS"),
      rssMiB: Math.max(...report.map((c) => c.maxRssMiB)),
    });
  }
  const big = post[post.length - 1];

  // 2. The sampler's own cost and the bytes its rows take, at three intervals.
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

  // 3. Growth once rows give way to rollups: the sampler's own rollup over a synthetic stream.
  log("rolling up a long stream");
  const rollup = new SampleRollup({ intervalMs: 1000, rawRowsMs: 0 });
  let rollupBytes = 0;
  rollup.line(0, "index, uuid, power.draw [W]");
  for (let t = 0; t < P.rollupHours * 3_600_000; t += 1000)
    for (const record of rollup.line(t, `0, GPU-00000000-5a1e-4c0d-9b7e-3f2a1c0d0000, ${(250 + (t % 9000) / 40).toFixed(2)}`))
      rollupBytes += Buffer.byteLength(record) + 1;
  const rollupBytesPerGpuHour = rollupBytes / P.rollupHours;
  const rows500 = sampler.find((s) => s.intervalMs === 500).bytesPerGpuHour;
  const thirtyDaysBytes = GPUS * (2 * rows500 + (30 * 24 - 2) * rollupBytesPerGpuHour);

  // 4. Hook latency.
  log("timing the hooks");
  const action = parse(readFileSync(path.join(ROOT, "action.yml"), "utf8"));
  // Defaults as the runner evaluates them in a job without a matrix; no token, so no network.
  const expressions = { "toJSON(matrix)": "null" };
  const evaluate = (text) => String(text).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, expression) => expressions[expression] ?? "");
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, evaluate(spec.default ?? "")]));
  const hooks = await measureHooks({
    distDir: dist,
    fakeSmiDir: path.join(ROOT, "test/support/nvidia-smi"),
    inputs,
    reps: P.hookReps,
    jobMs: 1000,
  });

  // The table.
  const perHour = (s) => (s.intervalMs ? `${s.intervalMs} ms` : "");
  const postCpuPerJobHour = (intervalMs) => ((GPUS * 3_600_000) / intervalMs / big.rows) * big.cpuS;
  const rowsTable = [
    ["Post", `log: ${big.hours / 24} days, ${GPUS} GPUs, 1 Hz`, `${big.rows.toLocaleString("en")} rows, ${mib(big.bytes)} MiB`, ""],
    [
      "Post",
      "time vs readline line count (wall)",
      `${ratio(big.wallMs / big.countWallMs)} (${seconds(big.wallMs / 1000)} vs ${seconds(big.countWallMs / 1000)})`,
      "<= 1.5x",
    ],
    [
      "Post",
      "CPU time vs readline line count",
      `${ratio(big.cpuS / big.countCpuS)} (${seconds(big.cpuS)} vs ${seconds(big.countCpuS)})`,
      "<= 1.5x",
    ],
    [
      "Post",
      "throughput",
      `${(((big.rows / big.wallMs) * 1000) / 1e6).toFixed(2)} M samples/s, ${((big.bytes / 1e6 / big.wallMs) * 1000).toFixed(0)} MB/s`,
      "",
    ],
    [
      "Post",
      `peak memory, ${post.map((p) => `${p.hours} h`).join(" / ")} log`,
      `${post.map((p) => `${p.rssMiB.toFixed(0)}`).join(" / ")} MiB (readline: ${big.countRssMiB.toFixed(0)} MiB)`,
      "< 150 MiB",
    ],
    ["Growth", "v1 rows (with timestamp), 1 Hz", `${kib(big.bytes / GPUS / big.hours)} KiB per GPU-hour`, ""],
    [
      "Growth",
      `rows, first 2 h: ${sampler.map(perHour).join(" / ")}`,
      `${sampler.map((s) => kib(s.bytesPerGpuHour)).join(" / ")} KiB per GPU-hour`,
      "",
    ],
    [
      "Growth",
      "rollups after 2 h, any interval",
      `${kib(rollupBytesPerGpuHour)} KiB per GPU-hour (${kib(rollupBytesPerGpuHour * 24)} KiB per GPU-day)`,
      "<= 400 KiB per GPU-day",
    ],
    ["Growth", `30-day job, ${GPUS} GPUs, 500 ms (from the rates above)`, `${mib(thirtyDaysBytes)} MiB`, ""],
    [
      "Sampler",
      `CPU s per hour: ${sampler.map(perHour).join(" / ")}`,
      sampler.map((s) => s.samplerCpuSPerHour.toFixed(1)).join(" / "),
      "measured without a GPU",
    ],
    [
      "Sampler",
      `stand-in nvidia-smi CPU s per hour (not the real tool)`,
      sampler.map((s) => s.standInCpuSPerHour.toFixed(1)).join(" / "),
      "real nvidia-smi: see below",
    ],
    [
      "Sampler",
      `post CPU s per job-hour of rows, ${GPUS} GPUs: ${INTERVALS_MS.map((i) => `${i} ms`).join(" / ")}`,
      INTERVALS_MS.map((i) => postCpuPerJobHour(i).toFixed(2)).join(" / "),
      "",
    ],
    [
      "Hooks",
      "pre / post / empty Node process (wall)",
      `${hooks.preMs.toFixed(0)} / ${hooks.postMs.toFixed(0)} / ${hooks.emptyMs.toFixed(0)} ms`,
      "",
    ],
    [
      "Hooks",
      "added to the job: pre, post",
      `${(hooks.preMs - hooks.emptyMs).toFixed(0)} ms, ${(hooks.postMs - hooks.emptyMs).toFixed(0)} ms`,
      "",
    ],
    ["Hooks", "one stand-in nvidia-smi run (pre runs 3)", `${hooks.standInMs.toFixed(0)} ms`, ""],
    ...accuracyRows,
  ];
  process.stdout.write(heading);
  process.stdout.write(formatTable(["Area", "Measure", "Value", "Target / note"], rowsTable));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
