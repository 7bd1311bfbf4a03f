// A stand-in for `nvidia-smi` that accepts the real flags and prints what the real tool prints
// (formats, units, placeholders, error lines and exit codes as recorded from real drivers).
//
// Behaviour comes from a JSON scenario named by FAKE_NVIDIA_SMI_SCENARIO (a file path) or given
// inline in FAKE_NVIDIA_SMI (JSON text). Without either: one H100 drawing a steady 300 W.
//
// Scenario fields (all optional):
//   gpus: [{ index, uuid, name, busId, powerW | profile: [{ untilS, W }...], powerLimitW, lostAfterIteration }]
//         powerW may be a placeholder string such as "[N/A]" or "[Not Supported]".
//         mig: [{ profile: "3g.40gb", uuid: "MIG-..." }]  MIG devices: `-L` lists them under the
//         GPU; --query-gpu still prints one row per physical GPU, with the whole board's power.
//         lostAfterIteration: this GPU falls off the bus; every cell of its rows becomes [GPU is lost]
//   legacy: true        driver 465-style: no power.draw.average / power.draw.instant fields
//   noHelpQuery: true   --help-query-gpu fails (exit 2), as on very old drivers
//   unsupported: [names]  fields this driver does not know (queries naming them fail with exit 2)
//   fail: { code, stdout, stderr }   every invocation fails like this (driver not loaded, ...)
//   loop: {
//     crashAfterIterations, crashCode, crashRuns   exit mid-loop on the first crashRuns runs
//     hangAfterIterations                          stop printing but keep running
//     lostAfterIteration                           every cell becomes [GPU is lost]
//     inject: { "<iteration>": ["line", ...] }      extra lines (Xid events, garbage)
//     halfLineOnExit: true                          print a cut-off row when killed
//     ignoreTerm: true                              ignore SIGTERM/SIGINT (needs SIGKILL)
//   }
//   counterFile: path   counts loop runs (for crashRuns)
//   logFile: path       appends each invocation's arguments, one JSON line per run
//   stdbufFile: path    appends, per run, the line-buffering `stdbuf -oL` asked for ("L"), or "-"
//   buffering: { blockBytes, honoursStdbuf }
//         stdout goes out in blocks of blockBytes (4096 when absent), as a C program's does when it
//         writes to a pipe; what is left is written at exit (C's exit() flushes stdio), and lost when
//         the process is killed outright. honoursStdbuf: under `stdbuf -oL` it goes out line by line.
import { appendFileSync, readFileSync, writeFileSync, writeSync } from "node:fs";

const started = Date.now();
const scenario = (() => {
  if (process.env.FAKE_NVIDIA_SMI_SCENARIO) return JSON.parse(readFileSync(process.env.FAKE_NVIDIA_SMI_SCENARIO, "utf8"));
  if (process.env.FAKE_NVIDIA_SMI) return JSON.parse(process.env.FAKE_NVIDIA_SMI);
  return {};
})();
const gpus = (scenario.gpus ?? [{ powerW: 300 }]).map((gpu, i) => ({
  index: gpu.index ?? i,
  uuid: gpu.uuid ?? `GPU-${String(i).padStart(8, "0")}-1111-2222-3333-444444444444`,
  name: gpu.name ?? "NVIDIA H100 80GB HBM3",
  busId: gpu.busId ?? `00000000:${(0x18 + i * 0x10).toString(16).toUpperCase().padStart(2, "0")}:00.0`,
  powerLimitW: gpu.powerLimitW ?? 700,
  ...gpu,
}));
const driver = scenario.legacy ? "465.27" : "590.48.01";
const args = process.argv.slice(2);
if (scenario.logFile) appendFileSync(scenario.logFile, JSON.stringify(args) + "\n");
if (scenario.stdbufFile) appendFileSync(scenario.stdbufFile, (process.env._STDBUF_O ?? "-") + "\n");

// Output: straight through, or held in a stdio-like buffer that goes out a block at a time.
const buffering = scenario.buffering && !(scenario.buffering.honoursStdbuf && process.env._STDBUF_O === "L") ? scenario.buffering : null;
const blockBytes = buffering?.blockBytes ?? 4096;
let held = Buffer.alloc(0);
function out(text) {
  if (!buffering) {
    process.stdout.write(text);
    return;
  }
  held = Buffer.concat([held, Buffer.from(text)]);
  while (held.length >= blockBytes) {
    writeSync(1, held.subarray(0, blockBytes));
    held = held.subarray(blockBytes);
  }
}
/** Writes what is still held, as C's exit() flushes stdio. */
function flush() {
  if (held.length > 0) writeSync(1, held);
  held = Buffer.alloc(0);
}
process.on("exit", flush);

if (scenario.fail) {
  if (scenario.fail.stdout) out(scenario.fail.stdout.endsWith("\n") ? scenario.fail.stdout : scenario.fail.stdout + "\n");
  if (scenario.fail.stderr) process.stderr.write(scenario.fail.stderr + "\n");
  process.exit(scenario.fail.code ?? 9);
}

// Field table: canonical name, aliases, header unit, value.
const pad = (n, w = 2) => String(n).padStart(w, "0");
function timestamp() {
  const d = new Date();
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
function power(gpu) {
  const t = (Date.now() - started) / 1000;
  if (gpu.profile) {
    const step = gpu.profile.find((s) => s.untilS === undefined || t < s.untilS) ?? gpu.profile[gpu.profile.length - 1];
    return step.W;
  }
  return gpu.powerW ?? 300;
}
const watts = (v) => (typeof v === "number" ? { value: v.toFixed(2), unit: "W" } : { value: v });
const FIELDS = [
  { name: "timestamp", value: () => ({ value: timestamp() }) },
  { name: "driver_version", value: () => ({ value: driver }) },
  { name: "count", value: () => ({ value: String(gpus.length) }) },
  { name: "name", aliases: ["gpu_name"], value: (g) => ({ value: g.name }) },
  { name: "uuid", aliases: ["gpu_uuid"], value: (g) => ({ value: g.uuid }) },
  { name: "pci.bus_id", aliases: ["gpu_bus_id"], value: (g) => ({ value: g.busId }) },
  { name: "index", value: (g) => ({ value: String(g.index) }) },
  { name: "pstate", value: () => ({ value: "P0" }) },
  { name: "utilization.gpu", unit: "%", value: () => ({ value: "87", unit: "%" }) },
  { name: "memory.used", unit: "MiB", value: () => ({ value: "19818", unit: "MiB" }) },
  { name: "temperature.gpu", value: () => ({ value: "41" }) },
  { name: "power.management", value: () => ({ value: scenario.legacy ? "Enabled" : "[Requested functionality has been deprecated]" }) },
  { name: "power.draw", unit: "W", value: (g) => watts(power(g)) },
  { name: "power.draw.average", aliases: ["gpu.power.draw.average"], unit: "W", modern: true, value: (g) => watts(power(g)) },
  { name: "power.draw.instant", aliases: ["gpu.power.draw.instant"], unit: "W", modern: true, value: (g) => watts(power(g)) },
  { name: "power.limit", unit: "W", value: (g) => watts(g.powerLimitW) },
  { name: "clocks.current.sm", aliases: ["clocks.sm"], unit: "MHz", value: () => ({ value: "1980", unit: "MHz" }) },
].filter((f) => !(scenario.legacy && f.modern) && !(scenario.unsupported ?? []).includes(f.name));

function lookup(name) {
  return FIELDS.find((f) => f.name === name || (f.aliases ?? []).includes(name));
}

// Argument parsing, as the real tool accepts them.
let query = null;
let format = null;
let loopMs = null;
let ids = null;
let file = null;
for (let i = 0; i < args.length; i += 1) {
  const a = args[i];
  const next = () => args[++i];
  if (a.startsWith("--query-gpu=")) query = a.slice("--query-gpu=".length);
  else if (a === "--query-gpu") query = next();
  else if (a.startsWith("--format=")) format = a.slice("--format=".length);
  else if (a === "--format") format = next();
  else if (a === "-lms") loopMs = Number(next());
  else if (a.startsWith("--loop-ms=")) loopMs = Number(a.slice("--loop-ms=".length));
  else if (a === "-l") loopMs = Number(next() ?? 5) * 1000;
  else if (a.startsWith("--loop=")) loopMs = Number(a.slice("--loop=".length)) * 1000;
  else if (a === "-i") ids = next();
  else if (a.startsWith("--id=")) ids = a.slice("--id=".length);
  else if (a === "-f") file = next();
  else if (a.startsWith("--filename=")) file = a.slice("--filename=".length);
  else if (a === "--help-query-gpu") {
    if (scenario.noHelpQuery) {
      out(`Invalid combination of input arguments. Please run 'nvidia-smi -h' for help.\n\n`);
      process.exit(2);
    }
    out(`List of valid properties to query for the switch "--query-gpu":\n\n`);
    for (const f of FIELDS) {
      out(`${[f.name, ...(f.aliases ?? [])].map((n) => `"${n}"`).join(" or ")}\nDescription of ${f.name}.\n\n`);
    }
    process.exit(0);
  } else if (a === "-L" || a === "--list-gpus") {
    for (const g of gpus) {
      out(`GPU ${g.index}: ${g.name} (UUID: ${g.uuid})\n`);
      (g.mig ?? []).forEach((m, i) => out(`  MIG ${m.profile.padEnd(11)} Device ${String(i).padStart(2)}: (UUID: ${m.uuid})\n`));
    }
    process.exit(0);
  } else {
    out(`Invalid combination of input arguments. Please run 'nvidia-smi -h' for help.\n\n`);
    process.exit(2);
  }
}
if (query === null) {
  out(
    `Sat Nov 28 12:00:00 2026\n+-----------------------------------------------------------------------------------------+\n| NVIDIA-SMI ${driver}   Driver Version: ${driver}   CUDA Version: 13.1     |\n`,
  );
  process.exit(0);
}
if (format === null || !format.split(",").includes("csv")) {
  out(`CSV format must be specified for --query-gpu.\n\n`);
  process.exit(2);
}
const noheader = format.includes("noheader");
const nounits = format.includes("nounits");
const names = query.split(",").map((s) => s.trim());
for (const name of names) {
  if (!lookup(name)) {
    out(`Field "${name}" is not a valid field to query.\n\n`);
    process.exit(2);
  }
}
const fields = names.map(lookup);
let selected = gpus;
if (ids !== null) {
  const wanted = ids.split(",");
  selected = gpus.filter((g) => wanted.includes(String(g.index)) || wanted.includes(g.uuid) || wanted.includes(g.busId));
  if (selected.length === 0) {
    out(`No devices were found\n`);
    process.exit(6);
  }
}

const sink = file ? (text) => appendFileSync(file, text) : out;
if (file) writeFileSync(file, "");
const header = fields.map((f) => (f.unit ? `${f.name} [${f.unit}]` : f.name)).join(", ");
function row(gpu, lost) {
  return fields
    .map((f) => {
      if (lost) return "[GPU is lost]";
      const { value, unit } = f.value(gpu);
      return unit && !nounits && !value.startsWith("[") ? `${value} ${unit}` : value;
    })
    .join(", ");
}
if (!noheader) sink(header + "\n");
if (loopMs === null) {
  for (const g of selected) sink(row(g, false) + "\n");
  process.exit(0);
}

const loop = scenario.loop ?? {};
let run = 1;
if (scenario.counterFile) {
  try {
    run = Number(readFileSync(scenario.counterFile, "utf8")) + 1;
  } catch {
    run = 1;
  }
  writeFileSync(scenario.counterFile, String(run));
}
let iteration = 0;
let hung = false;
function tick() {
  iteration += 1;
  if (loop.crashAfterIterations !== undefined && iteration > loop.crashAfterIterations && run <= (loop.crashRuns ?? Infinity)) {
    process.exit(loop.crashCode ?? 255);
  }
  if (loop.hangAfterIterations !== undefined && iteration > loop.hangAfterIterations) {
    hung = true;
    return;
  }
  const lost = (g) =>
    (loop.lostAfterIteration !== undefined && iteration > loop.lostAfterIteration) ||
    (g.lostAfterIteration !== undefined && iteration > g.lostAfterIteration);
  let text = selected.map((g) => row(g, lost(g))).join("\n") + "\n";
  for (const line of loop.inject?.[String(iteration)] ?? []) text += line + "\n";
  sink(text);
  setTimeout(tick, loopMs);
}
function onSignal() {
  if (loop.ignoreTerm) return;
  if (loop.halfLineOnExit && !hung) sink(row(selected[0], false).slice(0, 20));
  process.exit(0);
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
setInterval(() => {}, 60_000);
tick();
