/**
 * The `reports` input's patterns: `*` matches within one path segment, `**` any number of
 * segments, `?` one character; everything else is literal. Pure: the caller walks the folders.
 */

/** A pattern split into the folder to walk from and the matcher of paths below it. */
export interface GlobPlan {
  /** The leading segments without wildcards, joined with `/` (`""` for the starting folder). */
  base: string;
  /** Matches a path relative to `base`, `/`-separated; `null` when the pattern has no wildcard. */
  matcher: RegExp | null;
}

const WILDCARD = /[*?]/;

function segmentSource(segment: string): string {
  return segment
    .split("")
    .map((c) => (c === "*" ? "[^/]*" : c === "?" ? "[^/]" : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
}

/** Plans the walk for `pattern` (`/`-separated, relative or absolute). */
export function planGlob(pattern: string): GlobPlan {
  const segments = pattern.split("/");
  const first = segments.findIndex((s) => WILDCARD.test(s));
  if (first === -1) return { base: pattern, matcher: null };
  const base = segments.slice(0, first).join("/");
  const rest = segments.slice(first);
  let source = "";
  rest.forEach((segment, i) => {
    const last = i === rest.length - 1;
    if (segment === "**") source += last ? ".*" : "(?:[^/]+/)*";
    else source += segmentSource(segment) + (last ? "" : "/");
  });
  return { base: base === "" && pattern.startsWith("/") ? "/" : base, matcher: new RegExp(`^${source}$`) };
}
