/**
 * Finding and reading the job reports `mode: merge` merges: a path or pattern (see
 * `core/glob.ts`), relative to the workspace or absolute. Only regular files are read, and only
 * up to a size no report reaches, so a FIFO or device among them cannot hang the step.
 */
import { existsSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { planGlob } from "../core/report/glob.js";
import { readSmallFile } from "./session-store.js";

/** Largest report file read, bytes (a report of many GPUs and steps is well under 1 MiB). */
export const MAX_REPORT_BYTES = 16 << 20;

/** Folders walked at most below the pattern's base, and entries looked at at most. */
const MAX_DEPTH = 16;
const MAX_ENTRIES = 100_000;

function walk(dir: string, relative: string, depth: number, found: string[], budget: { entries: number }): void {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    budget.entries -= 1;
    if (budget.entries < 0) return;
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    // Links are not followed into folders: a link to `/` must not make the walk endless.
    if (entry.isDirectory()) walk(dir, rel, depth + 1, found, budget);
    else found.push(rel);
  }
}

/**
 * The files `pattern` names, sorted. A pattern without wildcards names one file, returned even
 * when it does not exist (reading it then says so).
 */
export function findReportFiles(pattern: string, workspace: string): string[] {
  const absolute = path.isAbsolute(pattern) ? pattern : path.join(workspace, pattern);
  const plan = planGlob(absolute.split(path.sep).join("/"));
  if (plan.matcher === null) return [absolute];
  const base = plan.base || "/";
  if (!existsSync(base) || !lstatSync(base).isDirectory()) return [];
  const all: string[] = [];
  walk(base, "", 0, all, { entries: MAX_ENTRIES });
  return all.filter((rel) => plan.matcher!.test(rel)).map((rel) => path.join(base, rel));
}

/** The text of a report file; throws with the reason when it is missing or cannot be read. */
export function readReportFile(file: string): string {
  if (!existsSync(file)) throw new Error("the file does not exist");
  const text = readSmallFile(file, MAX_REPORT_BYTES);
  if (text === null) throw new Error(`it is not a readable regular file of at most ${MAX_REPORT_BYTES >> 20} MiB`);
  return text;
}
