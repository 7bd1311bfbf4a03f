import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient } from "../../../src/adapters/github/client.js";
import { fetchJobSteps, jobCoordinates } from "../../../src/adapters/github/jobs-api.js";
import { SpanEnergy, outsideEnergyKwh } from "../../../src/core/energy/breakdown.js";
import { formatRow, formatHeader, formatStart, formatStop } from "../../../src/core/log/format.js";
import { SampleLogReader } from "../../../src/core/log/reader.js";
import { stepSpans } from "../../../src/core/energy/steps.js";
import { addJobsRoutes, job, steps } from "../../support/fake-github/jobs.js";
import { FakeGitHub } from "../../support/fake-github/server.js";

let gh: FakeGitHub;
beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

const START = Date.UTC(2026, 10, 28, 12, 0, 0); // a whole second, like the API's times
const where = { owner: "o", repo: "r", runId: 42, runAttempt: 1, runnerName: "gpu-runner-1" };

/** A sampler log: one GPU at `powerW` every 500 ms for `seconds`. */
function constantLog(powerW: number, seconds: number): string[] {
  const lines = [formatStart(START, 500), formatHeader(0, "timestamp, index, uuid, power.draw [W]")];
  for (let t = 0; t <= seconds * 1000; t += 500) lines.push(formatRow(t, `2026/11/28 12:00:00.000, 0, GPU-a, ${powerW.toFixed(2)}`));
  lines.push(formatStop(seconds * 1000, "signal"));
  return lines;
}

function integrate(lines: string[], spans: ReturnType<typeof stepSpans>) {
  const energy = new SpanEnergy(spans, 3000);
  const reader: SampleLogReader = new SampleLogReader({
    onReading: (t, id, w) => energy.add(reader.startEpoch ?? 0, t, id, w),
  });
  for (const line of lines) reader.push(line);
  const log = reader.finish();
  const totalKwh = (log.gpus[0]?.energyJ ?? 0) / 3_600_000;
  return { rows: energy.rows(log.windowMs, totalKwh, 1), totalKwh };
}

describe("energy per step from the Jobs API", () => {
  it("attributes a constant 300 W to steps in proportion to their durations", async () => {
    addJobsRoutes(gh, [
      job({ name: "other job", runner_name: "gpu-runner-2", steps: steps(START, [["Train", 0, 60_000]]) }),
      job({
        name: "train",
        steps: steps(START, [
          ["Set up job", -3000, -1000], // before the measurement: 0 s
          ["Checkout", 0, 10_000],
          ["Train", 10_000, 40_000],
          ["Evaluate", 42_000, 60_000], // 2 s between steps: outside steps
          ["Upload", null, null], // never started
        ]),
      }),
    ]);
    const client = createGitHubClient("t0ken", { baseUrl: gh.url });
    const found = await fetchJobSteps(client, where);
    if (!found.ok) throw new Error(found.reason);
    expect(found.jobName).toBe("train");
    expect(gh.calls("GET", /\/actions\/runs\/42\/attempts\/1\/jobs$/)).toHaveLength(1);

    const { rows, totalKwh } = integrate(constantLog(300, 60), stepSpans(found.steps));
    // 300 W x 60 s = 18 kJ = 0.005 kWh; each step gets 300 W x its seconds.
    expect(totalKwh).toBeCloseTo(0.005, 12);
    const joules = (kwh: number | null) => Math.round((kwh ?? NaN) * 3_600_000 * 100) / 100;
    expect(rows.map((r) => [r.name, r.durationSeconds, joules(r.energyKwh), r.share, r.averageWatts])).toEqual([
      ["Set up job", 0, 0, 0, null],
      ["Checkout", 10, 300 * 10, 0.1667, 300],
      ["Train", 30, 300 * 30, 0.5, 300],
      ["Evaluate", 18, 300 * 18, 0.3, 300],
    ]);
    expect(joules(outsideEnergyKwh(rows, totalKwh))).toBe(300 * 2);
  });

  it("reads every page of a large run's jobs", async () => {
    const others = Array.from({ length: 130 }, (_, i) =>
      job({ id: i, name: `shard ${i}`, runner_name: `runner-${i}`, status: "completed", steps: [] }),
    );
    addJobsRoutes(gh, [...others, job({ name: "mine", steps: steps(START, [["Train", 0, 5000]]) })]);
    const found = await fetchJobSteps(createGitHubClient("t", { baseUrl: gh.url }), where);
    expect(found).toMatchObject({ ok: true, jobName: "mine" });
    expect(gh.calls("GET", /\/jobs$/)).toHaveLength(2);
  });

  it("names the missing permission on a 403", async () => {
    addJobsRoutes(gh, []);
    gh.fail("GET", "/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt/jobs", {
      status: 403,
      body: { message: "Resource not accessible by integration" },
    });
    const found = await fetchJobSteps(createGitHubClient("t", { baseUrl: gh.url }), where);
    expect(found).toEqual({
      ok: false,
      reason:
        "Listing this run's jobs failed (403): the token lacks `actions: read` permission, or it is read-only (pull requests from forks)",
    });
  });

  it("says when no job of the run is in progress on this runner", async () => {
    addJobsRoutes(gh, [job({ name: "done", status: "completed", steps: [] })]);
    const found = await fetchJobSteps(createGitHubClient("t", { baseUrl: gh.url }), where);
    expect(found).toEqual({
      ok: false,
      reason:
        "this job could not be told apart among the run's 1 job(s): runner 'gpu-runner-1' has no job of this run is in progress on it",
    });
  });

  it("takes the job's coordinates from the runner's environment", () => {
    expect(jobCoordinates({ GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "42", GITHUB_RUN_ATTEMPT: "2", RUNNER_NAME: "gpu-runner-1" })).toEqual(
      { ...where, runAttempt: 2 },
    );
    expect(jobCoordinates({ GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "42" })).toBe("RUNNER_NAME is not set");
  });
});
