import { describe, expect, it } from "vitest";
import { baselineFrom, compare } from "../../../src/core/history/baseline.js";
import { evaluateGates, type GateLimits } from "../../../src/core/history/gates.js";
import type { HistoryRecord } from "../../../src/core/history/records.js";
import { COMMENT_LIMIT, fitToLimit, renderComment, renderComparison, type ComparisonView } from "../../../src/core/render/comparison.js";
import { measuredReport } from "../../support/reports.js";

const names = { regression: "max-regression-percent", energy: "max-energy-kwh", emissions: "max-emissions-kg" };
const off: GateLimits = { maxRegressionPercent: null, maxEnergyKwh: null, maxEmissionsKg: null };

// Three main-branch runs of 50 minutes: 1.0, 1.1 and 0.9 kWh (median 1.0 kWh, 20 Wh/min).
const history: HistoryRecord[] = [1, 2, 3].map((i) => ({
  runId: i,
  runAttempt: 1,
  sha: `abcdef${i}999`,
  ref: "refs/heads/main",
  label: "CI/train",
  time: `2026-01-0${i}T00:00:00.000Z`,
  status: "measured",
  energyKwh: [1, 1.1, 0.9][i - 1]!,
  emissionsKg: 0.5,
  durationSeconds: 3000,
  coverage: 1,
  gpus: [],
}));

function view(overrides: Partial<ComparisonView> = {}): ComparisonView {
  // This PR: 1.2 kWh over 60 minutes, also 20 Wh/min: more energy only because it ran longer.
  const report = measuredReport(1.2, 3600);
  const comparison = compare(report, baselineFrom(history, "refs/heads/main", null)!);
  return {
    label: "CI/train (gpu=h100)",
    report,
    comparison,
    baseBranch: "main",
    baselineNote: null,
    trend: history,
    currentName: "this PR",
    gates: evaluateGates({ ...off, maxRegressionPercent: 10, maxEnergyKwh: 2 }, report, comparison, names),
    runUrl: "https://github.com/o/r/actions/runs/7",
    ...overrides,
  };
}

describe("the comparison section", () => {
  it("shows the run against the median of the base branch, the trend and the gates", () => {
    expect(renderComment("<!-- m -->", view())).toBe(`<!-- m -->
### GPU energy · CI/train \\(gpu=h100\\)

**1.20 kWh (1.14-1.26)** GPU energy · **600 g (570-630) CO2e** · 1h 00m 00s · 20.0 Wh/min · coverage 99.0%

| Measure | This run | Baseline | Change |
| --- | ---: | ---: | ---: |
| GPU energy | 1.20 kWh (1.14-1.26) | 1.00 kWh (0.95-1.05) | +20.0% |
| Emissions | 600 g CO2e | 500 g CO2e | +20.0% |
| Duration | 1h 00m 00s | 50m 00s | +20.0% |
| Energy per minute | 20.0 Wh/min | 20.0 Wh/min | 0.0% |

Baseline: the median of the last 3 measured runs of this label on \`main\`.

Within noise: this run's range (1.14 kWh to 1.26 kWh) overlaps the baseline's median plus or minus twice its spread (median 1.00 kWh, spread 100 Wh).

Trend of GPU energy over the last 3 builds on \`main\`, then this PR: \`▃▆▁█\`

<details><summary>Energy per build</summary>

\`\`\`mermaid
---
config:
  themeVariables:
    xyChart:
      plotColorPalette: "#2f81f7"
---
xychart-beta
  title "GPU energy per build"
  x-axis "build" ["abcdef1", "abcdef2", "abcdef3", "this PR"]
  y-axis "kWh" 0 --> 1.2
  line [1.0, 1.1, 0.9, 1.2]
\`\`\`

</details>

Gates:
- \`max-regression-percent\` passed: +20.0% (limit +10%), within noise: this run's range 1.20 kWh (1.14-1.26) reaches below 1.30 kWh (median 1.00 kWh x 1.10 + 2 x spread 100 Wh = 1.30 kWh)
- \`max-energy-kwh\` passed: 1.20 kWh (limit 2.00 kWh)

<sub>[Workflow run](https://github.com/o/r/actions/runs/7) · gpu-carbon</sub>
`);
  });

  it("numbers the builds of a long trend instead of naming commits whose names would run into each other", () => {
    const trend = Array.from({ length: 29 }, (_, i) => ({ ...history[i % 3]!, runId: 10 + i, sha: `${1000000 + i}abcdef` }));
    const chart = /```mermaid\n([\s\S]*?)```/.exec(renderComparison(view({ trend })))![1]!;
    expect(chart).toContain('  x-axis "build, oldest first" 1 --> 30\n');
    expect(chart).toContain("  line [1.0, 1.1, 0.9, 1.0, ");
    expect(chart).toMatch(/, 1\.2\]\n$/);
    // Nine commits fit side by side: those keep their names.
    expect(renderComparison(view({ trend: trend.slice(-8) }))).toContain('x-axis "build" ["1000021", ');
  });

  it("fails the regression gate only when even the low end of the range clears the baseline's noise", () => {
    // Baseline runs 1.0, 1.1, 0.9 kWh: median 1.0, spread (median absolute deviation) 0.1 kWh.
    // With 10 %: the limit is 1.0 x 1.10 + 2 x 0.1 = 1.30 kWh.
    const baseline = baselineFrom(history, "refs/heads/main", null)!;
    const gateOf = (energyKwh: number, range: [number, number] | null) => {
      const report = measuredReport(energyKwh, 3600, { energyKwhRange: range });
      return evaluateGates({ ...off, maxRegressionPercent: 10 }, report, compare(report, baseline), names)[0]!;
    };
    expect(gateOf(1.4, [1.31, 1.5]).outcome).toBe("fail");
    expect(gateOf(1.4, [1.29, 1.5]).outcome).toBe("pass");
    expect(gateOf(1.4, [1.29, 1.5]).message).toBe(
      "Gate 'max-regression-percent' passed: energy change against the baseline +40.0% is within noise: the low end of this run's range (1.29 kWh) is not above the baseline's median 1.00 kWh x 1.10 + 2 x spread 100 Wh = 1.30 kWh.",
    );
    // A report without a range counts as +/-5 %: 1.40 kWh reaches down to 1.33 kWh, over the limit.
    expect(gateOf(1.4, null).outcome).toBe("fail");
    expect(gateOf(1.05, [1.0, 1.1])).toMatchObject({ outcome: "pass", noise: null });
    // Older history records without a range count as +/-5 % in the baseline's range too.
    expect(baseline.energyKwhRange).toEqual([0.95, 1.05]);
    const ranged = history.map((r, i) => ({
      ...r,
      energyKwhRange: [
        [0.9, 1.2],
        [1.0, 1.3],
        [0.8, 1.1],
      ][i] as [number, number],
    }));
    expect(baselineFrom(ranged, "refs/heads/main", null)!.energyKwhRange).toEqual([0.9, 1.2]);
    const high = measuredReport(1.6, 3600, { energyKwhRange: [1.5, 1.7] });
    const comment = renderComparison(view({ report: high, comparison: compare(high, baseline), gates: [] }));
    expect(comment).toContain(
      "Beyond noise: this run's range (1.50 kWh to 1.70 kWh) is above the baseline's median plus twice its spread (median 1.00 kWh, spread 100 Wh).",
    );
  });

  it("says why there is no baseline, and warns about a partial measurement", () => {
    const report = measuredReport(0.0125, 90, { status: "partial", coverage: 0.5, warnings: ["valid samples cover 50.0 % of the window"] });
    const text = renderComment(
      "<!-- m -->",
      view({
        report,
        comparison: null,
        trend: [],
        gates: [],
        runUrl: null,
        baselineNote: "No baseline yet: `main` has no measured run of this label.",
      }),
    );
    expect(text).toBe(`<!-- m -->
### GPU energy · CI/train \\(gpu=h100\\)

**12.5 Wh (11.8-13.2)** GPU energy · **6.25 g (5.9-6.6) CO2e** · 1m 30s · 8.33 Wh/min · coverage 50.0% · partial

No baseline yet: \`main\` has no measured run of this label.

> [!WARNING]
> - valid samples cover 50.0 % of the window

<sub>gpu-carbon</sub>
`);
  });

  it("escapes an untrusted label", () => {
    const text = renderComparison(view({ label: "x <img src=y> @team #1", comparison: null, trend: [], gates: [] }));
    expect(text.split("\n")[0]).toBe("### GPU energy · x &lt;img src=y&gt; @\u200bteam \\#1");
  });

  it("reports a gate it cannot check instead of passing it", () => {
    const report = measuredReport(0, 60, { energyKwh: null, emissionsKg: null, status: "not-measured" });
    const gates = evaluateGates({ maxRegressionPercent: 5, maxEnergyKwh: 1, maxEmissionsKg: 0.1 }, report, null, names);
    expect(gates.map((g) => [g.outcome, g.message])).toEqual([
      ["skipped", "Gate 'max-regression-percent' was not checked: there is no baseline to compare with yet."],
      ["skipped", "Gate 'max-energy-kwh' was not checked: the energy of this run is unknown."],
      ["skipped", "Gate 'max-emissions-kg' was not checked: the emissions of this run are unknown."],
    ]);
    const over = evaluateGates({ ...off, maxEmissionsKg: 0.5 }, measuredReport(1.2, 60), null, names);
    expect(over[0]!.message).toBe("Gate 'max-emissions-kg' failed: emissions 600 g CO2e is above the limit of 500 g CO2e.");
  });
});

describe("GitHub's comment length limit", () => {
  it("leaves a short body alone", () => {
    expect(fitToLimit("abc", 10)).toBe("abc");
  });

  it("cuts a long body at a line break, closes the open blocks and says so", () => {
    const body = ["<!-- m -->", "<details>", "", "```mermaid", ...Array.from({ length: 20_000 }, (_, i) => `line ${i}`)].join("\n");
    const cut = fitToLimit(body);
    expect(cut.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(cut.startsWith("<!-- m -->\n<details>")).toBe(true);
    expect(cut).toMatch(
      /\nline \d+\n```\n\n<\/details>\n\n\*The rest was cut to fit GitHub's limit on comment length; the job summary and report.json have everything.\*\n$/,
    );
  });

  it("keeps a comment full of warnings under the limit with its marker first", () => {
    const warnings = Array.from({ length: 3000 }, (_, i) => `warning number ${i} about something long enough to matter`);
    const text = renderComment("<!-- m -->", view({ report: measuredReport(1, 60, { status: "partial", warnings }) }));
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text.startsWith("<!-- m -->\n### GPU energy")).toBe(true);
  });
});
