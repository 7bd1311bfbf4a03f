import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { locateNvidiaSmi, loopArgs, parseHelpQueryGpu, probe } from "../../src/adapters/nvidia-smi.js";
import { FAKE_SMI_DIR } from "../support/runner.js";

const SMI = path.join(FAKE_SMI_DIR, "nvidia-smi");
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-probe-"));
});
afterEach(() => {
  delete process.env.FAKE_NVIDIA_SMI;
  rmSync(dir, { recursive: true, force: true });
});

function scenario(value: object): string {
  const logFile = path.join(dir, "calls.jsonl");
  process.env.FAKE_NVIDIA_SMI = JSON.stringify({ ...value, logFile });
  return logFile;
}
const calls = (logFile: string) =>
  readFileSync(logFile, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as string[]);

describe("probing nvidia-smi", () => {
  it("finds it on PATH or at an explicit path, and nowhere else", () => {
    expect(locateNvidiaSmi("", `/nonexistent${path.delimiter}${FAKE_SMI_DIR}`)).toBe(SMI);
    expect(locateNvidiaSmi(SMI, "")).toBe(SMI);
    expect(locateNvidiaSmi("/nonexistent/nvidia-smi", FAKE_SMI_DIR)).toBeNull();
    expect(locateNvidiaSmi("", "/nonexistent")).toBeNull();
  });

  it("lists the GPUs with their idle power", async () => {
    scenario({ gpus: [{ powerW: 61.5, name: "NVIDIA H200" }, { powerW: 70 }] });
    const result = await probe(SMI);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.gpus.map((g) => [g.index, g.name, g.powerW, g.powerLimitW])).toEqual([
      ["0", "NVIDIA H200", 61.5, 700],
      ["1", "NVIDIA H100 80GB HBM3", 70, 700],
    ]);
    expect(result.loopFields).toEqual(["timestamp", "index", "uuid", "power.draw"]);
  });

  it("drops a field the driver rejects and retries, when --help-query-gpu is unavailable", async () => {
    const log = scenario({ noHelpQuery: true, unsupported: ["power.limit"] });
    const result = await probe(SMI);
    expect(result.ok && result.droppedFields).toEqual(["power.limit"]);
    const queries = calls(log).filter((args) => args[0]?.startsWith("--query-gpu="));
    expect(queries[0]![0]).toContain("power.limit");
    expect(queries[1]![0]).not.toContain("power.limit");
  });

  it("uses --help-query-gpu to skip unknown fields without a failed query", async () => {
    const log = scenario({ unsupported: ["driver_version"] });
    const result = await probe(SMI);
    expect(result.ok).toBe(true);
    expect(calls(log).some((args) => args.some((a) => a.includes("driver_version")))).toBe(false);
  });

  it.each([
    [
      9,
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
      "the NVIDIA driver is not loaded (exit 9: NVIDIA-SMI has failed",
    ],
    [
      18,
      "Failed to initialize NVML: Driver/library version mismatch",
      "versions do not match (reboot after a driver upgrade) (exit 18: Failed to initialize NVML",
    ],
    [4, "Insufficient Permissions", "no permission to query the GPU (exit 4"],
  ])("explains exit %i", async (code, stdout, reason) => {
    scenario({ fail: { code, stdout } });
    const result = await probe(SMI);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it("reads the fields of a real driver's --help-query-gpu", () => {
    const text = readFileSync(path.resolve(import.meta.dirname, "../fixtures/nvidia-smi/help-query-gpu-610.57.txt"), "utf8");
    const fields = parseHelpQueryGpu(text);
    for (const f of ["timestamp", "index", "uuid", "gpu_uuid", "power.draw", "power.draw.average", "power.draw.instant", "kmd_version"])
      expect(fields.has(f)).toBe(true);
    expect(fields.has("The timestamp")).toBe(false);
  });

  it("builds the loop command with -lms and -i", () => {
    expect(loopArgs(["timestamp", "index", "uuid", "power.draw"], 500, ["GPU-a", "GPU-b"])).toEqual([
      "--query-gpu=timestamp,index,uuid,power.draw",
      "--format=csv,nounits",
      "-lms",
      "500",
      "-i",
      "GPU-a,GPU-b",
    ]);
  });
});

// The stand-in must keep printing what the real tool prints: its header and units.
describe("the stand-in nvidia-smi", () => {
  it("prints the real header with units and values with units unless nounits", async () => {
    const { runCommand } = await import("../../src/adapters/process-runner.js");
    const withUnits = await runCommand(SMI, ["--query-gpu=timestamp,index,power.draw,memory.used,temperature.gpu", "--format=csv"]);
    const [header, row] = withUnits.stdout.split("\n");
    expect(header).toBe("timestamp, index, power.draw [W], memory.used [MiB], temperature.gpu");
    expect(row).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\.\d{3}, 0, 300\.00 W, 19818 MiB, 41$/);
  });
});
