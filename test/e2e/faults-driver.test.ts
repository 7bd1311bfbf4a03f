// Faults of the driver and its tool, through the bundled action: whatever nvidia-smi says, the
// job stays green, the warning quotes what nvidia-smi printed, and the report is honest.
import { describe, expect, it } from "vitest";
import { SimulatedJob, sleep } from "../support/runner.js";

function job(env: Record<string, string> = {}): SimulatedJob {
  return new SimulatedJob(env);
}

/** pre, main and post of a job whose measurement cannot start; returns post and the report. */
async function unmeasuredJob(j: SimulatedJob) {
  const pre = await j.run("pre");
  expect(pre.code).toBe(0);
  expect((await j.run("main")).code).toBe(0);
  const post = await j.run("post");
  expect(post.code).toBe(0);
  const report = j.report();
  expect(report.status).toBe("not-measured");
  expect(report.energyKwh).toBeNull();
  expect(report.emissionsKg).toBeNull();
  expect(post.summary).toContain("**Energy not measured**");
  return { pre, post, report };
}

describe("when nvidia-smi or the driver fails, the job stays green and the report says why", () => {
  it("nvidia-smi-path names a file that does not exist", async () => {
    const j = job();
    const pre = await j.run("pre", { "nvidia-smi-path": "/nonexistent/nvidia-smi" });
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain("::warning::Input 'nvidia-smi-path' names /nonexistent/nvidia-smi, which is not an executable file.");
    const post = await j.run("post", { "nvidia-smi-path": "/nonexistent/nvidia-smi" });
    expect(post.code).toBe(0);
    expect(j.report().status).toBe("not-measured");
  });

  it("the driver and its library do not match (exit 18, after an upgrade without reboot)", async () => {
    const j = job({
      FAKE_NVIDIA_SMI: JSON.stringify({
        fail: { code: 18, stdout: "Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 535.161" },
      }),
    });
    const { pre, report } = await unmeasuredJob(j);
    const expected =
      "GPU power cannot be read: the NVIDIA driver and library versions do not match (reboot after a driver upgrade) (exit 18: Failed to initialize NVML: Driver/library version mismatch).";
    expect(pre.stdout).toContain(`::warning::${expected}`);
    expect(report.warnings).toContain(expected);
  });

  it("nvidia-smi has no permission to query the GPU (exit 4)", async () => {
    const j = job({
      FAKE_NVIDIA_SMI: JSON.stringify({ fail: { code: 4, stdout: "Failed to initialize NVML: Insufficient Permissions" } }),
    });
    const { report } = await unmeasuredJob(j);
    expect(report.warnings).toContain(
      "GPU power cannot be read: nvidia-smi has no permission to query the GPU (exit 4: Failed to initialize NVML: Insufficient Permissions).",
    );
  });

  it("the driver is not loaded, with its message on stdout (exit 9), and fail-on-error asks to fail", async () => {
    const j = job({
      FAKE_NVIDIA_SMI: JSON.stringify({
        fail: {
          code: 9,
          stdout:
            "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.",
        },
      }),
    });
    expect((await j.run("pre", { "fail-on-error": "true" })).code).toBe(0);
    const post = await j.run("post", { "fail-on-error": "true" });
    expect(post.code).toBe(1);
    expect(post.stdout).toContain("Failing because 'fail-on-error' is true.");
    expect(j.report().status).toBe("not-measured");
  });

  it("an old driver without power.draw.average/.instant or --help-query-gpu still measures power.draw", async () => {
    const j = job({ FAKE_NVIDIA_SMI: JSON.stringify({ legacy: true, noHelpQuery: true, gpus: [{ powerW: 120 }] }) });
    expect((await j.run("pre", { "interval-ms": "100" })).code).toBe(0);
    await sleep(800);
    const post = await j.run("post", { "interval-ms": "100" });
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.status).toBe("measured");
    expect(report.method.powerField).toBe("power.draw");
    expect(report.gpus[0].averageWatts).toBe(120);
    expect(report.energyKwh).toBeCloseTo((120 * report.durationSeconds) / 3_600_000, 7);
  });
});
