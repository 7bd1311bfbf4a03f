import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildFakeNvml, gpuLine, writeState, type FakeNvml } from "../support/fake-nvml.js";
import { ROOT, SimulatedJob, runProcess, runnerNode, sleep } from "../support/runner.js";

// The stand-in nvidia-smi names its GPUs GPU-0000000<i>-1111-2222-3333-444444444444; the stand-in
// NVML serves counters under the same uuids, so the two figures are compared GPU by GPU.
const uuid = (i: number) => `GPU-${String(i).padStart(8, "0")}-1111-2222-3333-444444444444`;
const WITH = { "interval-ms": "100", "carbon-intensity": "500" };

let nvml: FakeNvml;
beforeAll(() => {
  nvml = buildFakeNvml();
});
afterAll(() => nvml.cleanup());

function job(gpuWatts: number[], library: string): SimulatedJob {
  return new SimulatedJob({
    FAKE_NVIDIA_SMI: JSON.stringify({ gpus: gpuWatts.map((powerW) => ({ powerW })) }),
    GPU_CARBON_NVML_LIBRARY: library,
    FAKE_NVML_FILE: nvml.stateFile,
  });
}

/** pre, a workload of `workMs` (2 s), post; `beforePost` may rewrite the counter state in between. */
async function runJob(j: SimulatedJob, beforePost: () => void = () => {}, workMs = 2000) {
  const pre = await j.run("pre", WITH);
  expect(pre.code).toBe(0);
  await sleep(workMs);
  beforePost();
  const post = await j.run("post", WITH);
  expect(post.code).toBe(0);
  return { pre, post, report: j.report() };
}

describe("the driver's energy counter, read by the bundled hooks", () => {
  it("reports the counter's figure when every GPU has one, beside the sampled one", async () => {
    const since = Date.now();
    // Counters rising at the same 200 W and 100 W nvidia-smi shows.
    writeState(nvml.stateFile, [gpuLine(uuid(0), 5_000_000, 200, since), gpuLine(uuid(1), 0, 100, since)]);
    const { post, report } = await runJob(job([200, 100], nvml.library));

    expect(report.energySource).toBe("counter");
    expect(report.method.energyCounter).toMatchObject({ status: "used", reason: null, toleranceFraction: 0.05 });
    // The counter reads bracket the sampler's window, a little wider by the hooks' own time.
    expect(report.method.energyCounter.windowSeconds).toBeGreaterThanOrEqual(report.durationSeconds);
    expect(report.method.energyCounter.windowSeconds).toBeLessThan(report.durationSeconds + 3);
    expect(report.energyKwh).toBe(report.counterEnergyKwh);
    expect(report.energyKwh).toBeCloseTo(report.gpus[0].counterEnergyKwh + report.gpus[1].counterEnergyKwh, 8);
    // The counter reads bracket the sampler's window; trimmed to it at the edge readings, the
    // counter of a steady 200 W board gives 200 W x the sampled duration.
    const counterSeconds = (report.gpus[0].counterEnergyKwh * 3_600_000) / 200;
    expect(Math.abs(counterSeconds - report.durationSeconds)).toBeLessThan(0.05);
    expect(Math.abs(report.energyDisagreementFraction)).toBeLessThan(0.02);
    // Read a few ms apart, so equal to within a few joules.
    expect(report.gpus[1].counterEnergyKwh * 2).toBeCloseTo(report.gpus[0].counterEnergyKwh, 5);
    expect(report.sampledEnergyKwh).toBeCloseTo((300 * report.durationSeconds) / 3_600_000, 7);
    expect(report.emissionsKg).toBeCloseTo(report.energyKwh * 0.5, 9);
    expect(report.warnings).toEqual([]);
    expect(post.summary).toContain("Totals use the driver's energy counter (NVML), which every measured GPU has");
    expect(post.summary).toContain("| GPU | Name | Energy | Counter | Sampled vs counter | Average | Peak | Samples | Coverage |");
    expect(post.stdout).not.toContain("::notice::gpu-carbon uses sampled");
  });

  it("does not trust a counter twice what sampling shows: sampled figure, with a notice", async () => {
    writeState(nvml.stateFile, [gpuLine(uuid(0), 0, 400, Date.now())]);
    const { report, post } = await runJob(job([200], nvml.library));
    expect(report.energySource).toBe("sampled");
    expect(report.method.energyCounter.reason).toContain("more than the sensor and the window edges explain");
    expect(post.stdout).toContain("::notice::gpu-carbon uses sampled");
  });

  it("warns when the counter and sampling disagree by more than the sensor's accuracy", async () => {
    // The board drew 30 % more than nvidia-smi's samples show: believable, but beyond +/-5 %. A 6 s
    // job, so that the allowance for the hooks' edges (fixed in time) stays well below the gap.
    writeState(nvml.stateFile, [gpuLine(uuid(0), 0, 260, Date.now())]);
    const { report, post } = await runJob(job([200], nvml.library), () => {}, 6000);
    expect(report.energySource).toBe("counter");
    expect(report.energyDisagreementFraction).toBeLessThan(-0.1);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(
      /^sampled power and the driver's energy counter disagree by more than the sensor's \+\/-5 % accuracy and the window edges explain: GPU 0 sampled [\d.]+ Wh vs counter [\d.]+ Wh \(-\d+\.\d %\)$/,
    );
    expect(post.summary).toContain("> [!NOTE]");
  });

  it("falls back to sampling with a notice when a GPU's counter is not supported", async () => {
    writeState(nvml.stateFile, [gpuLine(uuid(0), 0, 200, Date.now()), `gpu ${uuid(1)} error 3`]);
    const { report, post } = await runJob(job([200, 100], nvml.library));
    expect(report.energySource).toBe("sampled");
    expect(report.energyKwh).toBe(report.sampledEnergyKwh);
    expect(report.energyKwh).toBeCloseTo((300 * report.durationSeconds) / 3_600_000, 7);
    expect(report.gpus[0].counterEnergyKwh).toBeGreaterThan(0);
    expect(report.gpus[1].counterEnergyKwh).toBeNull();
    const reason =
      "not every GPU has a usable energy counter (GPU 1: the driver did not give its counter at the start (Not Supported (NVML error 3)))";
    expect(report.method.energyCounter.reason).toBe(reason);
    expect(post.stdout).toContain(`::notice::gpu-carbon uses sampled nvidia-smi power: ${reason}.`);
    expect(post.summary).toContain("Totals use sampled nvidia-smi power: not every GPU has a usable energy counter \\(GPU 1: ");
  });

  it("does not trust a counter that went backwards (driver reloaded during the job)", async () => {
    writeState(nvml.stateFile, [gpuLine(uuid(0), 900_000_000, 0, 0)]);
    const { report } = await runJob(job([200], nvml.library), () => writeState(nvml.stateFile, [gpuLine(uuid(0), 1_000, 0, 0)]));
    expect(report.status).toBe("measured");
    expect(report.energySource).toBe("sampled");
    expect(report.method.energyCounter.reason).toContain("the counter went backwards: the driver was reloaded during the job");
  });

  it("falls back to sampling when the library lacks the energy call or is absent", async () => {
    writeState(nvml.stateFile, [gpuLine(uuid(0), 0, 200, Date.now())]);
    const old = await runJob(job([200], nvml.withoutEnergy));
    expect(old.report.energySource).toBe("sampled");
    expect(old.report.method.energyCounter.reason).toBe(
      "this driver's NVML has no nvmlDeviceGetTotalEnergyConsumption (the driver predates the energy counter)",
    );
    expect(old.post.stdout).toContain("::notice::gpu-carbon uses sampled nvidia-smi power: this driver's NVML has no");

    const none = await runJob(job([200], path.join(os.tmpdir(), "gpu-carbon-absent", "libnvidia-ml.so.1")));
    expect(none.report.status).toBe("measured");
    expect(none.report.energySource).toBe("sampled");
    expect(none.report.energyKwh).toBeCloseTo((200 * none.report.durationSeconds) / 3_600_000, 7);
    expect(none.report.method.energyCounter.reason).toMatch(/^the NVIDIA management library \(.*\) could not be loaded: /);
  });

  it("gives the counter's energy so far in mode: report", async () => {
    // The counter rises at 360 W while nvidia-smi shows 300 W: the outputs follow the counter.
    writeState(nvml.stateFile, [gpuLine(uuid(0), 0, 360, Date.now())]);
    const j = job([300], nvml.library);
    expect((await j.run("pre", WITH)).code).toBe(0);
    await sleep(1500);
    const so = await j.run("main", { ...WITH, mode: "report" }, "so-far");
    expect(so.code).toBe(0);
    const duration = Number(so.outputs["duration-seconds"]);
    const energyKwh = Number(so.outputs["energy-kwh"]);
    expect(energyKwh).toBeGreaterThan((330 * duration) / 3_600_000);
    expect(energyKwh).toBeLessThan((400 * duration) / 3_600_000);
    expect((await j.run("post", WITH)).code).toBe(0);
    expect(j.report().energySource).toBe("counter");
  });

  it("reads the counter around a command in gpu-carbon run", async () => {
    writeState(nvml.stateFile, [gpuLine(uuid(0), 0, 150, Date.now())]);
    const env = {
      PATH: SimulatedJob.pathWithFakeSmi(),
      HOME: os.tmpdir(),
      FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 150 }] }),
      GPU_CARBON_NVML_LIBRARY: nvml.library,
      FAKE_NVML_FILE: nvml.stateFile,
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-counter-run-"));
    const reportPath = path.join(dir, "report.json");
    const result = await runProcess(
      runnerNode(),
      [path.join(ROOT, "dist/cli/index.js"), "run", "--interval-ms", "100", "--json", "--report-path", reportPath, "--", "sleep", "1"],
      env,
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(reportPath, "utf8"));
    rmSync(dir, { recursive: true, force: true });
    expect(report.energySource).toBe("counter");
    expect(report.counterEnergyKwh).toBeGreaterThanOrEqual((150 * (report.durationSeconds - 0.2)) / 3_600_000);
    expect(report.warnings).toEqual([]);
  });

  it("loads koffi's native part from dist/ alone, without node_modules, under the runner's Node", async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-dist-copy-"));
    try {
      cpSync(path.join(ROOT, "dist/nvml"), path.join(copy, "nvml"), { recursive: true });
      cpSync(path.join(ROOT, "dist/native"), path.join(copy, "native"), { recursive: true });
      writeState(nvml.stateFile, [gpuLine(uuid(0), 42_000, 0, 0)]);
      const env = { PATH: process.env.PATH ?? "", FAKE_NVML_FILE: nvml.stateFile, GPU_CARBON_NVML_LIBRARY: nvml.library };
      const result = await runProcess(runnerNode(), [path.join(copy, "nvml/index.js")], env);
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, gpus: [{ uuid: uuid(0), energyMj: 42_000, error: null }] });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
