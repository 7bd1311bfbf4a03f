import { describe, expect, it } from "vitest";
import { baselineFrom, compare, median, percentChange } from "../../../src/core/history/baseline.js";
import {
  HistoryFormatError,
  appendRecord,
  emptyHistory,
  historyRecord,
  parseHistory,
  serializeHistory,
  type HistoryRecord,
} from "../../../src/core/history/records.js";
import { commentMarker, defaultLabel, fnv1a, historyPath } from "../../../src/core/history/label.js";
import { measuredReport } from "../../support/reports.js";

const run = { runId: 42, runAttempt: 1, sha: "abcdef1234567890", ref: "refs/heads/main", label: "train/gpu" };

function rec(runId: number, energyKwh: number, day: number, extra: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    runId,
    runAttempt: 1,
    sha: `sha${runId}`,
    ref: "refs/heads/main",
    label: "train/gpu",
    time: `2026-01-${String(day).padStart(2, "0")}T00:00:00.000Z`,
    status: "measured",
    energyKwh,
    emissionsKg: energyKwh / 2,
    durationSeconds: 600,
    coverage: 1,
    gpus: [],
    ...extra,
  };
}

describe("labels", () => {
  it("is workflow/job, with matrix values in key order", () => {
    expect(defaultLabel("CI", "train", null)).toBe("CI/train");
    expect(defaultLabel("CI", "train", {})).toBe("CI/train");
    expect(defaultLabel("CI", "train", { gpu: "h100", cuda: 12.4, opts: { b: 1, a: [true] } })).toBe(
      'CI/train (cuda=12.4, gpu=h100, opts={"a":[true],"b":1})',
    );
  });

  it("gives each label its own file and marker", () => {
    expect(fnv1a("")).toBe("811c9dc5");
    expect(fnv1a("a")).toBe("e40c292c");
    expect(historyPath("CI/train (gpu=h100)")).toBe(`history/ci-train-gpu-h100-${fnv1a("CI/train (gpu=h100)")}.json`);
    expect(historyPath("ci/train (gpu=h100)")).not.toBe(historyPath("CI/train (gpu=h100)"));
    expect(historyPath("///")).toBe(`history/label-${fnv1a("///")}.json`);
    expect(commentMarker("a --> b")).toBe("<!-- gpu-carbon:comment label=a%20--%3E%20b -->");
  });
});

describe("history records", () => {
  it("records a measured report and skips one that measured nothing", () => {
    const report = measuredReport(0.25, 3600);
    expect(historyRecord(report, run, "2026-02-01T00:00:00.000Z")).toEqual({
      ...run,
      time: "2026-01-01T01:00:00.000Z",
      status: "measured",
      energyKwh: 0.25,
      energyKwhRange: [0.2375, 0.2625],
      emissionsKg: 0.125,
      durationSeconds: 3600,
      coverage: 0.99,
      gpus: [{ index: 0, uuid: "GPU-0", name: "NVIDIA H100 80GB HBM3", energyKwh: 0.25 }],
    });
    expect(historyRecord(measuredReport(0, 1, { energyKwh: null, status: "not-measured" }), run, "x")).toBeNull();
  });

  it("appends in time order, replaces a retried run and keeps the newest N", () => {
    let h = emptyHistory("train/gpu");
    h = appendRecord(h, rec(3, 3, 3), 3);
    h = appendRecord(h, rec(1, 1, 1), 3);
    h = appendRecord(h, rec(2, 2, 2), 3);
    h = appendRecord(h, rec(2, 2.5, 2), 3);
    expect(h.records.map((r) => [r.runId, r.energyKwh])).toEqual([
      [1, 1],
      [2, 2.5],
      [3, 3],
    ]);
    h = appendRecord(h, rec(4, 4, 4), 3);
    expect(h.records.map((r) => r.runId)).toEqual([2, 3, 4]);
  });

  it("round-trips through its one-record-per-line file", () => {
    const h = appendRecord(appendRecord(emptyHistory("l"), rec(1, 1, 1), 10), rec(2, 2, 2), 10);
    const text = serializeHistory(h);
    expect(text.split("\n")).toHaveLength(9); // 6 lines of frame, 2 records, final newline
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "label": "l",\n  "records": [\n    {"runId":1,')).toBe(true);
    expect(parseHistory(text)).toEqual(h);
    expect(parseHistory(serializeHistory(emptyHistory("x")))).toEqual(emptyHistory("x"));
  });

  it("rejects a file it does not understand", () => {
    expect(() => parseHistory("{")).toThrow(HistoryFormatError);
    expect(() => parseHistory('{"schemaVersion":2,"label":"x","records":[]}')).toThrow(/schemaVersion/);
  });
});

describe("baseline", () => {
  it("takes medians", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentChange(1.2, 1)).toBeCloseTo(20, 9);
    expect(percentChange(1, 0)).toBeNull();
  });

  it("is the median of the last five measured runs of the branch, not one noisy run", () => {
    const records = [
      rec(1, 100, 1), // too old
      rec(2, 1.0, 2),
      rec(3, 1.1, 3),
      rec(4, 5.0, 4), // a noisy run
      rec(5, 0.9, 5),
      rec(6, 1.0, 6),
      rec(7, 0.1, 7, { status: "partial" }),
      rec(8, 9, 8, { ref: "refs/heads/other" }),
    ];
    const baseline = baselineFrom(records, "refs/heads/main", null)!;
    // 1.0, 1.1, 5.0, 0.9, 1.0 -> median 1.0 kWh; 600 s each -> 0.1 kWh/min. Deviations 0, 0.1,
    // 4.0, 0.1, 0 -> spread (median absolute deviation) 0.1 kWh. No record has a range: +/-5 %.
    expect(baseline).toEqual({
      ref: "refs/heads/main",
      runs: 5,
      energyKwh: 1,
      spreadKwh: 0.1,
      energyKwhRange: [0.95, 1.05],
      emissionsKg: 0.5,
      durationSeconds: 600,
      energyPerMinuteKwh: 0.1,
    });
    expect(baselineFrom(records, "refs/heads/main", 6)!.energyKwh).toBe(1.1); // without run 6, run 1 (100 kWh) comes back in: 0.9, 1.0, 1.1, 5, 100
    expect(baselineFrom(records, "refs/heads/none", null)).toBeNull();
  });

  it("compares energy, emissions, duration and energy per minute", () => {
    const baseline = baselineFrom([rec(1, 1, 1)], "refs/heads/main", null)!;
    // 1.2 kWh over 1200 s: +20 % energy, twice as long, so 40 % less energy per minute.
    const c = compare(measuredReport(1.2, 1200), baseline);
    expect(c.energyPercent).toBeCloseTo(20, 9);
    expect(c.emissionsPercent).toBeCloseTo(20, 9);
    expect(c.durationPercent).toBeCloseTo(100, 9);
    expect(c.energyPerMinutePercent).toBeCloseTo(-40, 9);
  });
});
