import { afterEach, describe, expect, it } from "vitest";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatHeader, formatRow, formatStart, SAMPLER_LOG_MAGIC } from "../../src/core/log/format.js";
import { startProgress } from "../../src/cli/progress.js";
import { Terminal } from "../support/terminal.js";

const HEADER = "timestamp, index, uuid, power.draw [W]";
const row = (index: number, watts: string) => `2026/11/28 10:00:00.000, ${index}, GPU-${index}, ${watts}`;

describe("the progress line", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Runs the progress line for two seconds of a 1-GPU 100 W log on a terminal of `rows` x 60,
   * while the command prints `step N` lines (the last one without its newline yet).
   */
  async function onTerminal(rows: number): Promise<{ writes: string[]; screen: Terminal }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-progress-"));
    dirs.push(dir);
    const log = path.join(dir, "samples.log");
    writeFileSync(log, [SAMPLER_LOG_MAGIC, formatStart(0, 500), formatHeader(0, HEADER), formatRow(0, row(0, "100.00"))].join("\n") + "\n");
    const screen = new Terminal(rows, 60);
    screen.write("$ gpu-carbon run -- python train.py\n");
    const writes: string[] = [];
    let nowMs = 0;
    const progress = startProgress({
      samplesPath: log,
      everyMs: 20,
      terminal: { rows, columns: 60 },
      write: (t) => {
        writes.push(t);
        screen.write(t);
      },
      now: () => nowMs,
    });
    // The second row arrives in two pieces, as a writer's buffer may flush it.
    const second = formatRow(1000, row(0, "100.00"));
    appendFileSync(log, second.slice(0, 10));
    for (let step = 1; step <= 8; step += 1) screen.write(`step ${step}\n`);
    nowMs = 1000;
    await new Promise((r) => setTimeout(r, 60));
    appendFileSync(log, second.slice(10) + "\n");
    screen.write("step 9 loss 0.25");
    nowMs = 2000;
    await new Promise((r) => setTimeout(r, 60));
    progress.stop();
    return { writes, screen };
  }

  it("keeps the terminal's last row for itself, so the command's output never shares its line", async () => {
    const { screen } = await onTerminal(6);
    const lines = screen.lines();
    // The command's output scrolled in rows 1-5; the step in progress is where the command left it.
    expect(lines.slice(0, 5)).toEqual(["step 5", "step 6", "step 7", "step 8", "step 9 loss 0.25"]);
    expect(lines[5]).toBe("");
    expect(lines.filter((line) => line.includes("gpu-carbon") && line.includes("step"))).toEqual([]);
  });

  it("shows elapsed time, power and energy on the last row while the command runs", async () => {
    const { writes } = await onTerminal(6);
    const screen = new Terminal(6, 60);
    for (const w of writes.slice(0, -1)) screen.write(w);
    expect(screen.lines()[5]).toBe("gpu-carbon: 2.0s · 100 W now · 0.028 Wh so far (1 GPU)");
    expect(writes.slice(1, -1).every((w) => w.startsWith("\x1b7\x1b[6;1H") && w.endsWith("\x1b8"))).toBe(true);
  });
});
