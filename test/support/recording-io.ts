/** An `Io` that records what the action said, for tests that call the action's functions directly. */
import type { Io } from "../../src/action/io.js";

export class RecordingIo implements Io {
  readonly infos: string[] = [];
  readonly notices: string[] = [];
  readonly warnings: string[] = [];
  readonly failures: string[] = [];
  readonly summaries: string[] = [];
  private readonly state = new Map<string, string>();

  info(message: string): void {
    this.infos.push(message);
  }
  notice(message: string): void {
    this.notices.push(message);
  }
  warning(message: string): void {
    this.warnings.push(message);
  }
  fail(message: string): void {
    this.failures.push(message);
  }
  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }
  getState(name: string): string {
    return this.state.get(name) ?? "";
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summaries.push(markdown);
  }
}
