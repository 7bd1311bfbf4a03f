// The sampler's own cost while a job runs: CPU seconds per hour of the sampler process (and,
// separately, of the stand-in nvidia-smi it supervises) and the bytes per GPU-hour it writes.
import { spawn } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { childPids, processCpuS, sleep } from "./processes.mjs";

const fileBytes = (file) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * Runs the bundled sampler against the stand-in nvidia-smi for `measureMs` after `warmupMs`.
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
    const before = read();
    await sleep(measureMs);
    const after = read();
    const hours = (after.atMs - before.atMs) / 3_600_000;
    return {
      samplerCpuSPerHour: (after.samplerS - before.samplerS) / hours,
      standInCpuSPerHour: (after.standInS - before.standInS) / hours,
      bytesPerGpuHour: (after.bytes - before.bytes) / gpus / hours,
    };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
