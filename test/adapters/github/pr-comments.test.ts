import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, describeApiError } from "../../../src/adapters/github/client.js";
import { upsertComment } from "../../../src/adapters/github/pr-comments.js";
import { FakeComments } from "../../support/fake-github/comments.js";
import { FakeGitHub } from "../../support/fake-github/server.js";

let gh: FakeGitHub;
let comments: FakeComments;
beforeEach(async () => {
  gh = new FakeGitHub();
  comments = new FakeComments({ "pat-token": "alice" }).install(gh);
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

const target = { owner: "octo", repo: "train", issueNumber: 7 };
let clients = 0;
// Each client stands in for one job, a process of its own with its own pacing of writes.
const client = (token = "job-token") => createGitHubClient(token, { baseUrl: gh.url, retryBaseMs: 5, throttleId: `job-${(clients += 1)}` });

describe("the sticky comment", () => {
  it("is created once and then updated in place", async () => {
    const first = await upsertComment(client(), target, "<!-- m:a -->", "<!-- m:a -->\nfirst");
    expect(first.action).toBe("created");
    const second = await upsertComment(client(), target, "<!-- m:a -->", "<!-- m:a -->\nsecond");
    expect(second).toEqual({ action: "updated", id: first.id });
    expect(comments.on(7).map((c) => c.body)).toEqual(["<!-- m:a -->\nsecond"]);
    expect(gh.calls("POST", /comments$/)).toHaveLength(1);
    expect(gh.calls("PATCH", /comments\/\d+$/)).toHaveLength(1);
  });

  it("finds its comment on a later page, and only by its own author and marker", async () => {
    for (let i = 0; i < 230; i += 1) comments.add(7, `chatter ${i}`, "bob");
    comments.add(7, "quoting <!-- m:a --> in a reply", "bob");
    const mine = comments.add(7, "<!-- m:a -->\nold", "github-actions[bot]");
    comments.add(7, "<!-- m:b -->\nanother label", "github-actions[bot]");
    const result = await upsertComment(client(), target, "<!-- m:a -->", "<!-- m:a -->\nnew");
    expect(result).toEqual({ action: "updated", id: mine.id });
    expect(mine.body).toBe("<!-- m:a -->\nnew");
    expect(gh.calls("GET", /\/issues\/7\/comments$/).length).toBe(3); // 233 comments in pages of 100
    expect(comments.on(7).filter((c) => c.body.includes("another label"))).toHaveLength(1);
  });

  it("uses the login of a personal token", async () => {
    comments.add(7, "<!-- m:a -->\nby the bot", "github-actions[bot]");
    const result = await upsertComment(client("pat-token"), target, "<!-- m:a -->", "<!-- m:a -->\nby alice");
    expect(result.action).toBe("created");
    expect(comments.on(7).map((c) => c.user.login)).toEqual(["github-actions[bot]", "alice"]);
  });

  it("does not lose a matrix job's result when all jobs post at once", async () => {
    const labels = Array.from({ length: 8 }, (_, i) => `m:${i}`);
    await Promise.all(labels.map((l) => upsertComment(client(), target, `<!-- ${l} -->`, `<!-- ${l} -->\nresult ${l}`)));
    await Promise.all(labels.map((l) => upsertComment(client(), target, `<!-- ${l} -->`, `<!-- ${l} -->\nresult ${l} again`)));
    const bodies = comments
      .on(7)
      .map((c) => c.body)
      .sort();
    expect(bodies).toEqual(labels.map((l) => `<!-- ${l} -->\nresult ${l} again`).sort());
  });

  it("ends with one comment when runs of the same label race to create it", async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => upsertComment(client(), target, "<!-- m:a -->", `<!-- m:a -->\nrun ${n}`)));
    const left = comments.on(7);
    expect(left).toHaveLength(1);
    expect(left[0]!.body).toMatch(/^<!-- m:a -->\nrun [1-4]$/);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([left[0]!.id]));
  });

  it("names the missing permission on 403, and does not retry it", async () => {
    gh.fail("POST", "/repos/:owner/:repo/issues/:n/comments", { status: 403, body: { message: "Resource not accessible by integration" } });
    const error = await upsertComment(client(), target, "<!-- m -->", "<!-- m -->\nx").catch((e: unknown) => e);
    expect(describeApiError(error, "Posting the comment", "pull-requests: write")).toBe(
      "Posting the comment failed (403): the token lacks `pull-requests: write` permission, or it is read-only (pull requests from forks)",
    );
    expect(gh.calls("POST", /comments$/)).toHaveLength(1);
  });

  it("retries a 5xx on the listing", async () => {
    gh.fail("GET", "/repos/:owner/:repo/issues/:n/comments", { status: 502, body: { message: "Bad Gateway" } });
    expect((await upsertComment(client(), target, "<!-- m -->", "<!-- m -->\nx")).action).toBe("created");
    expect(comments.on(7)).toHaveLength(1);
  });

  it("reports a 422 for a body over GitHub's limit", async () => {
    const error = await upsertComment(client(), target, "<!-- m -->", "<!-- m -->" + "x".repeat(70_000)).catch((e: unknown) => e);
    expect((error as { status: number }).status).toBe(422);
    expect(comments.on(7)).toHaveLength(0);
  });
});
