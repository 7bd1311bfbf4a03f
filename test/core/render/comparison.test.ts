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

**1.20 kWh** GPU energy · **600 g CO2e** · 1h 00m 00s · 20.0 Wh/min · coverage 99.0%

| Measure | This run | Baseline | Change |
| --- | ---: | ---: | ---: |
| GPU energy | 1.20 kWh | 1.00 kWh | +20.0% |
| Emissions | 600 g CO2e | 500 g CO2e | +20.0% |
| Duration | 1h 00m 00s | 50m 00s | +20.0% |
| Energy per minute | 20.0 Wh/min | 20.0 Wh/min | 0.0% |

Baseline: the median of the last 3 measured runs of this label on \`main\`.

Trend of GPU energy over the last 3 builds on \`main\`, then this PR: \`▇▇▆█\`

<details><summary>Energy per build</summary>

\`\`\`mermaid
xychart-beta
  title "GPU energy per build"
  x-axis "build" ["abcdef1", "abcdef2", "abcdef3", "this PR"]
  y-axis "kWh" 0 --> 2
  line [1.0, 1.1, 0.9, 1.2]
\`\`\`

</details>

Gates:
- \`max-regression-percent\` **FAILED**: +20.0% (limit +10%)
- \`max-energy-kwh\` passed: 1.20 kWh (limit 2.00 kWh)

<sub>[Workflow run](https://github.com/o/r/actions/runs/7) · gpu-carbon</sub>
`);
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

**12.5 Wh** GPU energy · **6.25 g CO2e** · 1m 30s · 8.33 Wh/min · coverage 50.0% · partial

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
