/** `Io` on a real runner, through @actions/core. */
import * as core from "@actions/core";
import type { Io } from "../measure/io.js";

/**
 * Makes a log line inert: the runner reads a carriage return as a line break and any line that
 * starts with `::` as a workflow command, so text that reached a message from outside (a GPU
 * name, a path, a label) could otherwise set outputs or masks. A zero-width space after the first
 * colon keeps what a reader sees. (`warning`, `notice` and `fail` are escaped by @actions/core.)
 */
export function inertLog(message: string): string {
  return message
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => (/^\s*::/.test(line) ? line.replace("::", ":\u200b:") : line))
    .join("\n");
}

export const runnerIo: Io = {
  info: (message) => core.info(inertLog(message)),
  notice: (message) => core.notice(message),
  warning: (message) => core.warning(message),
  fail: (message) => core.setFailed(message),
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  setOutput: (name, value) => core.setOutput(name, value),
  exportVariable: (name, value) => core.exportVariable(name, value),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
};
