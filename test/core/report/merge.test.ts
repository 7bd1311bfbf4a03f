import { describe, expect, it } from "vitest";
import { givenIntensity } from "../../../src/core/carbon/intensity.js";
import { ReportFileError, mergeReports, parseJobReport, worstStatus, type JobReportInput } from "../../../src/core/report/merge.js";
import type { Report } from "../../../src/core/report/report.js";
import { measuredReport } from "../../support/reports.js";

const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);

/** A job's report: `energyKwh` on one GPU `uuid` of `host`, from `startS` for `durationS` seconds, at `gPerKwh`. */
function job(
  label: string,
  energyKwh: number | null,
  options: { uuid?: string; host?: string; startS?: number; durationS?: number; gPerKwh?: number } = {},
): JobReportInput {
  const { uuid = `GPU-${label}`, host = "node-1", startS = 0, durationS = 3600, gPerKwh = 500 } = options;
  const base = measuredReport(energyKwh ?? 0, durationS);
  const report: Report = {
    ...base,
    label,
    startedAt: new Date(T0 + startS * 1000).toISOString(),
    endedAt: new Date(T0 + (startS + durationS) * 1000).toISOString(),
    status: energyKwh === null ? "not-measured" : "measured",
    energyKwh,
    facilityEnergyKwh: energyKwh,
    sampledEnergyKwh: energyKwh,
    emissionsKg: energyKwh === null ? null : (energyKwh * gPerKwh) / 1000,
    carbonIntensity: givenIntensity(gPerKwh, "input 'carbon-intensity'"),
    warnings: energyKwh === null ? ["nvidia-smi was not found"] : [],
    gpus: energyKwh === null ? [] : [{ ...base.gpus[0]!, uuid, host, energyKwh }],
  };
  return { source: `reports/${label}/report.json`, fallbackLabel: label, report };
}

describe("merging the jobs of a run", () => {
  it("sums energy, and emissions as each job's own (jobs on different grids)", () => {
    // 0.25 kWh at 400 g/kWh is 100 g; 0.5 kWh at 100 g/kWh is 50 g: 150 g, not 0.75 kWh x one intensity.
    const { report } = mergeReports([job("train", 0.25, { gPerKwh: 400 }), job("eval", 0.5, { gPerKwh: 100 })], "CI");
    expect(report).toMatchObject({ kind: "run", label: "CI", status: "measured", energyKwh: 0.75, emissionsKg: 0.15 });
    expect(report.carbonIntensity.gramsPerKwh).toBe(200); // 150 g / 0.75 kWh
    expect(report.jobs.map((j) => [j.label, j.energyKwh, j.countedEnergyKwh])).toEqual([
      ["eval", 0.5, 0.5],
      ["train", 0.25, 0.25],
    ]);
    expect(report.jobs[0]!.hosts).toEqual(["node-1"]);
  });

  it("takes the worst status, lists a job without a figure and adds nothing for it", () => {
    const { report } = mergeReports([job("a", 0.25), job("b", null)], "CI");
    expect(report.status).toBe("not-measured");
    expect(report.energyKwh).toBe(0.25);
    expect(report.jobs.map((j) => j.label)).toEqual(["a", "b"]);
    expect(report.warnings).toEqual(["'b' measured no energy: it adds nothing to the total", "'b': nvidia-smi was not found"]);
    expect(worstStatus(["measured", "partial", "measured"])).toBe("partial");
    expect(worstStatus([])).toBe("not-measured");
  });

  it("counts a GPU measured by two overlapping jobs once, in the earlier one", () => {
    // Same GPU, same host. "late" runs from 30 min to 90 min: its first half overlaps "early" (0-60 min).
    const early = job("early", 0.25, { uuid: "GPU-same", startS: 0, durationS: 3600 });
    const late = job("late", 0.2, { uuid: "GPU-same", startS: 1800, durationS: 3600 });
    const { report, warnings } = mergeReports([late, early], "CI");
    // Half of late's 0.2 kWh falls in the overlap: 0.25 + 0.1.
    expect(report.energyKwh).toBeCloseTo(0.35, 12);
    expect(report.jobs.find((j) => j.label === "late")).toMatchObject({ energyKwh: 0.2, countedEnergyKwh: 0.1, countedEmissionsKg: 0.05 });
    expect(warnings).toEqual([
      "GPU-same on node-1 was measured by both 'early' and 'late' for 30m 00s at the same time: it is counted once, in 'early' (100 Wh of 'late' is left out of the total)",
    ]);
  });

  it("adds the jobs' energy ranges, each GPU's shrunk to the share of it that counts", () => {
    // Each job's range is +/-5 %. "late" counts half its energy (the rest overlaps "early").
    const early = job("early", 0.25, { uuid: "GPU-same", startS: 0, durationS: 3600 });
    const late = job("late", 0.2, { uuid: "GPU-same", startS: 1800, durationS: 3600 });
    const { report } = mergeReports([late, early, job("eval", 0.1)], "CI");
    const [low, high] = report.energyKwhRange!;
    expect(low).toBeCloseTo(0.25 * 0.95 + 0.1 * 0.95 + 0.1 * 0.95, 12);
    expect(high).toBeCloseTo(0.25 * 1.05 + 0.1 * 1.05 + 0.1 * 1.05, 12);
    expect(report.emissionsKgRange![0]).toBeCloseTo(low * 0.5, 12);
    expect(report.jobs.find((j) => j.label === "late")!.energyKwhRange).toEqual([0.2 * 0.95, 0.2 * 1.05]);
  });

  it("has no range when a job's report was written before ranges", () => {
    const old = job("old", 0.1);
    const { energyKwhRange: _run, emissionsKgRange: _em, ...withoutRange } = old.report;
    const gpus = old.report.gpus.map(({ energyKwhRange: _gpu, ...gpu }) => gpu);
    const { report } = mergeReports([job("new", 0.2), { ...old, report: { ...withoutRange, gpus } as unknown as Report }], "CI");
    expect(report.energyKwh).toBeCloseTo(0.3, 12);
    expect(report.energyKwhRange).toBeNull();
    expect(report.emissionsKgRange).toBeNull();
  });

  it("keeps GPUs apart when the host, the UUID or the time differs", () => {
    const inputs = [
      job("a", 0.1, { uuid: "GPU-x", host: "node-1" }),
      job("b", 0.1, { uuid: "GPU-x", host: "node-2" }),
      job("c", 0.1, { uuid: "GPU-y", host: "node-1" }),
      job("d", 0.1, { uuid: "GPU-x", host: "node-1", startS: 3600 }), // starts as "a" ends
    ];
    const { report, warnings } = mergeReports(inputs, "CI");
    expect(report.energyKwh).toBeCloseTo(0.4, 12);
    expect(warnings).toEqual([]);
  });

  it("spans the run from the first start to the last end", () => {
    const { report } = mergeReports([job("a", 0.1, { startS: 0, durationS: 600 }), job("b", 0.1, { startS: 900, durationS: 600 })], "CI");
    expect(report.durationSeconds).toBe(1500);
    expect(report.startedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(report.endedAt).toBe("2026-01-01T00:25:00.000Z");
  });

  it("has no figures and says why when no report could be read", () => {
    const { report } = mergeReports([], "CI", ["reports/x/report.json was skipped: not JSON"]);
    expect(report).toMatchObject({ status: "not-measured", energyKwh: null, emissionsKg: null, jobs: [] });
    expect(report.warnings).toEqual([
      "reports/x/report.json was skipped: not JSON",
      "no job report could be read, so the run has no figures",
    ]);
  });
});

describe("reading a job's report file", () => {
  const valid = JSON.stringify(job("train", 0.25).report);

  it("reads today's reports and schema 1 reports (no kind, label or host)", () => {
    expect(parseJobReport(valid)).toMatchObject({ kind: "job", label: "train", energyKwh: 0.25 });
    const { kind: _kind, label: _label, jobs: _jobs, ...v1 } = { ...JSON.parse(valid), schemaVersion: 1 };
    v1.gpus = v1.gpus.map(({ host: _host, ...gpu }: Record<string, unknown>) => gpu);
    expect(parseJobReport(JSON.stringify(v1))).toMatchObject({ kind: "job", label: null, gpus: [{ host: null }] });
  });

  it("refuses what it cannot merge, saying why", () => {
    const refused = (text: string) => {
      try {
        parseJobReport(text);
      } catch (e) {
        expect(e).toBeInstanceOf(ReportFileError);
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refused("{")).toMatch(/^not JSON/);
    expect(refused('{"name":"package"}')).toMatch(/^not a gpu-carbon report \(schemaVersion:/);
    expect(refused(JSON.stringify({ ...JSON.parse(valid), schemaVersion: 99 }))).toBe(
      "written by a newer gpu-carbon (report schema 99; this version reads up to 2)",
    );
    expect(refused(JSON.stringify({ ...JSON.parse(valid), kind: "run" }))).toBe("already a merged run report; merge the jobs' own reports");
  });
});
