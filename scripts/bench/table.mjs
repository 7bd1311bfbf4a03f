// Formatting the bench's one table (markdown, so it can be pasted into the README as it is).

/** A markdown table with padded columns. */
export function formatTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |\n`;
  return line(header) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}

/** `1.23x` */
export const ratio = (x) => `${x.toFixed(2)}x`;
/** `3.4 s` */
export const seconds = (s) => `${s.toFixed(s < 10 ? 2 : 1)} s`;
/** `+0.12 %`, with a sign */
export const pct = (x) => `${x >= 0 ? "+" : "-"}${Math.abs(x).toFixed(Math.abs(x) < 10 ? 2 : 1)} %`;
/** bytes in MiB, one decimal */
export const mib = (bytes) => (bytes / 1048576).toFixed(1);
/** bytes in KiB, no decimals */
export const kib = (bytes) => (bytes / 1024).toFixed(0);
