/**
 * Where this job runs, from the runner's `GITHUB_*` variables and the event payload file: the
 * repository, the run, the event, and for a pull request its number, base branch and whether it
 * comes from a fork.
 */
import { readFileSync } from "node:fs";

export interface PullRequestInfo {
  number: number;
  /** Base branch name, e.g. `main`. */
  baseRef: string;
  /** Head commit of the PR. */
  headSha: string;
  /** The PR comes from another repository: the job's token is read-only. */
  fromFork: boolean;
}

export interface RunContext {
  owner: string;
  repo: string;
  /** `GITHUB_EVENT_NAME`: `push`, `pull_request`, `schedule`, ... */
  eventName: string;
  runId: number;
  runAttempt: number;
  sha: string;
  /** Full ref, e.g. `refs/heads/main` or `refs/pull/7/merge`. */
  ref: string;
  workflow: string;
  job: string;
  /** e.g. https://github.com */
  serverUrl: string;
  /** `repository.default_branch` from the payload, `null` when it has none. */
  defaultBranch: string | null;
  /** Set on `pull_request` events. */
  pullRequest: PullRequestInfo | null;
  /** The whole event payload (`{}` when unreadable). */
  payload: Record<string, any>;
}

function readPayload(file: string | undefined): Record<string, any> {
  if (!file) return {};
  try {
    const json = JSON.parse(readFileSync(file, "utf8"));
    return json && typeof json === "object" ? json : {};
  } catch {
    return {};
  }
}

/**
 * Reads the context; `null` outside a workflow run (no `GITHUB_REPOSITORY` or no
 * `GITHUB_EVENT_NAME`, which the runner always sets).
 */
export function readRunContext(env: NodeJS.ProcessEnv): RunContext | null {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || !env.GITHUB_EVENT_NAME) return null;
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const pr = payload.pull_request;
  let pullRequest: PullRequestInfo | null = null;
  if (pr && typeof pr.number === "number") {
    const headRepo = pr.head?.repo?.full_name;
    pullRequest = {
      number: pr.number,
      baseRef: String(pr.base?.ref ?? ""),
      headSha: String(pr.head?.sha ?? ""),
      // A deleted fork has no head repo; treat it as a fork, whose token is read-only.
      fromFork: headRepo !== `${owner}/${repo}`,
    };
  }
  const defaultBranch = payload.repository?.default_branch;
  return {
    owner,
    repo,
    eventName,
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? 1),
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    workflow: env.GITHUB_WORKFLOW ?? "",
    job: env.GITHUB_JOB ?? "",
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    defaultBranch: typeof defaultBranch === "string" && defaultBranch ? defaultBranch : null,
    pullRequest,
    payload,
  };
}
