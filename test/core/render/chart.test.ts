import { describe, expect, it } from "vitest";
import { evenlySpaced, labelsFit, mermaidLineChart, niceCeiling, sparkline, timeAxisUnit } from "../../../src/core/render/chart.js";
import { codeSpan, inlineMarkdown } from "../../../src/core/render/markdown.js";

describe("chart axes", () => {
  it("round the y-axis up to a close round number", () => {
    expect(niceCeiling(5340)).toBe(6000);
    // 1,500 would end above Mermaid's last label, 1,400: every maximum is one of its labels.
    expect(niceCeiling(1218.5)).toBe(1400);
    expect(niceCeiling(2450)).toBe(3000);
    expect(niceCeiling(350)).toBe(400);
    expect(niceCeiling(80.7)).toBe(100);
    expect(niceCeiling(1.2)).toBe(1.2);
    expect(niceCeiling(0.0042)).toBe(0.005);
    expect(niceCeiling(0)).toBe(1);
  });

  it("read time in the unit that suits the job's length", () => {
    expect(timeAxisUnit(90)).toEqual({ label: "seconds since start", unitS: 1 });
    expect(timeAxisUnit(300)).toEqual({ label: "minutes since start", unitS: 60 });
    expect(timeAxisUnit(5 * 3600)).toEqual({ label: "hours since start", unitS: 3600 });
    expect(timeAxisUnit(7 * 86400)).toEqual({ label: "days since start", unitS: 86400 });
  });

  it("spread the values evenly from 0 to the end, averaging or interpolating the series", () => {
    // Points every 10 s from 0 to 40 s; 5 values at 0, 10, ..., 40 s are the points themselves.
    const series: [number, number][] = [0, 10, 20, 30, 40].map((s) => [s, s * 10]);
    expect(evenlySpaced(series, 40, 5)).toEqual([0, 100, 200, 300, 400]);
    // 9 values every 5 s: between two points, the line between them.
    expect(evenlySpaced(series, 40, 9)).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400]);
    // 3 values every 20 s: each the mean of the points within 10 s of it.
    expect(evenlySpaced(series, 40, 3)).toEqual([50, 200, 350]);
  });

  it("never repeat a category label", () => {
    const chart = mermaidLineChart({
      title: "t",
      xLabel: "build",
      yLabel: "Wh",
      xValues: ["a1b2c3d", "a1b2c3d", "this PR"],
      yValues: [1, 2, 3],
    });
    expect(chart).toContain('x-axis "build" ["a1b2c3d", "a1b2c3d (2)", "this PR"]');
  });

  it("name each value only while the names fit side by side", () => {
    const commits = (n: number) => Array.from({ length: n }, (_, i) => `a1b2c3${i}`.slice(0, 7));
    expect(labelsFit(commits(9))).toBe(true);
    expect(labelsFit(commits(10))).toBe(false);
    expect(labelsFit([...commits(5), "a1b2c3d (2)"])).toBe(true);
    expect(labelsFit([...commits(6), "a1b2c3d (2)"])).toBe(false);
  });
});

describe("sparklines", () => {
  it("scale a power curve from 0, and a trend of similar figures over its own range", () => {
    expect(sparkline([0, 50, 100])).toBe("▁▅█");
    expect(sparkline([73.5, 75.9, 75.1, 80.7], 60, "zero")).toBe("▇███");
    expect(sparkline([73.5, 75.9, 75.1, 80.7], 60, "range")).toBe("▁▃▃█");
    expect(sparkline([5, 5, 5], 60, "range")).toBe("▄▄▄");
  });
});

describe("text in markdown", () => {
  it("shows a code span exactly as written", () => {
    expect(codeSpan("release_2.x")).toBe("`release_2.x`");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("a|b", true)).toBe("`a\\|b`");
    expect(codeSpan("two\nlines")).toBe("`two lines`");
  });

  it("turns the backtick-quoted parts of a warning into code and escapes the rest", () => {
    expect(inlineMarkdown("input `gpus` names GPU `7`, which is not on this runner; see *docs*")).toBe(
      "input `gpus` names GPU `7`, which is not on this runner; see \\*docs\\*",
    );
    expect(inlineMarkdown("branch `release_2.x` and @team <b>")).toBe("branch `release_2.x` and @\u200bteam &lt;b&gt;");
    expect(inlineMarkdown("a lone ` backtick")).toBe("a lone \\` backtick");
  });
});
