import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, SimulatedJob, runProcess } from "../support/runner.js";

const CLI = path.join(ROOT, "dist/cli/index.js");

describe("gpu-carbon run on a workstation", () => {
  it("shows elapsed time, power and energy so far while the command runs, then the report", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-progress-"));
    try {
      // Run the bin itself, as npx does: its #!/usr/bin/env node line must work.
      const result = await runProcess(CLI, ["run", "--interval-ms", "100", "--progress-seconds", "0.4", "--", "sleep", "2"], {
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${SimulatedJob.pathWithFakeSmi()}`,
        HOME: os.tmpdir(),
        TMPDIR: dir,
        FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
      });
      expect(result.code).toBe(0);
      const lines = result.stderr.split("\n").filter((l) => l.startsWith("gpu-carbon: ") && l.includes("now"));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.at(-1)).toMatch(/^gpu-carbon: \d\.\ds · 200 W now · [\d.]+ Wh so far \(1 GPU\)$/);
      expect(result.stdout).toContain("gpu-carbon: measured");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects a bad --progress-seconds", async () => {
    const result = await runProcess(process.execPath, [CLI, "run", "--progress-seconds", "soon", "--", "true"], {
      PATH: SimulatedJob.pathWithoutSmi(),
      HOME: os.tmpdir(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--progress-seconds must be a number of seconds from 0 to 3600; got 'soon'.");
  });
});
