/** `Io` on a real runner, through @actions/core. */
import * as core from "@actions/core";
import { neutraliseBidi } from "../core/render/markdown.js";
import { redactor } from "../core/render/secrets.js";
import type { Io } from "../measure/io.js";
import { SECRET_INPUTS } from "../config/names.js";

let redact: ((text: string) => string) | null = null;

/**
 * `message` without any form of a credential input: the runner's masking matches a secret only
 * as registered, line by line, so a token quoted JSON-escaped or across lines by a library's
 * error text would otherwise be printed.
 */
function clean(message: string): string {
  redact ??= redactor(SECRET_INPUTS.map((name) => core.getInput(name, { trimWhitespace: false })));
  return redact(message);
}

/**
 * Makes a log line inert: the runner reads a carriage return as a line break and any line that
 * starts with `::` as a workflow command, so text that reached a message from outside (a GPU
 * name, a path, a label) could otherwise set outputs or masks. A zero-width space after the first
 * colon keeps what a reader sees. (`warning`, `notice` and `fail` are escaped by @actions/core.)
 */
export function inertLog(message: string): string {
  return neutraliseBidi(message)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => (/^\s*::/.test(line) ? line.replace("::", ":\u200b:") : line))
    .join("\n");
}

export const runnerIo: Io = {
  info: (message) => core.info(inertLog(clean(message))),
  notice: (message) => core.notice(neutraliseBidi(clean(message))),
  warning: (message) => core.warning(neutraliseBidi(clean(message))),
  fail: (message) => core.setFailed(neutraliseBidi(clean(message))),
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  setOutput: (name, value) => core.setOutput(name, value),
  exportVariable: (name, value) => core.exportVariable(name, value),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(clean(markdown), true).write();
  },
};
