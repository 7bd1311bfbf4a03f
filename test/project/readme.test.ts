import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EXAMPLE_FILES, exampleReport } from "../support/readme-example.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("README.md and docs/", () => {
  it.each(EXAMPLE_FILES)("$file shows what the renderers produce for the example log", ({ file, fresh }) => {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const rendered = fresh(text);
    // `npm run docs` sets UPDATE_README=1 to rewrite the blocks instead of checking them.
    if (process.env.UPDATE_README === "1") writeFileSync(path.join(ROOT, file), rendered);
    else expect(text, `${file}: the example is stale: run 'npm run docs'`).toBe(rendered);
  });

  it("README.md stays a short page for users (at most about 15 KB); the rest is in docs/", () => {
    expect(readFileSync(path.join(ROOT, "README.md")).length).toBeLessThanOrEqual(16_000);
  });

  it("links only to files that exist", () => {
    const files = ["README.md", ...readdirSync(path.join(ROOT, "docs")).map((f) => `docs/${f}`)];
    const broken = files.flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)]
        .map((m) => m[1] ?? "")
        .filter((target) => !existsSync(path.join(ROOT, path.dirname(file), target)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(broken).toEqual([]);
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
