/**
 * What both CLI commands share: where they write, the settings their flags make, and how a
 * report is shown and saved.
 */
import { writeFileSync } from "node:fs";
import { readSettings, type Settings } from "../config/settings.js";
import type { Report } from "../core/report/report.js";
import { renderSummary } from "../core/render/summary.js";
import { renderText } from "../core/render/text.js";
import { errorMessage } from "../core/errors.js";

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** CLI flags that share a name with an action input but not its meaning. */
const CLI_ONLY = new Set(["summary", "json", "help", "progress-seconds"]);

/** The settings the flags give, read as the action reads its inputs. */
export function settingsFrom(values: Record<string, string | boolean | undefined>): Settings {
  return readSettings((name) => {
    const value = CLI_ONLY.has(name) ? undefined : values[name];
    if (typeof value === "boolean") return String(value);
    return typeof value === "string" ? value : "";
  });
}

/** Writes `text` to the file a flag names; a failure is a warning (the report was shown). */
function writeFlagFile(flag: string, file: string, text: string, io: CliIo): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    io.err(`gpu-carbon: warning: --${flag}: could not write ${file} (${errorMessage(e)})\n`);
  }
}

/**
 * Shows the report and writes the files asked for. `show` is where the text (or, for `report
 * --json`, the JSON) goes: stdout for `report`, stderr for `run`.
 */
export function print(
  report: Report,
  values: Record<string, string | boolean | undefined>,
  show: (text: string) => void,
  json: boolean,
  io: CliIo,
): void {
  show(json ? JSON.stringify(report, null, 2) + "\n" : renderText(report));
  const reportPath = values["report-path"];
  if (typeof reportPath === "string" && reportPath) writeFlagFile("report-path", reportPath, JSON.stringify(report, null, 2) + "\n", io);
  const summaryPath = values.summary;
  if (typeof summaryPath === "string" && summaryPath) writeFlagFile("summary", summaryPath, renderSummary(report), io);
}
