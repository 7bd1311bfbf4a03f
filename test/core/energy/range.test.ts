import { describe, expect, it } from "vitest";
import {
  addRanges,
  counterRange,
  relativeRange,
  sampledRange,
  samplingFraction,
  type SampledFigure,
} from "../../../src/core/energy/range.js";
import { EnergyIntegrator } from "../../../src/core/integrator.js";
import { gpuIdentity } from "../../../src/core/gpu.js";
import { sensorProfile, seenFraction, UNKNOWN_SENSOR } from "../../../src/core/energy/sensor.js";
import { burstyWarning, emissionsRange } from "../../../src/core/report/uncertainty.js";
import { formatEnergyRange, formatMassRange } from "../../../src/core/units.js";

const H100 = sensorProfile("NVIDIA H100 80GB HBM3");
const A100 = sensorProfile("NVIDIA A100-SXM4-80GB");

/** 300 W steady for an hour, read every 500 ms: 1.08 MJ (0.3 kWh). */
const steadyHour: SampledFigure = {
  energyJ: 1_080_000,
  windowMs: 3_600_000,
  coveredMs: 3_600_000,
  spreadW: 0,
  firstW: 300,
  lastW: 300,
  peakW: 300,
  intervalMs: 500,
  powerField: "power.draw",
};

describe("sensor profiles", () => {
  it("know the part-time sensors and the boards that read further off than NVIDIA's 5 %", () => {
    expect(A100.sensedFraction).toBe(0.25);
    expect(H100.sensedFraction).toBe(0.25);
    expect(sensorProfile("NVIDIA GeForce RTX 4090").offsetW).toBe(20);
    expect(sensorProfile("NVIDIA RTX A5000").gainFraction).toBe(0.08);
    // An RTX A5000 is not an A100, though its name holds "A5000"; an A10 is not one either.
    expect(sensorProfile("NVIDIA RTX A5000").sensedFraction).toBe(1);
    expect(sensorProfile("NVIDIA A10").sensedFraction).toBe(1);
    expect(sensorProfile(null)).toEqual(UNKNOWN_SENSOR);
    expect(sensorProfile("Some Future GPU")).toEqual(UNKNOWN_SENSOR);
  });

  it("count the time the readings saw: the sensor's share times what one reading spans of the interval", () => {
    // A100 power.draw: 25 ms of each 100 ms; read every 100 ms that is 25 %, every 500 ms 5 %.
    expect(seenFraction(A100, "power.draw", 100)).toBeCloseTo(0.25, 12);
    expect(seenFraction(A100, "power.draw", 500)).toBeCloseTo(0.05, 12);
    // Reading faster than the driver publishes sees no more.
    expect(seenFraction(A100, "power.draw", 10)).toBeCloseTo(0.25, 12);
    // H100 power.draw is a 1 s average (of a part-time sensor): every 500 ms sees the sensor's 25 %.
    expect(seenFraction(H100, "power.draw", 500)).toBeCloseTo(0.25, 12);
    expect(seenFraction(H100, "power.draw.instant", 500)).toBeCloseTo(0.05, 12);
    const rtx4090 = sensorProfile("NVIDIA GeForce RTX 4090");
    expect(seenFraction(rtx4090, "power.draw", 1000)).toBe(1);
    expect(seenFraction(rtx4090, "power.draw", 5000)).toBeCloseTo(0.2, 12);
  });
});

describe("the range model", () => {
  it("puts a figure with relative error h between E/(1+h) and E/(1-h)", () => {
    expect(relativeRange(100, 0.25)).toEqual([80, 100 / 0.75]);
    expect(relativeRange(100, 0)).toEqual([100, 100]);
    // A relative error of 100 % or more has no upper bound: capped at 4x.
    expect(relativeRange(100, 1.5)).toEqual([40, 400]);
  });

  it("keeps a steady hour on an H100 to the sensor's accuracy", () => {
    const parts = sampledRange(steadyHour, H100);
    // Gain 5 %, offset 5 W of 300 W: hypot(0.05, 0.0167) = 0.0527.
    expect(parts.sensorFraction).toBeCloseTo(Math.hypot(0.05, 5 / 300), 12);
    expect(parts.samplingFraction).toBe(0);
    expect(parts.rangeJ[0]).toBeCloseTo(1_080_000 / (1 + parts.sensorFraction), 6);
    expect(parts.rangeJ[1]).toBeCloseTo(1_080_000 / (1 - parts.sensorFraction), 6);
  });

  it("widens with the spread of power on a part-time sensor, and narrows with the square root of the length", () => {
    // A100 read every 100 ms sees 25 %: 75 % unseen x spread 100 W / average 200 W = 0.375 per second.
    expect(samplingFraction(0.25, 100, 200, 1000, 100)).toBeCloseTo(0.375, 12);
    expect(samplingFraction(0.25, 100, 200, 100_000, 100)).toBeCloseTo(0.0375, 12);
    // Nothing unseen, nothing from sampling.
    expect(samplingFraction(1, 100, 200, 1000, 100)).toBe(0);
    const bursty = sampledRange({ ...steadyHour, energyJ: 2000, windowMs: 10_000, coveredMs: 10_000, spreadW: 100, intervalMs: 100 }, A100);
    expect(bursty.samplingFraction).toBeCloseTo(0.75 * (100 / 200) * Math.sqrt(1 / 10), 12);
    const figure = { coveredSeconds: 10, spreadW: 100, averageW: 200 };
    expect(burstyWarning("GPU 0", { sensorFamily: A100.family, ...bursty }, figure)).toContain("bursty work");
    const steady = { sensorFamily: H100.family, ...sampledRange(steadyHour, H100) };
    expect(burstyWarning("GPU 0", steady, { coveredSeconds: 3600, spreadW: 0, averageW: 300 })).toBeNull();
    // Two seconds of a part-time sensor whose power moved: too few readings to tell.
    expect(burstyWarning("GPU 0", steady, { coveredSeconds: 2, spreadW: 10, averageW: 300 })).toContain("so few readings");
    expect(burstyWarning("GPU 0", steady, { coveredSeconds: 2, spreadW: 1, averageW: 300 })).toBeNull();
  });

  it("adds the lag of 1-second averages on the side the power moved, and gaps up to the peak", () => {
    const base = sampledRange(steadyHour, H100).rangeJ;
    // Rising from 100 W to 300 W: the averaged readings trail by about 1 s, up to 200 J missed.
    const rising = sampledRange({ ...steadyHour, firstW: 100 }, H100).rangeJ;
    expect(rising[0]).toBeCloseTo(base[0], 6);
    expect(rising[1] - base[1]).toBeCloseTo(200, 6);
    // Ten minutes uncovered could have drawn up to the peak (300 W, plus the sensor's gain error).
    const gap = sampledRange({ ...steadyHour, coveredMs: 3_000_000, energyJ: 900_000 }, H100).rangeJ;
    expect(gap[1] - 900_000 / (1 - Math.hypot(0.05, 5 / 300))).toBeCloseTo(600 * 300 * 1.05, 3);
  });

  it("gives the driver counter the sensor's error and one update step at each end", () => {
    const parts = counterRange(1_080_000, { windowMs: 3_600_000, spreadW: 0, peakW: 300 }, H100);
    const h = Math.hypot(0.05, 5 / 300);
    expect(parts.rangeJ[0]).toBeCloseTo(1_080_000 / (1 + h) - 60, 6);
    expect(parts.rangeJ[1]).toBeCloseTo(1_080_000 / (1 - h) + 60, 6);
  });

  it("adds ranges of figures added together, and carries energy's range into emissions", () => {
    expect(
      addRanges([
        [1, 2],
        [3, 5],
      ]),
    ).toEqual([4, 7]);
    expect(addRanges([[1, 2], null])).toBeNull();
    expect(emissionsRange([0.09, 0.11], 0.1, 0.04)).toEqual([0.036, 0.044]);
    expect(emissionsRange(null, 0.1, 0.04)).toBeNull();
  });
});

describe("the readings' spread", () => {
  it("is the time-weighted standard deviation of power", () => {
    // 100 W for 1 s, then 300 W for 1 s (a step at 1 s): mean 200 W, spread about 100 W.
    const integrator = new EnergyIntegrator({ gapMs: 3000 });
    const gpu = gpuIdentity(null, "0");
    for (let t = 0; t <= 2000; t += 10) integrator.add(t, gpu, t < 1000 ? 100 : 300);
    const [result] = integrator.finish(0, 2000);
    expect(result!.averageW).toBeCloseTo(200.5, 9); // 0.99 s at 100 W, 10 ms ramp, 1 s at 300 W
    expect(result!.spreadW).toBeGreaterThan(95);
    expect(result!.spreadW).toBeLessThan(101);
    const steady = new EnergyIntegrator({ gapMs: 3000 });
    for (let t = 0; t <= 2000; t += 10) steady.add(t, gpu, 250);
    expect(steady.finish(0, 2000)[0]!.spreadW).toBeCloseTo(0, 6);
  });
});

describe("a figure with its range", () => {
  it("shows the bounds to the range's first significant digit, rounded outwards", () => {
    expect(formatEnergyRange(0.0807, [0.0771, 0.0839])).toBe("80.7 Wh (77-84)");
    expect(formatEnergyRange(0.01, [0.0095, 0.0106])).toBe("10.0 Wh (9.5-10.6)");
    expect(formatEnergyRange(1.2, [1.14, 1.26])).toBe("1.20 kWh (1.14-1.26)");
    expect(formatEnergyRange(0.0592, [0.0499, 0.0711])).toBe("59.2 Wh (49-72)");
    expect(formatEnergyRange(0.0807, null)).toBe("80.7 Wh");
    expect(formatEnergyRange(null, null)).toBe("n/a");
    expect(formatMassRange(0.0242, [0.02295, 0.02563])).toBe("24.2 g (22.9-25.7)");
  });
});
