/**
 * The job summary and the PR comment as a reader sees them on GitHub: the renderers' Markdown
 * turned into HTML with GitHub's flavour and its Mermaid charts drawn by Mermaid itself, in
 * headless Chromium, light and dark. Asserts on what is drawn: axis labels that neither overlap nor
 * repeat, a line that stands out from the background, a y axis that ends on a labelled round
 * number above the peak, and text shown exactly as written.
 *
 * `npm run docs` (UPDATE_README=1) also writes docs/images/summary.png from the same render.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { missingNvidiaSmiMessage } from "../../src/adapters/container.js";
import { givenIntensity } from "../../src/core/carbon/intensity.js";
import { baselineFrom, compare } from "../../src/core/history/baseline.js";
import { commentMarker } from "../../src/core/history/label.js";
import type { HistoryRecord } from "../../src/core/history/records.js";
import { renderComment } from "../../src/core/render/comparison.js";
import { renderSummary } from "../../src/core/render/summary.js";
import { notMeasuredReport, type Report } from "../../src/core/report/report.js";
import {
  contrastRatio,
  drawnCharts,
  findChromium,
  openBrowser,
  pageBackground,
  showMarkdown,
  shownText,
  type Box,
  type DrawnChart,
  type RenderBrowser,
  type Theme,
} from "../support/browser.js";
import { longJobReport } from "../support/long-job.js";
import { exampleHistory, exampleReport, readmeCommentBlock } from "../support/readme-example.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCREENSHOT = path.join(ROOT, "docs/images/summary.png");

/** `count` earlier builds on `branch`, oldest first, each its own commit. */
function history(count: number, branch: string): HistoryRecord[] {
  const base = exampleHistory();
  return Array.from({ length: count }, (_, i) => {
    const record = base[i % base.length]!;
    const sha = `${(0x3c1f9a2 + i * 0x2b7e15).toString(16).padStart(7, "0")}0123456789abcdef0123456789abcdef0`.slice(0, 40);
    return { ...record, runId: 3000 + i, sha, ref: `refs/heads/${branch}`, time: new Date(Date.UTC(2026, 9, 1 + i, 10)).toISOString() };
  });
}

/** The PR comment for `report` against `trend`, for a branch and label that need escaping. */
function comment(report: Report, trend: HistoryRecord[], baseBranch: string, label: string): string {
  const baseline = baselineFrom(trend, `refs/heads/${baseBranch}`, null);
  return renderComment(commentMarker(label), {
    label,
    report,
    comparison: baseline ? compare(report, baseline) : null,
    baseBranch,
    baselineNote: null,
    trend,
    currentName: "this PR",
    gates: [],
    runUrl: null,
  });
}

/** A job in a container where nvidia-smi is missing: the warning is full of code and Markdown characters. */
function containerReport(): Report {
  return notMeasuredReport(
    { pue: 1.2, carbonIntensity: givenIntensity(250, "input 'carbon-intensity'") },
    [missingNvidiaSmiMessage("/.dockerenv", "nvidia-smi-path")],
    { startEpochMs: Date.UTC(2026, 10, 28, 9), durationMs: 60_000, intervalMs: 1000, gapMs: 3000 },
  );
}

const BRANCH = "release_2.x";
const LABEL = "train/gpu_x *fast* [H100] #1";

/** The documents drawn, each with the number of charts it holds. */
const DOCUMENTS: { name: string; markdown: () => string; charts: number }[] = [
  { name: "the README's job summary (two H100s, 5 minutes)", markdown: () => renderSummary(exampleReport()), charts: 1 },
  { name: "the job summary of a 2-hour job", markdown: () => renderSummary(longJobReport(2 * 3600)), charts: 1 },
  { name: "the PR comment in docs/pull-requests.md (6 earlier builds)", markdown: () => readmeCommentBlock(), charts: 1 },
  {
    name: "a PR comment where one commit was built twice",
    markdown: () => {
      const trend = history(5, BRANCH);
      return comment(exampleReport(), [...trend, { ...trend[4]!, runId: 4000, runAttempt: 2 }], BRANCH, LABEL);
    },
    charts: 1,
  },
  {
    name: "a PR comment over 29 earlier builds",
    markdown: () => comment(exampleReport(), history(29, BRANCH), BRANCH, LABEL),
    charts: 1,
  },
];

/** Boxes that share any area (a gap of 2 px at least between neighbours is required). */
function overlapping(boxes: Box[], axis: "x" | "y"): string[] {
  const sorted = [...boxes].sort((a, b) => (axis === "x" ? a.left - b.left : a.top - b.top));
  return sorted.slice(1).flatMap((box, i) => {
    const before = sorted[i]!;
    const gap = axis === "x" ? box.left - before.right : box.top - before.bottom;
    return gap < 2 ? [`"${before.text}" and "${box.text}" (${gap.toFixed(1)} px apart)`] : [];
  });
}

function repeated(boxes: Box[]): string[] {
  const texts = boxes.map((box) => box.text);
  return [...new Set(texts.filter((text, i) => texts.indexOf(text) !== i))];
}

const middle = (box: Box) => (box.top + box.bottom) / 2;

/** The y axis's value at a height on the page, from its labels' positions. */
function yValueAt(chart: DrawnChart, y: number): number {
  const [low, high] = [chart.yLabels[0]!, chart.yLabels[chart.yLabels.length - 1]!];
  const [v0, v1] = [Number(low.text), Number(high.text)];
  return v0 + ((middle(low) - y) / (middle(low) - middle(high))) * (v1 - v0);
}

/** The values each Mermaid block of `markdown` draws (its `line [...]`). */
function plotted(markdown: string): number[][] {
  return [...markdown.matchAll(/^\s*line \[([^\]]*)\]/gm)].map((m) => m[1]!.split(",").map(Number));
}

// One Chromium for the file, started by the first test that needs it. Where it cannot start
// (none installed), every test that needs it fails with the reason: none is skipped.
let started: Promise<RenderBrowser> | undefined;
const chromium = () => (started ??= openBrowser());
afterAll(async () => {
  await (await started?.catch(() => undefined))?.close();
});

describe.each(["light", "dark"] as Theme[])("charts drawn by Mermaid in Chromium (%s)", (theme) => {
  it.each(DOCUMENTS)("$name: labels apart and unique, a visible line, a y axis ending on a round labelled value", async (doc) => {
    const render = await chromium();
    const markdown = doc.markdown();
    await showMarkdown(render.page, markdown, theme);
    const charts = await drawnCharts(render.page);
    const background = await pageBackground(render.page);
    expect(charts).toHaveLength(doc.charts);
    const values = plotted(markdown);
    for (const [i, chart] of charts.entries()) {
      const where = `${doc.name}, chart "${chart.title}"`;
      expect(chart.xLabels.length, `${where}: x-axis labels`).toBeGreaterThanOrEqual(2);
      expect(overlapping(chart.xLabels, "x"), `${where}: overlapping x-axis labels`).toEqual([]);
      expect(overlapping(chart.yLabels, "y"), `${where}: overlapping y-axis labels`).toEqual([]);
      expect(repeated(chart.xLabels), `${where}: repeated x-axis labels`).toEqual([]);
      expect(repeated(chart.yLabels), `${where}: repeated y-axis labels`).toEqual([]);

      // WCAG 2's minimum for graphics is 3:1, against the chart's own background and the page's.
      expect(
        contrastRatio(chart.lineColor, chart.background),
        `${where}: line ${chart.lineColor} on ${chart.background}`,
      ).toBeGreaterThanOrEqual(3);
      expect(
        contrastRatio(chart.lineColor, background),
        `${where}: line ${chart.lineColor} on the page's ${background}`,
      ).toBeGreaterThanOrEqual(3);

      // The axis ends on its highest label, a round number (two significant digits at most) above
      // the peak with little room to spare; the drawn peak is where the data puts it.
      const top = chart.yLabels[chart.yLabels.length - 1]!;
      const topValue = Number(top.text);
      // Mermaid leaves the same margin inside the axis line at both ends: 0 sits that far above its bottom.
      const margin = chart.yAxis.bottom - middle(chart.yLabels[0]!);
      expect(Math.abs(middle(top) - chart.yAxis.top - margin), `${where}: no label at the top of the y axis`).toBeLessThanOrEqual(5);
      expect(Number(topValue.toPrecision(2)), `${where}: y-axis maximum ${top.text}`).toBe(topValue);
      const peak = Math.max(...values[i]!);
      expect(topValue, `${where}: y-axis maximum under the peak ${peak}`).toBeGreaterThanOrEqual(peak);
      expect(topValue, `${where}: y-axis maximum ${topValue} far above the peak ${peak}`).toBeLessThanOrEqual(peak * 1.35);
      expect(Math.abs(yValueAt(chart, chart.line.top) - peak), `${where}: the line's peak is not drawn at ${peak}`).toBeLessThan(
        topValue * 0.02,
      );
    }
    expect(render.requests, "the page asked the network for something").toEqual([]);
  });
});

describe("text in Chromium is shown as written", () => {
  it("a branch in a code span shows no backslash; a label with Markdown characters shows them as typed", async () => {
    const render = await chromium();
    await showMarkdown(render.page, comment(exampleReport(), history(6, BRANCH), BRANCH, LABEL));
    const [text] = await shownText(render.page);
    const codes = await shownText(render.page, "code");
    expect(codes).toContain(BRANCH);
    expect(text).toContain(`of this label on ${BRANCH}.`);
    expect(text).toContain(`over the last 6 builds on ${BRANCH}, then this PR`);
    expect(text).toContain(`GPU energy · ${LABEL}`);
    expect(text).not.toMatch(/[\\`]/);
  });

  it("a warning shows its commands as code, without backticks or backslashes, and the rest as typed", async () => {
    const render = await chromium();
    const report = containerReport();
    await showMarkdown(render.page, renderSummary(report));
    const [text] = await shownText(render.page);
    const alert = await shownText(render.page, "blockquote");
    expect(alert).toHaveLength(1);
    expect(alert[0]).toMatch(/^Warning\n/);
    const codes = await shownText(render.page, "blockquote code");
    expect(codes).toEqual([
      "container:",
      "container.options: --gpus all",
      "container.env.NVIDIA_DRIVER_CAPABILITIES: compute,utility",
      "utility",
      "container.volumes",
      "--device",
    ]);
    // What the warning says, with each code span's backticks taken away, is what the reader sees.
    expect(alert[0]!.replace(/\s+/g, " ")).toContain(report.warnings[0]!.replace(/`/g, ""));
    expect(text).toContain("/dev/nvidia* devices");
    expect(text).not.toMatch(/[\\`]/);
  });
});

describe("Chromium", () => {
  it("is found where Debian installs it; where there is none, the tests fail saying how to install it", () => {
    expect(findChromium({}, (file) => file === "/usr/bin/chromium")).toBe("/usr/bin/chromium");
    expect(() => findChromium({}, () => false)).toThrow(
      /none was found .*'sudo bash scripts\/install-test-servers.sh' \(Debian\/Ubuntu: it runs 'apt-get install -y chromium'\)/,
    );
    expect(() => findChromium({ CHROMIUM_PATH: "/opt/none/chrome" }, () => false)).toThrow(
      /CHROMIUM_PATH is \/opt\/none\/chrome, which does not exist/,
    );
  });
});

describe("docs/images/summary.png", () => {
  it("is a screenshot of the README's job summary as drawn here (`npm run docs` writes it)", async () => {
    const render = await chromium();
    await showMarkdown(render.page, renderSummary(exampleReport()));
    const article = (await render.page.$("article"))!;
    const box = (await article.boundingBox())!;
    if (process.env.UPDATE_README === "1") {
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      writeFileSync(SCREENSHOT, await article.screenshot({ type: "png" }));
    }
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(0, 8).toString("hex"), "not a PNG: run 'npm run docs'").toBe("89504e470d0a1a0a");
    // Width and height from the PNG header; fonts differ a little between machines, the layout does not.
    expect(png.readUInt32BE(16)).toBe(Math.round(box.width));
    expect(Math.abs(png.readUInt32BE(20) - box.height) / box.height, "the screenshot is stale: run 'npm run docs'").toBeLessThan(0.1);
    expect(readFileSync(path.join(ROOT, "docs/report.md"), "utf8")).toContain("](images/summary.png)");
  });
});
