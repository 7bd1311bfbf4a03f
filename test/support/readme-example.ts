/**
 * The job summary shown at the top of README.md and the PR comment in docs/pull-requests.md,
 * rendered by the action's own renderers from a fixed log (test/fixtures/samples/training-2xh100.csv),
 * so the documentation shows real output and cannot drift from it. `npm run docs` rewrites the
 * blocks; `npm test` checks them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { baselineFrom, compare } from "../../src/core/history/baseline.js";
import { givenIntensity } from "../../src/core/carbon/intensity.js";
import type { HistoryRecord } from "../../src/core/history/records.js";
import { commentMarker } from "../../src/core/history/label.js";
import { renderComment } from "../../src/core/render/comparison.js";
import { renderSummary } from "../../src/core/render/summary.js";
import { buildReport, type Report } from "../../src/core/report/report.js";
import { SampleLogReader } from "../../src/core/log/reader.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const EXAMPLE_LOG = path.join(ROOT, "test/fixtures/samples/training-2xh100.csv");

/** Two H100s through a 5-minute training job, at 250 gCO2e/kWh and PUE 1.2. */
export function exampleReport(): Report {
  const reader = new SampleLogReader();
  for (const line of readFileSync(EXAMPLE_LOG, "utf8").split("\n")) if (line) reader.push(line);
  return buildReport(reader.finish(), { pue: 1.2, carbonIntensity: givenIntensity(250, "input 'carbon-intensity'") }, [
    { index: "0", uuid: "GPU-3f2a9c1e-7d4b-4e1a-9a3c-1b2c3d4e5f60", name: "NVIDIA H100 80GB HBM3" },
    { index: "1", uuid: "GPU-8b1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5", name: "NVIDIA H100 80GB HBM3" },
  ]);
}

/** Markdown headings two levels down, so the example sits under the README's own headings. */
function demote(markdown: string): string {
  return markdown.replace(/^(#{1,4}) /gm, "$1## ");
}

/** The whole summary exactly as rendered, headings demoted (docs/report.md). */
export function fullExampleBlock(): string {
  return demote(renderSummary(exampleReport())).trimEnd();
}

/** The example's label: `<workflow>/<job>` plus the matrix value. */
export const EXAMPLE_LABEL = "train/gpu (H100)";

/**
 * Six earlier builds of the same label on `main`, as the history branch holds them: the example
 * run's own figures scaled by fixed factors, so the pull request shows a modest regression.
 */
export function exampleHistory(): HistoryRecord[] {
  const report = exampleReport();
  const factors = [0.91, 0.94, 0.93, 0.95, 0.92, 0.94];
  return factors.map((factor, i) => ({
    runId: 1000 + i,
    runAttempt: 1,
    sha: `${(0xa1b2c3d + i * 0x111111).toString(16)}e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6`.slice(0, 40),
    ref: "refs/heads/main",
    label: EXAMPLE_LABEL,
    time: `2026-11-${String(20 + i).padStart(2, "0")}T10:00:00.000Z`,
    status: "measured" as const,
    energyKwh: (report.energyKwh ?? 0) * factor,
    emissionsKg: (report.emissionsKg ?? 0) * factor,
    durationSeconds: report.durationSeconds * (0.98 + i * 0.005),
    coverage: 1,
    gpus: report.gpus.map((g) => ({ index: g.index, uuid: g.uuid, name: g.name, energyKwh: (g.energyKwh ?? 0) * factor })),
  }));
}

/** The README's PR comment block: the comment exactly as rendered for the example run on a PR. */
export function readmeCommentBlock(): string {
  const report = exampleReport();
  const trend = exampleHistory();
  const baseline = baselineFrom(trend, "refs/heads/main", null);
  const body = renderComment(commentMarker(EXAMPLE_LABEL), {
    label: EXAMPLE_LABEL,
    report,
    comparison: baseline ? compare(report, baseline) : null,
    baseBranch: "main",
    baselineNote: null,
    trend,
    currentName: "this PR",
    gates: [],
    runUrl: null,
  });
  return demote(body).trimEnd();
}

function replaceBlock(text: string, file: string, name: string, block: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the ${start} ... ${end} markers`);
  return `${text.slice(0, from + start.length)}\n\n${block}\n\n${text.slice(to)}`;
}

/** The files that show rendered examples, each with its blocks rendered fresh. */
export const EXAMPLE_FILES: { file: string; fresh: (text: string) => string }[] = [
  { file: "docs/report.md", fresh: (text) => replaceBlock(text, "docs/report.md", "example-summary", fullExampleBlock()) },
  { file: "docs/pull-requests.md", fresh: (text) => replaceBlock(text, "docs/pull-requests.md", "example-comment", readmeCommentBlock()) },
];
