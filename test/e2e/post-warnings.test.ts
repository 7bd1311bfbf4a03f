// What post prints when nothing was measured: each warning once.
import { describe, expect, it } from "vitest";
import { SimulatedJob } from "../support/runner.js";

describe("post on a job where nothing was measured", () => {
  it("prints a settings warning once, not once for the settings and again for the report", async () => {
    const j = new SimulatedJob({ PATH: SimulatedJob.pathWithoutSmi() });
    const inputs = { "carbon-intensity": "0.4", "github-token": "" };
    expect((await j.run("pre", inputs)).code).toBe(0);
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    const count = (text: string) => post.stdout.split("\n").filter((line) => line.includes(text)).length;
    expect(count("which looks like kg/kWh")).toBe(1);
    expect(count("nvidia-smi was not found on PATH")).toBe(1);
    // The report keeps it: it is written for readers who did not see the log.
    expect(j.report().warnings.some((w: string) => w.includes("which looks like kg/kWh"))).toBe(true);
  });
});
