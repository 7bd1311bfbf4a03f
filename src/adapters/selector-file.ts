/**
 * The Prometheus selector a `mode: mark` use gave (known only after a step, such as a Slurm job
 * id): kept in the job's work folder for post. The last one given wins.
 */
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FILE } from "../config/names.js";
import { readSmallFile } from "./session-store.js";

/** Replaces the recorded selector (written beside and renamed, so post never reads half of it). */
export function writeSelector(dir: string, selector: string): void {
  const file = path.join(dir, FILE.prometheusSelector);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, selector + "\n", { flag: "w" });
  renameSync(temp, file);
}

/** The recorded selector; `null` when none was recorded. */
export function readSelector(dir: string): string | null {
  const text = readSmallFile(path.join(dir, FILE.prometheusSelector), 8192);
  return text === null || text.trim() === "" ? null : text.trim();
}
