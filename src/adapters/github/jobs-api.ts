/**
 * This job's steps from the GitHub Jobs API (`actions: read`): the run attempt's jobs are
 * listed and this one is found by the runner that runs it (RUNNER_NAME) and its status.
 */
import type { JobStep } from "../../core/energy/steps.js";
import { describeApiError, type GitHubClient } from "./client.js";

/** Where to look, from the runner's environment. */
export interface JobCoordinates {
  owner: string;
  repo: string;
  runId: number;
  runAttempt: number;
  runnerName: string;
}

/** The coordinates, or what is missing (outside GitHub Actions). */
export function jobCoordinates(env: NodeJS.ProcessEnv): JobCoordinates | string {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const runId = Number(env.GITHUB_RUN_ID);
  const runAttempt = Number(env.GITHUB_RUN_ATTEMPT || "1");
  const runnerName = env.RUNNER_NAME ?? "";
  if (!owner || !repo) return "GITHUB_REPOSITORY is not set";
  if (!Number.isInteger(runId) || runId <= 0) return "GITHUB_RUN_ID is not set";
  if (!runnerName) return "RUNNER_NAME is not set";
  return { owner, repo, runId, runAttempt: Number.isInteger(runAttempt) && runAttempt > 0 ? runAttempt : 1, runnerName };
}

/** A job as the API lists it (the fields used). */
interface ApiJob {
  id: number;
  name: string;
  status: string;
  runner_name?: string | null;
  steps?: JobStep[];
}

/** This job's name and steps, or why they could not be had. */
export type JobStepsResult = { ok: true; jobName: string; steps: JobStep[] } | { ok: false; reason: string };

/**
 * Lists the attempt's jobs (every page) and picks the one in progress on this runner. A runner
 * runs one job at a time, so at most one job of the attempt matches.
 */
export async function fetchJobSteps(client: GitHubClient, where: JobCoordinates): Promise<JobStepsResult> {
  let jobs: ApiJob[];
  try {
    jobs = (await client.paginate(client.rest.actions.listJobsForWorkflowRunAttempt, {
      owner: where.owner,
      repo: where.repo,
      run_id: where.runId,
      attempt_number: where.runAttempt,
      per_page: 100,
    })) as ApiJob[];
  } catch (e) {
    return { ok: false, reason: describeApiError(e, "Listing this run's jobs", "actions: read") };
  }
  const mine = jobs.filter((job) => job.runner_name === where.runnerName && job.status === "in_progress");
  if (mine.length !== 1) {
    const why = mine.length === 0 ? "no job of this run is in progress on it" : `${mine.length} jobs in progress claim it`;
    return {
      ok: false,
      reason: `this job could not be told apart among the run's ${jobs.length} job(s): runner '${where.runnerName}' has ${why}`,
    };
  }
  const job = mine[0]!;
  return { ok: true, jobName: job.name, steps: job.steps ?? [] };
}
