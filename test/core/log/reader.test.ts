import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SampleLogReader } from "../../../src/core/log/reader.js";
import { formatHeader, formatRow, formatStart, formatStop, formatEvent, SAMPLER_LOG_MAGIC } from "../../../src/core/log/format.js";
import { isPlaceholder, parseHeader, parseReading, parseTimestampMs } from "../../../src/core/nvidia-smi/csv.js";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/nvidia-smi");

function read(lines: string[], options: { intervalMs?: number; timeZone?: string } = {}) {
  const reader = new SampleLogReader(options);
  for (const line of lines) reader.push(line);
  return reader;
}

describe("nvidia-smi CSV cells", () => {
  it("recognises every placeholder the real tool prints", () => {
    for (const cell of [
      "[N/A]",
      "N/A",
      "",
      "[Not Supported]",
      "[GPU is lost]",
      "[Unknown Error]",
      "[Insufficient Permissions]",
      "[Requested functionality has been deprecated]",
    ]) {
      expect(isPlaceholder(cell)).toBe(true);
      expect(parseReading(cell)).toBeNull();
    }
    expect(parseReading("631.95")).toBe(631.95);
    expect(parseReading("631.95 W")).toBe(631.95);
    expect(parseReading("garbage")).toBeNull();
  });

  it("reads timestamps as zone-less wall-clock time", () => {
    expect(parseTimestampMs("2026/11/28 10:00:01.250")! - parseTimestampMs("2026/11/28 10:00:00.000")!).toBe(1250);
    expect(parseTimestampMs("28/11/2026")).toBeNull();
  });

  it("maps real headers of three drivers by name", () => {
    for (const file of [
      "exporter-rtx2080super-610.57-load-query.csv",
      "exporter-h100-mig-590.48-load-query.csv",
      "exporter-rtx2080super-linux-465.27-query.csv",
    ]) {
      const [header, row] = readFileSync(path.join(fixtures, file), "utf8").split("\n");
      const parsed = parseHeader(header!);
      const cells = row!.split(",").map((c) => c.trim());
      expect(cells).toHaveLength(parsed.fields.length);
      const power = parseReading(cells[parsed.positions.get("power.draw")!]);
      expect(power).toBeGreaterThan(10);
    }
  });

  it("reads power from a real one-shot capture, with [N/A] average on Turing", () => {
    const text = readFileSync(path.join(fixtures, "exporter-rtx2080super-610.57-load-query.csv"), "utf8");
    const [header, row] = text.split("\n");
    const parsed = parseHeader(header!);
    const cells = row!.split(",").map((c) => c.trim());
    expect(cells[parsed.positions.get("power.draw.average")!]).toBe("[N/A]");
  });
});

describe("a plain nvidia-smi loop log", () => {
  const header = "timestamp, index, uuid, power.draw [W]";
  const row = (ts: string, index: number, watts: string) => `2026/11/28 ${ts}, ${index}, GPU-${index}, ${watts}`;

  it("integrates per GPU by uuid from the timestamps, inferring the interval", () => {
    const lines = [header];
    for (let s = 0; s <= 20; s += 1) {
      const ts = `10:00:${String(s).padStart(2, "0")}.000`;
      lines.push(row(ts, 0, "100.00"), row(ts, 1, "300.00"));
    }
    const result = read(lines).finish();
    expect(result.format).toBe("nvidia-smi");
    expect(result.intervalMs).toBe(1000);
    expect(result.windowMs).toBe(20_000);
    expect(result.gpus.map((g) => g.energyJ)).toEqual([2000, 6000]);
    expect(result.powerField).toBe("power.draw");
  });

  it("counts malformed rows, Xid lines and [GPU is lost] without zeros", () => {
    const result = read([
      header,
      row("10:00:00.000", 0, "200.00"),
      "Xid (PCI:0000:01:00): 79, pid=1234, GPU has fallen off the bus.",
      row("10:00:01.000", 0, "200.00"),
      row("10:00:02.000", 0, "[GPU is lost]"),
      "2026/11/28 10:00:03.000, 0, GPU-0",
    ]).finish();
    // 200 W from 0 to 1 s, then the last reading is held for the 1 s up to the window's end.
    expect(result.gpus[0]!.energyJ).toBe(400);
    expect(result.gpus[0]!.missingSamples).toBe(1);
    expect(result.malformedLines).toBe(2);
    expect(result.events[0]).toContain("Xid");
  });

  it("takes a DST change out of the durations where the log's zone has one: 29 March 2026 in Berlin", () => {
    const dst = (ts: string) => `2026/03/29 ${ts}, 0, GPU-0, 100.00`;
    const lines = [header, dst("01:59:58.000"), dst("01:59:59.000"), dst("03:00:00.000"), dst("03:00:01.000")];
    const result = read(lines, { intervalMs: 1000, timeZone: "Europe/Berlin" }).finish();
    expect(result.clockJumps).toBe(1);
    expect(result.windowMs).toBe(3000);
    expect(result.gpus[0]!.energyJ).toBe(300);
    // The same hour on a date without a change there is a gap (an outage), not DST.
    const outage = read([header, row("01:59:58.000", 0, "100.00"), row("01:59:59.000", 0, "100.00"), row("03:00:00.000", 0, "100.00")], {
      intervalMs: 1000,
      timeZone: "Europe/Berlin",
    }).finish();
    expect(outage.clockJumps).toBe(0);
    expect(outage.gpus[0]!.gaps).toBe(1);
  });
});

describe("the sampler's own log", () => {
  it("uses the sampler clock and the start/stop window, ignoring rows after stop", () => {
    const h = "timestamp, index, uuid, power.draw [W]";
    const lines = [SAMPLER_LOG_MAGIC, formatStart(1_700_000_000_000, 500), formatHeader(40, h)];
    for (let t = 100; t <= 10_100; t += 500) lines.push(formatRow(t, `2026/11/28 10:00:00.000, 0, GPU-0, 100.00`));
    lines.push(
      formatEvent(5000, "nvidia-smi: something on stderr"),
      formatStop(10_200, "signal"),
      formatRow(10_600, `2026/11/28 10:00:00.000, 0, GPU-0, 900.00`),
    );
    const result = read(lines).finish();
    expect(result.format).toBe("sampler");
    expect(result.windowMs).toBe(10_200);
    expect(result.stopReason).toBe("signal");
    expect(result.eventCount).toBe(1);
    // 100 W over the whole 10.2 s window (edges of 0.1 s held): 1020 J.
    expect(result.gpus[0]!.energyJ).toBeCloseTo(1020, 9);
    expect(result.gpus[0]!.peakW).toBe(100);
    expect(result.startEpochMs).toBe(1_700_000_000_000);
  });

  it("counts a cut-off last line as malformed", () => {
    const reader = read([formatStart(0, 500), formatHeader(0, "index, uuid, power.draw [W]"), formatRow(100, "0, GPU-0, 100.00")]);
    reader.pushCutOff("250\t0, GPU-");
    const result = reader.finish(600);
    expect(result.malformedLines).toBe(1);
    expect(result.windowMs).toBe(600);
  });
});
