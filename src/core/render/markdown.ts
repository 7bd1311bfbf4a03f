/** Markdown helpers that keep untrusted text (labels, GPU and step names) inert. Pure. */

/**
 * Bidirectional controls (U+202E and its kin): they reorder the text shown around them, so a
 * name could make a figure or a file name read as another ("Trojan Source").
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every bidirectional control replaced by U+FFFD, so that it shows where it was. */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, "\ufffd");
}

/**
 * Escapes text for a markdown table cell or heading: HTML is neutralised, markdown syntax is
 * escaped, `@mentions` and `#refs` cannot ping anyone, newlines cannot break the table, and
 * bidirectional controls cannot reorder what is shown.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseBidi(text)
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(/@/g, "@\u200b");
}

/**
 * `text` as an inline code span: shown exactly as written (a code span takes no escapes, so
 * `release_2.x` stays as it is), inert (no HTML, links or mentions inside one), on one line, and
 * fenced with more backticks than any run of backticks it holds. In a table cell `|` is escaped,
 * because GFM splits the row into cells before it reads code spans (and drops that backslash).
 */
export function codeSpan(text: string, inTable = false): string {
  const oneLine = text.replace(/[\r\n]+/g, " ");
  if (oneLine === "") return "";
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  // A span loses one space at each end when it has one at both, and a backtick at an end would join the fence.
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") || (oneLine.startsWith(" ") && oneLine.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${inTable ? oneLine.replace(/\|/g, "\\|") : oneLine}${pad}${fence}`;
}

/**
 * Text whose `backtick-quoted` parts are code (the file names, inputs and commands in warnings):
 * those parts become code spans, the rest is escaped as `escapeMarkdown` escapes it.
 */
export function inlineMarkdown(text: string): string {
  return text
    .split(/(`[^`\r\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part.slice(1, -1)) : escapeMarkdown(part)))
    .join("");
}

/** A markdown table; cells are escaped. */
export function table(headers: string[], rows: string[][], align: ("l" | "r")[] = []): string {
  const sep = headers.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(sep), ...rows.map((row) => line(row))].join("\n");
}
