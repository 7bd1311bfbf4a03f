// The sampler's own cost while a job runs: CPU seconds per hour of the sampler process (and,
// separately, of the stand-in nvidia-smi it supervises) and the bytes per GPU-hour it writes.
import { spawn } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { childPids, median, processCpuS, sleep } from "./processes.mjs";

/** The measured time is cut into this many windows. */
const WINDOWS = 5;

const fileBytes = (file) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * Runs the bundled sampler against the stand-in nvidia-smi for `measureMs` after `warmupMs`;
 * the CPU figures are the medians of their rates over five equal windows, the bytes are over the
 * whole time.
 * @returns {{samplerCpuSPerHour: number, standInCpuSPerHour: number, bytesPerGpuHour: number}}
 */
export async function measureSampler({ samplerScript, fakeSmi, dir, intervalMs, gpus, warmupMs, measureMs }) {
  const samplesPath = path.join(dir, `samples-${intervalMs}.log`);
  const configPath = path.join(dir, `sampler-${intervalMs}.json`);
  const config = {
    nvidiaSmiPath: fakeSmi,
    args: ["--query-gpu=index,uuid,power.draw", "--format=csv,nounits", "-lms", String(intervalMs)],
    samplesPath,
    intervalMs,
    watchPid: null,
    maxDurationMs: 3_600_000,
  };
  writeFileSync(configPath, JSON.stringify(config));
  const scenario = JSON.stringify({ gpus: Array.from({ length: gpus }, (_, i) => ({ powerW: 250 + 10 * i })) });
  const child = spawn(process.execPath, [samplerScript, "--gpu-carbon-sampler", configPath], {
    stdio: "ignore",
    env: { ...process.env, FAKE_NVIDIA_SMI: scenario },
  });
  const exited = new Promise((resolve) => child.on("close", resolve));
  try {
    await sleep(warmupMs);
    const read = () => ({
      atMs: performance.now(),
      samplerS: processCpuS(child.pid) ?? NaN,
      standInS: childPids(child.pid).reduce((sum, pid) => sum + (processCpuS(pid) ?? 0), 0),
      bytes: fileBytes(samplesPath),
    });
    // Several windows, and the median of each rate: a burst of other work on a shared machine
    // then moves one window, not the figure.
    const rates = [];
    const first = read();
    let before = first;
    for (let w = 0; w < WINDOWS; w += 1) {
      await sleep(measureMs / WINDOWS);
      const after = read();
      const hours = (after.atMs - before.atMs) / 3_600_000;
      rates.push({
        samplerCpuSPerHour: (after.samplerS - before.samplerS) / hours,
        standInCpuSPerHour: (after.standInS - before.standInS) / hours,
      });
      before = after;
    }
    // Bytes come in whole loop iterations: over the whole time, not per window.
    const bytesPerGpuHour = (before.bytes - first.bytes) / gpus / ((before.atMs - first.atMs) / 3_600_000);
    const m = (key) => median(rates.map((rate) => rate[key]));
    return {
      samplerCpuSPerHour: m("samplerCpuSPerHour"),
      standInCpuSPerHour: m("standInCpuSPerHour"),
      bytesPerGpuHour,
    };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
