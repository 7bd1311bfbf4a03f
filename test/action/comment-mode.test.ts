import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postFromArtifact } from "../../src/action/comment-mode.js";
import { readSettings } from "../../src/config/settings.js";
import type { ArtifactStore } from "../../src/adapters/github/artifact-store.js";
import { serializeHistory } from "../../src/core/history/records.js";
import { commentMarker, historyPath } from "../../src/core/history/label.js";
import { FakeComments } from "../support/fake-github/comments.js";
import { FakeRepo } from "../support/fake-github/contents.js";
import { FakeRunsAndPulls } from "../support/fake-github/runs-and-pulls.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { workflowEnv } from "../support/fake-github/workflow-env.js";
import { MemoryIo } from "../support/memory-io.js";
import { measuredReport } from "../support/reports.js";

const HEAD = "feedfacefeedfacefeedfacefeedfacefeedface";
let gh: FakeGitHub;
let repo: FakeRepo;
let comments: FakeComments;
let runs: FakeRunsAndPulls;
beforeEach(async () => {
  gh = new FakeGitHub();
  repo = new FakeRepo("octo", "train").install(gh);
  comments = new FakeComments().install(gh);
  runs = new FakeRunsAndPulls().install(gh);
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

/** Artifacts served from the fake runs, as the artifact service would. */
const artifacts: ArtifactStore = {
  uploadFile: async () => {
    throw new Error("not used");
  },
  downloadFile: async (id, fileName, dir) => {
    const artifact = runs.artifact(id);
    if (!artifact) throw Object.assign(new Error("Not Found"), { status: 404, response: {} });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, fileName), artifact.content);
    return path.join(dir, fileName);
  },
};

function upload(label: string, pullRequest: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaVersion: 1,
    label,
    pullRequest,
    headSha: HEAD,
    baseRef: "main",
    report: measuredReport(1.2, 3600),
    ...extra,
  });
}

async function commentMode(inputs: Record<string, string> = { "run-id": "77" }) {
  const io = new MemoryIo();
  const settings = readSettings(
    (name) => ({ mode: "comment", "github-token": "job-token", "history-branch": "gpu-carbon-data", ...inputs })[name] ?? "",
  );
  const env = workflowEnv({
    apiUrl: gh.url,
    eventName: "workflow_run",
    ref: "refs/heads/main",
    payload: { repository: { full_name: "octo/train", default_branch: "main" } },
  });
  await postFromArtifact({ settings, env, io, client: { retryBaseMs: 5, throttleId: `c-${Math.random()}` }, artifacts });
  return io;
}

describe("mode: comment", () => {
  it("posts a fork pull request's uploaded report, compared with the base branch", async () => {
    repo.putFile(
      "gpu-carbon-data",
      historyPath("CI/train"),
      serializeHistory({
        schemaVersion: 1,
        label: "CI/train",
        records: [
          {
            runId: 1,
            runAttempt: 1,
            sha: "a".repeat(40),
            ref: "refs/heads/main",
            label: "CI/train",
            time: "2025-12-01T00:00:00.000Z",
            status: "measured",
            energyKwh: 1,
            emissionsKg: 0.5,
            durationSeconds: 3600,
            coverage: 1,
            gpus: [],
          },
        ],
      }),
    );
    runs.addPull({ number: 8, headSha: HEAD, base: "main" });
    runs.addRun({
      id: 77,
      event: "pull_request",
      head_sha: HEAD,
      artifacts: [
        { id: 5, name: "gpu-carbon-comment-1234abcd.json", content: upload("CI/train", 8) },
        { id: 6, name: "other.zip", content: "" },
      ],
    });
    const io = await commentMode();
    expect(io.warnings).toEqual([]);
    const [comment] = comments.on(8);
    expect(comment!.body.startsWith(`${commentMarker("CI/train")}\n### GPU energy · CI/train`)).toBe(true);
    expect(comment!.body).toContain("| GPU energy | 1.20 kWh (1.14-1.26) | 1.00 kWh (0.95-1.05) | +20.0% |");
    expect(comment!.body).toContain("[Workflow run](https://github.com/octo/train/actions/runs/77)");
    // Once more: the same comment is updated.
    await commentMode();
    expect(comments.on(8)).toHaveLength(1);
  });

  it("refuses a report that names another pull request than the one the run built", async () => {
    runs.addPull({ number: 9, headSha: "0".repeat(40), base: "main" });
    runs.addRun({
      id: 77,
      event: "pull_request",
      head_sha: HEAD,
      artifacts: [{ id: 5, name: "gpu-carbon-comment-1.json", content: upload("CI/train", 9) }],
    });
    const io = await commentMode();
    expect(comments.comments).toHaveLength(0);
    expect(io.warnings).toEqual([
      "gpu-carbon: artifact gpu-carbon-comment-1.json names pull request #9, whose head is not the commit run 77 built; not posted.",
    ]);
  });

  it("refuses an uploaded file that is not a report, and escapes the text of one that is", async () => {
    runs.addPull({ number: 8, headSha: HEAD, base: "main" });
    runs.addRun({
      id: 77,
      event: "pull_request",
      head_sha: HEAD,
      artifacts: [
        { id: 5, name: "gpu-carbon-comment-1.json", content: '{"schemaVersion":1}' },
        { id: 6, name: "gpu-carbon-comment-2.json", content: upload("<script>@org/team</script>", 8) },
      ],
    });
    const io = await commentMode();
    expect(io.warnings[0]).toMatch(
      /^gpu-carbon: artifact gpu-carbon-comment-1\.json of run 77 could not be used: .*not a gpu-carbon comment file/,
    );
    expect(comments.on(8)[0]!.body).toContain("### GPU energy · &lt;script&gt;@\u200borg/team&lt;/script&gt;");
  });

  it("says so when the run uploaded nothing, and names actions: read when it may not look", async () => {
    runs.addRun({ id: 77, event: "pull_request", head_sha: HEAD, artifacts: [] });
    expect((await commentMode()).infos).toContain(
      "gpu-carbon: run 77 uploaded no report to comment with (it was not a fork pull request, or it measured nothing).",
    );
    gh.fail("GET", "/repos/:owner/:repo/actions/runs/:id", { status: 403, body: { message: "Resource not accessible by integration" } });
    expect((await commentMode()).warnings).toEqual([
      "gpu-carbon: Reading the artifacts of run 77 failed (403): the token lacks `actions: read` permission, or it is read-only (pull requests from forks).",
    ]);
  });

  it("fails early without a run id", async () => {
    const io = await commentMode({ "run-id": "" });
    expect(io.failures[0]).toBe(
      "Input 'run-id' is needed with 'mode: comment': the id of the run that uploaded the report (in a workflow_run workflow, its default).",
    );
  });
});
