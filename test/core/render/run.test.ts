import { describe, expect, it } from "vitest";
import { compare } from "../../../src/core/history/baseline.js";
import { mergeReports } from "../../../src/core/report/merge.js";
import { pushgatewayMetrics, pushgatewayPath } from "../../../src/core/render/pushgateway.js";
import type { ComparisonView } from "../../../src/core/render/comparison.js";
import { renderRunComment, renderRunSummary, type RunView } from "../../../src/core/render/run.js";
import { measuredReport } from "../../support/reports.js";

/** Two jobs: train 0.25 kWh (1 h), eval 0.05 kWh (10 min), both at 500 g/kWh. */
function run(): RunView {
  const train = { ...measuredReport(0.25, 3600), label: "CI/train" };
  const evalReport = { ...measuredReport(0.05, 600), label: "CI/eval", gpus: [{ ...measuredReport(0.05, 600).gpus[0]!, uuid: "GPU-1" }] };
  const { report } = mergeReports(
    [
      { source: "r/train/report.json", fallbackLabel: "train", report: train },
      { source: "r/eval/report.json", fallbackLabel: "eval", report: evalReport },
    ],
    "CI",
  );
  const baseline = {
    ref: "refs/heads/main",
    runs: 3,
    energyKwh: 0.2,
    spreadKwh: 0.002,
    energyKwhRange: [0.19, 0.21] as [number, number],
    emissionsKg: 0.1,
    durationSeconds: 3600,
    energyPerMinuteKwh: 0.2 / 60,
  };
  const total: ComparisonView = {
    label: "CI",
    report,
    comparison: null,
    baseBranch: "main",
    baselineNote: "No baseline yet: `main` has no measured run of this label in the history.",
    trend: [],
    currentName: "this PR",
    gates: [],
    runUrl: "https://github.com/octo/train/actions/runs/5",
  };
  const trainJob = report.jobs.find((j) => j.label === "CI/train")!;
  const evalJob = report.jobs.find((j) => j.label === "CI/eval")!;
  return {
    total,
    jobs: [
      { job: evalJob, comparison: null },
      { job: trainJob, comparison: compare(train, baseline) },
    ],
  };
}

describe("the run's comment and summary", () => {
  it("has a row per job and the total, each with its baseline where there is one", () => {
    expect(renderRunComment("<!-- m -->", run())).toBe(
      [
        "<!-- m -->",
        "### GPU energy · CI",
        "",
        "**300 Wh (285-315)** GPU energy · **150 g (142-158) CO2e** · 1h 00m 00s · 5.00 Wh/min · coverage 99.0% · 2 jobs",
        "",
        "| Job | Status | GPU energy | Emissions | Duration | Baseline | Change |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        "| CI/eval | measured | 50.0 Wh | 25.0 g CO2e | 10m 00s | – | – |",
        "| CI/train | measured | 250 Wh | 125 g CO2e | 1h 00m 00s | 200 Wh | +25.0% |",
        "| **Total** | measured | **300 Wh** | **150 g CO2e** | 1h 00m 00s | – | – |",
        "",
        "Baseline: for each row, the median of the last measured runs (up to 5) of that label on `main`; – where there is none yet. The total's duration is the run's, from the first job's start to the last job's end.",
        "",
        "<sub>[Workflow run](https://github.com/octo/train/actions/runs/5) · gpu-carbon</sub>",
        "",
      ].join("\n"),
    );
  });

  it("draws the energy each job adds in the summary", () => {
    expect(renderRunSummary(run())).toContain(
      [
        "#### Energy per job",
        "",
        "```mermaid",
        "---",
        "config:",
        "  themeVariables:",
        "    xyChart:",
        '      plotColorPalette: "#2f81f7"',
        "---",
        "xychart-beta",
        '  title "GPU energy per job"',
        '  x-axis "job" ["CI/eval", "CI/train"]',
        '  y-axis "Wh" 0 --> 300',
        "  bar [50, 250]",
        "```",
      ].join("\n"),
    );
  });
});

describe("the Pushgateway's view of a report", () => {
  it("is in base units, grouped by base64url label values", () => {
    const { report } = mergeReports(
      [{ source: "r", fallbackLabel: "x", report: { ...measuredReport(0.25, 3600), label: "CI/train" } }],
      "CI",
    );
    const text = pushgatewayMetrics(report);
    // 0.25 kWh is 900,000 J; 125 g at 500 g/kWh.
    expect(text).toContain("gpu_carbon_energy_joules 900000\n");
    expect(text).toContain("gpu_carbon_emissions_grams 125\n");
    expect(text).toContain("gpu_carbon_jobs 1\n");
    expect(text).toContain('gpu_carbon_info{status="measured",energy_source="sampled"} 1\n');
    expect(pushgatewayPath({ repository: "octo/train", workflow: "CI", label: "", runId: "7", scope: "run" })).toBe(
      "/metrics/job@base64/Z3B1LWNhcmJvbg/repository@base64/b2N0by90cmFpbg/workflow@base64/Q0k/label@base64/=/run_id@base64/Nw/scope@base64/cnVu",
    );
  });

  it("leaves out figures that are unknown instead of pushing 0", () => {
    const { report } = mergeReports([], "CI");
    const text = pushgatewayMetrics(report);
    expect(text).not.toContain("gpu_carbon_energy_joules");
    expect(text).not.toContain("gpu_carbon_emissions_grams");
    expect(text).toContain('gpu_carbon_info{status="not-measured",energy_source="sampled"} 1');
  });
});
