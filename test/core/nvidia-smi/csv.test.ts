import { describe, expect, it } from "vitest";
import { isHeaderLine } from "../../../src/core/nvidia-smi/csv.js";

describe("isHeaderLine", () => {
  it("knows nvidia-smi's CSV headers, with units, aliases or a single column", () => {
    expect(isHeaderLine("timestamp, index, uuid, power.draw [W]")).toBe(true);
    expect(isHeaderLine("index, power.draw.instant [W], power.draw.average [W]")).toBe(true);
    expect(isHeaderLine("power.draw [W]")).toBe(true);
    expect(isHeaderLine("timestamp, name, pci.bus_id, clocks.current.sm [MHz]")).toBe(true);
    // Mixed case, as real drivers write some fields (an L40S on 595.80).
    expect(
      isHeaderLine("timestamp, driver_version, vgpu_driver_capability.heterogenous_multivGPU, count, pci.baseClass, power.draw [W]"),
    ).toBe(true);
  });

  it("does not take prose or data rows for a header", () => {
    // A README's wrapped line, and a sentence that starts with an abbreviation.
    expect(isHeaderLine("carbon.")).toBe(false);
    expect(isHeaderLine("e.g. this one, or that one")).toBe(false);
    expect(isHeaderLine("2026/06/03 10:00:00.000, 0, 250.00 W")).toBe(false);
    expect(isHeaderLine("0, 250.00 W")).toBe(false);
  });
});
