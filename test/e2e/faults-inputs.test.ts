// Input values that parse but make no sense, through the bundled action: each is refused by pre
// with the same clear message as any other bad input, before anything is measured.
import { describe, expect, it } from "vitest";
import { SimulatedJob } from "../support/runner.js";

const CASES: [input: string, value: string, accepted: string][] = [
  // 1e-300 years of life amortised the GPU's footprint into 2.4e295 kg per job.
  ["gpu-lifetime-years", "1e-300", "a number of years from 0.5 to 20"],
  ["gpu-lifetime-years", "0.1", "a number of years from 0.5 to 20"],
  // 1e-9 hours stopped the sampler at once.
  ["max-duration-hours", "1e-9", "a number of hours from 1/60 (one minute) to 720"],
  // 1e-400 read as 0: a clean grid nobody asked for.
  ["carbon-intensity", "1e-400", "0, or a number of gCO2e/kWh from 0.001 to 2000"],
  ["carbon-intensity", "0.0001", "0, or a number of gCO2e/kWh from 0.001 to 2000"],
  // A refs/ path created a branch literally named refs/heads/x.
  ["history-branch", "refs/heads/x", "a git branch name (or empty to turn history off)"],
  ["history-branch", "data\u202egpu", "a git branch name (or empty to turn history off)"],
];

describe("absurd input values are refused with a message naming the input and what it accepts", () => {
  for (const [input, value, accepted] of CASES) {
    it(`${input}: '${JSON.stringify(value).slice(1, -1)}'`, async () => {
      const j = new SimulatedJob({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }) });
      const pre = await j.run("pre", { [input]: value });
      expect(pre.code).toBe(1);
      expect(pre.stdout).toContain(`::error::Input '${input}' must be ${accepted}; got '`);
      expect(pre.stdout).not.toContain("is sampling");
    });
  }

  it("the least accepted values are accepted", async () => {
    const j = new SimulatedJob({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }) });
    const inputs = {
      "gpu-lifetime-years": "0.5",
      "max-duration-hours": String(1 / 60),
      "carbon-intensity": "0.001",
      "history-branch": "data/gpu-carbon",
    };
    const pre = await j.run("pre", inputs);
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain("is sampling");
    expect((await j.run("post", inputs)).code).toBe(0);
  });
});
