/** `Io` on a real runner, through @actions/core. */
import * as core from "@actions/core";
import type { Io } from "./io.js";

export const runnerIo: Io = {
  info: (message) => core.info(message),
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
