/** Text charts GitHub renders without any external service. Pure. */
import { neutraliseBidi } from "./markdown.js";

const BARS = "▁▂▃▄▅▆▇█";

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

/** A Unicode sparkline, scaled from 0 to the largest value. */
export function sparkline(values: number[], width = 60): string {
  const points = downsample(values, width);
  const max = Math.max(0, ...points);
  if (points.length === 0) return "";
  return points
    .map((value) => {
      if (max <= 0) return BARS[0];
      const level = Math.min(BARS.length - 1, Math.max(0, Math.round((value / max) * (BARS.length - 1))));
      return BARS[level];
    })
    .join("");
}

/** A Mermaid `xychart-beta` line chart; GitHub renders it in summaries and comments. */
export function mermaidLineChart(options: { title: string; xLabel: string; yLabel: string; xValues: string[]; yValues: number[] }): string {
  const max = Math.max(1, ...options.yValues);
  const top = niceCeiling(max);
  // Inside the fence: no line break, backtick or control may end it, nor a quote the string.
  const quote = (text: string) =>
    `"${neutraliseBidi(text)
      .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
      .replace(/["`]/g, "'")}"`;
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${quote(options.title)}`,
    `  x-axis ${quote(options.xLabel)} [${options.xValues.map(quote).join(", ")}]`,
    `  y-axis ${quote(options.yLabel)} 0 --> ${top}`,
    `  line [${options.yValues.map((v) => v.toFixed(1)).join(", ")}]`,
    "```",
  ].join("\n");
}

/** The next round number at or above `value` (1, 2 or 5 times a power of ten). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** A Mermaid `xychart-beta` bar chart, one bar per named value. */
export function mermaidBarChart(options: { title: string; xLabel: string; yLabel: string; xValues: string[]; yValues: number[] }): string {
  const top = niceCeiling(Math.max(0, ...options.yValues));
  // Names may come from report files: one line, no quote or backtick that could end the block.
  const quote = (text: string) => `"${text.replace(/["`\r\n]+/g, "'").slice(0, 60)}"`;
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${quote(options.title)}`,
    `  x-axis ${quote(options.xLabel)} [${options.xValues.map(quote).join(", ")}]`,
    `  y-axis ${quote(options.yLabel)} 0 --> ${top}`,
    `  bar [${options.yValues.map((v) => Number(v.toPrecision(3))).join(", ")}]`,
    "```",
  ].join("\n");
}
