import { describe, expect, it } from "vitest";
import { RowClock } from "../../../src/core/log/row-clock.js";

// The window opened at wall clock 1_000_000 ms; the sampler's clock reads 0 then.
const EPOCH = 1_000_000;

describe("timing live rows by nvidia-smi's timestamp", () => {
  it("times rows held back in a block by when nvidia-smi printed them", () => {
    const clock = new RowClock();
    clock.observe(0, EPOCH);
    // Six iterations, 500 ms apart, arrive together at 3.2 s.
    const times = [0, 500, 1000, 1500, 2000, 2500].map((t) => clock.time(EPOCH + t, 3200));
    expect(times.map((r) => r.tMs)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(times.every((r) => r.timing === "timestamp")).toBe(true);
    expect(clock.longestDelayMs).toBe(3200);
  });

  it("follows the wall clock stepped back by 10 s, also for rows printed before the step that arrive after it", () => {
    const clock = new RowClock();
    clock.observe(0, EPOCH);
    clock.observe(4000, EPOCH + 4000);
    // At 4.5 s the clock is set back 10 s; the sampler sees it at 5 s.
    clock.observe(5000, EPOCH + 5000 - 10_000);
    // Printed at 4.0 s (before the step), 4.5 s and 5.0 s (after), all arriving at 5.1 s.
    expect(clock.time(EPOCH + 4000, 5100).tMs).toBe(4000);
    expect(clock.time(EPOCH + 4500 - 10_000, 5100).tMs).toBe(4500);
    expect(clock.time(EPOCH + 5000 - 10_000, 5100).tMs).toBe(5000);
  });

  it("follows the wall clock stepped forward by an hour", () => {
    const clock = new RowClock();
    clock.observe(0, EPOCH);
    clock.observe(2000, EPOCH + 2000);
    clock.observe(3000, EPOCH + 3000 + 3_600_000);
    // Printed at 1.5 s before the step and at 2.5 s after it, arriving together at 3.1 s.
    expect(clock.time(EPOCH + 1500, 3100).tMs).toBe(1500);
    expect(clock.time(EPOCH + 2500 + 3_600_000, 3100).tMs).toBe(2500);
  });

  it("times a row on arrival when its timestamp fits no clock (nvidia-smi not in UTC), never before the last row", () => {
    const clock = new RowClock();
    clock.observe(0, EPOCH);
    // An hour ahead of the host's clock: printed in the future.
    expect(clock.time(EPOCH + 3_600_000 + 100, 120)).toEqual({ tMs: 120, timing: "arrival" });
    expect(clock.time(null, 80)).toEqual({ tMs: 120, timing: "arrival" });
    expect(clock.arrivalTimed).toBe(1);
  });
});
