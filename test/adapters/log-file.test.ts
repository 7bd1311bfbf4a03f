import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readLogInto } from "../../src/adapters/log-file.js";
import { SampleLogReader } from "../../src/core/log/reader.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-log-file-"));
  dirs.push(dir);
  const file = path.join(dir, "samples.log");
  writeFileSync(file, text);
  return file;
}

/** A plain log of `rows` rows for two GPUs, one reading a second. */
function plainLog(rows: number): string {
  const lines = ["timestamp, index, uuid, power.draw [W]"];
  for (let k = 0; k < rows; k += 1) {
    const stamp = new Date(Date.UTC(2026, 10, 28) + Math.floor(k / 2) * 1000)
      .toISOString()
      .replace("T", " ")
      .replace("Z", "")
      .replace(/-/g, "/");
    lines.push(`${stamp}, ${k % 2}, GPU-${k % 2}a1e5c0d-9b7e-3f2a-1c0d-000000000000, ${(200 + (k % 7)).toFixed(2)} W`);
  }
  return lines.join("\n") + "\n";
}

describe("reading a log file", () => {
  it("reads a file of several read chunks as one stream, rows cut by a chunk's end included", async () => {
    // About 3.5 MiB: rows straddle each 1 MiB boundary, and the one read buffer is reused.
    const text = plainLog(50_000);
    const file = tempFile(text);
    const fromFile = new SampleLogReader();
    expect(await readLogInto(file, fromFile)).toBe(Buffer.byteLength(text));
    const fromText = new SampleLogReader();
    for (const line of text.split("\n").slice(0, -1)) fromText.push(line);
    const result = fromFile.finish();
    expect(result).toEqual(fromText.finish());
    expect(result.malformedLines).toBe(0);
    expect(result.gpus.map((g) => g.validSamples)).toEqual([25_000, 25_000]);
  });

  it("counts a last line without a newline as cut off, and reads a snapshot only up to its size at the start", async () => {
    const text = plainLog(10);
    const file = tempFile(text + "2026/11/28 00:00:05.000, 0, GPU-0a1e");
    const reader = new SampleLogReader();
    await readLogInto(file, reader, { snapshot: true });
    expect(reader.finish().malformedLines).toBe(1);
    appendFileSync(file, "5c0d-9b7e-3f2a-1c0d-000000000000, 200.00 W\n");
    const again = new SampleLogReader();
    await readLogInto(file, again, { snapshot: true });
    expect(again.finish().gpus[0]!.validSamples).toBe(6);
  });
});
