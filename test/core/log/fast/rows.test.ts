import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SampleLogReader } from "../../../../src/core/log/reader.js";
import { exactDecimalBytes, plainNumber, plainTimestampMs, RecentTimestamp, rowEnd } from "../../../../src/core/log/fast/csv-bytes.js";
import { parseReading, parseTimestampMs } from "../../../../src/core/nvidia-smi/csv.js";
import { gpuIdentity } from "../../../../src/core/gpu.js";
import { formatRollup } from "../../../../src/core/log/format.js";

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

  it("reads long decimals (16 to 19 digits, as sums are written) exactly as Number does, or declines", () => {
    const read = (text: string) => {
      const bytes = encoder.encode(text);
      return exactDecimalBytes(bytes, 0, bytes.length);
    };
    // What String() writes for sums of readings: these must be read, not declined.
    const sums = fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 120 }).map((centi) => {
      const joules = centi.reduce((sum, c) => sum + (c / 100) * 0.5, 0);
      return [String(joules), String(joules * joules * 0.5)];
    });
    fc.assert(
      fc.property(sums, (texts) => {
        for (const text of texts) if (!text.includes("e")) expect(read(text)).toBe(Number(text));
      }),
      { numRuns: 3000 },
    );
    // Any digits with the point anywhere, ties and near-ties included: the same number, or NaN.
    const decimal = fc
      .tuple(fc.stringMatching(/^[1-9][0-9]{15,18}$/), fc.nat(19), fc.boolean(), fc.constantFrom("", "5", "50", "49999", "50001"))
      .map(([digits, point, negative, tail]) => {
        const all = (digits + tail).slice(0, 19);
        const at = point % all.length;
        return `${negative ? "-" : ""}${at === 0 ? all : `${all.slice(0, -at)}.${all.slice(-at)}`}`;
      });
    let read16to19 = 0;
    fc.assert(
      fc.property(decimal, (text) => {
        const fast = read(text);
        if (!Number.isNaN(fast)) {
          expect(fast).toBe(Number(text));
          read16to19 += 1;
        }
      }),
      { numRuns: 20_000 },
    );
    expect(read16to19).toBeGreaterThan(19_000);
    for (const text of [
      "12345678901234567",
      "2975475.3500499995",
      "9007199254740993",
      "0.00031250000000000006",
      "0.1000000000000000055511151231257827",
    ]) {
      const fast = read(text);
      if (!Number.isNaN(fast)) expect(fast).toBe(Number(text));
    }
    expect(read("13280.550000000001")).toBe(13280.550000000001);
    expect(read("12345678901234567890")).toBeNaN(); // 20 digits: the caller reads it as text
  });

  it("reads a run of timestamps as plainTimestampMs reads each, however they change", () => {
    const two = (n: number) => String(n).padStart(2, "0");
    const stamp = fc
      .tuple(
        fc.constantFrom(1999, 2026, 2027),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom("", ".5", ".25", ".250", ".999", ".007"),
        fc.constantFrom("", " ", "  "),
        fc.constantFrom("", " "),
      )
      .map(([y, mo, d, h, mi, s, ms, before, after]) => `${before}${y}/${two(mo)}/${two(d)} ${two(h)}:${two(mi)}:${two(s)}${ms}${after}`);
    // Runs as logs have them: the same cell repeated, one changed in a few digits, or a new one.
    const run = fc.array(fc.tuple(stamp, fc.nat(3), fc.boolean()), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(run, (steps) => {
        const recent = new RecentTimestamp();
        for (const [cell, repeat, compute] of steps)
          for (let k = 0; k <= repeat; k += 1) {
            const bytes = encoder.encode(cell);
            const view = new DataView(bytes.buffer);
            const expected = plainTimestampMs(bytes, 0, bytes.length, true);
            expect(recent.read(bytes, view, 0, bytes.length, compute)).toBe(expected !== null);
            if (compute && expected !== null) expect(recent.valueMs).toBe(expected);
          }
      }),
      { numRuns: 2000 },
    );
  });

  it("takes a cell for the last one's bytes exactly when it has them, wherever a byte differs", () => {
    // The last cell, then the same with one byte changed (or none), at any offset in a row.
    const cell = fc.constantFrom("2026/11/28 10:00:01", "2026/11/28 10:00:01.25", "2026/11/28 10:00:01.250", " 2026/11/28 10:00:01.250 ");
    fc.assert(
      fc.property(cell, fc.nat(40), fc.nat(30), fc.integer({ min: 0, max: 255 }), (last, at, change, byte) => {
        const recent = new RecentTimestamp();
        const lastBytes = encoder.encode(last);
        expect(recent.read(lastBytes, new DataView(lastBytes.buffer), 0, lastBytes.length, true)).toBe(true);
        const row = new Uint8Array(at + lastBytes.length + 8).fill(44);
        row.set(lastBytes, at);
        if (change < lastBytes.length) row[at + change] = byte;
        const same = row.subarray(at, at + lastBytes.length).every((b, k) => b === lastBytes[k]);
        expect(recent.same(new DataView(row.buffer), at)).toBe(same);
      }),
      { numRuns: 3000 },
    );
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

/** Columns a `--query-gpu` list may hold besides the ones read, with a value and its unit. */
const EXTRA_COLUMNS: [string, string, string][] = [
  ["name", "", "NVIDIA H100 80GB HBM3"],
  ["pci.bus_id", "", "00000000:07:00.0"],
  ["driver_version", "", "550.54.15"],
  ["pstate", "", "P0"],
  ["temperature.gpu", "", "61"],
  ["temperature.memory", "", "58"],
  ["utilization.gpu [%]", " %", "97"],
  ["utilization.memory [%]", " %", "41"],
  ["memory.total [MiB]", " MiB", "81559"],
  ["memory.used [MiB]", " MiB", "61234"],
  ["memory.free [MiB]", " MiB", "20325"],
  ["clocks.sm [MHz]", " MHz", "1980"],
  ["clocks.mem [MHz]", " MHz", "2619"],
  ["clocks.gr [MHz]", " MHz", "1980"],
  ["power.limit [W]", " W", "700.00"],
  ["enforced.power.limit [W]", " W", "700.00"],
  ["fan.speed [%]", " %", "[N/A]"],
  ["pcie.link.gen.current", "", "5"],
  ["clocks_throttle_reasons.active", "", "0x0000000000000000"],
];

/** How a user might have asked nvidia-smi for a plain log. */
const plainFormat = fc.record({
  units: fc.boolean(),
  uuid: fc.boolean(),
  index: fc.boolean(),
  extra: fc.nat(EXTRA_COLUMNS.length),
  powerAt: fc.nat(30),
  crlf: fc.boolean(),
  gpus: fc.integer({ min: 1, max: 4 }),
});

type PlainFormat = typeof plainFormat extends fc.Arbitrary<infer T> ? T : never;

/** A plain log in that format: rows as nvidia-smi prints them, with placeholders and a few odd lines. */
function plainLog(f: PlainFormat, values: number[], odd: string[]): string {
  const columns: [string, string, (g: number, k: number) => string][] = [["timestamp", "", () => ""]];
  if (f.index) columns.push(["index", "", (g) => String(g)]);
  if (f.uuid) columns.push(["uuid", "", (g) => `GPU-${g}a1e5c0d-9b7e-3f2a-1c0d-00000000000${g}`]);
  for (const [name, unit, value] of EXTRA_COLUMNS.slice(0, f.extra)) columns.push([name, unit, () => value]);
  const power = (g: number, k: number) => {
    const v = values[(k * f.gpus + g) % values.length]!;
    return v < 0 ? "[N/A]" : v.toFixed(2);
  };
  columns.splice(1 + (f.powerAt % columns.length), 0, ["power.draw [W]", " W", power]);
  // `nounits` drops the units from the values, not from the header.
  const header = columns.map(([name]) => name).join(", ");
  const lines = [header];
  for (let k = 0; k * f.gpus < values.length; k += 1) {
    const stamp = `2026/11/28 10:${String(Math.floor(k / 60)).padStart(2, "0")}:${String(k % 60).padStart(2, "0")}.${String((k * 37) % 1000).padStart(3, "0")}`;
    for (let g = 0; g < f.gpus && k * f.gpus + g < values.length; g += 1)
      lines.push(
        columns
          .map(([name, unit, value]) => {
            if (name === "timestamp") return stamp;
            const text = value(g, k);
            return f.units && !text.startsWith("[") ? text + unit : text;
          })
          .join(", "),
      );
    if (odd[k]) lines.push(odd[k]!);
  }
  return lines.join(f.crlf ? "\r\n" : "\n") + (f.crlf ? "\r\n" : "\n");
}

describe("reading plain nvidia-smi logs from bytes", () => {
  it("gives exactly what the string path gives, in every format the reader accepts", () => {
    const odd = fc.constantFrom("", "", "", "", "garbage", "2026/11/28 10:00:01.000\t0", "Xid 79: GPU has fallen off the bus", "0, 1");
    fc.assert(
      fc.property(
        plainFormat,
        fc.array(fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(-1)), { minLength: 1, maxLength: 40 }),
        fc.array(odd, { maxLength: 20 }),
        fc.array(fc.nat(20_000), { maxLength: 6 }),
        (format, values, oddLines, cuts) => {
          const text = plainLog(format, values, oddLines);
          const lines = viaLines(text);
          expect(viaBytes(text, cuts)).toEqual(lines);
          // Every valid power reading was read, units or not.
          const readings = values.filter((v) => v >= 0).length;
          expect(lines.gpus.reduce((sum, g) => sum + g.validSamples, 0)).toBe(readings);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads a row's bytes only up to the row's end, whatever follows it in the chunk", () => {
    const text = plainLog(
      { units: true, uuid: true, index: true, extra: 6, powerAt: 3, crlf: false, gpus: 8 },
      [...Array.from({ length: 400 }, (_, k) => 100 + (k % 13))],
      [],
    );
    const bytes = encoder.encode(text);
    // Every byte read through the array (indexing or a search), in order.
    const reads: number[] = [];
    const counted = new Proxy(bytes, {
      get(target, key) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads.push(Number(key));
        if (key === "indexOf")
          return (value: number, from = 0) => {
            const at = target.indexOf(value, from);
            for (let i = from; i <= (at < 0 ? target.length - 1 : at); i += 1) reads.push(i);
            return at;
          };
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === "function" && key !== "constructor" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const reader = new SampleLogReader();
    reader.pushBytes(counted);
    reader.endBytes();
    expect(reader.finish()).toEqual(viaLines(text));
    // The fake saw the reading (most bytes are read through it; a few are compared in words).
    expect(new Set(reads).size).toBeGreaterThan(bytes.length / 2);
    // The line each byte belongs to.
    const lineOf = new Int32Array(bytes.length);
    for (let i = 0, line = 0; i < bytes.length; i += 1) {
      lineOf[i] = line;
      if (bytes[i] === 10) line += 1;
    }
    // Rows are read in order and each only within itself: a read of a later line and then an
    // earlier one means a row's scan went past its own end.
    let line = 0;
    for (const at of reads) {
      expect(lineOf[at]).toBeGreaterThanOrEqual(line);
      line = lineOf[at]!;
    }
    // And a few times at most: the scan, then a timestamp's or a number's own reading.
    const times = new Uint8Array(bytes.length);
    for (const at of reads) times[at] = Math.min(255, times[at]! + 1);
    expect(Math.max(...times)).toBeLessThanOrEqual(8);
    expect(reads.length).toBeLessThan(bytes.length * 1.5);
  });
});

describe("the byte readers' building blocks", () => {
  it("finds a row's end and counts its commas as a byte-by-byte scan does, reading nothing outside the row's range", () => {
    const byte = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(..."aZ09 ./:%-[]".split("").map((c) => c.charCodeAt(0))) },
      { weight: 3, arbitrary: fc.constant(44) },
      { weight: 1, arbitrary: fc.constantFrom(9, 10, 13, 11, 1, 0, 0xc3, 0xa9, 0x80, 0xff) },
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), fc.nat(7), fc.nat(7), fc.nat(220), (row, before, offset, cut) => {
        // The row lies at any alignment inside a bigger buffer, surrounded by newlines and tabs
        // that would change the answer if they were read.
        const buffer = new Uint8Array(before + row.length + 16).fill(10);
        buffer.fill(9, 0, before);
        buffer.set(row, before);
        const bytes = buffer.subarray(offset % (before + 1));
        const start = before - (offset % (before + 1));
        const limit = start + Math.min(row.length, cut);
        const words = new Int32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2);
        const out = { commas: -1 };
        const end = rowEnd(bytes, words, start, limit, out);
        let want = -1;
        let commas = 0;
        for (let i = start; i < limit; i += 1) {
          if (bytes[i] === 10) want = i;
          if (bytes[i] === 9 || bytes[i] === 10) break;
          if (bytes[i] === 44) commas += 1;
        }
        expect(end).toBe(want);
        if (want >= 0) expect(out.commas).toBe(commas);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a number cell as parseReading does, or declines", () => {
    const piece = fc.constantFrom(
      " ",
      "  ",
      "-",
      "0",
      "7",
      "12",
      "250",
      ".",
      ".5",
      "00",
      "W",
      " W",
      "%",
      " MiB",
      "e3",
      "x",
      "[N/A]",
      "\t",
      "é",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const cell = pieces.join("");
        const bytes = encoder.encode(cell);
        const fast = plainNumber(bytes, 0, bytes.length);
        const slow = parseReading(cell.trim());
        // Declining is allowed (the string path then reads it); a value must be the same.
        if (!Number.isNaN(fast)) expect(fast).toBe(slow);
        // And every plain `-?digits(.digits)? unit?` cell is read, not declined.
        if (/^ *-?\d{1,15}(\.\d+)? *[A-Za-z%]* *$/.test(cell) && cell.replace(/\D/g, "").length <= 15) expect(fast).toBe(slow);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("reading a regular plain log with rows bent out of form", () => {
  const format = fc.record({
    units: fc.boolean(),
    uuid: fc.boolean(),
    index: fc.constant(true),
    extra: fc.nat(EXTRA_COLUMNS.length),
    powerAt: fc.nat(30),
    crlf: fc.boolean(),
    gpus: fc.integer({ min: 1, max: 8 }),
  });
  // One byte of a row changed: a separator added or lost, a control byte, a letter, a byte of UTF-8.
  const bend = fc.record({ row: fc.nat(), at: fc.nat(), to: fc.constantFrom(",", "\t", "\r", " ", "", "x", "é", "\u0001", "9", "\n") });

  it("gives exactly what the string path gives, every row of it", () => {
    fc.assert(
      fc.property(
        format,
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 8, maxLength: 200 }),
        fc.array(bend, { maxLength: 6 }),
        fc.array(fc.nat(40_000), { maxLength: 4 }),
        (f, values, bends, cuts) => {
          const lines = plainLog(f, values, []).split(f.crlf ? "\r\n" : "\n");
          for (const { row, at, to } of bends) {
            const k = 1 + (row % (lines.length - 2));
            const line = lines[k]!;
            const i = at % line.length;
            lines[k] = line.slice(0, i) + to + line.slice(i + 1);
          }
          const text = lines.join(f.crlf ? "\r\n" : "\n");
          // With the interval given, rows are read at once, not held while it is inferred.
          expect(viaBytes(text, cuts, 1000)).toEqual(viaLines(text, 1000));
          expect(viaBytes(text, cuts)).toEqual(viaLines(text));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("reading the sampler's rollups from bytes", () => {
  const watts = fc.oneof(fc.double({ min: 0, max: 2000, noNaN: true }), fc.constantFrom(0, 250, 1e-7, 1.2345e21, 100.00000000000001));
  const rollup = fc.record({
    validSamples: fc.nat(120),
    missingSamples: fc.nat(3),
    // Past 2^31 ms too: a job of 25 days and more.
    firstMs: fc.option(fc.oneof(fc.nat(10_000_000), fc.constantFrom(2_147_483_648, 2_591_940_102))),
    firstW: watts,
    lastMs: fc.option(fc.oneof(fc.nat(10_000_000), fc.constantFrom(2_147_483_647, 2_591_999_602))),
    lastW: watts,
    // Sums of 16 and 17 digits, on both sides of 2^53 (9007199254740992) as digits.
    energyJ: fc.oneof(
      fc.double({ min: 0, max: 1e9, noNaN: true }),
      fc.constantFrom(12_345.678901234567, 36_609.31750000002, 90_071.99254740991, 90_071.99254740993, 99_999.99999999999),
    ),
    powerSquaredW2s: fc.double({ min: 0, max: 1e12, noNaN: true }),
    coveredMs: fc.nat(60_000),
    gaps: fc.nat(2),
    longestGapMs: fc.nat(60_000),
    peakW: fc.option(watts),
  });
  const identity = fc.constantFrom(
    gpuIdentity("GPU-aaaa", "0"),
    gpuIdentity("GPU-bbbb", "1"),
    // Identities that differ only in their last byte, of the uuid or of the index.
    gpuIdentity("GPU-aaab", "0"),
    gpuIdentity("GPU-aaaa", "1"),
    gpuIdentity(null, "2"),
    gpuIdentity("GPU-é=x", null),
  );
  const written = fc
    .tuple(fc.oneof(fc.nat(20_000), fc.constant(2_592_000_000)), identity, rollup)
    .map(([t, id, r]) => formatRollup(t, id, r));
  // Records as the sampler writes them, and the same bent out of that form.
  const record = fc.oneof(
    written,
    fc
      .tuple(
        written,
        fc.constantFrom<[string, string]>(
          ["energyJ=", "energyJ= "],
          ["gaps=0", "gaps="],
          ["\tpeakW=", "\tpeakW=\tpeakW="],
          ["validSamples=", "validSamples=0x"],
          ["firstW=", "firstW=-"],
          ["@rollup\t", "@rollup\t00"],
          ["@rollup\t", "@rollup\tx"],
          ["uuid=", "uuid=GPU-aaaa\tindex=9\tuuid="],
          ["\tlongestGapMs=", "\tlongestGapMs=Infinity\tx="],
          // A tab between fields replaced by another byte: one field, not two.
          ["\tmissingSamples=", "xmissingSamples="],
          ["\tlastW=", "0lastW="],
        ),
      )
      .map(([line, [from, to]]) => line.replace(from, to)),
    fc.tuple(written).map(([line]) => `${line}\tlater=1`),
    // A record written before the uncertainty range: no powerSquaredW2s.
    fc.tuple(written).map(([line]) => line.replace(/\tpowerSquaredW2s=[^\t]*/, "")),
  );
  const line = fc.oneof(
    { weight: 4, arbitrary: record },
    { weight: 1, arbitrary: fc.nat(20_000).map((t) => `${t}\t2026/11/28 10:00:01.250, 0, GPU-aaaa, 250.00 W`) },
    { weight: 1, arbitrary: fc.nat(20_000).map((t) => `@stop\t${t}\tsignal`) },
  );

  it("gives exactly what the string path gives", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(fc.nat(8000), { maxLength: 6 }), (lines, cuts) => {
        const text =
          ["# gpu-carbon samples v2", "@start\t1700000000000\t1000", "@header\t0\ttimestamp, index, uuid, power.draw [W]", ...lines].join(
            "\n",
          ) + "\n";
        expect(viaBytes(text, cuts)).toEqual(viaLines(text));
      }),
      { numRuns: 300 },
    );
  });
});
