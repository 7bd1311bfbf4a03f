import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SampleLogReader } from "../../../../src/core/log/reader.js";
import { plainNumber, plainTimestampMs } from "../../../../src/core/log/fast/csv-bytes.js";
import { parseReading, parseTimestampMs } from "../../../../src/core/nvidia-smi/csv.js";

const encoder = new TextEncoder();

/** The string path: one line at a time, as text. */
function viaLines(text: string, intervalMs?: number) {
  const reader = new SampleLogReader(intervalMs ? { intervalMs } : {});
  const parts = text.split("\n");
  const last = parts.pop() ?? "";
  for (const part of parts) reader.push(part.endsWith("\r") ? part.slice(0, -1) : part);
  if (last.length > 0) reader.pushCutOff(last);
  return reader.finish(60_000);
}

/** The byte path, in chunks cut at the given offsets. */
function viaBytes(text: string, cuts: number[], intervalMs?: number) {
  const reader = new SampleLogReader(intervalMs ? { intervalMs } : {});
  const bytes = encoder.encode(text);
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
    reader.pushBytes(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  reader.endBytes();
  return reader.finish(60_000);
}

const uuid = fc.constantFrom("GPU-aaaa", "GPU-bbbb", " GPU-aaaa ", "[N/A]", "", "GPU-é");
const index = fc.constantFrom("0", "1", " 1", "[N/A]", "");
const power = fc.constantFrom(
  "250.00",
  "250",
  " 7.5 ",
  "-3.00",
  "300.00 W",
  "[N/A]",
  "[GPU is lost]",
  "1e3",
  "0x10",
  ".5",
  "5.",
  "12.345678",
);
const stamp = fc.oneof(
  fc
    .nat(7200)
    .map(
      (s) =>
        `2026/11/28 ${String(10 + Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.${s % 7}`,
    ),
  // The same length as the last row's stamp, differing in digits or in something else.
  fc.nat(999).map((ms) => `2026/11/28 10:00:01.${String(ms).padStart(3, "0")}`),
  fc.constantFrom(
    "2026/11/28 10:00:01.250",
    "2026/11/28 10:00:02",
    " 2026/11/28 10:00:03.5 ",
    "garbage",
    "2026/11/28 10:00:01.25x",
    "2026/11/28 10:00:01,250",
    "2026/11/28 1O:00:01.250",
    "2026/11/28 10:00:01:250",
    "2026/11/28 10:00:01.250 ",
  ),
);
const samplerLine = fc.oneof(
  fc.tuple(fc.nat(20_000), stamp, index, uuid, power).map(([t, s, i, u, p]) => `${t}\t${s}, ${i}, ${u}, ${p}`),
  fc.tuple(fc.nat(20_000), index, uuid, power).map(([t, i, u, p]) => `${t}\t${i},${u},${p}`),
  fc.nat(20_000).map((t) => `@header\t${t}\ttimestamp, index, uuid, power.draw [W]`),
  fc.nat(20_000).map((t) => `@header\t${t}\tindex, uuid, power.draw.average [W]`),
  fc.nat(20_000).map((t) => `@event\t${t}\tnvidia-smi exited`),
  fc.nat(60_000).map((t) => `@stop\t${t}\tsignal`),
  fc.constantFrom("", "# comment", "Xid 79: GPU has fallen off the bus", "12\t", "\t1, 2", "00012\t0, GPU-aaaa, 1.00\r"),
);
const plainLine = fc.oneof(
  fc.tuple(stamp, index, uuid, power).map(([s, i, u, p]) => `${s}, ${i}, ${u}, ${p}`),
  fc.constantFrom(
    "timestamp, index, uuid, power.draw [W]",
    "index, timestamp, uuid, power.draw [W]",
    "#x, 2026/11/28 10:00:01, 0, 1",
    "2026/11/28 10:00:05, 0",
  ),
);

describe("reading rows from bytes", () => {
  it("gives exactly what reading the same log line by line gives (sampler logs)", () => {
    fc.assert(
      fc.property(fc.array(samplerLine, { maxLength: 60 }), fc.array(fc.nat(5000), { maxLength: 6 }), fc.boolean(), (lines, cuts, cut) => {
        const text = ["# gpu-carbon samples v1", "@start\t1700000000000\t500", ...lines].join("\n") + (cut ? "" : "\n");
        expect(viaBytes(text, cuts)).toEqual(viaLines(text));
      }),
      { numRuns: 400 },
    );
  });

  it("gives exactly what reading the same log line by line gives (plain nvidia-smi logs)", () => {
    fc.assert(
      fc.property(fc.array(plainLine, { maxLength: 60 }), fc.array(fc.nat(5000), { maxLength: 6 }), (lines, cuts) => {
        const text = ["timestamp, index, uuid, power.draw [W]", ...lines].join("\r\n") + "\r\n";
        expect(viaBytes(text, cuts)).toEqual(viaLines(text));
        expect(viaBytes(text, cuts, 1000)).toEqual(viaLines(text, 1000));
      }),
      { numRuns: 400 },
    );
  });

  it("reads numbers and timestamps as the string parsers do, or declines", () => {
    for (const cell of ["250.00", " 07.50 ", "-0", "1234567890.12345", "300.00 W", "[N/A]", "1e3", ".5", "5.", ""]) {
      const bytes = encoder.encode(cell);
      const fast = plainNumber(bytes, 0, bytes.length);
      if (!Number.isNaN(fast)) expect(fast).toBe(parseReading(cell.trim()));
    }
    expect(plainNumber(encoder.encode("631.95"), 0, 6)).toBe(631.95);
    for (const cell of [
      "2026/11/28 10:00:01.250",
      "2026/11/28 10:00:01.5",
      "2026/11/28 10:00:01",
      "2026/11/28 10:00",
      "2026-11-28 10:00:01",
    ]) {
      const bytes = encoder.encode(cell);
      const fast = plainTimestampMs(bytes, 0, bytes.length);
      if (fast !== null) expect(fast).toBe(parseTimestampMs(cell));
    }
    expect(plainTimestampMs(encoder.encode("2026/11/28 10:00:01.5"), 0, 21)).toBe(Date.UTC(2026, 10, 28, 10, 0, 1, 500));
  });

  it("checks a timestamp that looks like the last row's, not only its length", () => {
    const rows = [
      "100\t2026/11/28 10:00:01.250, 0, GPU-aaaa, 100.00",
      "100\t2026/11/28 10:00:01.250, 1, GPU-bbbb, 100.00",
      "600\t2026/11/28 10:00:01.750, 0, GPU-aaaa, 100.00",
      "600\t2026/11/28 10:00:01.7x0, 1, GPU-bbbb, 900.00",
      "1100\t2026/11/28 10:00:02.250, 0, GPU-aaaa, 100.00",
      "1100\t2026/11/28 10:00:02 250, 1, GPU-bbbb, 900.00",
      "1600\t2026/11/28 10:00,02.75, 0, GPU-aaaa, 900.00",
      "1600\t2026/11/28 10:00:02.750, 1, GPU-bbbb, 100.00",
    ];
    const text =
      ["@start\t1700000000000\t500", "@header\t0\ttimestamp, index, uuid, power.draw [W]", ...rows, "@stop\t1600\tsignal"].join("\n") +
      "\n";
    const result = viaBytes(text, []);
    expect(result).toEqual(viaLines(text));
    // The three rows with a broken timestamp are not readings.
    expect(result.malformedLines).toBe(3);
    expect(result.gpus.map((g) => g.validSamples)).toEqual([3, 2]);
  });

  it("reads rows that end in \\r\\n as the same GPU whatever the last column is", () => {
    const rows = ["100\t250.00, 0, GPU-aaaa", "100\t250.00, 1, GPU-bbbb", "600\t250.00, 0, GPU-aaaa", "600\t250.00, 1, GPU-bbbb"];
    const text =
      ["@start\t1700000000000\t500", "@header\t0\tpower.draw [W], index, uuid", ...rows, "@stop\t600\tsignal"].join("\r\n") + "\r\n";
    const result = viaBytes(text, []);
    expect(result).toEqual(viaLines(text));
    expect(result.gpus.map((g) => [g.uuid, g.validSamples])).toEqual([
      ["GPU-aaaa", 2],
      ["GPU-bbbb", 2],
    ]);
  });

  it("keeps an overlong line bounded and counts it as malformed", () => {
    const reader = new SampleLogReader();
    reader.pushBytes(encoder.encode("@start\t0\t500\n@header\t0\tindex, uuid, power.draw [W]\n"));
    for (let i = 0; i < 100; i += 1) reader.pushBytes(new Uint8Array(10_000).fill(65));
    reader.pushBytes(encoder.encode("\n100\t0, GPU-0, 100.00\n"));
    reader.endBytes();
    const result = reader.finish(600);
    expect(result.malformedLines).toBe(1);
    expect(result.gpus[0]!.validSamples).toBe(1);
  });

  it("treats a row of over 64 KiB as malformed however the file is cut, and one of 64 KiB as a row", () => {
    const head = "@start\t1700000000000\t500\n@header\t0\ttimestamp, index, power.draw [W], uuid\n";
    const row = (tMs: number, pad: number) => `${tMs}\t2026/11/28 10:00:01.250, 0, 100.00, GPU-a${" ".repeat(pad)}`;
    const base = row(100, 0).length;
    for (const [pad, readings] of [
      [65_536 - base, 2],
      [65_536 - base + 1, 1],
      [70_000, 1],
    ] as const) {
      // The long row's first 64 KiB would read as a valid row on its own.
      const text = `${head}${row(100, pad)}\r\n${row(600, 0)}\n@stop\t600\tsignal\n`;
      const lines = viaLines(text);
      expect(lines.gpus[0]!.validSamples).toBe(readings);
      expect(lines.malformedLines).toBe(2 - readings);
      for (const cuts of [[], [head.length + 10], [head.length + 30_000, head.length + 65_000], [text.length - 20]])
        expect(viaBytes(text, cuts)).toEqual(lines);
    }
  });
});
