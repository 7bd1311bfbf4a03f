import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, describeApiError } from "../../../src/adapters/github/client.js";
import { appendHistory, readHistory } from "../../../src/adapters/github/history-store.js";
import { parseHistory, serializeHistory, type HistoryRecord } from "../../../src/core/history/records.js";
import { FakeRepo } from "../../support/fake-github/contents.js";
import { FakeGitHub } from "../../support/fake-github/server.js";

let gh: FakeGitHub;
let repo: FakeRepo;
beforeEach(async () => {
  gh = new FakeGitHub();
  repo = new FakeRepo("octo", "train").install(gh);
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

let clients = 0;
// Each client stands in for one job, a process of its own with its own pacing of writes.
const client = () => createGitHubClient("t", { baseUrl: gh.url, retryBaseMs: 5, throttleId: `job-${(clients += 1)}` });
const at = { owner: "octo", repo: "train", branch: "gpu-carbon-data", path: "history/ci-train-00000000.json" };
const fast = { baseDelayMs: 5 };

function rec(runId: number, energyKwh = 1): HistoryRecord {
  return {
    runId,
    runAttempt: 1,
    sha: `sha${runId}`,
    ref: "refs/heads/main",
    label: "CI/train",
    time: new Date(Date.UTC(2026, 0, 1) + runId * 60_000).toISOString(),
    status: "measured",
    energyKwh,
    emissionsKg: energyKwh / 2,
    durationSeconds: 60,
    coverage: 1,
    gpus: [{ index: 0, uuid: "GPU-0", name: "H100", energyKwh }],
  };
}

describe("the history on the data branch", () => {
  it("creates the branch with a commit of its own, then the file", async () => {
    expect(await readHistory(client(), at)).toBeNull();
    const result = await appendHistory(client(), at, "CI/train", rec(1), 500, fast);
    expect(result).toEqual({ attempts: 1, records: 1, createdBranch: true, kept: true, movedAside: null });
    expect(repo.file("gpu-carbon-data", "README.md")).toContain("# gpu-carbon history");
    expect(repo.file("gpu-carbon-data", "history/ci-train-00000000.json")).toBeDefined();
    expect(repo.branches.get("gpu-carbon-data")!.has("README.md")).toBe(true);
    expect(repo.file("main", at.path)).toBeUndefined();
    const [create] = gh.calls("POST", /\/git\/commits$/);
    expect(create!.body.parents).toEqual([]);
  });

  it("updates the file with the sha it read, keeping the newest N", async () => {
    for (let i = 1; i <= 4; i += 1) await appendHistory(client(), at, "CI/train", rec(i), 3, fast);
    const found = await readHistory(client(), at);
    expect(found!.history.records.map((r) => r.runId)).toEqual([2, 3, 4]);
    const puts = gh.calls("PUT", /\/contents\//);
    expect(puts.map((p) => typeof p.body.sha)).toEqual(["undefined", "string", "string", "string"]);
    expect(puts[1]!.body.message).toBe("gpu-carbon: CI/train run 2.1");
    expect(puts[1]!.body.branch).toBe("gpu-carbon-data");
  });

  it("loses no record when many jobs write at once", async () => {
    await appendHistory(client(), at, "CI/train", rec(0), 500, fast);
    const writers = Array.from({ length: 6 }, (_, i) =>
      appendHistory(client(), at, "CI/train", rec(i + 1), 500, { baseDelayMs: 5, attempts: 12 }),
    );
    const results = await Promise.all(writers);
    const history = parseHistory(repo.file("gpu-carbon-data", at.path)!);
    expect(history.records.map((r) => r.runId)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // They really raced: some writes were refused with 409 and retried.
    expect(results.some((r) => r.attempts > 1)).toBe(true);
    expect(gh.requests.filter((r) => r.method === "PUT").length).toBeGreaterThan(7);
  });

  it("retries when the file appears between the read and the write (422)", async () => {
    repo.putFile("gpu-carbon-data", "README.md", "x");
    // Our read finds no file; before our write, another job creates it.
    gh.fail("GET", "/repos/:owner/:repo/contents/:path*", { status: 404, body: { message: "Not Found" } });
    const waits: number[] = [];
    const write = appendHistory(client(), at, "CI/train", rec(2), 500, { ...fast, sleep: async (ms) => void waits.push(ms) });
    repo.putFile("gpu-carbon-data", at.path, serializeHistory({ schemaVersion: 1, label: "CI/train", records: [rec(1)] }));
    const result = await write;
    expect(gh.calls("PUT", /contents/).map((r) => r.body.sha === undefined)).toEqual([true, false]);
    expect(result.attempts).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2.5);
    expect(waits[0]).toBeLessThanOrEqual(7.5);
    expect(parseHistory(repo.file("gpu-carbon-data", at.path)!).records.map((r) => r.runId)).toEqual([1, 2]);
  });

  it("names contents: write when the token may not write, without retrying", async () => {
    repo.putFile("gpu-carbon-data", "README.md", "x");
    gh.fail("PUT", "/repos/:owner/:repo/contents/:path*", { status: 403, body: { message: "Resource not accessible by integration" } });
    const error = await appendHistory(client(), at, "CI/train", rec(1), 500, fast).catch((e: unknown) => e);
    expect(describeApiError(error, "Writing the history", "contents: write")).toContain("lacks `contents: write` permission");
    expect(gh.calls("PUT", /contents/)).toHaveLength(1);
  });

  it("does not retry a push refused by a ruleset (409)", async () => {
    repo.putFile("gpu-carbon-data", "README.md", "x");
    gh.fail("PUT", "/repos/:owner/:repo/contents/:path*", { status: 409, body: { message: "Repository rule violations found" } });
    const error = await appendHistory(client(), at, "CI/train", rec(1), 500, fast).catch((e: unknown) => e);
    expect((error as { status: number }).status).toBe(409);
    expect(gh.calls("PUT", /contents/)).toHaveLength(1);
  });

  it("retries a 5xx and reads a history that is not valid as an error", async () => {
    repo.putFile("gpu-carbon-data", at.path, "not json");
    await expect(readHistory(client(), at)).rejects.toThrow(/not JSON/);
    gh.fail("GET", "/repos/:owner/:repo/contents/:path*", { status: 503, body: { message: "Service Unavailable" } });
    repo.putFile("gpu-carbon-data", at.path, serializeHistory({ schemaVersion: 1, label: "CI/train", records: [rec(1)] }));
    expect((await readHistory(client(), at))!.history.records).toHaveLength(1);
  });
});
