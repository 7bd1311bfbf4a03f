import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, SimulatedJob, processesMatching, runProcess, runnerNode, sleep } from "../support/runner.js";

const CLI = path.join(ROOT, "dist/cli/index.js");
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-cli-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}) {
  // No host driver library unless a test names the stand-in one.
  const noNvml = path.join(os.tmpdir(), "gpu-carbon-no-nvml", "libnvidia-ml.so.1");
  return runProcess(runnerNode(), [CLI, ...args], {
    PATH: SimulatedJob.pathWithFakeSmi(),
    HOME: os.tmpdir(),
    GPU_CARBON_NVML_LIBRARY: noNvml,
    ...env,
  });
}

/** A plain `nvidia-smi --query-gpu=timestamp,index,uuid,power.draw --format=csv,nounits -l 1` log. */
function plainLog(seconds: number, wattsByGpu: number[]): string {
  const lines = ["timestamp, index, uuid, power.draw [W]"];
  for (let s = 0; s <= seconds; s += 1) {
    const t = new Date(Date.UTC(2026, 10, 28, 10, 0, s));
    const ts = `2026/11/28 10:${String(t.getUTCMinutes()).padStart(2, "0")}:${String(t.getUTCSeconds()).padStart(2, "0")}.000`;
    wattsByGpu.forEach((w, i) => lines.push(`${ts}, ${i}, GPU-${i}, ${w.toFixed(2)}`));
  }
  return lines.join("\n") + "\n";
}

describe("gpu-carbon report", () => {
  it("reports a plain nvidia-smi log: 100 W and 300 W for 60 s", async () => {
    const file = path.join(tempDir(), "samples.csv");
    writeFileSync(file, plainLog(60, [100, 300]));
    const result = await cli(["report", file, "--carbon-intensity", "500", "--pue", "1.5", "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // (100 + 300) W x 60 s = 24 kJ = 0.00666... kWh; x 1.5 x 500 g/kWh = 5 g.
    expect(report.energyKwh).toBeCloseTo(24_000 / 3_600_000, 9);
    expect(report.emissionsKg).toBeCloseTo(0.005, 9);
    expect(report.durationSeconds).toBe(60);
    expect(report.gpus.map((g: { energyKwh: number }) => g.energyKwh * 3_600_000)).toEqual([6000, 18000].map((j) => expect.closeTo(j, 3)));
    expect(report.status).toBe("measured");
  });

  it("reads a log with units and without an index column, and prints text", async () => {
    const file = path.join(tempDir(), "one-gpu.csv");
    const lines = [
      "timestamp, power.draw [W]",
      ...Array.from({ length: 11 }, (_, s) => `2026/11/28 10:00:${String(s).padStart(2, "0")}.000, 250.00 W`),
    ];
    writeFileSync(file, lines.join("\n") + "\n");
    const result = await cli(["report", file, "--carbon-intensity", "400"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("gpu-carbon: measured");
    expect(result.stdout).toContain("energy      0.694 Wh (0.61-0.81) (GPU boards)"); // 250 W x 10 s = 2500 J; an unnamed board: the widest sensor figures
    expect(result.stdout).toContain("emissions   0.278 g (0.24-0.33) CO2e at 400 g/kWh");
  });

  it("rejects a bad flag value naming the flag and the accepted range", async () => {
    const result = await cli(["report", "x.csv", "--pue", "9"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--pue must be a number from 1.0 to 3.0 or a preset (industry-average, on-premises, public-cloud, aws, azure, google, meta); got '9'.",
    );
  });

  it("prices a log at the table figure of --location, and rejects an unknown one", async () => {
    const file = path.join(tempDir(), "de.csv");
    writeFileSync(file, plainLog(10, [250]));
    const ok = await cli(["report", file, "--location", "de", "--json"]);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.carbonIntensity).toMatchObject({
      gramsPerKwh: 342.06,
      resolvedBy: "table",
      location: "DE",
      year: 2024,
      basis: "lifecycle",
    });
    expect(report.emissionsKg).toBeCloseTo((2500 / 3_600_000) * 0.34206, 12); // 250 W x 10 s at 342.06 g/kWh
    const bad = await cli(["report", file, "--location", "Germany"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("got 'Germany'. Nearest known: DE,");
  });

  it("says what is wrong with the command line", async () => {
    expect((await cli([])).stderr).toContain("Usage:");
    expect((await cli(["frobnicate"])).stderr).toContain("unknown command 'frobnicate'");
    const missing = await cli(["report", path.join(tempDir(), "missing.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");
  });
});

describe("gpu-carbon run", () => {
  it("samples while the command runs and passes on its exit code", async () => {
    const result = await cli(["run", "--interval-ms", "100", "--json", "--", "sh", "-c", "sleep 1; exit 3"], {
      FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 120 }] }),
    });
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe("measured");
    expect(report.gpus[0].averageWatts).toBe(120);
    expect(report.durationSeconds).toBeGreaterThan(0.9);
  });

  it("passes on a signal death as 128 + signal", async () => {
    const result = await cli(["run", "--", "sh", "-c", "kill -TERM $$"]);
    expect(result.code).toBe(143);
  });

  it("stops the sampler on Ctrl+C and still reports", async () => {
    const dir = tempDir();
    const child = spawn(runnerNode(), [CLI, "run", "--interval-ms", "100", "--", "sh", "-c", "echo started; exec sleep 30"], {
      env: { PATH: SimulatedJob.pathWithFakeSmi(), HOME: os.tmpdir(), TMPDIR: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    // Interrupt only once the command runs (set-up can be slow on a loaded machine).
    const until = Date.now() + 30_000;
    while (!stdout.includes("started") && Date.now() < until) await sleep(50);
    await sleep(300);
    child.kill("SIGINT"); // what the terminal sends to the foreground job
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(stdout).toContain("gpu-carbon: measured");
    expect(processesMatching(dir)).toEqual([]);
  });

  it("runs the command and says energy was not measured when there is no nvidia-smi", async () => {
    const result = await cli(["run", "--json", "--", "true"], { PATH: SimulatedJob.pathWithoutSmi() });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("nvidia-smi was not found on PATH");
    expect(JSON.parse(result.stdout)).toMatchObject({ status: "not-measured", energyKwh: null });
  });
});
