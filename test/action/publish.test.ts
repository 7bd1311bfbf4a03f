import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport } from "../../src/action/publish.js";
import { readSettings } from "../../src/config/settings.js";
import type { ArtifactStore } from "../../src/adapters/github/artifact-store.js";
import { parseHistory, serializeHistory, type HistoryRecord } from "../../src/core/history/records.js";
import { commentMarker, historyPath } from "../../src/core/history/label.js";
import type { Report } from "../../src/core/report/report.js";
import { FakeComments } from "../support/fake-github/comments.js";
import { FakeRepo } from "../support/fake-github/contents.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { pullRequestPayload, pushPayload, workflowEnv } from "../support/fake-github/workflow-env.js";
import { MemoryIo } from "../support/memory-io.js";
import { measuredReport } from "../support/reports.js";

let gh: FakeGitHub;
let repo: FakeRepo;
let comments: FakeComments;
beforeEach(async () => {
  gh = new FakeGitHub();
  repo = new FakeRepo("octo", "train").install(gh);
  comments = new FakeComments().install(gh);
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

const LABEL = "CI/train";
const FILE = historyPath(LABEL);

function mainRecord(runId: number, energyKwh: number): HistoryRecord {
  return {
    runId,
    runAttempt: 1,
    sha: `${runId}`.padStart(40, "a"),
    ref: "refs/heads/main",
    label: LABEL,
    time: new Date(Date.UTC(2025, 11, runId)).toISOString(), // before the report's run (2026-01-01)
    status: "measured",
    energyKwh,
    emissionsKg: energyKwh / 2,
    durationSeconds: 3600,
    coverage: 1,
    gpus: [],
  };
}

function seedHistory(records: HistoryRecord[]): void {
  repo.putFile("gpu-carbon-data", FILE, serializeHistory({ schemaVersion: 1, label: LABEL, records }));
}

async function publish(
  event: { ref: string; payload: Record<string, unknown> },
  eventName: string,
  inputs: Record<string, string> = {},
  report: Report = measuredReport(1.2, 3600),
  extra: { artifacts?: ArtifactStore; runId?: number } = {},
) {
  const io = new MemoryIo();
  const settings = readSettings((name) => ({ "github-token": "job-token", "history-branch": "gpu-carbon-data", ...inputs })[name] ?? "");
  const env = workflowEnv({ apiUrl: gh.url, eventName, ...event, runId: extra.runId });
  await publishReport({
    settings,
    env,
    io,
    report,
    client: { retryBaseMs: 5, throttleId: `job-${Math.random()}` },
    artifacts: extra.artifacts,
  });
  return io;
}

describe("on a pull request", () => {
  it("comments with the comparison against the base branch, then updates the comment", async () => {
    seedHistory([mainRecord(1, 1.0), mainRecord(2, 1.1), mainRecord(3, 0.9)]);
    const io = await publish(pullRequestPayload(7), "pull_request");
    expect(io.warnings).toEqual([]);
    const [comment] = comments.on(7);
    expect(comment!.body.startsWith(`${commentMarker(LABEL)}\n### GPU energy · CI/train\n`)).toBe(true);
    expect(comment!.body).toContain("| GPU energy | 1.20 kWh (1.14-1.26) | 1.00 kWh (0.95-1.05) | +20.0% |");
    expect(comment!.body).toContain("[Workflow run](https://github.com/octo/train/actions/runs/9001)");
    expect(io.summary).toContain("| GPU energy | 1.20 kWh (1.14-1.26) | 1.00 kWh (0.95-1.05) | +20.0% |");
    expect(io.infos).toContain(`gpu-carbon: PR comment created (id ${comment!.id}).`);

    const again = await publish(pullRequestPayload(7), "pull_request", {}, measuredReport(0.9, 3600));
    expect(again.infos).toContain(`gpu-carbon: PR comment updated (id ${comment!.id}).`);
    expect(comments.on(7)).toHaveLength(1);
    expect(comments.on(7)[0]!.body).toContain("| GPU energy | 900 Wh (855-945) | 1.00 kWh (0.95-1.05) | -10.0% |");
    // A pull request never writes the history.
    expect(gh.calls("PUT", /contents/)).toHaveLength(0);
  });

  it("says when there is no baseline yet, and skips the regression gate", async () => {
    const io = await publish(pullRequestPayload(7), "pull_request", { "max-regression-percent": "10" });
    expect(comments.on(7)[0]!.body).toContain("No baseline yet: `main` has no measured run of this label in the history.");
    expect(io.notices).toContain("gpu-carbon: Gate 'max-regression-percent' was not checked: there is no baseline to compare with yet.");
    expect(io.failures).toEqual([]);
  });

  it("fails the job when a gate is exceeded, naming the gate, figure and limit", async () => {
    seedHistory([mainRecord(1, 1.0)]);
    const io = await publish(pullRequestPayload(7), "pull_request", { "max-regression-percent": "10", "max-energy-kwh": "5" });
    expect(io.failures).toEqual([
      "gpu-carbon: Gate 'max-regression-percent' failed: energy change against the baseline +20.0% is above the limit of +10%, beyond noise: even the low end of this run's range (1.14 kWh) is above the baseline's median 1.00 kWh x 1.10 + 2 x spread 0 Wh = 1.10 kWh.",
    ]);
    expect(io.infos).toContain("gpu-carbon: Gate 'max-energy-kwh' passed: GPU energy 1.20 kWh is within the limit of 5.00 kWh.");
    expect(comments.on(7)[0]!.body).toContain(
      "- `max-regression-percent` **FAILED**: +20.0% (limit +10%), beyond noise: this run's range 1.20 kWh (1.14-1.26) is above 1.10 kWh (median 1.00 kWh x 1.10 + 2 x spread 0 Wh = 1.10 kWh)",
    );
  });

  it("warns, naming the permission, when the token may not comment", async () => {
    gh.fail("POST", "/repos/:owner/:repo/issues/:n/comments", { status: 403, body: { message: "Resource not accessible by integration" } });
    const io = await publish(pullRequestPayload(7), "pull_request");
    expect(io.warnings).toEqual([
      "gpu-carbon: Posting the comment on pull request #7 failed (403): the token lacks `pull-requests: write` permission, or it is read-only (pull requests from forks).",
    ]);
    expect(io.failures).toEqual([]);
    expect(io.summary).toContain("### GPU energy · CI/train");
  });

  it("warns and still comments when the history cannot be read", async () => {
    gh.fail("GET", "/repos/:owner/:repo/contents/:path*", { status: 500 }, { status: 500 }, { status: 500 });
    const io = await publish(pullRequestPayload(7), "pull_request");
    expect(io.warnings).toEqual([
      "gpu-carbon: Reading the history from branch 'gpu-carbon-data' failed: GitHub answered 500 after retries.",
    ]);
    expect(comments.on(7)[0]!.body).toContain("No baseline: the history could not be read (see the warnings).");
  });

  it("uploads the report for mode: comment instead of commenting from a fork", async () => {
    const uploaded: string[] = [];
    const artifacts: ArtifactStore = {
      uploadFile: async (file) => {
        uploaded.push(file);
        return 55;
      },
      downloadFile: async () => {
        throw new Error("not used");
      },
    };
    const io = await publish(pullRequestPayload(8, { fork: true }), "pull_request", {}, undefined, { artifacts });
    expect(comments.on(8)).toHaveLength(0);
    expect(gh.calls("POST", /comments/)).toHaveLength(0);
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0]).toMatch(/gpu-carbon-comment-[0-9a-f]{8}\.json$/);
    expect(io.notices[0]).toContain("this pull request comes from a fork, whose token cannot comment. The report was uploaded as artifact");
  });
});

describe("on the default branch", () => {
  it("records the run in its label's file and shows the trend in the summary", async () => {
    seedHistory([mainRecord(1, 1.0), mainRecord(2, 1.1)]);
    const io = await publish(pushPayload("main"), "push");
    expect(io.warnings).toEqual([]);
    const history = parseHistory(repo.file("gpu-carbon-data", FILE)!);
    expect(history.records.map((r) => [r.runId, r.ref, r.energyKwh])).toEqual([
      [1, "refs/heads/main", 1],
      [2, "refs/heads/main", 1.1],
      [9001, "refs/heads/main", 1.2],
    ]);
    expect(io.summary).toContain("Trend of GPU energy over the last 2 builds on `main`, then this run:");
    expect(io.summary).toContain("Baseline: the median of the last 2 measured runs of this label on `main`.");
    expect(comments.comments).toHaveLength(0);
  });

  it("learns the default branch from the API when the payload lacks it, and records schedule runs", async () => {
    const io = await publish({ ref: "refs/heads/main", payload: {} }, "schedule");
    expect(gh.calls("GET", /^\/repos\/octo\/train$/)).toHaveLength(1);
    expect(parseHistory(repo.file("gpu-carbon-data", FILE)!).records).toHaveLength(1);
    expect(io.infos.some((m) => m.includes("(created branch 'gpu-carbon-data')"))).toBe(true);
  });

  it("does not record other branches, other events, or when history is off", async () => {
    await publish(pushPayload("feature"), "push");
    await publish(pushPayload("main"), "release");
    await publish(pushPayload("main"), "push", { "history-branch": "" });
    expect(gh.calls("PUT", /contents/)).toHaveLength(0);
  });

  it("does not record a run that measured nothing", async () => {
    const io = await publish(
      pushPayload("main"),
      "push",
      {},
      measuredReport(0, 60, { energyKwh: null, emissionsKg: null, status: "not-measured" }),
    );
    expect(gh.calls("PUT", /contents/)).toHaveLength(0);
    expect(io.infos).toContain("gpu-carbon: nothing was measured, so this run is not added to the history.");
  });

  it("warns, naming contents: write, when the history cannot be written", async () => {
    repo.putFile("gpu-carbon-data", "README.md", "x");
    gh.fail("PUT", "/repos/:owner/:repo/contents/:path*", { status: 403, body: { message: "Resource not accessible by integration" } });
    const io = await publish(pushPayload("main"), "push");
    expect(io.warnings).toEqual([
      "gpu-carbon: Writing the history to branch 'gpu-carbon-data' failed (403): the token lacks `contents: write` permission, or it is read-only (pull requests from forks).",
    ]);
  });

  it("gives up at the deadline instead of holding up the end of the job", async () => {
    gh.fail("GET", "/repos/:owner/:repo/contents/:path*", { status: 200, body: {}, delayMs: 3000 });
    const io = new MemoryIo();
    const settings = readSettings((name) => ({ "github-token": "t", "history-branch": "gpu-carbon-data" })[name] ?? "");
    const started = Date.now();
    await publishReport({
      settings,
      env: workflowEnv({ apiUrl: gh.url, eventName: "push", ...pushPayload("main") }),
      io,
      report: measuredReport(1, 60),
      client: { deadlineEpochMs: Date.now() + 400, retries: 0, throttleId: "slow" },
    });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(io.warnings).toEqual([
      "gpu-carbon: Reading the history from branch 'gpu-carbon-data' skipped: the time allowed for GitHub API calls ran out.",
      "gpu-carbon: Writing the history to branch 'gpu-carbon-data' skipped: the time allowed for GitHub API calls ran out.",
    ]);
    expect(io.failures).toEqual([]);
  });
});
