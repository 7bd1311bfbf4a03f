/**
 * The label: the name of one series of measurements (one workflow job, one matrix cell). It keys
 * the history file, the PR comment and the comparison, so its format is stable. Pure.
 */

/** A matrix value as text: strings as they are, everything else as compact JSON with sorted keys. */
function matrixValue(value: unknown): string {
  if (typeof value === "string") return value;
  return stableJson(value);
}

/** JSON with object keys sorted, so the same matrix always gives the same text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The default label: `<workflow>/<job>`, and for a matrix job ` (key=value, ...)` with the keys in
 * code-point order, e.g. `train/gpu (cuda=12.4, gpu=h100)`. `matrix` is the parsed
 * `toJSON(matrix)`: `null` or an empty object outside a matrix.
 */
export function defaultLabel(workflow: string, job: string, matrix: Record<string, unknown> | null): string {
  const base = `${workflow}/${job}`;
  if (!matrix) return base;
  const keys = Object.keys(matrix).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return base;
  return `${base} (${keys.map((k) => `${k}=${matrixValue(matrix[k])}`).join(", ")})`;
}

/** 32-bit FNV-1a of the UTF-8 bytes of `text`, as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * Path of a label's history file on the data branch: `history/<slug>-<hash>.json`. The slug keeps
 * it readable, the hash of the exact label keeps two labels with the same slug apart.
 */
export function historyPath(label: string): string {
  const slug =
    label
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 60)
      .replace(/[-.]+$/g, "") || "label";
  return `history/${slug}-${fnv1a(label)}.json`;
}

/**
 * The hidden marker that identifies a label's PR comment. The label is percent-encoded, so no
 * label can end the HTML comment early or look like another label's marker.
 */
export function commentMarker(label: string): string {
  return `<!-- gpu-carbon:comment label=${encodeURIComponent(label)} -->`;
}
