import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exampleReport, withFreshExample } from "../support/readme-example.js";

const README = path.resolve(import.meta.dirname, "../../README.md");

describe("README.md", () => {
  it("shows the job summary and PR comment the renderers produce for the example log", () => {
    const readme = readFileSync(README, "utf8");
    const fresh = withFreshExample(readme);
    // `npm run docs` sets UPDATE_README=1 to rewrite the block instead of checking it.
    if (process.env.UPDATE_README === "1") writeFileSync(README, fresh);
    else expect(readme, "README example is stale: run 'npm run docs'").toBe(fresh);
  });

  it("is an example with figures a reader can trust: measured, two GPUs, five minutes", () => {
    const report = exampleReport();
    expect(report.status).toBe("measured");
    expect(report.gpus).toHaveLength(2);
    expect(report.durationSeconds).toBe(300);
    // About 480 W per GPU on average over 300 s is about 0.08 kWh for the pair.
    expect(report.energyKwh).toBeGreaterThan(0.06);
    expect(report.energyKwh).toBeLessThan(0.1);
  });
});
