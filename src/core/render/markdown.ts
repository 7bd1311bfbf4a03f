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

/** A markdown table; cells are escaped. */
export function table(headers: string[], rows: string[][], align: ("l" | "r")[] = []): string {
  const sep = headers.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(sep), ...rows.map((row) => line(row))].join("\n");
}
