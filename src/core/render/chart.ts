/** Text charts GitHub renders without any external service. Pure. */
import { neutraliseBidi } from "./markdown.js";

const BARS = "▁▂▃▄▅▆▇█";

/**
 * The charts' line colour, GitHub's blue: a contrast ratio of at least 3 (WCAG's minimum for
 * graphics) against every background the chart is drawn on: 3.7 on GitHub's light page (#ffffff),
 * 5.0 on its dark page (#0d1117) and 3.4 on Mermaid's dark theme (#333333). Mermaid's default for
 * xychart is a pale lavender that almost disappears on white.
 */
export const LINE_COLOR = "#2f81f7";

/** Averages `values` down to at most `width` values (equal-size groups, in order). */
export function downsample(values: number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const out: number[] = [];
  for (let i = 0; i < width; i += 1) {
    const from = Math.floor((i * values.length) / width);
    const to = Math.floor(((i + 1) * values.length) / width);
    let sum = 0;
    for (let j = from; j < to; j += 1) sum += values[j] ?? 0;
    out.push(sum / Math.max(1, to - from));
  }
  return out;
}

/**
 * A Unicode sparkline. `from: "zero"` scales from 0 to the largest value (a power curve, where
 * the height is the amount); `from: "range"` from the smallest to the largest (a trend of similar
 * figures, which would look flat from 0). Equal values draw a flat middle line.
 */
export function sparkline(values: number[], width = 60, from: "zero" | "range" = "zero"): string {
  const points = downsample(values, width);
  if (points.length === 0) return "";
  const max = Math.max(0, ...points);
  const min = from === "range" ? Math.min(...points) : 0;
  return points
    .map((value) => {
      if (max - min <= 0) return BARS[from === "range" ? 3 : 0];
      const level = Math.min(BARS.length - 1, Math.max(0, Math.round(((value - min) / (max - min)) * (BARS.length - 1))));
      return BARS[level];
    })
    .join("");
}

/**
 * Steps of a rounded axis maximum: 1, 1.2, 1.4, 1.6, 2, 2.4, 3, 4, 5, 6, 8 times a power of ten.
 * Mermaid labels a numeric axis at about ten round steps (1, 2 or 5 times a power of ten) from 0;
 * each of these maxima is one of its labels, so the top of the axis says what it is (1,500 would
 * end above a last label of 1,400).
 */
const NICE_STEPS = [1, 1.2, 1.4, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10];

/** The next rounded number at or above `value` (5,340 W gets 6,000, never 10,000), labelled by Mermaid. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of NICE_STEPS) if (step * power >= value * (1 - 1e-12)) return Number((step * power).toPrecision(12));
  return 10 * power;
}

// Inside the fence: no line break, backtick or control may end it, nor a quote the string.
const quote = (text: string) =>
  `"${neutraliseBidi(text)
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/["`]/g, "'")}"`;

/** Front matter GitHub's Mermaid honours: the line colour. */
function frontMatter(): string[] {
  return ["---", "config:", "  themeVariables:", "    xyChart:", `      plotColorPalette: "${LINE_COLOR}"`, "---"];
}

function chart(title: string, xAxis: string, yLabel: string, yValues: number[]): string {
  const top = niceCeiling(Math.max(0, ...yValues));
  return [
    "```mermaid",
    ...frontMatter(),
    "xychart-beta",
    `  title ${quote(title)}`,
    `  x-axis ${xAxis}`,
    `  y-axis ${quote(yLabel)} 0 --> ${top}`,
    `  line [${yValues.map((v) => v.toFixed(1)).join(", ")}]`,
    "```",
  ].join("\n");
}

/**
 * A Mermaid `xychart-beta` line chart over a numeric axis from `xMin` (0 unless given) to `xMax`:
 * Mermaid spreads the values evenly over it, so they must be evenly spaced from `xMin` to `xMax`.
 * The axis gets a few rounded tick labels, however many values there are.
 */
export function mermaidRangeChart(options: {
  title: string;
  xLabel: string;
  xMin?: number;
  xMax: number;
  yLabel: string;
  yValues: number[];
}): string {
  return chart(options.title, `${quote(options.xLabel)} ${options.xMin ?? 0} --> ${options.xMax}`, options.yLabel, options.yValues);
}

/**
 * Whether one label per value fits under a chart without labels running into each other: Mermaid
 * draws them side by side, unrotated, across about 620 of its 700 px at 14 px (about 8 px a
 * character), so nine labels of 7 characters fit, and thirty do not.
 */
export function labelsFit(labels: string[]): boolean {
  return labels.length * (Math.max(0, ...labels.map((label) => [...label].length)) + 1) <= 72;
}

/** A Mermaid `xychart-beta` line chart with one label per value; a repeated label gets " (2)", " (3)", ... */
export function mermaidLineChart(options: { title: string; xLabel: string; yLabel: string; xValues: string[]; yValues: number[] }): string {
  const seen = new Map<string, number>();
  const labels = options.xValues.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
  return chart(options.title, `${quote(options.xLabel)} [${labels.map(quote).join(", ")}]`, options.yLabel, options.yValues);
}

/** The unit a time axis of `seconds` reads best in, and its size in seconds. */
export function timeAxisUnit(seconds: number): { label: string; unitS: number } {
  if (seconds < 120) return { label: "seconds since start", unitS: 1 };
  if (seconds < 2 * 3600) return { label: "minutes since start", unitS: 60 };
  if (seconds < 3 * 86400) return { label: "hours since start", unitS: 3600 };
  return { label: "days since start", unitS: 86400 };
}

/**
 * `count` values evenly spaced from 0 to `endS` from a series of `[seconds, value]` points: each
 * is the mean of the points within half a spacing of it (either side, ends included), or, where there are none, the value
 * interpolated between its neighbours.
 */
export function evenlySpaced(points: [number, number][], endS: number, count: number): number[] {
  if (points.length === 0 || count < 2) return [];
  const step = endS / (count - 1);
  const out: number[] = [];
  for (let k = 0; k < count; k += 1) {
    const t = k * step;
    const near = points.filter(([s]) => s >= t - step / 2 && s <= t + step / 2);
    if (near.length > 0) {
      out.push(near.reduce((sum, [, v]) => sum + v, 0) / near.length);
      continue;
    }
    const after = points.findIndex(([s]) => s >= t);
    const b = after === -1 ? points[points.length - 1]! : points[after]!;
    const a = after <= 0 ? b : points[after - 1]!;
    out.push(b[0] === a[0] ? b[1] : a[1] + ((b[1] - a[1]) * (t - a[0])) / (b[0] - a[0]));
  }
  return out;
}

/** A Mermaid `xychart-beta` bar chart, one bar per named value. */
export function mermaidBarChart(options: { title: string; xLabel: string; yLabel: string; xValues: string[]; yValues: number[] }): string {
  const top = niceCeiling(Math.max(0, ...options.yValues));
  // Names may come from report files: one line, no quote or backtick that could end the block.
  const quote = (text: string) => `"${text.replace(/["`\r\n]+/g, "'").slice(0, 60)}"`;
  return [
    "```mermaid",
    ...frontMatter(),
    "xychart-beta",
    `  title ${quote(options.title)}`,
    `  x-axis ${quote(options.xLabel)} [${options.xValues.map(quote).join(", ")}]`,
    `  y-axis ${quote(options.yLabel)} 0 --> ${top}`,
    `  bar [${options.yValues.map((v) => Number(v.toPrecision(3))).join(", ")}]`,
    "```",
  ].join("\n");
}
