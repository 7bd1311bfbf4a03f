import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, describeApiError } from "../../../src/adapters/github/client.js";
import { FakeGitHub, paginate } from "../../support/fake-github/server.js";

let gh: FakeGitHub;
beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

describe("the GitHub client over HTTP", () => {
  it("retries a 5xx and then succeeds", async () => {
    gh.route("GET", "/repos/:owner/:repo", (_req, p) => ({
      status: 200,
      body: { full_name: `${p.owner}/${p.repo}`, default_branch: "main" },
    }));
    gh.fail("GET", "/repos/:owner/:repo", { status: 502, body: { message: "Bad Gateway" } });
    const client = createGitHubClient("t0ken", { baseUrl: gh.url, retryBaseMs: 10 });
    const { data } = await client.rest.repos.get({ owner: "o", repo: "r" });
    expect(data.default_branch).toBe("main");
    expect(gh.calls("GET", /^\/repos\/o\/r$/)).toHaveLength(2);
    expect(gh.requests[0]!.headers.authorization).toBe("token t0ken");
  });

  it("does not retry a 403 and names the missing permission", async () => {
    gh.route("POST", "/repos/:owner/:repo/issues/:n/comments", () => ({
      status: 403,
      body: { message: "Resource not accessible by integration" },
    }));
    const client = createGitHubClient("t", { baseUrl: gh.url });
    const error = await client.rest.issues.createComment({ owner: "o", repo: "r", issue_number: 1, body: "x" }).catch((e: unknown) => e);
    expect(gh.requests).toHaveLength(1);
    expect(describeApiError(error, "Posting the comment", "pull-requests: write")).toBe(
      "Posting the comment failed (403): the token lacks `pull-requests: write` permission, or it is read-only (pull requests from forks)",
    );
  });

  it("follows pagination", async () => {
    const comments = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, body: `c${i + 1}` }));
    gh.route("GET", "/repos/:owner/:repo/issues/:n/comments", (req) => paginate(gh.url, req, comments));
    const client = createGitHubClient("t", { baseUrl: gh.url });
    const all = await client.paginate(client.rest.issues.listComments, { owner: "o", repo: "r", issue_number: 7, per_page: 100 });
    expect(all).toHaveLength(250);
    expect(gh.requests).toHaveLength(3);
  });

  it("gives up at the deadline instead of waiting on a slow server", async () => {
    gh.route("GET", "/repos/:owner/:repo", () => ({ status: 200, body: {}, delayMs: 5000 }));
    const client = createGitHubClient("t", { baseUrl: gh.url, deadlineEpochMs: Date.now() + 300, retries: 0 });
    const started = Date.now();
    const error = await client.rest.repos.get({ owner: "o", repo: "r" }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(describeApiError(error, "Reading the repository", "contents: read")).toMatch(/network error or timeout|skipped/);
  });
});
