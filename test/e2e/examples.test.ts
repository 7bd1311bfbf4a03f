/**
 * Every example workflow, on its first run: each job's gpu-carbon steps run through the bundled
 * hooks on the simulated runner, for each event the workflow is triggered by, with a token that
 * the fake GitHub API limits to exactly the `permissions:` the example declares. Nothing may warn,
 * nothing may be refused, and what the example promises (the history on the default branch, the
 * comment on a pull request) must be there.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FakeArtifactService, runtimeToken } from "../support/fake-artifacts/server.js";
import { FakeComments } from "../support/fake-github/comments.js";
import { FakeRepo } from "../support/fake-github/contents.js";
import { addJobsRoutes, job as fakeJob, steps } from "../support/fake-github/jobs.js";
import { FakeRunsAndPulls } from "../support/fake-github/runs-and-pulls.js";
import { FakeGitHub, type Permissions } from "../support/fake-github/server.js";
import { pullRequestPayload, pushPayload, workflowEnv } from "../support/fake-github/workflow-env.js";
import { ROOT, SimulatedJob, sleep, type HookResult } from "../support/runner.js";

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Permissions;
  strategy?: { matrix?: Record<string, unknown[]> };
  steps?: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, { workflows?: string[] } | null>;
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

const EXAMPLES = path.join(ROOT, "examples");
const workflows = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".yml"))
  .map((file) => ({ file, workflow: parse(readFileSync(path.join(EXAMPLES, file), "utf8")) as Workflow }));

const OURS = /^gpu-carbon\/gpu-carbon@/;
const RUN_ID = 9001;
const RUNNER = "gpu-runner-1";

/** The job's permissions: its own, else the workflow's. The examples must set one of them. */
function permissionsOf(workflow: Workflow, job: Job): Permissions {
  const permissions = job.permissions ?? workflow.permissions;
  if (permissions === undefined || typeof permissions !== "object") throw new Error("the example declares no permissions: map");
  return permissions;
}

/** The first cell of the job's matrix, or null outside a matrix. */
function firstCell(job: Job): Record<string, unknown> | null {
  const matrix = job.strategy?.matrix;
  if (!matrix) return null;
  return Object.fromEntries(Object.entries(matrix).map(([key, values]) => [key, values[0]]));
}

/** The step's `with:` inputs as the runner hands them on, `${{ matrix.* }}` evaluated. */
function inputsOf(step: Step, cell: Record<string, unknown> | null): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([name, value]) => [
      name,
      String(value).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, expression: string) => {
        const key = /^matrix\.(\w+)$/.exec(expression)?.[1];
        if (!key || !cell || !(key in cell)) throw new Error(`no value for \${{ ${expression} }} in this test`);
        return String(cell[key]);
      }),
    ]),
  );
}

/**
 * The events a workflow runs a job on, where the job's `if:` tests the event name. A
 * `workflow_dispatch` on the default branch does what a `push` or `schedule` there does, so it is
 * run only where neither is.
 */
function eventsOf(workflow: Workflow, job: Job): string[] {
  const only = /github\.event_name\s*==\s*'(\w+)'/.exec(job.if ?? "")?.[1];
  const events = Object.keys(workflow.on).filter((event) => !only || event === only);
  const recorded = events.includes("push") || events.includes("schedule");
  return events.filter((event) => !(event === "workflow_dispatch" && recorded));
}

/** A write permission as a fork's pull request gets it: read at most. */
function readOnly(permissions: Permissions): Permissions {
  return Object.fromEntries(Object.entries(permissions).map(([scope, level]) => [scope, level === "write" ? "read" : level]));
}

let gh: FakeGitHub;
let repo: FakeRepo;
let comments: FakeComments;
let runs: FakeRunsAndPulls;
let artifacts: FakeArtifactService;
beforeEach(async () => {
  gh = new FakeGitHub();
  repo = new FakeRepo("octo", "train").install(gh);
  comments = new FakeComments().install(gh);
  runs = new FakeRunsAndPulls().install(gh);
  await gh.start();
  artifacts = new FakeArtifactService();
  await artifacts.start();
});
afterEach(async () => {
  await gh.close();
  await artifacts.stop();
});

/** The event payload the job sees. */
function eventFor(event: string, fork: boolean): { ref: string; payload: Record<string, unknown> } {
  if (event === "push") return pushPayload("main");
  if (event === "pull_request") return pullRequestPayload(7, { fork });
  return { ref: "refs/heads/main", payload: { repository: { full_name: "octo/train", default_branch: "main" } } };
}

/**
 * Runs the gpu-carbon steps of `jobId` as the runner would for `event`: every pre in order, a
 * short workload, every main, then every post in reverse order. Returns every hook's result.
 */
async function runJob(
  workflow: Workflow,
  jobId: string,
  event: string,
  options: {
    fork?: boolean;
    runId?: number;
    expressions?: Record<string, string>;
    payload?: Record<string, unknown>;
    /** The job's workspace (GITHUB_WORKSPACE), where a merge job finds the downloaded reports. */
    workspace?: string;
    /** Receives the job's report.json and the artifact name its gpu-carbon step uploads it under. */
    onReport?: (report: string, artifactName: string) => void;
  } = {},
): Promise<HookResult[]> {
  const job = workflow.jobs[jobId]!;
  const token = `ghs_${jobId}_${event}_${options.runId ?? RUN_ID}`;
  const declared = permissionsOf(workflow, job);
  gh.grant(token, options.fork ? readOnly(declared) : declared);
  const runId = options.runId ?? RUN_ID;
  const started = Date.now();
  addJobsRoutes(gh, () => [
    fakeJob({
      name: jobId,
      run_id: runId,
      runner_name: RUNNER,
      steps: steps(started, [
        ["Set up job", 0, 1000],
        ["Train", 1000, null],
      ]),
    }),
  ]);
  const cell = firstCell(job);
  const payload = options.payload ? { ref: "refs/heads/main", payload: options.payload } : eventFor(event, options.fork ?? false);
  const simulated = new SimulatedJob(
    {
      FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
      RUNNER_NAME: RUNNER,
      ACTIONS_RESULTS_URL: artifacts.url,
      ACTIONS_RUNTIME_TOKEN: runtimeToken(),
      ...workflowEnv({ apiUrl: gh.url, eventName: event, ...payload, runId, workflow: workflow.name, job: jobId, runnerTemp: false }),
      ...(options.workspace ? { GITHUB_WORKSPACE: options.workspace } : {}),
    },
    { "github.token": token, "toJSON(matrix)": JSON.stringify(cell), ...options.expressions },
  );
  const ours = (job.steps ?? []).map((step, i) => ({ step, instance: `step-${i}` })).filter(({ step }) => OURS.test(step.uses ?? ""));
  const results: HookResult[] = [];
  for (const { step, instance } of ours) results.push(await simulated.run("pre", inputsOf(step, cell), instance));
  await sleep(1200);
  for (const { step, instance } of ours) results.push(await simulated.run("main", inputsOf(step, cell), instance));
  for (const { step, instance } of [...ours].reverse()) results.push(await simulated.run("post", inputsOf(step, cell), instance));
  if (options.onReport) {
    const artifactName = inputsOf(ours[0]!.step, cell)["artifact-name"] ?? "gpu-carbon";
    options.onReport(readFileSync(path.join(simulated.runnerTemp, "gpu-carbon", "report.json"), "utf8"), artifactName);
  }
  return results;
}

/** Annotations that would show on the run's page as a problem. */
function problems(results: HookResult[]): string[] {
  return results.flatMap((r) =>
    `${r.stdout}\n${r.stderr}`
      .split("\n")
      .filter((line) => /^::(warning|error)/.test(line) || (/^::notice/.test(line) && /permission|403|not accessible/i.test(line))),
  );
}

const cases = workflows.flatMap(({ file, workflow }) =>
  Object.entries(workflow.jobs)
    .filter(([, job]) => (job.steps ?? []).some((s) => OURS.test(s.uses ?? "")))
    .flatMap(([jobId, job]) => eventsOf(workflow, job).map((event) => ({ file, workflow, jobId, event }))),
);

describe("the example workflows on their first run, with exactly the permissions they declare", () => {
  it("cover every example that uses the action", () => {
    expect(new Set(cases.map((c) => c.file))).toEqual(
      new Set(workflows.filter(({ workflow }) => JSON.stringify(workflow).includes("gpu-carbon/gpu-carbon@")).map((w) => w.file)),
    );
  });

  it("record a baseline wherever they gate on a regression", () => {
    const gated = cases.filter(({ workflow, jobId }) =>
      (workflow.jobs[jobId]!.steps ?? []).some((step) => step.with?.["max-regression-percent"] !== undefined),
    );
    for (const { file, workflow, jobId } of gated)
      expect(
        eventsOf(workflow, workflow.jobs[jobId]!).filter((e) => e === "push" || e === "schedule"),
        file,
      ).not.toEqual([]);
  });

  it.each(cases.map((c) => [`${c.file}: ${c.jobId} on ${c.event}`, c] as const))("%s", async (_name, { workflow, jobId, event }) => {
    let results: HookResult[];
    if (event === "workflow_run") {
      // The run that triggers it first: the named workflow's pull request job, from a fork.
      const names = workflow.on.workflow_run?.workflows ?? [];
      const measuring = workflows.find((w) => names.includes(w.workflow.name));
      expect(measuring, `the workflow '${names.join(", ")}' that triggers ${workflow.name}`).toBeDefined();
      const [measuringJob] = Object.keys(measuring!.workflow.jobs);
      const forkRun = await runJob(measuring!.workflow, measuringJob!, "pull_request", { fork: true, runId: 77 });
      expect(problems(forkRun)).toEqual([]);
      const [uploaded] = [...artifacts.artifacts.values()].filter((a) => a.name.startsWith("gpu-carbon-comment-"));
      expect(uploaded, "the fork's run uploads its report").toBeDefined();
      runs.addRun({
        id: 77,
        event: "pull_request",
        head_sha: "feedfacefeedfacefeedfacefeedfacefeedface",
        artifacts: [{ id: 501, name: uploaded!.name, content: uploaded!.zip.toString("utf8") }],
      });
      runs.addPull({ number: 7, headSha: "feedfacefeedfacefeedfacefeedfacefeedface", base: "main" });
      results = await runJob(workflow, jobId, event, {
        runId: 78,
        expressions: { "github.event.workflow_run.id": "77" },
        payload: { repository: { full_name: "octo/train", default_branch: "main" }, workflow_run: { id: 77, event: "pull_request" } },
      });
    } else if (workflow.jobs[jobId]!.needs) {
      // A merge job: the jobs it needs run first, and their reports are where download-artifact
      // puts them (gpu-carbon-reports/<artifact name>/report.json) in its workspace.
      const needed = [workflow.jobs[jobId]!.needs].flat();
      const workspace = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-example-"));
      try {
        for (const [i, neededId] of needed.entries()) {
          const before = await runJob(workflow, neededId, event, {
            runId: RUN_ID,
            onReport: (report, artifactName) => {
              mkdirSync(path.join(workspace, "gpu-carbon-reports", artifactName), { recursive: true });
              writeFileSync(path.join(workspace, "gpu-carbon-reports", artifactName, "report.json"), report);
            },
          });
          expect(problems(before), `${neededId} (${i + 1})`).toEqual([]);
        }
        results = await runJob(workflow, jobId, event, { workspace });
      } finally {
        rmSync(workspace, { recursive: true, force: true });
      }
    } else {
      results = await runJob(workflow, jobId, event);
    }
    expect(results.map((r) => r.code)).toEqual(results.map(() => 0));
    expect(problems(results)).toEqual([]);
    expect(gh.refused).toEqual([]);
    // A job whose gpu-carbon step leaves the comment to a merge job posts none.
    const comments7 = comments.on(7);
    const commenting = (workflow.jobs[jobId]!.steps ?? []).some(
      (step) => OURS.test(step.uses ?? "") && step.with?.["pr-comment"] !== false,
    );
    if (event === "pull_request" || event === "workflow_run") expect(comments7).toHaveLength(commenting ? 1 : 0);
    else {
      // One history file per job that measured or merged on the default branch.
      const recorded = 1 + [workflow.jobs[jobId]!.needs ?? []].flat().length;
      expect([...(repo.branches.get("gpu-carbon-data")?.keys() ?? [])].filter((file) => file.startsWith("history/"))).toHaveLength(
        recorded,
      );
    }
  });
});
