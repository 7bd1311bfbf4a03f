/**
 * `mode: comment`, for a `workflow_run` workflow that needs no GPU: a fork pull request's token
 * cannot comment, so its job uploads the report as an artifact, and this trusted job (base
 * repository context, no checkout of the fork's code) downloads it and posts the sticky comment.
 * The artifact comes from untrusted code: it is parsed strictly, its text is escaped when
 * rendered, and the pull request it names must have the run's head commit.
 */
import path from "node:path";
import type { ArtifactStore } from "../adapters/github/artifact-store.js";
import { createGitHubClient, describeApiError, type ClientOptions, type GitHubClient } from "../adapters/github/client.js";
import { upsertComment } from "../adapters/github/pr-comments.js";
import { readRunContext } from "../adapters/github/run-context.js";
import { readRegularFile } from "../adapters/safe-file.js";
import { makeOwnWorkDir, workDir } from "../adapters/session-store.js";
import { parseCommentData } from "../core/history/comment-data.js";
import { commentMarker } from "../core/history/label.js";
import { renderComment } from "../core/render/comparison.js";
import { renderRunComment } from "../core/render/run.js";
import { buildComparison } from "./comparison.js";
import { buildRunView } from "./run-comparison.js";
import type { Io } from "../measure/io.js";
import { COMMENT_ARTIFACT_PREFIX, INPUT } from "../config/names.js";
import { loadArtifactStore } from "./publish.js";
import { networkDeadline } from "../adapters/deadlines.js";
import type { Settings } from "../config/settings.js";

export interface CommentModeContext {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  io: Io;
  client?: ClientOptions;
  artifacts?: ArtifactStore;
}

interface RunInfo {
  headSha: string;
  url: string | null;
}

interface ArtifactInfo {
  id: number;
  name: string;
}

async function postOne(
  ctx: CommentModeContext,
  client: GitHubClient,
  repo: { owner: string; repo: string },
  runId: number,
  run: RunInfo,
  artifact: ArtifactInfo,
): Promise<void> {
  const { settings, io } = ctx;
  const dir = path.join(workDir(ctx.env) ?? makeOwnWorkDir(), "comment-mode", String(artifact.id));
  let data;
  try {
    const store = ctx.artifacts ?? (await loadArtifactStore());
    const download = store.downloadFile(artifact.id, artifact.name, dir, {
      token: settings.githubToken,
      owner: repo.owner,
      repo: repo.repo,
      runId,
    });
    // Downloads share the one network deadline with every API call: 40 artifacts cannot add up.
    const file = await networkDeadline(ctx.env).race(download, "downloading it");
    const read = readRegularFile(file, 16 << 20);
    if (!read.ok) throw new Error(read.reason);
    data = parseCommentData(read.text);
  } catch (e) {
    io.warning(
      `gpu-carbon: artifact ${artifact.name} of run ${runId} could not be used: ${describeApiError(e, "downloading it", "actions: read")}.`,
    );
    return;
  }
  let baseRef: string;
  try {
    const { data: pr } = await client.rest.pulls.get({ ...repo, pull_number: data.pullRequest });
    if (pr.head.sha !== run.headSha) {
      io.warning(
        `gpu-carbon: artifact ${artifact.name} names pull request #${data.pullRequest}, whose head is not the commit run ${runId} built; not posted.`,
      );
      return;
    }
    baseRef = pr.base.ref;
  } catch (e) {
    io.warning(`gpu-carbon: ${describeApiError(e, `Reading pull request #${data.pullRequest}`, "pull-requests: read")}.`);
    return;
  }
  const request = {
    client,
    ...repo,
    label: data.label,
    report: data.report,
    baseBranch: baseRef,
    runId: null,
    currentName: "this PR",
    runUrl: run.url,
  };
  const marker = commentMarker(data.label);
  // A merged run (`mode: merge` in the fork's run) gets the run's comment: a row per job and the total.
  const body =
    data.report.kind === "run"
      ? renderRunComment(marker, await buildRunView(request, settings, io))
      : renderComment(marker, await buildComparison(request, settings, io));
  try {
    const result = await upsertComment(client, { ...repo, issueNumber: data.pullRequest }, marker, body);
    io.info(`gpu-carbon: PR comment on #${data.pullRequest} ${result.action} (id ${result.id}).`);
  } catch (e) {
    io.warning(`gpu-carbon: ${describeApiError(e, `Posting the comment on pull request #${data.pullRequest}`, "pull-requests: write")}.`);
  }
}

/** The whole of `mode: comment` (its main step). */
export async function postFromArtifact(ctx: CommentModeContext): Promise<void> {
  const { settings, env, io } = ctx;
  const runId = settings.runId;
  if (runId === null) {
    io.fail(
      `Input '${INPUT.runId}' is needed with '${INPUT.mode}: comment': the id of the run that uploaded the report (in a workflow_run workflow, its default).`,
    );
    return;
  }
  const context = readRunContext(env);
  if (!context || !settings.githubToken) {
    io.warning(`gpu-carbon: '${INPUT.mode}: comment' needs GITHUB_REPOSITORY and a '${INPUT.githubToken}'; nothing was posted.`);
    return;
  }
  const repo = { owner: context.owner, repo: context.repo };
  const client = createGitHubClient(settings.githubToken, {
    baseUrl: env.GITHUB_API_URL,
    deadlineEpochMs: networkDeadline(env).atEpochMs,
    ...ctx.client,
  });
  let run: RunInfo;
  let artifacts: ArtifactInfo[];
  try {
    const { data } = await client.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
    run = { headSha: data.head_sha, url: data.html_url ?? null };
    const all = await client.paginate(client.rest.actions.listWorkflowRunArtifacts, { ...repo, run_id: runId, per_page: 100 });
    artifacts = all.filter((a) => a.name.startsWith(COMMENT_ARTIFACT_PREFIX) && !a.expired).map((a) => ({ id: a.id, name: a.name }));
  } catch (e) {
    io.warning(`gpu-carbon: ${describeApiError(e, `Reading the artifacts of run ${runId}`, "actions: read")}.`);
    return;
  }
  if (artifacts.length === 0) {
    io.info(`gpu-carbon: run ${runId} uploaded no report to comment with (it was not a fork pull request, or it measured nothing).`);
    return;
  }
  for (const artifact of artifacts) await postOne(ctx, client, repo, runId, run, artifact);
}
