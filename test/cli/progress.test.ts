import { afterEach, describe, expect, it } from "vitest";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatHeader, formatRow, formatStart, SAMPLER_LOG_MAGIC } from "../../src/core/log/format.js";
import { startProgress } from "../../src/cli/progress.js";

const HEADER = "timestamp, index, uuid, power.draw [W]";
const row = (index: number, watts: string) => `2026/11/28 10:00:00.000, ${index}, GPU-${index}, ${watts}`;

describe("the progress line", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function capture(tty: boolean): Promise<string[]> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-progress-"));
    dirs.push(dir);
    const log = path.join(dir, "samples.log");
    writeFileSync(log, [SAMPLER_LOG_MAGIC, formatStart(0, 500), formatHeader(0, HEADER), formatRow(0, row(0, "100.00"))].join("\n") + "\n");
    const writes: string[] = [];
    let nowMs = 0;
    const progress = startProgress({ samplesPath: log, everyMs: 20, tty, write: (t) => writes.push(t), now: () => nowMs });
    // The second row arrives in two pieces, as a writer's buffer may flush it.
    const second = formatRow(1000, row(0, "100.00"));
    appendFileSync(log, second.slice(0, 10));
    nowMs = 1000;
    await new Promise((r) => setTimeout(r, 60));
    appendFileSync(log, second.slice(10) + "\n");
    nowMs = 2000;
    await new Promise((r) => setTimeout(r, 60));
    progress.stop();
    return writes;
  }

  it("rewrites one line on a terminal and clears it at the end", async () => {
    const writes = await capture(true);
    expect(writes.every((w) => w.startsWith("\r\x1b[K"))).toBe(true);
    expect(writes).toContain("\r\x1b[Kgpu-carbon: 2.0s · 100 W now · 0.028 Wh so far (1 GPU)");
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });

  it("prints whole lines when stderr is not a terminal", async () => {
    const writes = await capture(false);
    expect(writes.every((w) => w.endsWith("\n") && !w.includes("\r"))).toBe(true);
    expect(writes).toContain("gpu-carbon: 1.0s · 100 W now · 0 Wh so far (1 GPU)\n");
    expect(writes.at(-1)).toBe("gpu-carbon: 2.0s · 100 W now · 0.028 Wh so far (1 GPU)\n");
  });
});
