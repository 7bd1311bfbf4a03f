// The whole action, pre to post, on this machine: the bundled hooks run as separate processes the
// way the runner runs them, around a short workload step. Uses the real nvidia-smi when there is
// one on PATH, else the simulated GPU the tests use. Prints what the job's log would show and the
// job summary it produced, then removes its temporary folder (DEMO_KEEP=1 keeps it, with the
// report and the raw samples).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "..");
const hasRealSmi = (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, "nvidia-smi")));
const workloadSeconds = Number(process.env.DEMO_SECONDS ?? 6);
const job = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-demo-"));
const runnerTemp = path.join(job, "runner-temp");
mkdirSync(runnerTemp);

const action = parse(readFileSync(path.join(root, "action.yml"), "utf8"));
// What the runner makes of the expressions in input defaults for a job outside a matrix, with
// no token (there is no API to talk to here).
const EXPRESSIONS = { "github.token": "", "toJSON(matrix)": "null", "github.event.workflow_run.id": "" };
const evaluate = (text) =>
  String(text ?? "").replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, expression) => {
    if (!(expression in EXPRESSIONS)) throw new Error(`demo: no value for the expression \${{ ${expression} }}`);
    return EXPRESSIONS[expression];
  });
const inputs = Object.fromEntries(
  Object.entries(action.inputs).map(([name, spec]) => [`INPUT_${name.toUpperCase()}`, evaluate(spec.default)]),
);
inputs["INPUT_INTERVAL-MS"] = "200";
inputs["INPUT_CARBON-INTENSITY"] = process.env.DEMO_CARBON_INTENSITY ?? "";
inputs["INPUT_GITHUB-TOKEN"] = ""; // no Jobs API here: energy per step needs a real run

const simulated = {
  gpus: [
    { name: "NVIDIA H100 80GB HBM3 (simulated)", profile: [{ untilS: 1.5, W: 72 }, { untilS: workloadSeconds - 1, W: 640 }, { W: 180 }] },
    { name: "NVIDIA H100 80GB HBM3 (simulated)", profile: [{ untilS: 2, W: 70 }, { untilS: workloadSeconds - 1.5, W: 590 }, { W: 150 }] },
  ],
};
const baseEnv = {
  ...process.env,
  ...inputs,
  RUNNER_TEMP: runnerTemp,
  GITHUB_ACTIONS: "true",
  PATH: hasRealSmi ? process.env.PATH : `${path.join(root, "test/support/nvidia-smi")}${path.delimiter}${process.env.PATH}`,
  FAKE_NVIDIA_SMI: JSON.stringify(simulated),
};

/**
 * A hook's output as the job's log shows it: workflow commands the runner consumes (masks, debug
 * lines) are not shown, annotations are shown as the runner labels them. With the simulated GPU
 * there is no driver library to read the energy counter from, which says nothing about this machine.
 */
function readable(text) {
  return text
    .split("\n")
    .filter((line) => !/^::(add-mask|debug|save-state|set-output|group|endgroup)\b/.test(line))
    .filter((line) => hasRealSmi || !/cannot open shared object|energy counter/i.test(line))
    .map((line) => line.replace(/^::(warning|notice|error)[^:]*::/, (_m, kind) => `${kind[0].toUpperCase()}${kind.slice(1)}: `))
    .join("\n");
}

let state = {};
let summary = "";
function hook(name) {
  const files = Object.fromEntries(["state", "output", "summary", "env"].map((f) => [f, path.join(job, `${name}-${f}`)]));
  for (const file of Object.values(files)) writeFileSync(file, "");
  const env = {
    ...baseEnv,
    GITHUB_STATE: files.state,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
  };
  for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
  const result = spawnSync(process.execPath, [path.join(root, "dist", name, "index.js")], { env, encoding: "utf8" });
  process.stderr.write(`--- ${name} (exit ${result.status})\n${readable(result.stdout + result.stderr)}`);
  const lines = readFileSync(files.state, "utf8").split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (m) state[m[1]] = lines[(i += 1)];
  }
  summary += readFileSync(files.summary, "utf8");
}

/** A second use of the action, `mode: mark`: its own main, with its own inputs and no state. */
function mark(phase) {
  const files = Object.fromEntries(["output", "env"].map((f) => [f, path.join(job, `mark-${phase}-${f}`)]));
  for (const file of Object.values(files)) writeFileSync(file, "");
  const env = { ...baseEnv, INPUT_MODE: "mark", INPUT_PHASE: phase, GITHUB_OUTPUT: files.output, GITHUB_ENV: files.env };
  const result = spawnSync(process.execPath, [path.join(root, "dist", "main", "index.js")], { env, encoding: "utf8" });
  process.stderr.write(`--- mark ${phase} (exit ${result.status})\n${readable(result.stdout + result.stderr)}`);
}

process.stderr.write(
  hasRealSmi
    ? "Using the real nvidia-smi on PATH.\n"
    : "No nvidia-smi on PATH: using a simulated GPU (its totals come from sampled power; there is no driver energy counter to read).\n",
);
const keep = process.env.DEMO_KEEP === "1";
process.on("exit", () => {
  if (!keep) rmSync(job, { recursive: true, force: true });
});
hook("pre");
hook("main");
process.stderr.write(`--- workload steps (${workloadSeconds} s): prepare, train, evaluate\n`);
spawnSync("sleep", ["1.5"]);
mark("train");
spawnSync("sleep", [String(Math.max(0, workloadSeconds - 2.5))]);
mark("evaluate");
spawnSync("sleep", ["1"]);
hook("post");
const where = keep
  ? `report, samples and summary kept in ${path.join(runnerTemp, "gpu-carbon")}`
  : "temporary files removed (DEMO_KEEP=1 keeps the report and the samples)";
process.stdout.write(`\n===== job summary =====\n\n${summary}\n===== ${where}\n`);
