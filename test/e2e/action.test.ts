import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SimulatedJob, alive, processesMatching, sleep } from "../support/runner.js";

function job(env: Record<string, string> = {}): SimulatedJob {
  return new SimulatedJob(env);
}

describe("the bundled action, hook by hook, as the runner runs it", () => {
  it("measures a 200 W GPU through pre, main, a workload step and post", async () => {
    const j = job({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200, name: "NVIDIA H100 80GB HBM3" }] }) });
    const pre = await j.run("pre", { "interval-ms": "100", "carbon-intensity": "500" });
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain("sampling 1 GPU(s) every 100 ms");
    const main = await j.run("main", { "interval-ms": "100", "carbon-intensity": "500" });
    expect(main.code).toBe(0);
    await sleep(2000); // the workload step
    const post = await j.run("post", { "interval-ms": "100", "carbon-intensity": "500" });
    expect(post.code).toBe(0);

    const report = j.report();
    expect(report.schemaVersion).toBe(2);
    expect(report.kind).toBe("job");
    expect(report.status).toBe("measured");
    expect(report.durationSeconds).toBeGreaterThan(2);
    // Constant 200 W over the window: E = 200 W x t.
    const expectedKwh = (200 * report.durationSeconds) / 3_600_000;
    expect(report.energyKwh).toBeCloseTo(expectedKwh, 7);
    // CO2e follows from the reported energy: kWh x 500 g/kWh / 1000.
    expect(report.emissionsKg).toBeCloseTo((report.energyKwh * 500) / 1000, 9);
    expect(report.coverage).toBeGreaterThan(0.95);
    expect(report.gpus).toHaveLength(1);
    expect(report.gpus[0]).toMatchObject({ index: 0, name: "NVIDIA H100 80GB HBM3", averageWatts: 200, peakWatts: 200 });
    expect(report.carbonIntensity).toMatchObject({
      gramsPerKwh: 500,
      source: "input 'carbon-intensity'",
      resolvedBy: "input",
      basis: null,
    });

    expect(post.summary).toContain("## GPU energy and carbon");
    expect(post.summary).toMatch(/\*\*0\.\d+ Wh \([\d.]+-[\d.]+\)\*\* GPU energy/);
    expect(post.summary).toContain("```mermaid");
    // Nothing of ours is left running.
    const session = JSON.parse(readFileSync(path.join(j.runnerTemp, "gpu-carbon", "session.json"), "utf8"));
    expect(alive(session.samplerPid)).toBe(false);
    expect(processesMatching(j.runnerTemp)).toEqual([]);
  });

  it("starts the sampler in main when pre did not run (uses: ./)", async () => {
    const j = job({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 150 }, { powerW: 250 }] }) });
    const main = await j.run("main", { "interval-ms": "100" });
    expect(main.code).toBe(0);
    expect(main.stdout).toContain("sampling 2 GPU(s)");
    await sleep(1000);
    const post = await j.run("post", { "interval-ms": "100" });
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.status).toBe("measured");
    expect(report.gpus.map((g: { averageWatts: number }) => g.averageWatts)).toEqual([150, 250]);
    expect(report.energyKwh).toBeCloseTo((400 * report.durationSeconds) / 3_600_000, 7);
    expect(report.carbonIntensity.gramsPerKwh).toBe(472.94);
    expect(post.stdout).toContain("world average");
  });

  it("keeps the job green and says so when there is no nvidia-smi", async () => {
    const j = job({ PATH: SimulatedJob.pathWithoutSmi() });
    const pre = await j.run("pre");
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain("::warning::nvidia-smi was not found on PATH");
    expect((await j.run("main")).code).toBe(0);
    const post = await j.run("post");
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.status).toBe("not-measured");
    expect(report.energyKwh).toBeNull();
    expect(report.emissionsKg).toBeNull();
    expect(report.gpus).toEqual([]);
    expect(report.warnings[0]).toContain("nvidia-smi was not found");
    expect(post.summary).toContain("**Energy not measured**");
  });

  it("reports the driver's own message when it is not loaded (exit 9)", async () => {
    const message =
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.";
    const j = job({ FAKE_NVIDIA_SMI: JSON.stringify({ fail: { code: 9, stdout: message } }) });
    expect((await j.run("pre")).code).toBe(0);
    const post = await j.run("post");
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.status).toBe("not-measured");
    expect(report.warnings.join(" ")).toContain("the NVIDIA driver is not loaded (exit 9: NVIDIA-SMI has failed");
  });

  it("fails early, naming the input, on a bad value", async () => {
    const j = job();
    const pre = await j.run("pre", { pue: "0.5" });
    expect(pre.code).toBe(1);
    expect(pre.stdout).toContain("::error::Input 'pue' must be a number from 1.0 to 3.0 or a preset (industry-average, ");
    expect(pre.stdout).toContain("got '0.5'.");
    expect(existsSync(path.join(j.runnerTemp, "gpu-carbon", "session.json"))).toBe(false);
  });

  it("copies the report to report-path", async () => {
    const j = job();
    const target = path.join(j.dir, "out", "energy.json");
    await j.run("pre", { "interval-ms": "100", "report-path": target });
    await sleep(500);
    await j.run("post", { "interval-ms": "100", "report-path": target });
    expect(JSON.parse(readFileSync(target, "utf8")).status).toBe("measured");
  });
});
