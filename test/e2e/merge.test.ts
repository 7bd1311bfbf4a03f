import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHistory } from "../../src/core/history/records.js";
import { commentMarker, historyPath } from "../../src/core/history/label.js";
import { FakeArtifactService, runtimeToken } from "../support/fake-artifacts/server.js";
import { FakeComments } from "../support/fake-github/comments.js";
import { FakeRepo } from "../support/fake-github/contents.js";
import { FakeRunsAndPulls } from "../support/fake-github/runs-and-pulls.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { pullRequestPayload, pushPayload, workflowEnv, type JobEvent } from "../support/fake-github/workflow-env.js";
import { SimulatedJob, sleep } from "../support/runner.js";

const HEAD = "feedfacefeedfacefeedfacefeedfacefeedface";
let gh: FakeGitHub;
let repo: FakeRepo;
let comments: FakeComments;
let runs: FakeRunsAndPulls;
/** The merge job's workspace; download-artifact puts each artifact in a folder of its own under it. */
let workspace: string;
beforeEach(async () => {
  gh = new FakeGitHub();
  repo = new FakeRepo("octo", "train").install(gh);
  comments = new FakeComments().install(gh);
  runs = new FakeRunsAndPulls().install(gh);
  await gh.start();
  workspace = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-merge-"));
});
afterEach(async () => {
  await gh.close();
  rmSync(workspace, { recursive: true, force: true });
});

interface MatrixCell {
  gpu: string;
  powerW: number;
  uuid: string;
}

const CELLS: MatrixCell[] = [
  { gpu: "a100", powerW: 100, uuid: "GPU-a100a100-0000-0000-0000-000000000001" },
  { gpu: "h100", powerW: 200, uuid: "GPU-h100h100-0000-0000-0000-000000000002" },
  { gpu: "l4", powerW: 300, uuid: "GPU-l4l4l4l4-0000-0000-0000-000000000003" },
];

/** A matrix job of workflow "CI" on one GPU, with `pr-comment: false`, writing its report into the workspace's artifact folder. */
function matrixJob(cell: MatrixCell, event: { ref: string; payload: Record<string, unknown> }, eventName: string) {
  const env = {
    FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: cell.powerW, uuid: cell.uuid }] }),
    ...workflowEnv({ apiUrl: gh.url, eventName, ...event, runId: 500, runnerTemp: false }),
  };
  return new SimulatedJob(env, { "toJSON(matrix)": JSON.stringify({ gpu: cell.gpu }) });
}

/** Runs the measuring jobs side by side, as a matrix does, for about `workMs`. */
async function measure(cells: MatrixCell[], event: { ref: string; payload: Record<string, unknown> }, eventName: string, workMs = 600) {
  const jobs = cells.map((cell) => ({ cell, job: matrixJob(cell, event, eventName) }));
  const inputs = (cell: MatrixCell) => ({
    "interval-ms": "100",
    "carbon-intensity": "500",
    "pr-comment": "false",
    "report-path": path.join(workspace, "gpu-carbon-reports", `gpu-carbon-${cell.gpu}`, "report.json"),
  });
  for (const { cell, job } of jobs) expect((await job.run("pre", inputs(cell))).code).toBe(0);
  await sleep(workMs);
  const posts = await Promise.all(jobs.map(({ cell, job }) => job.run("post", inputs(cell))));
  expect(posts.map((p) => p.code)).toEqual(cells.map(() => 0));
  return jobs.map(({ job }) => job.report());
}

/** The merge job: no GPU, no nvidia-smi on PATH; its main step with `mode: merge` (pre and post with `all`). */
async function mergeJob(
  event: Omit<JobEvent, "apiUrl">,
  inputs: Record<string, string> = {},
  extraEnv: Record<string, string> = {},
  all = false,
) {
  const job = new SimulatedJob({
    PATH: SimulatedJob.pathWithoutSmi(),
    GITHUB_WORKSPACE: workspace,
    ...workflowEnv({ apiUrl: gh.url, runnerTemp: false, ...event }),
    ...extraEnv,
  });
  const withInputs = { mode: "merge", ...inputs };
  const pre = all ? await job.run("pre", withInputs) : null;
  const main = await job.run("main", withInputs);
  const post = all ? await job.run("post", withInputs) : null;
  return { job, pre, main, post };
}

// Each test starts up to ten hook processes (three measuring jobs, the merge job, a commenter).
describe("mode: merge through the bundled action", { timeout: 180_000 }, () => {
  it("posts one comment for the run with every job and the total, whose energy is the jobs' sum", async () => {
    const reports = await measure(CELLS, pullRequestPayload(7), "pull_request");
    expect(comments.on(7)).toHaveLength(0); // the matrix jobs do not comment
    const broken = path.join(workspace, "gpu-carbon-reports", "gpu-carbon-broken", "report.json");
    mkdirSync(path.dirname(broken), { recursive: true });
    writeFileSync(broken, '{"schemaVersion": 2, "truncated');

    const { job, pre, main, post } = await mergeJob({ eventName: "pull_request", ...pullRequestPayload(7), runId: 500 }, {}, {}, true);
    expect([pre!.code, main.code, post!.code]).toEqual([0, 0, 0]);
    expect(pre!.stdout + main.stdout).not.toMatch(/nvidia-smi|sampling/);
    expect(main.stdout).toContain("::warning::gpu-carbon: gpu-carbon-reports/gpu-carbon-broken/report.json was skipped: not JSON");

    const merged = job.report();
    expect(merged).toMatchObject({ schemaVersion: 2, kind: "run", label: "CI", status: "measured" });
    expect(merged.jobs.map((j: { label: string }) => j.label)).toEqual(["CI/train (gpu=a100)", "CI/train (gpu=h100)", "CI/train (gpu=l4)"]);
    const sumKwh = reports.reduce((s, r) => s + r.energyKwh, 0);
    expect(merged.energyKwh).toBeCloseTo(sumKwh, 12);
    // The run's range adds the jobs' ranges.
    expect(merged.energyKwhRange[0]).toBeCloseTo(
      reports.reduce((s, r) => s + r.energyKwhRange[0], 0),
      12,
    );
    expect(merged.energyKwhRange[1]).toBeCloseTo(
      reports.reduce((s, r) => s + r.energyKwhRange[1], 0),
      12,
    );
    expect(merged.emissionsKg).toBeCloseTo(
      reports.reduce((s, r) => s + r.emissionsKg, 0),
      12,
    );
    // The three GPUs drew 100, 200 and 300 W: each job's energy follows its power.
    const [a100, h100, l4] = reports.map((r) => r.energyKwh / r.durationSeconds);
    expect(h100! / a100!).toBeCloseTo(2, 1);
    expect(l4! / a100!).toBeCloseTo(3, 1);
    expect(merged.gpus.map((g: { uuid: string }) => g.uuid)).toEqual(CELLS.map((c) => c.uuid));

    const all = comments.on(7);
    expect(all).toHaveLength(1);
    const body = all[0]!.body;
    expect(body.startsWith(`${commentMarker("CI")}\n### GPU energy · CI\n`)).toBe(true);
    for (const cell of CELLS) expect(body).toContain(`| CI/train \\(gpu=${cell.gpu}\\) | measured |`);
    expect(body).toMatch(/\| \*\*Total\*\* \| measured \| \*\*[\d.]+ Wh\*\* \|/);
    expect(body).toContain("No baseline yet: `main` has no measured run of this label in the history.");
    expect(body).toContain("gpu-carbon-broken/report.json was skipped");
    expect(main.summary).toContain("## GPU energy and carbon of the run");
    expect(main.summary).toContain('x-axis "job" ["CI/train (gpu=a100)", "CI/train (gpu=h100)", "CI/train (gpu=l4)"]');
  });

  it("counts a GPU two jobs measured at the same time once, in the job that started first", async () => {
    const shared = "GPU-5a5a5a5a-0000-0000-0000-000000000005";
    const first = matrixJob({ gpu: "first", powerW: 200, uuid: shared }, pushPayload("feature"), "push");
    const second = matrixJob({ gpu: "second", powerW: 200, uuid: shared }, pushPayload("feature"), "push");
    const inputs = (name: string) => ({
      "interval-ms": "100",
      "carbon-intensity": "500",
      "report-path": path.join(workspace, "gpu-carbon-reports", name, "report.json"),
    });
    expect((await first.run("pre", inputs("first"))).code).toBe(0);
    await sleep(300);
    expect((await second.run("pre", inputs("second"))).code).toBe(0);
    await sleep(500);
    expect((await second.run("post", inputs("second"))).code).toBe(0);
    expect((await first.run("post", inputs("first"))).code).toBe(0);

    const { job, main } = await mergeJob({ eventName: "push", ...pushPayload("feature"), runId: 600 });
    const merged = job.report();
    // The second job's window lies inside the first's: all of its copy of the GPU is left out.
    expect(merged.energyKwh).toBeCloseTo(first.report().energyKwh, 12);
    expect(merged.jobs.map((j: { countedEnergyKwh: number }) => j.countedEnergyKwh)).toEqual([first.report().energyKwh, 0]);
    expect(main.stdout).toMatch(
      new RegExp(
        `::warning::gpu-carbon: ${shared} on ${os.hostname()} was measured by both 'CI/train \\(gpu=first\\)' and 'CI/train \\(gpu=second\\)' for [\\d.]+s at the same time: it is counted once, in 'CI/train \\(gpu=first\\)'`,
      ),
    );
  });

  it("records the run under the workflow's name on the default branch, and compares a pull request's run with it", async () => {
    const write = (name: string, report: object) => {
      const file = path.join(workspace, "gpu-carbon-reports", name, "report.json");
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(report));
    };
    // Two measuring jobs of a push to main.
    const reports = await measure(CELLS.slice(0, 2), pushPayload("main"), "push", 400);
    const { main } = await mergeJob({ eventName: "push", ...pushPayload("main"), runId: 500 });
    expect(main.code).toBe(0);
    const history = parseHistory(repo.file("gpu-carbon-data", historyPath("CI"))!);
    expect(history.records).toHaveLength(1);
    expect(history.records[0]!.energyKwh).toBeCloseTo(reports[0]!.energyKwh + reports[1]!.energyKwh, 12);
    // The jobs recorded their own series too.
    expect(parseHistory(repo.file("gpu-carbon-data", historyPath("CI/train (gpu=a100)"))!).records).toHaveLength(1);

    // A pull request's run: same jobs, the a100 job now doubled.
    const [low, high] = reports[0]!.energyKwhRange as [number, number];
    const doubled = {
      ...reports[0]!,
      energyKwh: reports[0]!.energyKwh * 2,
      energyKwhRange: [low * 2, high * 2],
      emissionsKg: reports[0]!.emissionsKg * 2,
    };
    write("gpu-carbon-a100", doubled);
    write("gpu-carbon-h100", reports[1]!);
    const pr = await mergeJob({ eventName: "pull_request", ...pullRequestPayload(9), runId: 502 }, { "max-regression-percent": "10" });
    const body = comments.on(9)[0]!.body;
    expect(body).toMatch(/\| CI\/train \\\(gpu=a100\\\) \| measured \| [\d.]+ Wh \| [\d.]+ g CO2e \| [^|]+ \| [\d.]+ Wh \| \+100\.0% \|/);
    expect(body).toMatch(/\| CI\/train \\\(gpu=h100\\\) \| measured \| [\d.]+ Wh \| [\d.]+ g CO2e \| [^|]+ \| [\d.]+ Wh \| [+-]?0\.0% \|/);
    expect(body).toContain("- `max-regression-percent` **FAILED**");
    // The gate is on the total: doubling a100 adds a100's share of the baseline.
    expect(pr.main.code).toBe(1);
    const expectedPercent = (reports[0]!.energyKwh / (reports[0]!.energyKwh + reports[1]!.energyKwh)) * 100;
    const failed = /::error::gpu-carbon: Gate 'max-regression-percent' failed: energy change against the baseline \+([\d.]+)%/.exec(
      pr.main.stdout,
    );
    expect(Number(failed![1])).toBeCloseTo(expectedPercent, 0);
  });

  it("from a fork, uploads the run's report, and the workflow_run job posts the run's comment", async () => {
    const artifactService = new FakeArtifactService();
    await artifactService.start();
    try {
      const reports = await measure(CELLS.slice(0, 2), pullRequestPayload(8, { fork: true, headSha: HEAD }), "pull_request", 300);
      const forkEvent = { eventName: "pull_request", ...pullRequestPayload(8, { fork: true, headSha: HEAD }), runId: 77 };
      const merge = await mergeJob(forkEvent, {}, { ACTIONS_RESULTS_URL: artifactService.url, ACTIONS_RUNTIME_TOKEN: runtimeToken() });
      expect(merge.main.code).toBe(0);
      expect(merge.main.stdout).toContain("::notice::gpu-carbon: this pull request comes from a fork, whose token cannot comment.");
      expect(comments.on(8)).toHaveLength(0);
      const [uploaded] = [...artifactService.artifacts.values()];
      expect(JSON.parse(uploaded!.zip.toString("utf8"))).toMatchObject({ label: "CI", pullRequest: 8, report: { kind: "run" } });

      runs.addRun({
        id: 77,
        event: "pull_request",
        head_sha: HEAD,
        artifacts: [{ id: 501, name: uploaded!.name, content: uploaded!.zip.toString("utf8") }],
      });
      runs.addPull({ number: 8, headSha: HEAD, base: "main" });
      const commenter = new SimulatedJob(
        {
          PATH: SimulatedJob.pathWithoutSmi(),
          ...workflowEnv({
            apiUrl: gh.url,
            eventName: "workflow_run",
            ref: "refs/heads/main",
            payload: { repository: { full_name: "octo/train", default_branch: "main" }, workflow_run: { id: 77 } },
            runId: 78,
            runnerTemp: false,
          }),
        },
        { "github.event.workflow_run.id": "77" },
      );
      const main = await commenter.run("main", { mode: "comment" });
      expect(main.code).toBe(0);
      expect(main.stdout).not.toContain("::warning::");
      const [comment] = comments.on(8);
      expect(comment!.body.startsWith(`${commentMarker("CI")}\n### GPU energy · CI\n`)).toBe(true);
      expect(comment!.body).toContain("| CI/train \\(gpu=a100\\) | measured |");
      expect(comment!.body).toContain("| CI/train \\(gpu=h100\\) | measured |");
      expect(comment!.body).toContain("| **Total** | measured |");
      expect(JSON.parse(readFileSync(path.join(merge.job.workDir, "report.json"), "utf8")).energyKwh).toBeCloseTo(
        reports[0]!.energyKwh + reports[1]!.energyKwh,
        12,
      );
    } finally {
      await artifactService.stop();
    }
  });
});
