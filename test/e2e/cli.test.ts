import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, SimulatedJob, processesMatching, readIfThere, runProcess, runnerNode, sleep, waitFor } from "../support/runner.js";

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

  it("exits 2 for a file that is not an nvidia-smi log, and for a log without a power column", async () => {
    const notALog = path.join(tempDir(), "notes.txt");
    writeFileSync(notALog, "Shopping list\nmilk\neggs\n");
    const a = await cli(["report", notALog]);
    expect(a.code).toBe(2);
    expect(a.stdout).toBe("");
    expect(a.stderr).toContain(`gpu-carbon: ${notALog} is not an nvidia-smi power log: it has neither`);
    const noPower = path.join(tempDir(), "temps.csv");
    writeFileSync(noPower, "timestamp, index, temperature.gpu\n2026/11/28 10:00:00.000, 0, 41\n2026/11/28 10:00:01.000, 0, 42\n");
    const b = await cli(["report", noPower]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`gpu-carbon: ${noPower} has no power column (its columns: timestamp, index, temperature.gpu).`);
  });

  it("writes the job summary the action writes with --summary", async () => {
    const dir = tempDir();
    const file = path.join(dir, "samples.csv");
    writeFileSync(file, plainLog(60, [100, 300]));
    const summary = path.join(dir, "summary.md");
    const result = await cli(["report", file, "--carbon-intensity", "500", "--summary", summary]);
    expect(result.code).toBe(0);
    const text = readFileSync(summary, "utf8");
    expect(text).toMatch(
      /^## GPU energy and carbon\n\n\*\*6\.67 Wh \([\d.]+-[\d.]+\)\*\* GPU energy · \*\*3\.33 g \([\d.]+-[\d.]+\) CO2e\*\* · 1m 00s on 2 GPUs/,
    );
    expect(text).toMatch(/\| GPU energy \(IT\) \| 6\.67 Wh \([\d.]+-[\d.]+\) \|/);
  });
});

describe("gpu-carbon run", () => {
  it("leaves stdout to the command, writes the JSON to --report-path and passes on the exit code", async () => {
    const dir = tempDir();
    const reportPath = path.join(dir, "report.json");
    const summary = path.join(dir, "summary.md");
    const script = "echo epoch 1; sleep 1; echo '{\"accuracy\": 0.9}'; exit 3";
    const args = ["run", "--interval-ms", "100", "--json", "--report-path", reportPath, "--summary", summary, "--", "sh", "-c", script];
    const tmp = tempDir();
    const result = await cli(args, { FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 120 }] }), TMPDIR: tmp });
    // The sampler's folder is gone once the report is out.
    expect(readdirSync(tmp).filter((name) => name.startsWith("gpu-carbon-"))).toEqual([]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('epoch 1\n{"accuracy": 0.9}\n');
    expect(result.stderr).toContain("gpu-carbon: measured");
    const report = JSON.parse(readFileSync(reportPath, "utf8"));
    expect(report.status).toBe("measured");
    expect(report.gpus[0].averageWatts).toBe(120);
    expect(report.durationSeconds).toBeGreaterThan(0.9);
    expect(readFileSync(summary, "utf8")).toContain("## GPU energy and carbon");
  });

  it("refuses --json without --report-path before running anything", async () => {
    const marker = path.join(tempDir(), "ran");
    const result = await cli(["run", "--json", "--", "touch", marker]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("give --report-path FILE");
    expect(existsSync(marker)).toBe(false);
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
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    // Interrupt only once the command runs (set-up can be slow on a loaded machine).
    const until = Date.now() + 30_000;
    while (!stdout.includes("started") && Date.now() < until) await sleep(50);
    // ... and the sampler has written a reading (the stand-in nvidia-smi is slow to start on a loaded machine).
    const sampled = () =>
      readdirSync(dir)
        .filter((f) => f.startsWith("gpu-carbon-"))
        .some((f) => /^\d+\t\d/m.test(readIfThere(path.join(dir, f, "samples.log"))));
    await waitFor(sampled, 30_000, "a first reading");
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(stderr).toContain("gpu-carbon: measured");
    expect(processesMatching(dir)).toEqual([]);
  });

  /** A command that counts the SIGINTs it gets in `file` and exits 130 on the first, after 300 ms. */
  const countInterrupts = (file: string) =>
    `trap 'echo INT >> ${file}; sleep 0.3; exit 130' INT; echo started; sleep 30 & wait; sleep 30 & wait`;

  it("passes a SIGINT sent to its whole process group on to the command once (no terminal)", async () => {
    const dir = tempDir();
    const counted = path.join(dir, "interrupts");
    const child = spawn(runnerNode(), [CLI, "run", "--", "sh", "-c", countInterrupts(counted)], {
      env: { PATH: SimulatedJob.pathWithoutSmi(), HOME: os.tmpdir(), TMPDIR: dir },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, as a CI runner's step has
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    await waitFor(() => stdout.includes("started"), 30_000, "the command to start");
    process.kill(-child.pid!, "SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(readFileSync(counted, "utf8")).toBe("INT\n");
  });

  it("lets Ctrl+C at a terminal reach the command once, and passes its exit code on", async () => {
    const dir = tempDir();
    const counted = path.join(dir, "interrupts");
    const inner = [runnerNode(), CLI, "run", "--", "sh", "-c", countInterrupts(counted)]
      .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
      .join(" ");
    // util-linux `script` runs it on a pseudo-terminal; ^C typed there is the terminal's SIGINT.
    const child = spawn("script", ["-qfec", `stty rows 24 cols 80; exec ${inner}`, "/dev/null"], {
      env: { PATH: SimulatedJob.pathWithoutSmi(), HOME: os.tmpdir(), TMPDIR: dir, TERM: "dumb" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    await waitFor(() => output.includes("started"), 30_000, "the command to start");
    child.stdin.write("\x03");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(readFileSync(counted, "utf8")).toBe("INT\n");
    expect(code).toBe(130);
    expect(output).toContain("gpu-carbon: not-measured");
  });

  it("runs the command and says energy was not measured when there is no nvidia-smi", async () => {
    const reportPath = path.join(tempDir(), "report.json");
    const result = await cli(["run", "--json", "--report-path", reportPath, "--", "true"], { PATH: SimulatedJob.pathWithoutSmi() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("nvidia-smi was not found on PATH");
    expect(JSON.parse(readFileSync(reportPath, "utf8"))).toMatchObject({ status: "not-measured", energyKwh: null });
  });
});
