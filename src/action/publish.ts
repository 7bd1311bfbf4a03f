/**
 * What post does with a report beyond report.json and the summary: compare it with the history,
 * post the sticky PR comment (or, for a fork's read-only token, upload it for `mode: comment`),
 * append it to the history on the default branch, and apply the gates. Every network problem is
 * a warning naming the failure or the missing permission; only a failed gate fails the job.
 */
import path from "node:path";
import type { ArtifactStore } from "../adapters/github/artifact-store.js";
import { networkDeadline } from "../adapters/deadlines.js";
import { createGitHubClient, describeApiError, type ClientOptions, type GitHubClient } from "../adapters/github/client.js";
import { appendHistory } from "../adapters/github/history-store.js";
import { upsertComment } from "../adapters/github/pr-comments.js";
import { readRunContext, type RunContext } from "../adapters/github/run-context.js";
import { writeRegularFile } from "../adapters/safe-file.js";
import { makeOwnWorkDir, workDir } from "../adapters/session-store.js";
import { COMMENT_DATA_VERSION, type CommentData } from "../core/history/comment-data.js";
import { evaluateGates, type GateResult } from "../core/history/gates.js";
import { historyRecord } from "../core/history/records.js";
import { commentMarker, defaultLabel, fnv1a, historyPath } from "../core/history/label.js";
import { renderComment, renderComparison } from "../core/render/comparison.js";
import type { Report } from "../core/report/report.js";
import { GATE_NAMES, buildComparison, gateLimits } from "./comparison.js";
import type { Io } from "../measure/io.js";
import { COMMENT_ARTIFACT_PREFIX, INPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";
import { errorMessage } from "../core/errors.js";

/** Events whose runs of the default branch are recorded in the history. */
export const RECORDED_EVENTS = ["push", "schedule", "workflow_dispatch"];

/** The artifact client is most of the bundle: it is loaded only when a fork's report needs it. */
export async function loadArtifactStore(): Promise<ArtifactStore> {
  return (await import("../adapters/github/artifact-store.js")).actionsArtifactStore();
}

export interface PublishContext {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  io: Io;
  report: Report;
  /** Client options (tests shorten retries and the deadline). */
  client?: ClientOptions;
  artifacts?: ArtifactStore;
}

/** The label of this job. */
export function jobLabel(settings: Settings, run: RunContext): string {
  return settings.label || defaultLabel(run.workflow, run.job, settings.matrix);
}

/** The repository's default branch, from the event or the API; `null` when unknown. */
export async function defaultBranchOf(client: GitHubClient | null, run: RunContext, io: Io): Promise<string | null> {
  if (run.defaultBranch) return run.defaultBranch;
  if (!client) return null;
  try {
    const { data } = await client.rest.repos.get({ owner: run.owner, repo: run.repo });
    return data.default_branch;
  } catch (e) {
    io.warning(`gpu-carbon: ${describeApiError(e, "Looking up the default branch", "contents: read")}.`);
    return null;
  }
}

/** A fork's read-only token cannot comment: uploads the report for the trusted `mode: comment` job. */
export async function uploadForFork(ctx: PublishContext, run: RunContext, label: string): Promise<void> {
  const pr = run.pullRequest!;
  const data: CommentData = {
    schemaVersion: COMMENT_DATA_VERSION,
    label,
    pullRequest: pr.number,
    headSha: pr.headSha,
    baseRef: pr.baseRef,
    report: ctx.report,
  };
  const dir = path.join(workDir(ctx.env) ?? makeOwnWorkDir(), "comment");
  const file = path.join(dir, `${COMMENT_ARTIFACT_PREFIX}${fnv1a(label)}.json`);
  try {
    const error = writeRegularFile(file, JSON.stringify(data));
    if (error) throw new Error(error);
    const store = ctx.artifacts ?? (await loadArtifactStore());
    const id = await networkDeadline(ctx.env).race(store.uploadFile(file, 7), "uploading the report");
    ctx.io.notice(
      `gpu-carbon: this pull request comes from a fork, whose token cannot comment. The report was uploaded as artifact ${path.basename(file)} (id ${id}); a workflow_run workflow with '${INPUT.mode}: comment' posts it (see the README).`,
    );
  } catch (e) {
    ctx.io.warning(
      `gpu-carbon: this pull request comes from a fork, whose token cannot comment, and uploading the report as an artifact failed (${errorMessage(e)}); the job summary has the result.`,
    );
  }
}

/** Creates or updates the label's sticky comment on the pull request; a failure is a warning. */
export async function comment(ctx: PublishContext, client: GitHubClient, run: RunContext, label: string, body: string): Promise<void> {
  const pr = run.pullRequest!;
  try {
    const result = await upsertComment(client, { owner: run.owner, repo: run.repo, issueNumber: pr.number }, commentMarker(label), body);
    ctx.io.info(`gpu-carbon: PR comment ${result.action} (id ${result.id}).`);
  } catch (e) {
    ctx.io.warning(`gpu-carbon: ${describeApiError(e, `Posting the comment on pull request #${pr.number}`, "pull-requests: write")}.`);
  }
}

/** Appends the report to the label's history on the data branch; a failure is a warning. */
export async function record(ctx: PublishContext, client: GitHubClient, run: RunContext, label: string): Promise<void> {
  const entry = historyRecord(
    ctx.report,
    { runId: run.runId, runAttempt: run.runAttempt, sha: run.sha, ref: run.ref, label },
    new Date().toISOString(),
  );
  if (!entry) {
    ctx.io.info("gpu-carbon: nothing was measured, so this run is not added to the history.");
    return;
  }
  const at = { owner: run.owner, repo: run.repo, branch: ctx.settings.historyBranch, path: historyPath(label) };
  try {
    const result = await appendHistory(client, at, label, entry, ctx.settings.historyLimit);
    const created = result.createdBranch ? ` (created branch '${at.branch}')` : "";
    if (result.movedAside)
      ctx.io.warning(
        `gpu-carbon: ${at.path} on '${at.branch}' was not a usable history file (${result.movedAside.reason}); it was kept as ${result.movedAside.path} and a new history started.`,
      );
    if (result.kept) ctx.io.info(`gpu-carbon: recorded this run in ${at.path} on '${at.branch}'${created}; ${result.records} record(s).`);
    else
      ctx.io.warning(
        `gpu-carbon: this run was not kept in ${at.path} on '${at.branch}': the file already holds ${result.records} record(s) stamped later, and '${INPUT.historyLimit}' is ${ctx.settings.historyLimit}.`,
      );
  } catch (e) {
    ctx.io.warning(`gpu-carbon: ${describeApiError(e, `Writing the history to branch '${at.branch}'`, "contents: write")}.`);
  }
}

/** Logs each gate and fails the step when one failed. */
export function applyGates(gates: GateResult[], io: Io): void {
  const failed = gates.filter((g) => g.outcome === "fail");
  for (const gate of gates) if (gate.outcome === "skipped") io.notice(`gpu-carbon: ${gate.message}`);
  for (const gate of gates) if (gate.outcome === "pass") io.info(`gpu-carbon: ${gate.message}`);
  if (failed.length > 0) io.fail(`gpu-carbon: ${failed.map((g) => g.message).join(" ")}`);
}

/** Compares, comments, records and gates. Never throws for a network problem. */
export async function publishReport(ctx: PublishContext): Promise<void> {
  const { settings, env, io, report } = ctx;
  const run = readRunContext(env);
  if (!run) {
    // Not in a workflow run (the CLI, a local test): nothing to publish, but the gates still hold.
    applyGates(evaluateGates(gateLimits(settings), report, null, GATE_NAMES), io);
    return;
  }
  const label = jobLabel(settings, run);
  const pr = run.pullRequest;
  const client = settings.githubToken
    ? createGitHubClient(settings.githubToken, {
        baseUrl: env.GITHUB_API_URL,
        deadlineEpochMs: networkDeadline(env).atEpochMs,
        ...ctx.client,
      })
    : null;
  if (!client && (settings.historyBranch || (settings.prComment && pr))) {
    io.notice(`gpu-carbon: '${INPUT.githubToken}' is empty, so there is no PR comment and no history.`);
  }
  const defaultBranch = pr ? null : await defaultBranchOf(client, run, io);
  const view = await buildComparison(
    {
      client,
      owner: run.owner,
      repo: run.repo,
      label,
      report,
      baseBranch: pr ? pr.baseRef : defaultBranch,
      runId: run.runId,
      currentName: pr ? "this PR" : "this run",
      runUrl: run.runId ? `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}` : null,
    },
    settings,
    io,
  );
  if (settings.summary && (settings.historyBranch || view.gates.length > 0)) {
    try {
      await io.appendSummary(renderComparison(view));
    } catch (e) {
      io.warning(`gpu-carbon could not write the comparison to the job summary (${errorMessage(e)}).`);
    }
  }
  if (client && settings.prComment && pr) {
    if (pr.fromFork) await uploadForFork(ctx, run, label);
    else await comment(ctx, client, run, label, renderComment(commentMarker(label), view));
  }
  const onDefaultBranch = defaultBranch !== null && run.ref === `refs/heads/${defaultBranch}`;
  if (client && settings.historyBranch && !pr && onDefaultBranch && RECORDED_EVENTS.includes(run.eventName)) {
    await record(ctx, client, run, label);
  }
  applyGates(view.gates, io);
}
