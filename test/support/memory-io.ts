/** An `Io` that records everything, for tests of the hooks' logic without a runner. */
import type { Io } from "../../src/measure/io.js";

export class MemoryIo implements Io {
  readonly infos: string[] = [];
  readonly notices: string[] = [];
  readonly warnings: string[] = [];
  readonly failures: string[] = [];
  readonly state = new Map<string, string>();
  readonly outputs = new Map<string, string>();
  readonly exported = new Map<string, string>();
  summary = "";

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
  setOutput(name: string, value: string): void {
    this.outputs.set(name, value);
  }
  exportVariable(name: string, value: string): void {
    this.exported.set(name, value);
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summary += markdown;
  }
}
