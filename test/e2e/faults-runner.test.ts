// Faults of the runner around the action, through the bundled action: the runner dies without
// running post, the job outlives max-duration-hours, RUNNER_TEMP cannot be written or is full.
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  SimulatedJob,
  alive,
  canMakeDevices,
  groupMembers,
  makeFullDevice,
  processesMatching,
  readIfThere,
  sleep,
  waitFor,
} from "../support/runner.js";

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
    // max-duration-hours is at least a minute; the test hook stands in 1.8 s for it.
    const j = job({ GPU_CARBON_TEST_SAMPLER_TIMING: JSON.stringify({ maxDurationMs: 1800 }) });
    const inputs = { ...FAST, "max-duration-hours": "0.02" };
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

  it.skipIf(!canMakeDevices)("the disk is full for the samples (ENOSPC): the sampler keeps going, post says why", async () => {
    const j = job();
    mkdirSync(j.workDir, { recursive: true });
    symlinkSync(makeFullDevice(j.dir), path.join(j.workDir, "samples.log")); // every write fails with ENOSPC
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

  it.skipIf(!canMakeDevices)("the session, the report and the summary are devices that fail every write: warnings only", async () => {
    const j = job();
    mkdirSync(j.workDir, { recursive: true });
    const full = makeFullDevice(j.dir);
    for (const file of ["session.json", "report.json"]) symlinkSync(full, path.join(j.workDir, file));
    const pre = await j.run("pre", FAST);
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain("::warning::gpu-carbon could not record its session");
    expect(pre.stdout).toContain("it stopped sampling");
    // It stopped the sampler it had started: nothing of ours runs without a session to find it.
    expect(processesMatching(j.runnerTemp)).toEqual([]);
    const post = await j.run("post", FAST, "gpu-carbon", { GITHUB_STEP_SUMMARY: full });
    expect(post.code).toBe(0);
    // Neither link nor device is replaced by a file.
    expect(post.stdout).toMatch(
      /::warning::gpu-carbon could not write .*report\.json \(.*report\.json is a symbolic link to a character device/,
    );
    expect(lstatSync(path.join(j.workDir, "report.json")).isSymbolicLink()).toBe(true);
    expect(statSync(full).isCharacterDevice()).toBe(true);
    expect(post.stdout).toContain("::warning::gpu-carbon could not write the job summary (ENOSPC");
    expect(post.stdout).toContain("::warning::the measurement never started");
  });
});

describe("the work folder: a failed claim cleans up, another job's folder is never reused", () => {
  it("the disk is full when pre claims the job: the claim is removed and says why, and main can still start", async () => {
    const j = job();
    j.fileSizeLimitBytes = 8; // the claim is larger: it fails as on a full disk
    const pre = await j.run("pre", FAST);
    j.fileSizeLimitBytes = null;
    expect(pre.code).toBe(0);
    expect(pre.stdout).toMatch(/::warning::gpu-carbon cannot use its working folder .* \(could not write .*session\.lock \(EFBIG/);
    expect(existsSync(path.join(j.workDir, "session.lock"))).toBe(false);
    const main = await j.run("main", FAST);
    expect(main.stdout).not.toContain("already measuring");
    expect(main.stdout).toContain("starting the measurement now");
    await waitFor(() => rows(j) >= 2, 10_000, "two rows");
    expect((await j.run("post", FAST)).code).toBe(0);
    expect(j.report().status).toBe("measured");
  });

  it("RUNNER_TEMP is unset: each job gets a folder of its own, none is shared", async () => {
    const [a, b] = [job({ RUNNER_TEMP: "" }), job({ RUNNER_TEMP: "" })];
    const folders: string[] = [];
    try {
      for (const j of [a!, b!]) {
        expect((await j.run("pre", FAST)).code).toBe(0);
        const folder = j.exported.GPU_CARBON_WORK_DIR ?? "";
        folders.push(folder);
        expect(existsSync(path.join(folder, "session.json"))).toBe(true);
      }
      expect(folders[0]).not.toBe(folders[1]);
      await sleep(300);
      for (const j of [a!, b!]) {
        expect((await j.run("post", FAST)).code).toBe(0);
        expect(JSON.parse(readFileSync(path.join(j.exported.GPU_CARBON_WORK_DIR!, "report.json"), "utf8")).status).toBe("measured");
      }
    } finally {
      for (const folder of folders) if (folder) rmSync(folder, { recursive: true, force: true });
    }
  });

  it("a folder claimed by another job is moved aside, kept, and a fresh one made", async () => {
    const earlier = job({ GITHUB_RUN_ID: "1" });
    expect((await earlier.run("pre", FAST)).code).toBe(0);
    await waitFor(() => rows(earlier) >= 2, 10_000, "two rows");
    expect((await earlier.run("post", FAST)).code).toBe(0);
    // A later job on the same runner, whose RUNNER_TEMP was not cleaned.
    const later = job({ GITHUB_RUN_ID: "2", RUNNER_TEMP: earlier.runnerTemp });
    const pre = await later.run("pre", FAST);
    expect(pre.code).toBe(0);
    const moved = /in use by another job; that folder was moved to (\S+) and a fresh one made/.exec(pre.stdout)?.[1];
    expect(moved).toBeDefined();
    expect(existsSync(path.join(moved!, "report.json"))).toBe(true);
    expect(readIfThere(path.join(earlier.workDir, "samples.log")).match(/^@start\t/gm)).toHaveLength(1);
    expect((await later.run("post", FAST)).code).toBe(0);
  });

  it("a stale samples.log without a claim is not appended to", async () => {
    const earlier = job();
    expect((await earlier.run("pre", FAST)).code).toBe(0);
    await waitFor(() => rows(earlier) >= 5, 10_000, "five rows");
    expect((await earlier.run("post", FAST)).code).toBe(0);
    rmSync(path.join(earlier.workDir, "session.lock"));
    const later = job({ RUNNER_TEMP: earlier.runnerTemp });
    expect((await later.run("pre", FAST)).code).toBe(0);
    expect(readIfThere(path.join(earlier.workDir, "samples.log")).match(/^@start\t/gm)).toHaveLength(1);
    expect((await later.run("post", FAST)).code).toBe(0);
  });
});
