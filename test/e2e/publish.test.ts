import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHistory } from "../../src/core/history/records.js";
import { historyPath } from "../../src/core/history/label.js";
import { FakeComments } from "../support/fake-github/comments.js";
import { FakeRepo } from "../support/fake-github/contents.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { pullRequestPayload, pushPayload, workflowEnv } from "../support/fake-github/workflow-env.js";
import { SimulatedJob, sleep } from "../support/runner.js";

const TOKEN = "ghs_secretjobtoken123";
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

/** A job of octo/train on a 200 W GPU, with this event, matrix and token. */
function job(
  event: { ref: string; payload: Record<string, unknown> },
  eventName: string,
  options: { matrix?: string; runId?: number } = {},
) {
  const env = {
    FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
    ...workflowEnv({ apiUrl: gh.url, eventName, ...event, runId: options.runId, runnerTemp: false }),
  };
  return new SimulatedJob(env, { "github.token": TOKEN, "toJSON(matrix)": options.matrix ?? "null" });
}

/** pre, a short workload, post. */
async function measure(j: SimulatedJob, inputs: Record<string, string> = {}) {
  const withInputs = { "interval-ms": "100", "carbon-intensity": "500", ...inputs };
  expect((await j.run("pre", withInputs)).code).toBe(0);
  await sleep(600);
  return j.run("post", withInputs);
}

describe("publishing from the bundled post hook", () => {
  it("comments on a pull request, masks the token, and never prints it", async () => {
    const j = job(pullRequestPayload(7), "pull_request");
    const post = await measure(j);
    expect(post.code).toBe(0);
    const [comment] = comments.on(7);
    expect(comment!.body).toContain("### GPU energy · CI/train");
    expect(comment!.body).toContain("No baseline yet: `main` has no measured run of this label in the history.");
    expect(post.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(post.stdout.replace(`::add-mask::${TOKEN}`, "") + post.stderr).not.toContain(TOKEN);
    expect(gh.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
    expect(post.summary).toContain("## GPU energy and carbon");
    expect(post.summary).toContain("### GPU energy · CI/train");
  });

  it("keeps every matrix job's result when they all finish at once", async () => {
    const cells = ['{"gpu":"a100"}', '{"gpu":"h100"}', '{"gpu":"l4"}'];
    const matrixJobs = cells.map((matrix) => job(pullRequestPayload(7), "pull_request", { matrix }));
    for (const j of matrixJobs) expect((await j.run("pre", { "interval-ms": "100" })).code).toBe(0);
    await sleep(500);
    const posts = await Promise.all(matrixJobs.map((j) => j.run("post", { "interval-ms": "100" })));
    expect(posts.map((p) => p.code)).toEqual([0, 0, 0]);
    const titles = comments
      .on(7)
      .map((c) => c.body.split("\n")[1])
      .sort();
    expect(titles).toEqual([
      "### GPU energy · CI/train \\(gpu=a100\\)",
      "### GPU energy · CI/train \\(gpu=h100\\)",
      "### GPU energy · CI/train \\(gpu=l4\\)",
    ]);
  });

  it("records pushes to the default branch without losing concurrent runs", async () => {
    const pushes = [101, 102, 103].map((runId) => job(pushPayload("main"), "push", { runId }));
    for (const j of pushes) expect((await j.run("pre", { "interval-ms": "100" })).code).toBe(0);
    await sleep(500);
    const posts = await Promise.all(pushes.map((j) => j.run("post", { "interval-ms": "100" })));
    expect(posts.map((p) => p.code)).toEqual([0, 0, 0]);
    const history = parseHistory(repo.file("gpu-carbon-data", historyPath("CI/train"))!);
    expect(history.records.map((r) => r.runId).sort()).toEqual([101, 102, 103]);
    expect(history.records.every((r) => r.ref === "refs/heads/main" && r.energyKwh > 0 && r.gpus.length === 1)).toBe(true);
  });

  it("fails the job when a gate is exceeded, and still writes the report and summary", async () => {
    const j = job(pushPayload("main"), "push");
    const post = await measure(j, { "max-energy-kwh": "0.000001" });
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(
      /::error::gpu-carbon: Gate 'max-energy-kwh' failed: GPU energy [\d.]+ Wh is above the limit of 0\.0010 Wh\./,
    );
    expect(j.report().status).toBe("measured");
    expect(post.summary).toContain("- `max-energy-kwh` **FAILED**");
  });

  it("degrades to a warning with a read-only token", async () => {
    gh.fail("POST", "/repos/:owner/:repo/issues/:n/comments", { status: 403, body: { message: "Resource not accessible by integration" } });
    const j = job(pullRequestPayload(7), "pull_request");
    const post = await measure(j);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      "::warning::gpu-carbon: Posting the comment on pull request #7 failed (403): the token lacks `pull-requests: write` permission",
    );
    expect(j.report().status).toBe("measured");
  });
});
