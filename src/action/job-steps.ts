/**
 * Per-step energy needs this job's steps from the Jobs API. Missing permission, no token or no
 * API is a notice, never a warning or a failure: the rest of the report stands without it.
 */
import { networkDeadline } from "../adapters/deadlines.js";
import { createGitHubClient } from "../adapters/github/client.js";
import { fetchJobSteps, jobCoordinates } from "../adapters/github/jobs-api.js";
import type { Span } from "../core/energy/breakdown.js";
import { stepSpans } from "../core/energy/steps.js";
import { INPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";

/** The steps as spans, or a notice saying why there is no per-step energy. */
export async function jobStepSpans(settings: Settings, env: NodeJS.ProcessEnv): Promise<{ spans: Span[] } | { notice: string }> {
  const prefix = "gpu-carbon: no energy per step";
  if (!settings.githubToken) return { notice: `${prefix}: input '${INPUT.githubToken}' is empty.` };
  const where = jobCoordinates(env);
  if (typeof where === "string") return { notice: `${prefix}: ${where} (not running on GitHub Actions?).` };
  // Within post's one network deadline, shared with the grid APIs, the history and the comment.
  const client = createGitHubClient(settings.githubToken, {
    baseUrl: env.GITHUB_API_URL,
    deadlineEpochMs: networkDeadline(env).atEpochMs,
    requestTimeoutMs: 10_000,
  });
  const result = await fetchJobSteps(client, where);
  if (!result.ok) return { notice: `${prefix}: ${result.reason}.` };
  return { spans: stepSpans(result.steps) };
}
