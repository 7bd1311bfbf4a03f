// Faults of the running measurement, through the bundled action: nvidia-smi crashing, hanging or
// printing junk, the sampler killed or frozen, the job cancelled. Each fault is injected by the
// stand-in nvidia-smi or by a signal the test sends, never left to chance; each wait is a
// condition polled with a deadline.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SimulatedJob, alive, groupMembers, readIfThere, waitFor } from "../support/runner.js";

const strays: number[] = [];
function job(scenario: object, env: Record<string, string> = {}): SimulatedJob {
  return new SimulatedJob({ FAKE_NVIDIA_SMI: JSON.stringify(scenario), ...env });
}
afterEach(() => {
  for (const pid of strays.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
});

const FAST = { "interval-ms": "100" };
/** Test-only timings of the sampler (see src/sampler/timing.ts), so that faults show in seconds. */
const QUICK_TIMING = { GPU_CARBON_TEST_SAMPLER_TIMING: JSON.stringify({ silenceFloorMs: 1000, backoffStartMs: 200, killGraceMs: 1000 }) };

const samples = (j: SimulatedJob) => readIfThere(path.join(j.workDir, "samples.log"));
const rows = (j: SimulatedJob) =>
  samples(j)
    .split("\n")
    .filter((l) => /^\d+\t/.test(l)).length;
const session = (j: SimulatedJob) => JSON.parse(readFileSync(path.join(j.workDir, "session.json"), "utf8"));
const count = (text: string, needle: string) => text.split(needle).length - 1;

/** Runs post and returns it with its wall time, ms. */
async function timedPost(j: SimulatedJob, inputs: Record<string, string> = FAST) {
  const t0 = Date.now();
  const post = await j.run("post", inputs);
  return { post, wallMs: Date.now() - t0 };
}

describe("faults while the job runs: post still reports what was measured, in bounded time", () => {
  it("nvidia-smi crashes twice: restarted with backoff, and the time it was down counts as a gap", async () => {
    const j = job({}, QUICK_TIMING);
    const counterFile = path.join(j.dir, "runs");
    j.env.FAKE_NVIDIA_SMI = JSON.stringify({ gpus: [{ powerW: 200 }], counterFile, loop: { crashAfterIterations: 5, crashRuns: 2 } });
    expect((await j.run("pre", FAST)).code).toBe(0);
    // Two crashes, then a third run that keeps going: wait until it has printed a few rows.
    await waitFor(() => count(samples(j), "@header") === 3, 20_000, "the third nvidia-smi run");
    const third = rows(j);
    await waitFor(() => rows(j) >= third + 5, 10_000, "rows from the third run");
    const { post } = await timedPost(j);
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.quality.restarts).toBe(2);
    expect(samples(j)).toContain("nvidia-smi exited (code 255); restarting in 200 ms");
    expect(samples(j)).toContain("nvidia-smi exited (code 255); restarting in 400 ms");
    expect(report.warnings.join("\n")).toContain("nvidia-smi stopped or stalled during the job and was restarted 2 time(s)");
    // The restarts are not bridged: coverage is below 1 and energy is 200 W over the covered time only.
    const gpu = report.gpus[0];
    expect(gpu.coverage).toBeLessThan(0.97);
    // (coverage is rounded to 4 digits in the report, hence the relative tolerance)
    expect(gpu.energyKwh / ((200 * gpu.coverage * report.durationSeconds) / 3_600_000)).toBeCloseTo(1, 3);
    expect(post.stdout).toContain("::warning::nvidia-smi stopped or stalled");
  });

  it("nvidia-smi hangs without output: the watchdog restarts it, and post still ends when asked", async () => {
    const j = job({ gpus: [{ powerW: 150 }], loop: { hangAfterIterations: 5, ignoreTerm: true } }, QUICK_TIMING);
    expect((await j.run("pre", FAST)).code).toBe(0);
    await waitFor(() => samples(j).includes("watchdog: no output from nvidia-smi"), 20_000, "the watchdog");
    await waitFor(() => count(samples(j), "@header") >= 2, 10_000, "the restarted nvidia-smi");
    const { post, wallMs } = await timedPost(j);
    expect(post.code).toBe(0);
    // The hung nvidia-smi ignores SIGINT and SIGTERM: the sampler kills it; post is not held up.
    expect(wallMs).toBeLessThan(15_000);
    const report = j.report();
    expect(report.quality.restarts).toBeGreaterThanOrEqual(1);
    expect(report.quality.stopReason).toBe("signal");
    expect(report.gpus[0].averageWatts).toBe(150);
    expect(report.gpus[0].coverage).toBeLessThan(0.9);
    expect(groupMembers(session(j).samplerPid)).toEqual([]);
  });

  it("the sampler is killed with SIGKILL: post reports what it wrote, including a cut-off last line", async () => {
    const j = job({ gpus: [{ powerW: 300 }] });
    expect((await j.run("pre", FAST)).code).toBe(0);
    await waitFor(() => rows(j) >= 8, 10_000, "eight rows");
    const pid = session(j).samplerPid;
    process.kill(pid, "SIGKILL");
    await waitFor(() => !alive(pid), 5000, "the sampler to die");
    appendFileSync(path.join(j.workDir, "samples.log"), "999999\t2026/11/28 10:00:00.000, 0, GPU-000"); // a write cut short
    const { post } = await timedPost(j);
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.energyKwh).toBeGreaterThan(0);
    expect(report.gpus[0].averageWatts).toBe(300);
    expect(report.gpus[0].samples).toBeGreaterThanOrEqual(8);
    expect(report.quality.malformedLines).toBe(1);
    expect(report.warnings).toContain("the sampler was no longer running when the job ended");
    expect(report.warnings).toContain("the sampler did not close its log (it was killed); the window ends when post ran");
    // The nvidia-smi it left behind is gone too.
    await waitFor(() => groupMembers(pid).length === 0, 5000, "the orphaned nvidia-smi to end");
  });

  it("the sampler freezes (SIGSTOP): post kills it after a bounded wait and reports what was written", async () => {
    const j = job({ gpus: [{ powerW: 250 }] });
    expect((await j.run("pre", FAST)).code).toBe(0);
    await waitFor(() => rows(j) >= 5, 10_000, "five rows");
    const pid = session(j).samplerPid;
    process.kill(pid, "SIGSTOP");
    const { post, wallMs } = await timedPost(j);
    expect(post.code).toBe(0);
    expect(wallMs).toBeLessThan(15_000);
    expect(alive(pid)).toBe(false);
    const report = j.report();
    expect(report.warnings).toContain("the sampler did not stop when asked and was killed");
    expect(report.gpus[0].averageWatts).toBe(250);
    expect(groupMembers(pid)).toEqual([]);
  });

  it("a lost GPU, Xid lines, garbage and a half line: two GPUs stay two, and the loss is a gap", async () => {
    const j = job({
      gpus: [{ powerW: 200 }, { powerW: 100, lostAfterIteration: 6 }],
      loop: {
        halfLineOnExit: true,
        inject: {
          // Event lines nvidia-smi prints between samples; the first has as many commas as a row.
          "3": ["Xid (PCI:0000:28:00): 79, pid=4242, name=python, GPU has fallen off the bus.", "\u0001\u0002 garbage \u00ff"],
        },
      },
    });
    expect((await j.run("pre", FAST)).code).toBe(0);
    await waitFor(() => count(samples(j), "[GPU is lost]") >= 8, 10_000, "lost rows");
    const { post } = await timedPost(j);
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.gpus.map((g: { index: number }) => g.index)).toEqual([0, 1]);
    expect(report.gpus[0].averageWatts).toBe(200);
    expect(report.gpus[1].averageWatts).toBe(100);
    expect(report.gpus[1].coverage).toBeLessThan(report.gpus[0].coverage);
    expect(report.quality.lostRows).toBeGreaterThanOrEqual(2);
    expect(report.quality.malformedLines).toBe(2);
    expect(report.status).toBe("partial");
    expect(report.warnings.join("\n")).toContain("nvidia-smi reported [GPU is lost]");
    expect(post.summary).toContain("GPU is lost");
  });

  it("power is [N/A] on every row: energy is unknown, never 0 kWh", async () => {
    const j = job({ gpus: [{ powerW: "[N/A]", name: "NVIDIA GeForce GTX 1050 Ti" }] });
    expect((await j.run("pre", FAST)).code).toBe(0);
    await waitFor(() => rows(j) >= 5, 10_000, "five rows");
    const { post } = await timedPost(j);
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.status).toBe("not-measured");
    expect(report.energyKwh).toBeNull();
    expect(report.emissionsKg).toBeNull();
    expect(report.gpus[0].energyKwh).toBeNull();
    expect(report.gpus[0].missingSamples).toBeGreaterThanOrEqual(5);
    expect(report.warnings).toContain("power was not available on any GPU ([N/A] or unsupported): energy is unknown, not 0 kWh");
    expect(post.stdout).toContain("::warning::power was not available on any GPU");
    expect(post.summary).toContain("**Energy not measured**");
    expect(post.summary).toContain("| GPU energy (IT) | n/a |");
    expect(post.summary).toContain("| Emissions | n/a CO2e |");
  });

  it("the job is cancelled mid-step: post still writes the report, quickly, while nvidia-smi ignores signals", async () => {
    const j = job({ gpus: [{ powerW: 400 }], loop: { ignoreTerm: true } });
    expect((await j.run("pre", FAST)).code).toBe(0);
    // The workload step, cancelled by the runner: SIGINT to the step's process.
    const workload = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    strays.push(workload.pid!);
    await waitFor(() => rows(j) >= 5, 10_000, "five rows");
    workload.kill("SIGINT");
    await new Promise((resolve) => workload.once("exit", resolve));
    const { post, wallMs } = await timedPost(j);
    expect(post.code).toBe(0);
    // The runner gives post a few minutes in all; ours needs seconds even with a stubborn nvidia-smi.
    expect(wallMs).toBeLessThan(15_000);
    const report = j.report();
    expect(report.status).toBe("measured");
    expect(report.gpus[0].averageWatts).toBe(400);
    expect(post.summary).toContain("## GPU energy and carbon");
    expect(groupMembers(session(j).samplerPid)).toEqual([]);
  });

  it("a sampler pid now used by another process is never signalled", async () => {
    const j = job({ gpus: [{ powerW: 100 }] });
    expect((await j.run("pre", FAST)).code).toBe(0);
    await waitFor(() => rows(j) >= 3, 10_000, "three rows");
    const real = session(j).samplerPid;
    process.kill(real, "SIGKILL");
    await waitFor(() => !alive(real), 5000, "the sampler to die");
    // The pid is taken by an unrelated process that leads its own group, as after pid reuse.
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore", detached: true });
    strays.push(other.pid!);
    const sessionPath = path.join(j.workDir, "session.json");
    writeFileSync(sessionPath, JSON.stringify({ ...session(j), samplerPid: other.pid }));
    const { post } = await timedPost(j);
    expect(post.code).toBe(0);
    expect(alive(other.pid!)).toBe(true);
    expect(j.report().warnings).toContain("the sampler was no longer running when the job ended");
  });
});
