import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINES, deadlines, TEST_DEADLINES_ENV } from "../../src/adapters/deadlines.js";

const withOverride = (raw: string) => deadlines({ [TEST_DEADLINES_ENV]: raw });

describe("deadlines", () => {
  it("are the defaults without an override", () => {
    expect(deadlines({})).toEqual(DEFAULT_DEADLINES);
    expect(withOverride("")).toEqual(DEFAULT_DEADLINES);
  });

  it("take a valid override of either or both", () => {
    expect(withOverride('{"commandMs":500}')).toEqual({ ...DEFAULT_DEADLINES, commandMs: 500 });
    expect(withOverride('{"networkMs":10,"commandMs":600000}')).toEqual({ commandMs: 600_000, networkMs: 10 });
    expect(withOverride("{}")).toEqual(DEFAULT_DEADLINES);
  });

  it.each([
    ["text that is not JSON", "commandMs=500"],
    ["a number", "500"],
    ["a list", "[500]"],
    ["null", "null"],
    ["a key it does not know", '{"commandMs":500,"sleepMs":5}'],
    ["a fraction", '{"commandMs":500.5}'],
    ["a string", '{"commandMs":"500"}'],
    ["below 10 ms", '{"networkMs":9}'],
    ["above 600000 ms", '{"networkMs":600001}'],
    ["null for a deadline", '{"networkMs":null}'],
  ])("ignore an override that is %s", (_what, raw) => {
    expect(withOverride(raw)).toEqual(DEFAULT_DEADLINES);
  });
});
