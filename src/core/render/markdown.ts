/** Markdown helpers that keep untrusted text (labels, GPU and step names) inert. Pure. */

/**
 * Escapes text for a markdown table cell or heading: HTML is neutralised, markdown syntax is
 * escaped, `@mentions` and `#refs` cannot ping anyone, and newlines cannot break the table.
 */
export function escapeMarkdown(text: string): string {
  return text
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
