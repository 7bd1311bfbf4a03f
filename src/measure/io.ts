/** The runner as the hooks see it: logs, state and the job summary. Tests pass their own. */

export interface Io {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  /** Fails the step (and so the job). */
  fail(message: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Sets a step output (ignored by the runner in pre and post). */
  setOutput(name: string, value: string): void;
  /** Sets an environment variable for this and later steps. */
  exportVariable(name: string, value: string): void;
  /** Appends markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
}
