// Faults of the runner around the action, through the bundled action: the runner dies without
// running post, the job outlives max-duration-hours, RUNNER_TEMP cannot be written or is full.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SimulatedJob, alive, groupMembers, processesMatching, readIfThere, sleep, waitFor } from "../support/runner.js";

function job(env: Record<string, string> = {}): SimulatedJob {
  return new SimulatedJob({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }), ...env });
}

const FAST = { "interval-ms": "100" };
const samples = (j: SimulatedJob) => readIfThere(path.join(j.workDir, "samples.log"));
const rows = (j: SimulatedJob) =>
  samples(j)
    .split("\n")
    .filter((l) => /^\d+\t/.test(l)).length;
const samplerPid = (j: SimulatedJob): number => JSON.parse(readFileSync(path.join(j.workDir, "session.json"), "utf8")).samplerPid;

describe("the runner dies or the job never ends: no sampler outlives its job", () => {
  it("the runner's worker dies without post: the sampler notices and stops itself", async () => {
    const j = job();
    const pre = await j.runInWorker("pre", FAST);
    expect(pre.code).toBe(0);
    await waitFor(() => rows(j) >= 3, 10_000, "three rows");
    const pid = samplerPid(j);
    process.kill(pre.workerPid, "SIGKILL");
    // The sampler checks its job every 2 s.
    await waitFor(() => !alive(pid), 10_000, "the sampler to stop itself");
    expect(samples(j)).toMatch(/^@stop\t\d+\tjob-gone$/m);
    expect(groupMembers(pid)).toEqual([]);
  });

  it("the job runs past max-duration-hours: the sampler stops itself, and post says so", async () => {
    const j = job();
    const inputs = { ...FAST, "max-duration-hours": "0.0005" }; // 1.8 s
    expect((await j.run("pre", inputs)).code).toBe(0);
    const pid = samplerPid(j);
    await waitFor(() => !alive(pid), 10_000, "the sampler to stop itself");
    expect(samples(j)).toMatch(/^@stop\t\d+\tmax-duration$/m);
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.quality.stopReason).toBe("max-duration");
    expect(report.durationSeconds).toBeGreaterThanOrEqual(1.8);
    expect(report.durationSeconds).toBeLessThan(2.5);
    expect(report.warnings).toContain("the sampler stopped before the end of the job (max-duration)");
  });

  it("a maximum beyond Node's longest timer (720 h) does not stop the sampler at once", async () => {
    const j = job();
    const inputs = { ...FAST, "max-duration-hours": "720" };
    expect((await j.run("pre", inputs)).code).toBe(0);
    await waitFor(() => rows(j) >= 10, 10_000, "ten rows");
    expect(alive(samplerPid(j))).toBe(true);
    expect(samples(j)).not.toContain("@stop");
    expect((await j.run("post", inputs)).code).toBe(0);
    expect(j.report().quality.stopReason).toBe("signal");
  });
});

describe("RUNNER_TEMP cannot be written: warnings, never a failed or crashed step", () => {
  it("RUNNER_TEMP is not a usable folder", async () => {
    const j = job();
    const blocker = path.join(j.dir, "not-a-folder");
    writeFileSync(blocker, "");
    j.env.RUNNER_TEMP = path.join(blocker, "temp"); // ENOTDIR for every user, root included
    const pre = await j.run("pre");
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain("::warning::gpu-carbon cannot use its working folder");
    expect(pre.stdout).toContain("ENOTDIR");
    const post = await j.run("post");
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::gpu-carbon could not write .*report\.json \(ENOTDIR/);
    expect(post.summary).toContain("**Energy not measured**");
    expect(post.summary).toContain("the measurement never started");
  });

  it.skipIf(!existsSync("/dev/full"))("the disk is full for the samples (ENOSPC): the sampler keeps going, post says why", async () => {
    const j = job();
    mkdirSync(j.workDir, { recursive: true });
    symlinkSync("/dev/full", path.join(j.workDir, "samples.log")); // every write fails with ENOSPC
    const pre = await j.run("pre", FAST);
    expect(pre.code).toBe(0);
    await waitFor(() => readIfThere(path.join(j.workDir, "sampler.log")).includes("ENOSPC"), 10_000, "the sampler's complaint");
    await sleep(300);
    expect(alive(samplerPid(j))).toBe(true); // a full disk does not stop the sampler
    const post = await j.run("post", FAST);
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.status).toBe("not-measured");
    expect(report.energyKwh).toBeNull();
    expect(report.warnings).toContain(
      "the sampler reported: cannot write samples (ENOSPC: no space left on device, write); retrying with each new sample",
    );
    expect(post.summary).toContain("ENOSPC");
  });

  it.skipIf(!existsSync("/dev/full"))("the disk is full for the session, the report and the summary: warnings only", async () => {
    const j = job();
    mkdirSync(j.workDir, { recursive: true });
    for (const file of ["session.json", "report.json"]) symlinkSync("/dev/full", path.join(j.workDir, file));
    const pre = await j.run("pre", FAST);
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain("::warning::gpu-carbon could not record its session");
    expect(pre.stdout).toContain("it stopped sampling");
    // It stopped the sampler it had started: nothing of ours runs without a session to find it.
    expect(processesMatching(j.runnerTemp)).toEqual([]);
    const post = await j.run("post", FAST, "gpu-carbon", { GITHUB_STEP_SUMMARY: "/dev/full" });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::gpu-carbon could not write .*report\.json \(ENOSPC/);
    expect(post.stdout).toContain("::warning::gpu-carbon could not write the job summary (ENOSPC");
    expect(post.stdout).toContain("::warning::the measurement never started");
  });
});
