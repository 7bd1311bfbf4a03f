/**
 * Builds the stand-in `libnvidia-ml.so.1` (test/support/nvml/fake-nvml.c) with the system C
 * compiler into a temporary folder, and writes the state file it serves (see the C file).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./runner.js";

export interface FakeNvml {
  /** The full library. */
  library: string;
  /** The same without `nvmlDeviceGetTotalEnergyConsumption`, as a driver before the counter. */
  withoutEnergy: string;
  /** A state file path in the build folder (not written yet). */
  stateFile: string;
  /** A call log path in the build folder. */
  logFile: string;
  cleanup(): void;
}

/** One GPU line of the state file: a counter of `baseMj` rising at `watts` since `sinceEpochMs`. */
export function gpuLine(uuid: string, baseMj: number, watts: number, sinceEpochMs: number): string {
  return `gpu ${uuid} ${baseMj} ${watts} ${sinceEpochMs}`;
}

export function writeState(file: string, lines: string[]): void {
  writeFileSync(file, lines.join("\n") + "\n");
}

/** Compiles both variants; throws (failing the suite's set-up) when no C compiler is present. */
export function buildFakeNvml(): FakeNvml {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-nvml-"));
  const source = path.join(ROOT, "test/support/nvml/fake-nvml.c");
  const cc = process.env.CC || "cc";
  const build = (folder: string, flags: string[]) => {
    const out = path.join(dir, folder, "libnvidia-ml.so.1");
    mkdirSync(path.dirname(out), { recursive: true });
    execFileSync(cc, ["-shared", "-fPIC", "-O2", "-Wall", "-Werror", ...flags, "-o", out, source], { stdio: "inherit" });
    return out;
  };
  return {
    library: build("full", []),
    withoutEnergy: build("no-energy", ["-DNO_ENERGY_SYMBOL"]),
    stateFile: path.join(dir, "state"),
    logFile: path.join(dir, "calls.log"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
