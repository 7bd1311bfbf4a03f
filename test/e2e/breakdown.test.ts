import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { addJobsRoutes, job, steps } from "../support/fake-github/jobs.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { SIMULATED_TOKEN, SimulatedJob, alive, processesMatching, sleep } from "../support/runner.js";

let gh: FakeGitHub;
beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

/** A job on runner `gpu-runner-1` of run 42 of o/r, talking to the fake GitHub. */
function newJob(scenario: object, env: Record<string, string> = {}): SimulatedJob {
  return new SimulatedJob({
    FAKE_NVIDIA_SMI: JSON.stringify(scenario),
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "o/r",
    GITHUB_RUN_ID: "42",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "train",
    RUNNER_NAME: "gpu-runner-1",
    ...env,
  });
}

const fast = { "interval-ms": "100", "carbon-intensity": "400" };
const samplers = (j: SimulatedJob) => processesMatching(path.join(j.runnerTemp, "gpu-carbon", "sampler-config.json"));

describe("energy per step, phases and uses of the action in one job", () => {
  it("attributes a constant 200 W to the job's steps in proportion to their durations", async () => {
    const j = newJob({ gpus: [{ powerW: 200 }] });
    let t0 = 0;
    // Step times as the runner reports them, in whole seconds, once the sampler is running.
    addJobsRoutes(gh, () => [
      job({ name: "neighbour", runner_name: "gpu-runner-2", steps: steps(t0, [["Train", 0, 3000]]) }),
      job({
        name: "train",
        steps: steps(t0, [
          ["Set up job", -60_000, -59_000],
          ["Checkout", 0, 1000],
          ["Train", 1000, 3000],
          ["Post Run gpu-carbon", 3000, null],
        ]),
      }),
    ]);
    expect((await j.run("pre", fast)).code).toBe(0);
    t0 = Math.ceil(Date.now() / 1000) * 1000;
    await sleep(t0 + 3300 - Date.now());
    const post = await j.run("post", fast);
    expect(post.code).toBe(0);

    const report = j.report();
    expect(report.status).toBe("measured");
    expect(gh.calls("GET", /^\/repos\/o\/r\/actions\/runs\/42\/attempts\/1\/jobs$/)[0]?.headers.authorization).toBe(
      `token ${SIMULATED_TOKEN}`,
    );
    const byName = Object.fromEntries(report.steps.map((s: any) => [s.name, s]));
    expect(Object.keys(byName)).toEqual(["Set up job", "Checkout", "Train", "Post Run gpu-carbon"]);
    expect(byName["Set up job"].durationSeconds).toBe(0); // before the measurement started
    expect(byName["Checkout"].durationSeconds).toBeCloseTo(1, 1);
    expect(byName["Train"].durationSeconds).toBeCloseTo(2, 1);
    // Constant power: every step's energy is 200 W x its duration, its share duration / window.
    for (const name of ["Checkout", "Train", "Post Run gpu-carbon"]) {
      const step = byName[name];
      expect(step.energyKwh).toBeCloseTo((200 * step.durationSeconds) / 3_600_000, 8);
      expect(step.averageWatts).toBeCloseTo(200, 0);
      expect(step.share).toBeCloseTo(step.durationSeconds / report.durationSeconds, 2);
    }
    expect(byName["Train"].energyKwh).toBeCloseTo(2 * byName["Checkout"].energyKwh, 8);
    const stepsKwh = report.steps.reduce((sum: number, s: any) => sum + s.energyKwh, 0);
    expect(stepsKwh + report.outsideStepsEnergyKwh).toBeCloseTo(report.energyKwh, 9);
    expect(report.stepRules[0]).toContain("whole seconds");
    expect(post.summary).toContain("### Energy per step");
    expect(post.summary).toContain("| Train | 2.0s | 0.111 Wh |");
  });

  it("says in a notice, and reports the rest, when the token lacks actions: read", async () => {
    const j = newJob({ gpus: [{ powerW: 200 }] });
    addJobsRoutes(gh, []);
    gh.fail("GET", "/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt/jobs", {
      status: 403,
      body: { message: "Resource not accessible by integration" },
    });
    await j.run("pre", fast);
    await sleep(500);
    const post = await j.run("post", fast);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      "::notice::gpu-carbon: no energy per step: Listing this run's jobs failed (403): the token lacks `actions: read` permission",
    );
    expect(post.stdout).not.toContain("::warning::");
    const report = j.report();
    expect(report.status).toBe("measured");
    expect(report.steps).toEqual([]);
    expect(report.outsideStepsEnergyKwh).toBeNull();
    expect(post.summary).not.toContain("Energy per step");
  });

  it("uses the action three times in one job and runs one sampler and writes one report", async () => {
    const j = newJob({ gpus: [{ powerW: 250 }] }, { GITHUB_API_URL: "http://127.0.0.1:1" });
    const noToken = { ...fast, "github-token": "" };
    const uses: Record<string, Record<string, string>> = {
      first: noToken,
      second: noToken,
      "mark-train": { ...noToken, mode: "mark", phase: "train" },
    };
    // The runner runs every use's pre in step order, then the mains, then the posts in reverse.
    for (const use of ["first", "second", "mark-train"]) await j.run("pre", uses[use], use);
    expect(samplers(j)).toHaveLength(1);
    expect((await j.run("main", noToken, "first")).code).toBe(0);
    expect((await j.run("main", noToken, "second")).code).toBe(0);
    await sleep(600);
    const mark = await j.run("main", uses["mark-train"], "mark-train");
    expect(mark.stdout).toContain("gpu-carbon: phase 'train' starts at");
    await sleep(600);
    expect(samplers(j)).toHaveLength(1);

    const report = path.join(j.runnerTemp, "gpu-carbon", "report.json");
    for (const use of ["mark-train", "second"]) {
      const post = await j.run("post", uses[use], use);
      expect(post.code).toBe(0);
      expect(post.summary).toBe("");
      expect(existsSync(report)).toBe(false);
      expect(samplers(j)).toHaveLength(1);
    }
    const last = await j.run("post", noToken, "first");
    expect(last.code).toBe(0);
    expect(j.summaries).toHaveLength(1);
    expect(samplers(j)).toEqual([]);
    const result = j.report();
    expect(result.status).toBe("measured");
    expect(result.phases).toHaveLength(1);
    expect(result.phases[0]).toMatchObject({ name: "train", endedAt: null });
    // The phase ran from the mark to the end: about half the job, at 250 W.
    expect(result.phases[0].durationSeconds).toBeGreaterThan(0.5);
    expect(result.phases[0].durationSeconds).toBeLessThan(result.durationSeconds);
    expect(result.phases[0].averageWatts).toBeCloseTo(250, 0);
    expect(last.summary).toContain("### Energy per phase");
  });

  it("sets step outputs with the energy so far in mode: report", async () => {
    const j = newJob({ gpus: [{ powerW: 300 }] });
    await j.run("pre", { ...fast, "github-token": "" });
    await sleep(1200);
    const so = await j.run("main", { ...fast, mode: "report" }, "so-far");
    expect(so.code).toBe(0);
    const duration = Number(so.outputs["duration-seconds"]);
    expect(duration).toBeGreaterThan(1);
    expect(Number(so.outputs["average-power-watts"])).toBeCloseTo(300, 0);
    expect(Number(so.outputs["energy-kwh"])).toBeCloseTo((300 * duration) / 3_600_000, 7);
    expect(Number(so.outputs["emissions-kg"])).toBeCloseTo((Number(so.outputs["energy-kwh"]) * 400) / 1000, 9);
    expect(so.summary).toBe("");
    expect((await j.run("post", { ...fast, mode: "report" }, "so-far")).summary).toBe("");
    expect((await j.run("post", { ...fast, "github-token": "" })).code).toBe(0);
    expect(j.summaries).toHaveLength(1);
  });

  it("reports joules per unit of work a step wrote to GPU_CARBON_WORK_FILE", async () => {
    const j = newJob({ gpus: [{ powerW: 200 }] });
    await j.run("pre", { ...fast, "github-token": "" });
    const workFile = j.exported.GPU_CARBON_WORK_FILE!;
    expect(workFile).toBe(path.join(j.runnerTemp, "gpu-carbon", "work-units.txt"));
    writeFileSync(workFile, "1000 samples\n");
    await sleep(800);
    const post = await j.run("post", { ...fast, "github-token": "" });
    const report = j.report();
    expect(report.work.units).toBe(1000);
    expect(report.work.unit).toBe("samples");
    expect(report.work.joulesPerUnit).toBeCloseTo((report.energyKwh * 3_600_000) / 1000, 6);
    expect(post.summary).toContain("| Energy per unit of work (1000 samples) |");
    // The idle baseline: 200 W at pre, and the job drew exactly that.
    expect(report.idle).toMatchObject({ powerWatts: 200, aboveIdleEnergyKwh: 0 });
  });
});

describe("only this job's GPUs", () => {
  const host = { gpus: [{ powerW: 100 }, { powerW: 200 }, { powerW: 300 }, { powerW: 400 }] };

  it("samples only the GPUs CUDA_VISIBLE_DEVICES names, and lists what it counted and why", async () => {
    const j = newJob(host, { CUDA_VISIBLE_DEVICES: "1,3" });
    const calls = path.join(j.dir, "nvidia-smi-calls.jsonl");
    writeFileSync(path.join(j.dir, "scenario.json"), JSON.stringify({ ...host, logFile: calls }));
    j.env.FAKE_NVIDIA_SMI = "";
    j.env.FAKE_NVIDIA_SMI_SCENARIO = path.join(j.dir, "scenario.json");
    const pre = await j.run("pre", { ...fast, "github-token": "" });
    expect(pre.stdout).toContain("sampling 2 GPU(s) every 100 ms");
    expect(pre.stdout).toContain("2 other GPU(s) on this host are not this job's");
    await sleep(800);
    await j.run("post", { ...fast, "github-token": "" });
    const report = j.report();
    expect(report.gpus.map((g: any) => [g.index, g.averageWatts])).toEqual([
      [1, 200],
      [3, 400],
    ]);
    expect(report.gpuSelection).toMatchObject({ source: "CUDA_VISIBLE_DEVICES", requested: "1,3", excludedCount: 2 });
    expect(report.gpuSelection.counted.map((g: any) => g.reason)).toEqual([
      "CUDA_VISIBLE_DEVICES: index 1",
      "CUDA_VISIBLE_DEVICES: index 3",
    ]);
    expect(report.idle.powerWatts).toBe(600);
    const loop = readFileSync(calls, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as string[])
      .find((args) => args.includes("-lms"))!;
    expect(loop.slice(loop.indexOf("-i"))).toEqual([
      "-i",
      "GPU-00000001-1111-2222-3333-444444444444,GPU-00000003-1111-2222-3333-444444444444",
    ]);
  });

  it("maps a MIG slice to its parent GPU and flags the whole board's figure", async () => {
    const mig = "MIG-4e0c6f2a-1b7d-5c3e-9f80-a1b2c3d4e5f6";
    const j = newJob(
      {
        gpus: [
          { powerW: 100 },
          {
            powerW: 350,
            mig: [
              { profile: "3g.40gb", uuid: mig },
              { profile: "3g.40gb", uuid: "MIG-ffff" },
            ],
          },
        ],
      },
      { CUDA_VISIBLE_DEVICES: mig },
    );
    await j.run("pre", { ...fast, "github-token": "" });
    await sleep(600);
    const post = await j.run("post", { ...fast, "github-token": "" });
    const report = j.report();
    expect(report.gpus.map((g: any) => [g.index, g.averageWatts])).toEqual([[1, 350]]);
    expect(report.gpuSelection.wholeBoard).toBe(true);
    expect(report.warnings.join(" ")).toContain("the energy counted is the whole board's, shared with the other slices");
    expect(post.summary).toContain("The figure is the whole board's, shared with its other MIG slices.");
  });

  it("measures nothing, and says so, when the job may use no GPU", async () => {
    const j = newJob(host, { CUDA_VISIBLE_DEVICES: "" });
    const pre = await j.run("pre", { ...fast, "github-token": "" });
    expect(pre.stdout).toContain(
      "::warning::gpu-carbon: this job may use no GPU of its own (CUDA_VISIBLE_DEVICES is ''), so nothing was measured.",
    );
    expect(samplers(j)).toEqual([]);
    const post = await j.run("post", { ...fast, "github-token": "" });
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.status).toBe("not-measured");
    expect(report.gpus).toEqual([]);
    expect(report.gpuSelection.counted).toEqual([]);
    expect(alive(process.pid)).toBe(true);
  });
});
