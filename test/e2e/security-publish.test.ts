// What a run may write to the repository, through the bundled action against a fake GitHub API:
// history only from non-PR runs of the default branch, and a PR comment whose label (untrusted
// once a pull request can change the workflow) cannot inject HTML, markdown or mentions.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeComments } from "../support/fake-github/comments.js";
import { FakeRepo } from "../support/fake-github/contents.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { pullRequestPayload, pushPayload, workflowEnv } from "../support/fake-github/workflow-env.js";
import { SimulatedJob, sleep } from "../support/runner.js";

const TOKEN = "ghs_securitytesttoken456";
let gh: FakeGitHub;
let comments: FakeComments;
beforeEach(async () => {
  gh = new FakeGitHub();
  new FakeRepo("octo", "train").install(gh);
  comments = new FakeComments().install(gh);
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

function job(event: { ref: string; payload: Record<string, unknown> }, eventName: string, runId: number) {
  const env = {
    FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
    ...workflowEnv({ apiUrl: gh.url, eventName, ...event, runId, runnerTemp: false }),
  };
  return new SimulatedJob(env, { "github.token": TOKEN });
}

async function measure(j: SimulatedJob, inputs: Record<string, string> = {}) {
  const withInputs = { "interval-ms": "100", ...inputs };
  expect((await j.run("pre", withInputs)).code).toBe(0);
  await sleep(500);
  const post = await j.run("post", withInputs);
  expect(post.code).toBe(0);
  return post;
}

/** Run ids that wrote to the data branch (the Contents API's PUT, with the run id in the record). */
const historyWrites = () => gh.calls("PUT", /\/contents\//);

describe("history is written only by non-PR runs of the default branch", () => {
  it("pull requests (a fork's branch named main, pull_request_target on main included) and other branches write nothing", async () => {
    const pr = pullRequestPayload(7);
    const forkNamedMain = pullRequestPayload(8, { fork: true });
    (forkNamedMain.payload.pull_request as { head: { ref: string } }).head.ref = "main";
    // pull_request_target runs with the base branch's ref, yet is triggered by a pull request.
    const target = { ref: "refs/heads/main", payload: pullRequestPayload(9).payload };
    const runs = [
      job(pr, "pull_request", 201),
      job(forkNamedMain, "pull_request", 202),
      job(target, "pull_request_target", 203),
      job(pushPayload("feature"), "push", 204),
      job(pushPayload("main"), "workflow_run", 205),
    ];
    await Promise.all(runs.map((j) => measure(j)));
    expect(historyWrites()).toEqual([]);
  });

  it("a push to the default branch writes its record (the control)", async () => {
    await measure(job(pushPayload("main"), "push", 301));
    expect(historyWrites()).toHaveLength(1);
    const written = Buffer.from(String((historyWrites()[0]!.body as { content: string }).content), "base64").toString("utf8");
    expect(written).toMatch(/"runId": ?301\b/);
  });
});

describe("a hostile label in the PR comment", () => {
  it("cannot close the hidden marker, add HTML or markdown, or mention anyone", async () => {
    const label = "x --> <img src=x onerror=alert(1)> **@octo-org/admins** [l](https://e.example)";
    await measure(job(pullRequestPayload(7), "pull_request", 401), { label });
    const [comment] = comments.on(7);
    expect(comment).toBeDefined();
    const body = comment!.body;
    // The marker stays one HTML comment: the label's "-->" is percent-encoded inside it.
    expect(body.split("-->").length - 1).toBe(body.split("<!--").length - 1);
    expect(body).not.toContain("<img");
    expect(body).not.toMatch(/@octo/);
    expect(body).toContain(
      "### GPU energy · x --&gt; &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*@\u200bocto-org/admins\\*\\* \\[l\\]\\(https://e.example\\)",
    );
  });
});
