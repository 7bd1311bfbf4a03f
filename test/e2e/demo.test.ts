import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, SimulatedJob, runProcess } from "../support/runner.js";

describe("npm run demo", () => {
  it("runs every hook on a machine without a GPU, prints only what a user reads, and cleans up", async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-demo-test-"));
    try {
      const result = await runProcess(process.execPath, [path.join(ROOT, "scripts/demo.mjs")], {
        PATH: SimulatedJob.pathWithoutSmi(),
        HOME: process.env.HOME ?? "/",
        TMPDIR: tmp,
        DEMO_SECONDS: "2",
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain("No nvidia-smi on PATH: using a simulated GPU");
      for (const hook of ["pre", "main", "post"]) expect(result.stderr).toContain(`--- ${hook} (exit 0)`);
      expect(result.stderr).not.toMatch(/exit [1-9]/);
      expect(result.stdout).toMatch(/\*\*\d+(\.\d+)? Wh \([\d.]+-[\d.]+\)\*\* GPU energy/);
      // The log: nothing meant for the runner, nothing about a driver library a machine without a GPU lacks.
      expect(result.stderr).not.toMatch(/^::/m);
      expect(result.stderr).not.toContain("set-env");
      expect(result.stderr).not.toContain("cannot open shared object");
      expect(result.stdout).not.toContain("cannot open shared object");
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
