import { describe, expect, it } from "vitest";
import { redactDeep, redactor, secretForms } from "../../../src/core/render/secrets.js";

describe("secrets", () => {
  it("knows a multi-line token as a whole, line by line, JSON-escaped and URL-encoded", () => {
    expect(secretForms(" ab cd\nef/gh ")).toEqual(
      expect.arrayContaining([" ab cd\nef/gh ", "ab cd\nef/gh", "ab cd\\nef/gh", "ab%20cd%0Aef%2Fgh", "ab cd", "ef/gh"]),
    );
  });

  it("replaces every form, the whole value before its lines, and leaves short forms alone", () => {
    const redact = redactor(["first-line\nsecond-line", "", "ab"]);
    expect(redact('Headers.append: "first-line\nsecond-line" is an invalid header value.')).toBe(
      'Headers.append: "***" is an invalid header value.',
    );
    expect(redact('{"warning":"first-line\\nsecond-line"}')).toBe('{"warning":"***"}');
    expect(redact("second-line alone, and ab")).toBe("*** alone, and ab");
  });

  it("redacts every string of a report, at any depth", () => {
    const redact = redactor(["token-1234"]);
    expect(redactDeep({ warnings: ["x token-1234 y"], n: 1, nested: { a: [null, "token-1234"] } }, redact)).toEqual({
      warnings: ["x *** y"],
      n: 1,
      nested: { a: [null, "***"] },
    });
  });
});
