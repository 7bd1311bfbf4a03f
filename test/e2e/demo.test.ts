import { describe, expect, it } from "vitest";
import path from "node:path";
import { ROOT, SimulatedJob, runProcess } from "../support/runner.js";

describe("npm run demo", () => {
  it("runs every hook without error on a machine without a GPU and prints a summary in Wh", async () => {
    const result = await runProcess(process.execPath, [path.join(ROOT, "scripts/demo.mjs")], {
      PATH: SimulatedJob.pathWithoutSmi(),
      HOME: process.env.HOME ?? "/",
      DEMO_SECONDS: "2",
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("No nvidia-smi on PATH: using a simulated GPU.");
    for (const hook of ["pre", "main", "post"]) expect(result.stderr).toContain(`--- ${hook} (exit 0)`);
    expect(result.stderr).not.toMatch(/exit [1-9]/);
    expect(result.stdout).toMatch(/\*\*\d+(\.\d+)? Wh \([\d.]+-[\d.]+\)\*\* GPU energy/);
  });
});
