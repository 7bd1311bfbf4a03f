/**
 * The report in the formats other tools read: github-action-benchmark's JSON and CodeCarbon's
 * `emissions.csv`, written next to report.json (and to the user's paths), and the optional
 * workflow artifact. Every failure here is a warning: the report itself is already written.
 */
import { lstatSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderBenchmarkJson } from "../core/render/benchmark.js";
import { codecarbonHeader, renderCodecarbonRow, type CodecarbonRunInfo } from "../core/render/codecarbon.js";
import { renderSummary } from "../core/render/summary.js";
import type { Report } from "../core/report/report.js";
import { networkDeadline } from "../adapters/deadlines.js";
import { readRegularFile, writeRegularFile } from "../adapters/safe-file.js";
import type { Io } from "../measure/io.js";
import { FILE, INPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";

/** Project, run and experiment names for CodeCarbon's columns, from the runner's variables. */
export function runInfoFromEnv(env: NodeJS.ProcessEnv): CodecarbonRunInfo {
  const runId = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || "1"}` : "";
  return {
    projectName: env.GITHUB_REPOSITORY || "gpu-carbon",
    runId,
    experimentId: [env.GITHUB_WORKFLOW, env.GITHUB_JOB].filter(Boolean).join("/"),
    os: env.RUNNER_OS || os.type(),
  };
}

function writeTo(file: string, text: string, input: string | null, io: Io): boolean {
  const error = writeRegularFile(file, text);
  if (error) io.warning(`${input ? `Input '${input}': ` : ""}gpu-carbon could not write ${file} (${error}).`);
  return error === null;
}

/** A CodeCarbon CSV of more than this is not one a job keeps: it is left alone. */
const MAX_CODECARBON_BYTES = 64 << 20;

/**
 * Adds `row` to a CodeCarbon CSV the user keeps: a new file gets the header first; a file with a
 * different header is left alone (appending would corrupt it for pandas and CodeCarbon). The
 * whole file is written anew beside it and renamed over it, so a full disk cannot cut it short.
 */
function appendCodecarbon(file: string, row: string | null, io: Io): void {
  const header = codecarbonHeader();
  const read = readRegularFile(file, MAX_CODECARBON_BYTES);
  if (!read.ok && !read.missing) {
    io.warning(`Input '${INPUT.codecarbonPath}': gpu-carbon could not add to ${file}: ${read.reason}.`);
    return;
  }
  const text = read.ok ? read.text : "";
  if (text === "") {
    writeTo(file, header + (row ?? ""), INPUT.codecarbonPath, io);
    return;
  }
  const first = text.split("\n", 1)[0] + "\n";
  if (first !== header) {
    io.warning(`Input '${INPUT.codecarbonPath}': ${file} has other columns than CodeCarbon's emissions.csv; no row was added.`);
    return;
  }
  if (row) writeTo(file, (text.endsWith("\n") ? text : text + "\n") + row, INPUT.codecarbonPath, io);
}

/**
 * Writes benchmark.json, emissions.csv and summary.md into `dir`, and to `benchmark-path` / `codecarbon-path`
 * when set. A report without energy gives `[]` and a header-only CSV: no made-up 0 kWh point.
 * @returns the files written into `dir`
 */
export function writeInteropFiles(report: Report, dir: string, settings: Settings, env: NodeJS.ProcessEnv, io: Io): string[] {
  const written: string[] = [];
  const benchmark = renderBenchmarkJson(report);
  const row = renderCodecarbonRow(report, runInfoFromEnv(env));
  const benchmarkFile = path.join(dir, FILE.benchmark);
  const codecarbonFile = path.join(dir, FILE.codecarbon);
  if (writeTo(benchmarkFile, benchmark, null, io)) written.push(benchmarkFile);
  if (writeTo(codecarbonFile, codecarbonHeader() + (row ?? ""), null, io)) written.push(codecarbonFile);
  const summaryFile = path.join(dir, FILE.summaryMarkdown);
  if (writeTo(summaryFile, renderSummary(report), null, io)) written.push(summaryFile);
  if (settings.benchmarkPath && writeTo(settings.benchmarkPath, benchmark, INPUT.benchmarkPath, io)) {
    io.info(`Benchmark JSON written to ${settings.benchmarkPath}`);
  }
  if (settings.codecarbonPath) appendCodecarbon(settings.codecarbonPath, row, io);
  return written;
}

/** Uploads `files` (all inside `dir`) as the artifact when `upload-artifact` is true. */
export async function uploadResults(files: string[], dir: string, settings: Settings, env: NodeJS.ProcessEnv, io: Io): Promise<void> {
  if (!settings.uploadArtifact) return;
  const name = settings.artifactName || `gpu-carbon-${env.GITHUB_JOB || "job"}`;
  // Only regular files: the upload would wait for ever on a FIFO a step put in their place.
  const inside = files.filter((file) => isRegularFile(file) && !path.relative(dir, file).startsWith(".."));
  // Loaded only when asked for: the artifact client is most of the bundle's size, and every
  // hook would otherwise parse it at the start of the job.
  const { uploadArtifactFiles } = await import("../adapters/github/artifact-store.js");
  let result: Awaited<ReturnType<typeof uploadArtifactFiles>>;
  try {
    result = await networkDeadline(env).race(uploadArtifactFiles({ name, files: inside, rootDirectory: dir }, env), "the upload");
  } catch (e) {
    result = { uploaded: false, reason: (e as Error).message };
  }
  if (result.uploaded) io.info(`Artifact '${name}' uploaded (${inside.map((f) => path.basename(f)).join(", ")}).`);
  else
    io.warning(
      `Input '${INPUT.uploadArtifact}': the artifact '${name}' was not uploaded: ${result.reason}. The report is still in ${dir}.`,
    );
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
