/**
 * The Actions jobs endpoints of the fake GitHub: a run's jobs with their steps, paginated and
 * wrapped as GitHub wraps them (`{ total_count, jobs }`), step times in whole seconds.
 */
import { paginate, type FakeGitHub } from "./server.js";

export interface FakeStep {
  name: string;
  number: number;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
}

export interface FakeJob {
  id: number;
  run_id: number;
  run_attempt: number;
  name: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  runner_name: string | null;
  started_at: string;
  steps: FakeStep[];
}

/** ISO 8601 in whole seconds, as the API writes step times (the runner's time, truncated). */
export function apiTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * Steps from `[name, startOffsetMs, endOffsetMs | null]` after `baseEpochMs`; `null` end is a
 * step still in progress, a `null` start one not started yet.
 */
export function steps(baseEpochMs: number, spec: [string, number | null, number | null][]): FakeStep[] {
  return spec.map(([name, start, end], i) => ({
    name,
    number: i + 1,
    status: start === null ? "queued" : end === null ? "in_progress" : "completed",
    conclusion: end === null ? null : "success",
    started_at: start === null ? null : apiTime(baseEpochMs + start),
    completed_at: end === null ? null : apiTime(baseEpochMs + end),
  }));
}

/** A job with defaults filled in. */
export function job(fields: Partial<FakeJob> & Pick<FakeJob, "name" | "steps">): FakeJob {
  return {
    id: 1000,
    run_id: 42,
    run_attempt: 1,
    status: "in_progress",
    conclusion: null,
    runner_name: "gpu-runner-1",
    started_at: fields.steps[0]?.started_at ?? apiTime(Date.now()),
    ...fields,
  };
}

/**
 * Serves `jobs` at `/repos/{o}/{r}/actions/runs/{run_id}/jobs` and `.../attempts/{n}/jobs`;
 * a function is asked at each request (for step times relative to when a test's job started).
 */
export function addJobsRoutes(gh: FakeGitHub, jobs: FakeJob[] | (() => FakeJob[])): FakeGitHub {
  const serve = (runId: string, attempt: string | null, req: Parameters<typeof paginate>[1]) => {
    const all = typeof jobs === "function" ? jobs() : jobs;
    const matching = all.filter((j) => String(j.run_id) === runId && (attempt === null || String(j.run_attempt) === attempt));
    const page = paginate(gh.url, req, matching);
    return { ...page, body: { total_count: matching.length, jobs: page.body } };
  };
  gh.route("GET", "/repos/:owner/:repo/actions/runs/:run_id/jobs", (req, p) => serve(p.run_id ?? "", null, req));
  gh.route("GET", "/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt/jobs", (req, p) =>
    serve(p.run_id ?? "", p.attempt ?? "", req),
  );
  return gh;
}
