// Damaged, hostile or full history files, through the bundled post hook against the fake API:
// no record is lost (a damaged file is kept beside a fresh one), values are range-checked on
// read, a trimmed record is reported as such, and nothing in a history reaches Markdown raw.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHistory } from "../../src/core/history/records.js";
import { historyPath } from "../../src/core/history/label.js";
import { FakeComments } from "../support/fake-github/comments.js";
import { FakeRepo } from "../support/fake-github/contents.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { pullRequestPayload, pushPayload, workflowEnv } from "../support/fake-github/workflow-env.js";
import { SimulatedJob, sleep } from "../support/runner.js";

const BRANCH = "gpu-carbon-data";
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

function job(event: { ref: string; payload: Record<string, unknown> }, eventName: string, runId = 9001): SimulatedJob {
  const env = {
    FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
    ...workflowEnv({ apiUrl: gh.url, eventName, ...event, runId, runnerTemp: false }),
  };
  return new SimulatedJob(env, { "github.token": "ghs_historyjobtoken" });
}

async function measure(j: SimulatedJob, inputs: Record<string, string> = {}) {
  const withInputs = { "interval-ms": "100", "carbon-intensity": "500", ...inputs };
  expect((await j.run("pre", withInputs)).code).toBe(0);
  await sleep(500);
  return j.run("post", withInputs);
}

/** A record as the action writes it, with some fields replaced. */
function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    runId: 1,
    runAttempt: 1,
    sha: "0123456789abcdef0123456789abcdef01234567",
    ref: "refs/heads/main",
    label: "CI/train",
    time: "2026-01-01T00:00:00.000Z",
    status: "measured",
    energyKwh: 0.25,
    emissionsKg: 0.1,
    durationSeconds: 3600,
    coverage: 1,
    gpus: [],
    ...overrides,
  };
}

const historyText = (records: unknown[]) => JSON.stringify({ schemaVersion: 1, label: "CI/train", records });
const FILE = historyPath("CI/train");
const ASIDE = FILE.replace(/\.json$/, ".damaged-9001-1.json");

describe("a damaged or hostile history file is kept aside and a fresh one started", () => {
  const damaged: [what: string, text: string, reason: RegExp][] = [
    ["malformed JSON", '{"schemaVersion": 1, "records": [', /not JSON/],
    ["an infinite energy", historyText([record({ energyKwh: 12345.5 })]).replace("12345.5", "1e999"), /records\.0\.energyKwh/],
    ['a "NaN" energy', historyText([record({ energyKwh: "NaN" })]), /records\.0\.energyKwh/],
    ["a negative energy (it would turn the regression gate off)", historyText([record({ energyKwh: -5 })]), /records\.0\.energyKwh/],
  ];
  for (const [what, text, reason] of damaged) {
    it(what, async () => {
      repo.putFile(BRANCH, FILE, text);
      const post = await measure(job(pushPayload("main"), "push"));
      expect(post.code).toBe(0);
      expect(post.stdout).toMatch(
        new RegExp(
          `::warning::gpu-carbon: ${FILE.replace(/[.]/g, "\\.")} on '${BRANCH}' was not a usable history file \\(.*\\); it was kept as ${ASIDE.replace(/[.]/g, "\\.")} and a new history started\\.`,
        ),
      );
      expect(post.stdout).toMatch(reason);
      expect(post.stdout).not.toContain("network error or timeout");
      expect(repo.file(BRANCH, ASIDE)).toBe(text);
      const fresh = parseHistory(repo.file(BRANCH, FILE)!);
      expect(fresh.records.map((r) => r.runId)).toEqual([9001]);
      expect(post.stdout).toContain(`gpu-carbon: recorded this run in ${FILE} on '${BRANCH}'; 1 record(s).`);
    });
  }
});

describe("a record trimmed at once is reported as such", () => {
  it("history-limit records stamped later are already there: post says this run was not kept", async () => {
    const later = [record({ runId: 1, time: "2999-01-01T00:00:00.000Z" }), record({ runId: 2, time: "2999-01-02T00:00:00.000Z" })];
    repo.putFile(BRANCH, FILE, historyText(later));
    const post = await measure(job(pushPayload("main"), "push"), { "history-limit": "2" });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      `::warning::gpu-carbon: this run was not kept in ${FILE} on '${BRANCH}': the file already holds 2 record(s) stamped later, and 'history-limit' is 2.`,
    );
    expect(post.stdout).not.toContain("recorded this run");
  });
});

describe("nothing from a history reaches Markdown raw", () => {
  it("a crafted sha cannot close the Mermaid fence of the PR comment and @mention someone", async () => {
    const crafted = [1, 2, 3].map((runId) =>
      record({ runId, sha: "\n```\n@mallory-the-attacker", time: `2026-01-0${runId}T00:00:00.000Z` }),
    );
    repo.putFile(BRANCH, FILE, historyText(crafted));
    const post = await measure(job(pullRequestPayload(7), "pull_request"));
    expect(post.code).toBe(0);
    const body = comments.on(7)[0]!.body;
    expect(body).not.toMatch(/(^|[^\u200b])@mallory/m);
    expect(body.split("\n").filter((line) => line.startsWith("```")).length % 2).toBe(0);
  });
});

describe("the data branch cannot be created", () => {
  it("a 422 that is not 'already exists' is reported as GitHub's refusal, not as a missing permission", async () => {
    gh.fail("POST", "/repos/:owner/:repo/git/refs", { status: 422, body: { message: "Reference update failed" } });
    const post = await measure(job(pushPayload("main"), "push"));
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      "::warning::gpu-carbon: Writing the history to branch 'gpu-carbon-data' failed: GitHub refused to create the branch (422: Reference update failed",
    );
    expect(post.stdout).not.toContain("contents: write");
  });
});
