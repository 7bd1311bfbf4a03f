/** The runner as the hooks see it: logs, state and the job summary. Tests pass their own. */

export interface Io {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  /** Fails the step (and so the job). */
  fail(message: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Appends markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
}
