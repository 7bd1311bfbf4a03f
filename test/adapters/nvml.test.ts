import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { readCounters, unsupportedPlatformReason } from "../../src/adapters/nvml.js";
import { buildFakeNvml, gpuLine, writeState, type FakeNvml } from "../support/fake-nvml.js";
import { ROOT } from "../support/runner.js";

// The FFI path for real: koffi's native module (as npm installs it) calling the stand-in library.
const KOFFI = path.join(ROOT, "node_modules/@koromix/koffi-linux-x64/linux_x64/koffi.node");
const A = "GPU-00000000-1111-2222-3333-444444444444";
const B = "GPU-00000001-1111-2222-3333-444444444444";
let nvml: FakeNvml;

beforeAll(() => {
  nvml = buildFakeNvml();
  process.env.FAKE_NVML_FILE = nvml.stateFile;
  process.env.FAKE_NVML_LOG = nvml.logFile;
});
afterAll(() => {
  delete process.env.FAKE_NVML_FILE;
  delete process.env.FAKE_NVML_LOG;
  nvml.cleanup();
});

describe("reading NVML's energy counter through koffi", () => {
  it("reads every GPU's counter in mJ, keyed by uuid, and shuts NVML down", () => {
    rmSync(nvml.logFile, { force: true });
    // A counter of 7,000 J that does not move (0 W), and one that is not supported.
    writeState(nvml.stateFile, [gpuLine(A, 7_000_000, 0, 0), `gpu ${B} error 3`]);
    const snapshot = readCounters(KOFFI, nvml.library, () => 1234);
    expect(snapshot).toEqual({
      ok: true,
      gpus: [
        { uuid: A, energyMj: 7_000_000, readEpochMs: 1234, error: null },
        { uuid: B, energyMj: null, readEpochMs: 1234, error: "Not Supported (NVML error 3)" },
      ],
    });
    const calls = readFileSync(nvml.logFile, "utf8").trim().split("\n");
    expect(calls[0]).toBe("nvmlInit_v2");
    expect(calls[calls.length - 1]).toBe("nvmlShutdown");
  });

  it("sees the counter rise between two reads", async () => {
    writeState(nvml.stateFile, [gpuLine(A, 0, 1000, Date.now())]);
    const first = readCounters(KOFFI, nvml.library);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = readCounters(KOFFI, nvml.library);
    if (!first.ok || !second.ok) throw new Error("expected two readings");
    expect(second.gpus[0]!.energyMj!).toBeGreaterThan(first.gpus[0]!.energyMj!);
  });

  it("says why when the library, the symbol, the driver or the FFI module is missing", () => {
    writeState(nvml.stateFile, [gpuLine(A, 0, 0, 0)]);
    expect(readCounters(KOFFI, path.join(path.dirname(nvml.stateFile), "absent/libnvidia-ml.so.1"))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /^the NVIDIA management library \(.*absent\/libnvidia-ml\.so\.1\) could not be loaded: it is not installed on this machine \(it comes with the NVIDIA driver\)$/,
      ),
    });
    expect(readCounters(KOFFI, nvml.withoutEnergy)).toEqual({
      ok: false,
      reason: "this driver's NVML has no nvmlDeviceGetTotalEnergyConsumption (the driver predates the energy counter)",
    });
    writeState(nvml.stateFile, ["init 9"]);
    expect(readCounters(KOFFI, nvml.library)).toEqual({ ok: false, reason: "NVML could not start: Driver Not Loaded (NVML error 9)" });
    expect(readCounters(path.join(ROOT, "no-such-koffi.node"), nvml.library)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the FFI module could not be loaded/),
    });
  });

  it("runs only where the shipped native module fits", () => {
    expect(unsupportedPlatformReason("linux", "x64", "2.36")).toBeNull();
    expect(unsupportedPlatformReason("linux", "arm64", "2.39")).toBe(
      "the energy counter reader ships for Linux x64 only (this runner is linux arm64)",
    );
    expect(unsupportedPlatformReason("linux", "x64", undefined)).toBe(
      "the energy counter reader needs a glibc-based Node (this Node is not)",
    );
  });
});
