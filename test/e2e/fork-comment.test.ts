import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commentMarker } from "../../src/core/history/label.js";
import { FakeArtifactService, runtimeToken } from "../support/fake-artifacts/server.js";
import { FakeComments } from "../support/fake-github/comments.js";
import { FakeRepo } from "../support/fake-github/contents.js";
import { FakeRunsAndPulls } from "../support/fake-github/runs-and-pulls.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { pullRequestPayload, workflowEnv } from "../support/fake-github/workflow-env.js";
import { SimulatedJob, sleep } from "../support/runner.js";

const HEAD = "feedfacefeedfacefeedfacefeedfacefeedface";
let gh: FakeGitHub;
let comments: FakeComments;
let runs: FakeRunsAndPulls;
let artifactService: FakeArtifactService;
beforeEach(async () => {
  gh = new FakeGitHub();
  new FakeRepo("octo", "train").install(gh);
  comments = new FakeComments().install(gh);
  runs = new FakeRunsAndPulls().install(gh);
  await gh.start();
  artifactService = new FakeArtifactService();
  await artifactService.start();
});
afterEach(async () => {
  await gh.close();
  await artifactService.stop();
});

describe("a pull request from a fork", () => {
  it("uploads its report, and the workflow_run job posts it with mode: comment", async () => {
    // 1. The fork's pull_request run: its token cannot comment, so post uploads the report.
    const measured = new SimulatedJob({
      FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
      ACTIONS_RESULTS_URL: artifactService.url,
      ACTIONS_RUNTIME_TOKEN: runtimeToken(),
      ...workflowEnv({
        apiUrl: gh.url,
        eventName: "pull_request",
        ...pullRequestPayload(8, { fork: true, headSha: HEAD }),
        runId: 77,
        runnerTemp: false,
      }),
    });
    expect((await measured.run("pre", { "interval-ms": "100" })).code).toBe(0);
    await sleep(500);
    const post = await measured.run("post", { "interval-ms": "100" });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(
      /::notice::gpu-carbon: this pull request comes from a fork, whose token cannot comment\. The report was uploaded as artifact gpu-carbon-comment-[0-9a-f]{8}\.json/,
    );
    expect(gh.calls("POST", /comments$/)).toHaveLength(0);
    const [uploaded] = [...artifactService.artifacts.values()];
    expect(uploaded!.finalized).toBe(true);
    expect(JSON.parse(uploaded!.zip.toString("utf8"))).toMatchObject({
      schemaVersion: 1,
      label: "CI/train",
      pullRequest: 8,
      headSha: HEAD,
    });

    // 2. The trusted workflow_run job, no GPU: downloads the artifact by run id and comments.
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
    expect((await commenter.run("pre", { mode: "comment" })).code).toBe(0);
    const main = await commenter.run("main", { mode: "comment" });
    expect(main.code).toBe(0);
    expect(main.stdout).not.toContain("::warning::");
    const [comment] = comments.on(8);
    expect(comment!.body.startsWith(`${commentMarker("CI/train")}\n### GPU energy · CI/train\n`)).toBe(true);
    expect(comment!.body).toContain("No baseline yet: `main` has no measured run of this label in the history.");
    expect(main.stdout).toContain(`gpu-carbon: PR comment on #8 created (id ${comment!.id}).`);
    // The download went through the artifact client: the API redirect, then blob storage.
    expect(gh.calls("GET", /^\/repos\/octo\/train\/actions\/artifacts\/501\/zip$/)).toHaveLength(1);
    expect(gh.calls("GET", /^\/_blob\/501$/)).toHaveLength(1);
    expect((await commenter.run("post", { mode: "comment" })).code).toBe(0);
  });
});
