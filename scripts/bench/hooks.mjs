// Wall time the action's hooks add to a job: `pre` (probe, start the sampler, wait for its start
// record) and `post` (stop it, read the log, write report and summary), no network, each run as
// the runner runs it, against the time of an empty Node process.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fakeUuid } from "./generate-log.mjs";
import { measureNode, median, sleep } from "./processes.mjs";

function wallMs(args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited ${code}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

/** `name<<delimiter` blocks of a runner command file, as a map. */
export function parseCommandFile(text) {
  const values = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (!heredoc) continue;
    const body = [];
    for (i += 1; i < lines.length && lines[i] !== heredoc[2]; i += 1) body.push(lines[i]);
    values[heredoc[1]] = body.join("\n");
  }
  return values;
}

/**
 * Median wall time of pre, post and an empty Node process over `reps` simulated jobs, ms, and
 * post's peak memory (MiB). `gpus` GPUs run `jobMs`; with `samplesLog`, that log (a long job's,
 * written by the sampler's own code) takes the place of the job's own just before post reads it.
 */
export async function measureHooks({ distDir, fakeSmiDir, inputs, reps, jobMs, gpus = 1, samplesLog = null }) {
  const pre = [];
  const post = [];
  const postRss = [];
  const empty = [];
  const standIn = [];
  // The GPUs the long log names, so that post finds the job's own GPUs in it.
  const scenario = { gpus: Array.from({ length: gpus }, (_, i) => ({ uuid: fakeUuid(i), powerW: 250 + 10 * i })) };
  let energyKwh = null;
  for (let r = 0; r < reps; r += 1) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-bench-job-"));
    try {
      const runnerTemp = path.join(dir, "temp");
      mkdirSync(runnerTemp);
      const file = (name) => {
        const p = path.join(dir, name);
        writeFileSync(p, "");
        return p;
      };
      const env = {
        PATH: `${fakeSmiDir}${path.delimiter}${process.env.PATH}`,
        HOME: dir,
        RUNNER_TEMP: runnerTemp,
        RUNNER_OS: "Linux",
        GITHUB_ACTIONS: "true",
        GITHUB_STATE: file("state"),
        GITHUB_OUTPUT: file("output"),
        GITHUB_STEP_SUMMARY: file("summary"),
        FAKE_NVIDIA_SMI: JSON.stringify(scenario),
        ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
      };
      empty.push(await wallMs(["-e", ""], env));
      standIn.push(await wallMs([path.join(fakeSmiDir, "fake-nvidia-smi.mjs"), "--help-query-gpu"], env));
      pre.push(await wallMs([path.join(distDir, "pre/index.js")], env));
      const state = parseCommandFile(readFileSync(env.GITHUB_STATE, "utf8"));
      await sleep(jobMs);
      if (samplesLog) {
        // Renamed into place: the running sampler keeps writing to the file it opened.
        const samples = path.join(runnerTemp, "gpu-carbon/samples.log");
        copyFileSync(samplesLog, `${samples}.long`);
        renameSync(`${samples}.long`, samples);
      }
      const postEnv = { ...env, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])) };
      const run = await measureNode([path.join(distDir, "post/index.js")], { env: postEnv, rusageFile: path.join(dir, "rusage") });
      post.push(run.wallMs);
      postRss.push(run.maxRssMiB);
      const report = JSON.parse(readFileSync(path.join(runnerTemp, "gpu-carbon/report.json"), "utf8"));
      if (report.status !== "measured" || report.gpus.length !== gpus) throw new Error("the simulated job did not measure");
      energyKwh = report.sampledEnergyKwh;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    preMs: median(pre),
    postMs: median(post),
    postMaxRssMiB: Math.max(...postRss),
    emptyMs: median(empty),
    standInMs: median(standIn),
    energyKwh,
  };
}
