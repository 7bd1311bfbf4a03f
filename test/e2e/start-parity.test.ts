// `gpu-carbon run` and the action start measuring through the same code: on the same host they
// count the same GPUs, chosen the same way, and so report the same power and energy rate.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { detectContainer } from "../../src/adapters/container.js";
import { ROOT, SimulatedJob, runProcess, runnerNode, sleep } from "../support/runner.js";

const CLI = path.join(ROOT, "dist/cli/index.js");
/** Four GPUs of one host, at 100, 200, 300 and 400 W. */
const HOST = JSON.stringify({ gpus: [{ powerW: 100 }, { powerW: 200 }, { powerW: 300 }, { powerW: 400 }] });
const NO_NVML = path.join(os.tmpdir(), "gpu-carbon-no-nvml", "libnvidia-ml.so.1");

interface Counted {
  gpus: [number, number][];
  /** Energy over duration: the counted GPUs' power together, W. */
  watts: number;
  source: string;
}

function counted(report: any): Counted {
  return {
    gpus: report.gpus.map((g: any) => [g.index, g.averageWatts]),
    watts: Math.round((report.energyKwh * 3_600_000) / report.durationSeconds),
    source: report.gpuSelection?.source,
  };
}

async function viaAction(env: Record<string, string>, inputs: Record<string, string> = {}): Promise<Counted> {
  const job = new SimulatedJob({ FAKE_NVIDIA_SMI: HOST, GPU_CARBON_NVML_LIBRARY: NO_NVML, ...env });
  const withInputs = { "interval-ms": "100", "github-token": "", ...inputs };
  expect((await job.run("pre", withInputs)).code).toBe(0);
  await sleep(1500);
  expect((await job.run("post", withInputs)).code).toBe(0);
  return counted(job.report());
}

async function viaCli(env: Record<string, string>, flags: string[] = []): Promise<Counted> {
  const reportPath = path.join(mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-parity-")), "report.json");
  const result = await runProcess(
    runnerNode(),
    [CLI, "run", "--interval-ms", "100", "--json", "--report-path", reportPath, ...flags, "--", "sleep", "1.5"],
    {
      PATH: SimulatedJob.pathWithFakeSmi(),
      HOME: os.tmpdir(),
      FAKE_NVIDIA_SMI: HOST,
      GPU_CARBON_NVML_LIBRARY: NO_NVML,
      ...env,
    },
  );
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  rmSync(path.dirname(reportPath), { recursive: true, force: true });
  return counted(report);
}

describe("gpu-carbon run and the action choose GPUs the same way", () => {
  it("counts only the GPUs CUDA_VISIBLE_DEVICES names (1 and 3: 200 W + 400 W), in both", async () => {
    const [action, cli] = await Promise.all([viaAction({ CUDA_VISIBLE_DEVICES: "1,3" }), viaCli({ CUDA_VISIBLE_DEVICES: "1,3" })]);
    const expected = {
      gpus: [
        [1, 200],
        [3, 400],
      ],
      watts: 600,
      source: "CUDA_VISIBLE_DEVICES",
    };
    expect(action).toEqual(expected);
    expect(cli).toEqual(expected);
  });

  it("follows NVIDIA_VISIBLE_DEVICES, in both", async () => {
    const [action, cli] = await Promise.all([viaAction({ NVIDIA_VISIBLE_DEVICES: "2" }), viaCli({ NVIDIA_VISIBLE_DEVICES: "2" })]);
    // Inside a container its indices are the host's and nvidia-smi shows only those GPUs, so all
    // it shows count (here the stand-in shows all four).
    const expected =
      detectContainer() === null
        ? { gpus: [[2, 300]], watts: 300, source: "NVIDIA_VISIBLE_DEVICES" }
        : {
            gpus: [
              [0, 100],
              [1, 200],
              [2, 300],
              [3, 400],
            ],
            watts: 1000,
            source: "NVIDIA_VISIBLE_DEVICES",
          };
    expect(action).toEqual(expected);
    expect(cli).toEqual(expected);
  });

  it("takes the gpus input, or --gpus, over the variables", async () => {
    const [input, flag] = await Promise.all([
      viaAction({ CUDA_VISIBLE_DEVICES: "1" }, { gpus: "0,2" }),
      viaCli({ CUDA_VISIBLE_DEVICES: "1" }, ["--gpus", "0,2"]),
    ]);
    expect(input).toEqual({
      gpus: [
        [0, 100],
        [2, 300],
      ],
      watts: 400,
      source: "input",
    });
    expect(flag).toEqual(input);
  });

  it("rejects a bad --gpus naming the flag", async () => {
    const result = await runProcess(runnerNode(), [CLI, "run", "--gpus", "first", "--", "true"], { PATH: SimulatedJob.pathWithFakeSmi() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("gpu-carbon: --gpus must be empty (the GPUs this job may use), 'all', or a comma-separated list");
  });
});
