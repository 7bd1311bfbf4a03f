/** The `GITHUB_*` environment and event payload the runner gives a job, for tests against the fake API. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface JobEvent {
  apiUrl: string;
  /** `push`, `pull_request`, `schedule`, `workflow_dispatch`, `workflow_run`. */
  eventName: string;
  payload: Record<string, unknown>;
  ref: string;
  sha?: string;
  runId?: number;
  runAttempt?: number;
  workflow?: string;
  job?: string;
  repository?: string;
  /** RUNNER_TEMP; a fresh folder when not given, none with `false` (a `SimulatedJob` sets its own). */
  runnerTemp?: string | false;
}

/** One folder for this test process's event files, removed when it exits. */
let eventsDir: string | null = null;
function eventDir(): string {
  if (eventsDir === null) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-events-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    eventsDir = dir;
  }
  return mkdtempSync(path.join(eventsDir, "event-"));
}

/** Environment of a job with this event; the payload is written to a file as the runner does. */
export function workflowEnv(event: JobEvent): Record<string, string> {
  const dir = eventDir();
  const eventPath = path.join(dir, "event.json");
  writeFileSync(eventPath, JSON.stringify(event.payload));
  return {
    GITHUB_API_URL: event.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: event.repository ?? "octo/train",
    GITHUB_EVENT_NAME: event.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: String(event.runId ?? 9001),
    GITHUB_RUN_ATTEMPT: String(event.runAttempt ?? 1),
    GITHUB_SHA: event.sha ?? "0123456789abcdef0123456789abcdef01234567",
    GITHUB_REF: event.ref,
    GITHUB_WORKFLOW: event.workflow ?? "CI",
    GITHUB_JOB: event.job ?? "train",
    ...(event.runnerTemp === false ? {} : { RUNNER_TEMP: event.runnerTemp ?? path.join(dir, "runner-temp") }),
  };
}

const repository = { full_name: "octo/train", default_branch: "main" };

/** A push to `branch` of octo/train. */
export function pushPayload(branch = "main"): { ref: string; payload: Record<string, unknown> } {
  return { ref: `refs/heads/${branch}`, payload: { ref: `refs/heads/${branch}`, repository } };
}

/** A pull request event of octo/train; `fork` makes the head another repository. */
export function pullRequestPayload(number: number, options: { fork?: boolean; base?: string; headSha?: string } = {}) {
  const headRepo = options.fork ? "mallory/train" : "octo/train";
  return {
    ref: `refs/pull/${number}/merge`,
    payload: {
      number,
      repository,
      pull_request: {
        number,
        base: { ref: options.base ?? "main", repo: repository },
        head: { ref: "feature", sha: options.headSha ?? "feedfacefeedfacefeedfacefeedfacefeedface", repo: { full_name: headRepo } },
      },
    },
  };
}
