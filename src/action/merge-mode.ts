/**
 * `mode: merge`: one report for a whole workflow run. A final job that `needs:` the measuring
 * jobs downloads their artifacts and this merges their report.json files: one report.json, one
 * job summary, one sticky PR comment (or, from a fork, one upload for `mode: comment`), one
 * history record of the run's label on the default branch, the gates on the total, and the
 * Pushgateway. It needs no GPU and starts no sampler. A report file that cannot be used is
 * skipped with a warning naming it; nothing here fails the workflow but a failed gate.
 */
import path from "node:path";
import { createGitHubClient, type ClientOptions } from "../adapters/github/client.js";
import type { ArtifactStore } from "../adapters/github/artifact-store.js";
import { findReportFiles, readReportFile } from "../adapters/report-files.js";
import { readRunContext, type RunContext } from "../adapters/github/run-context.js";
import { makeOwnWorkDir, workDir } from "../adapters/session-store.js";
import { networkDeadline } from "../adapters/deadlines.js";
import { commentMarker } from "../core/history/label.js";
import { mergeReports, parseJobReport, type JobReportInput } from "../core/report/merge.js";
import { renderRunComment, renderRunSummary, type RunView } from "../core/render/run.js";
import type { Report } from "../core/report/report.js";
import { formatEnergy, formatMass } from "../core/units.js";
import { writeReport } from "./finish.js";
import type { Io } from "../measure/io.js";
import { INPUT } from "../config/names.js";
import { RECORDED_EVENTS, applyGates, comment, defaultBranchOf, record, uploadForFork } from "./publish.js";
import { pushFigures } from "./push-metrics.js";
import { buildRunView } from "./run-comparison.js";
import type { Settings } from "../config/settings.js";

export interface MergeContext {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  io: Io;
  client?: ClientOptions;
  artifacts?: ArtifactStore;
}

/** The label of the run: input `label`, else the workflow's name. */
export function runLabel(settings: Settings, run: RunContext | null): string {
  return settings.label || run?.workflow || "gpu-carbon";
}

/** Reads every report `reports` names; what cannot be used comes back as a warning naming the file. */
function readReports(settings: Settings, workspace: string): { inputs: JobReportInput[]; skipped: string[] } {
  const files = findReportFiles(settings.reports, workspace);
  const shown = (file: string) => {
    const relative = path.relative(workspace, file);
    return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  };
  if (files.length === 0)
    return { inputs: [], skipped: [`no file matched input '${INPUT.reports}' (${settings.reports}) under ${workspace}`] };
  const inputs: JobReportInput[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    try {
      const report = parseJobReport(readReportFile(file));
      inputs.push({ source: shown(file), fallbackLabel: path.basename(path.dirname(file)), report });
    } catch (e) {
      skipped.push(`${shown(file)} was skipped: ${(e as Error).message}`);
    }
  }
  return { inputs, skipped };
}

async function publishRun(ctx: MergeContext, report: Report, label: string): Promise<void> {
  const { settings, env, io } = ctx;
  const run = readRunContext(env);
  const client =
    run && settings.githubToken
      ? createGitHubClient(settings.githubToken, {
          baseUrl: env.GITHUB_API_URL,
          deadlineEpochMs: networkDeadline(env).atEpochMs,
          ...ctx.client,
        })
      : null;
  const pr = run?.pullRequest ?? null;
  if (run && !client && (settings.historyBranch || (settings.prComment && pr)))
    io.notice(`gpu-carbon: '${INPUT.githubToken}' is empty, so there is no PR comment and no history.`);
  const defaultBranch = run && !pr ? await defaultBranchOf(client, run, io) : null;
  const view: RunView = await buildRunView(
    {
      client,
      owner: run?.owner ?? "",
      repo: run?.repo ?? "",
      label,
      report,
      baseBranch: pr ? pr.baseRef : defaultBranch,
      runId: run?.runId ?? null,
      currentName: pr ? "this PR" : "this run",
      runUrl: run?.runId ? `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}` : null,
    },
    settings,
    io,
  );
  if (settings.summary) {
    try {
      await io.appendSummary(renderRunSummary(view));
    } catch (e) {
      io.warning(`gpu-carbon could not write the job summary (${(e as Error).message}).`);
    }
  }
  if (run && client) {
    const publish = { settings, env, io, report, client: ctx.client, artifacts: ctx.artifacts };
    if (settings.prComment && pr) {
      if (pr.fromFork) await uploadForFork(publish, run, label);
      else await comment(publish, client, run, label, renderRunComment(commentMarker(label), view));
    }
    const onDefaultBranch = defaultBranch !== null && run.ref === `refs/heads/${defaultBranch}`;
    if (settings.historyBranch && !pr && onDefaultBranch && RECORDED_EVENTS.includes(run.eventName))
      await record(publish, client, run, label);
  }
  applyGates(view.total.gates, io);
}

/** The whole of `mode: merge` (its main step). Returns the merged report. */
export async function mergeRun(ctx: MergeContext): Promise<Report> {
  const { settings, env, io } = ctx;
  const { inputs, skipped } = readReports(settings, env.GITHUB_WORKSPACE || process.cwd());
  for (const warning of skipped) io.warning(`gpu-carbon: ${warning}.`);
  const label = runLabel(settings, readRunContext(env));
  const { report, warnings } = mergeReports(inputs, label, skipped);
  for (const warning of warnings.slice(skipped.length)) io.warning(`gpu-carbon: ${warning}.`);
  writeReport(report, workDir(env) ?? makeOwnWorkDir(), settings.reportPath, io);
  await publishRun(ctx, report, label);
  await pushFigures(settings, env, io, report, "run");
  const jobs = report.jobs.length;
  const line = `GPU energy of the run '${label}': ${formatEnergy(report.energyKwh)}, ${formatMass(report.emissionsKg)} CO2e from ${jobs} job${jobs === 1 ? "" : "s"} (${report.status}).`;
  if (report.status === "measured") io.info(`gpu-carbon: ${line}`);
  else if (settings.failOnError) io.fail(`gpu-carbon: ${line} Failing because '${INPUT.failOnError}' is true.`);
  else io.warning(`gpu-carbon: ${line}`);
  return report;
}
